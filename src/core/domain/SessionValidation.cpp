#include "domain/SessionValidation.h"

#include "domain/PlausibleDates.h"

#include <QDateTime>

#include "domain/Measurements.h"

#include <QCoreApplication>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SessionValidation)
};
} // namespace

QString implausibleDatesError(const Session &s, QDate today)
{
    const auto dayOf = [](qint64 utcMs, int offsetS) {
        return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::OffsetFromUTC, offsetS).date();
    };
    const bool startOk = isPlausibleDate(dayOf(s.startedAtUtcMs, s.startedUtcOffsetS), today);
    const bool endOk = !s.endedAtUtcMs || isPlausibleDate(dayOf(*s.endedAtUtcMs, s.endedUtcOffsetS), today);
    if (startOk && endOk)
        return {};
    return Text::tr("A session must lie between %1 and %2.")
        .arg(earliestPlausibleDate().toString(Qt::ISODate), latestPlausibleDate(today).toString(Qt::ISODate));
}

SessionValidation validateSession(const Session &s, const QString &overlaps)
{
    SessionValidation result;
    const qint64 spanMs = s.endedAtUtcMs ? *s.endedAtUtcMs - s.startedAtUtcMs : 0;
    if (!s.endedAtUtcMs || spanMs <= 0)
        result.timesError = Text::tr("The end must be after the start.");
    else if (!overlaps.isEmpty())
        result.timesError
            = Text::tr("This overlaps another %1 session (%2).")
                  .arg(s.kind == SessionKind::Nursing ? Text::tr("nursing") : Text::tr("pumping"), overlaps);
    else if (spanMs > kLongSessionMs)
        result.confirmations << Text::tr("The session lasts more than 4 hours. Is that right?");

    for (int i = 0; i < s.letdowns.size(); ++i) {
        const Letdown &e = s.letdowns[i];
        if (e.offsetMs < 0 || e.offsetMs > s.activeMs) {
            result.letdownsError
                = Text::tr("Let-down #%1 is outside the session (it lasts %2 s).").arg(i + 1).arg(s.activeMs / 1000);
            break;
        }
        if (e.measuredVolumeMl && (*e.measuredVolumeMl < 0 || *e.measuredVolumeMl > kMaxSessionVolumeMl)) {
            result.letdownsError = Text::tr("Let-down #%1: a volume must be between 0 and 500 ml.").arg(i + 1);
            break;
        }
        if (e.measuredVolumeMl && *e.measuredVolumeMl > kLargestRecordedLetdownMl)
            result.confirmations << Text::tr("Let-down #%1 is above 140 ml, the largest single let-down on record. "
                                             "Is that right?")
                                        .arg(i + 1);
    }
    if (s.letdowns.size() > kMostLetdownsRecorded)
        result.confirmations
            << Text::tr("%1 let-downs: the most recorded in one session is 12. Are you sure?").arg(s.letdowns.size());

    result.figuresError = validateMeasurements(measurementsOf(s));
    if (s.note.size() > kMaxNoteLength)
        result.noteError
            = Text::tr("A note can hold up to %1 characters; this one has %2.").arg(kMaxNoteLength).arg(s.note.size());
    return result;
}
