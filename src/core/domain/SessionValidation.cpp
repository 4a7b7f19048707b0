#include "domain/SessionValidation.h"

#include "domain/Measurements.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SessionValidation", text);
}
} // namespace

SessionValidation validateSession(const Session &s, const QString &overlaps)
{
    SessionValidation result;
    const qint64 spanMs = s.endedAtUtcMs ? *s.endedAtUtcMs - s.startedAtUtcMs : 0;
    if (!s.endedAtUtcMs || spanMs <= 0)
        result.timesError = tr("The end must be after the start.");
    else if (!overlaps.isEmpty())
        result.timesError = tr("This overlaps another %1 session (%2).")
                                .arg(s.kind == SessionKind::Nursing ? tr("nursing") : tr("pumping"), overlaps);
    else if (spanMs > kLongSessionMs)
        result.confirmations << tr("The session lasts more than 4 hours. Is that right?");

    for (int i = 0; i < s.ejections.size(); ++i) {
        const Ejection &e = s.ejections[i];
        if (e.offsetMs < 0 || e.offsetMs > s.activeMs) {
            result.letdownsError
                = tr("Let-down #%1 is outside the session (it lasts %2 s).").arg(i + 1).arg(s.activeMs / 1000);
            break;
        }
        if (e.measuredVolumeMl && (*e.measuredVolumeMl < 0 || *e.measuredVolumeMl > kMaxSessionVolumeMl)) {
            result.letdownsError = tr("Let-down #%1: a volume must be between 0 and 500 ml.").arg(i + 1);
            break;
        }
        if (e.measuredVolumeMl && *e.measuredVolumeMl > kLargestRecordedLetdownMl)
            result.confirmations << tr("Let-down #%1 is above 140 ml, the largest single let-down on record. "
                                       "Is that right?")
                                        .arg(i + 1);
    }
    if (s.ejections.size() > kMostLetdownsRecorded)
        result.confirmations
            << tr("%1 let-downs: the most recorded in one session is 12. Are you sure?").arg(s.ejections.size());

    result.figuresError = validateMeasurements({s.pumpedVolumeMl, s.preFeedWeightG, s.postFeedWeightG});
    if (s.note.size() > kMaxNoteLength)
        result.noteError
            = tr("A note can hold up to %1 characters; this one has %2.").arg(kMaxNoteLength).arg(s.note.size());
    return result;
}
