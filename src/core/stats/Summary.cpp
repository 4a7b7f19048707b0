#include "stats/Summary.h"

#include "stats/VolumeEstimate.h"
#include "stats/WeeklyStats.h"

#include <QHash>
#include <QMap>

#include <algorithm>

PeriodSummary summarize(const QList<Session> &sessions, const ReferenceModel &model)
{
    PeriodSummary summary;
    double nursingLetdowns = 0, pumpingLetdowns = 0;
    int nursingLogged = 0, pumpingLogged = 0; // sessions whose let-downs were logged (not imported)
    QList<double> firstLetdownS;
    QMap<QDate, double> mlByDay;
    QMap<QDate, double> measuredByDay, letdownEstimateByDay;
    QHash<QString, int> techniqueCounts;
    for (const Session &s : sessions) {
        if (!s.isFinished())
            continue;
        const QDate day = localStartDate(s);
        summary.firstDay = summary.firstDay ? std::min(*summary.firstDay, day) : day;
        summary.lastDay = summary.lastDay ? std::max(*summary.lastDay, day) : day;
        const int logged = s.letdownsLogged ? 1 : 0;
        if (s.kind == SessionKind::Nursing) {
            ++summary.nursingSessions;
            nursingLogged += logged;
            nursingLetdowns += logged * double(s.letdowns.size());
        } else {
            ++summary.pumpingSessions;
            pumpingLogged += logged;
            pumpingLetdowns += logged * double(s.letdowns.size());
        }
        if (const auto first = s.firstLetdownOffsetMs())
            firstLetdownS.append(double(*first) / 1000.0);
        if (const auto ml = estimatedSessionVolumeMl(s, model))
            mlByDay[day] += *ml;
        else
            ++summary.sessionsWithoutEstimate;
        if (const auto measured = measuredTotalMl(s)) {
            ++summary.sessionsWithMeasuredTotal;
            measuredByDay[day] += *measured;
        } else if (const auto estimated = estimatedSessionVolumeMl(s, model)) {
            letdownEstimateByDay[day] += *estimated;
        }
        for (const QString &technique : s.techniques)
            ++techniqueCounts[technique];
        if (!s.note.trimmed().isEmpty())
            summary.notes.append({s.startedAtUtcMs, s.startedUtcOffsetS, s.kind, s.note.trimmed()});
    }
    if (nursingLogged > 0)
        summary.meanLetdownsNursing = nursingLetdowns / nursingLogged;
    if (pumpingLogged > 0)
        summary.meanLetdownsPumping = pumpingLetdowns / pumpingLogged;
    if (!firstLetdownS.isEmpty())
        summary.medianFirstLetdownS = median(firstLetdownS);
    summary.daysWithSessions = int(mlByDay.size());
    summary.estimatedMlPerDay = meanPerDay(mlByDay);
    summary.measuredMlPerDay = meanPerDay(measuredByDay);
    summary.letdownEstimateMlPerDay = meanPerDay(letdownEstimateByDay);
    for (auto it = techniqueCounts.cbegin(); it != techniqueCounts.cend(); ++it)
        summary.techniques.append({it.key(), it.value()});
    std::sort(summary.techniques.begin(), summary.techniques.end(), [](const auto &a, const auto &b) {
        return a.sessions != b.sessions ? a.sessions > b.sessions : a.key < b.key;
    });
    std::sort(
        summary.notes.begin(), summary.notes.end(), [](const auto &a, const auto &b) { return a.atUtcMs < b.atUtcMs; });
    return summary;
}
