#include "stats/VolumeEstimate.h"

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
    const int count = int(session.ejections.size());
    QList<double> volumes(count, 0.0);
    const std::optional<double> total = measuredTotalMl(session);

    double measuredSum = 0.0;
    double unmeasuredWeight = 0.0;
    for (int i = 0; i < count; ++i) {
        if (session.ejections[i].measuredVolumeMl)
            measuredSum += *session.ejections[i].measuredVolumeMl;
        else
            unmeasuredWeight += model.shareOfTotal(i + 1, count);
    }
    // What the measured total leaves for the let-downs she did not measure one by one.
    const double remainderMl = total ? std::max(0.0, *total - measuredSum) : 0.0;

    for (int i = 0; i < count; ++i) {
        const int order = i + 1;
        if (session.ejections[i].measuredVolumeMl)
            volumes[i] = *session.ejections[i].measuredVolumeMl;
        else if (total)
            volumes[i] = unmeasuredWeight > 0 ? remainderMl * model.shareOfTotal(order, count) / unmeasuredWeight : 0.0;
        else
            volumes[i] = model.referenceVolumeMl(order);
    }
    return volumes;
}

double estimatedSessionVolumeMl(const Session &session, const ReferenceModel &model)
{
    if (const auto total = measuredTotalMl(session))
        return *total;
    const QList<double> volumes = estimatedLetdownVolumesMl(session, model);
    return std::accumulate(volumes.begin(), volumes.end(), 0.0);
}
