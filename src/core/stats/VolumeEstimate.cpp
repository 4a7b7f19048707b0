#include "stats/VolumeEstimate.h"

#include <QVarLengthArray>

#include <algorithm>
#include <numeric>

std::optional<double> measuredTotalMl(const Session &session)
{
    if (session.kind == SessionKind::Pumping)
        return session.pumpedVolumeMl;
    if (session.preFeedWeightG && session.postFeedWeightG)
        return std::max(0.0, *session.postFeedWeightG - *session.preFeedWeightG);
    return std::nullopt;
}

QList<double> estimatedLetdownVolumesMl(const Session &session, const ReferenceModel &model)
{
    const int count = int(session.letdowns.size());
    QList<double> volumes(count, 0.0);
    const std::optional<double> total = measuredTotalMl(session);

    // r^(k-1) for each let-down, built by multiplying, on the stack for any usual count:
    // this runs for every session of every statistic.
    QVarLengthArray<double, 16> weights(count, 1.0);
    for (int i = 1; i < count; ++i)
        weights[i] = weights[i - 1] * model.decayR;
    double measuredSum = 0.0;
    double unmeasuredWeight = 0.0;
    for (int i = 0; i < count; ++i) {
        if (session.letdowns[i].measuredVolumeMl)
            measuredSum += *session.letdowns[i].measuredVolumeMl;
        else
            unmeasuredWeight += weights[i];
    }
    // What the measured total leaves for the let-downs she did not measure one by one.
    const double remainderMl = total ? std::max(0.0, *total - measuredSum) : 0.0;

    for (int i = 0; i < count; ++i) {
        if (session.letdowns[i].measuredVolumeMl)
            volumes[i] = *session.letdowns[i].measuredVolumeMl;
        else if (total)
            volumes[i] = unmeasuredWeight > 0 ? remainderMl * weights[i] / unmeasuredWeight : 0.0;
        else
            volumes[i] = model.firstLetdownMl * weights[i];
    }
    return volumes;
}

std::optional<double> estimatedSessionVolumeMl(const Session &session, const ReferenceModel &model)
{
    if (const auto total = measuredTotalMl(session))
        return *total;
    if (session.letdowns.isEmpty())
        return std::nullopt;
    const QList<double> volumes = estimatedLetdownVolumesMl(session, model);
    return std::accumulate(volumes.begin(), volumes.end(), 0.0);
}
