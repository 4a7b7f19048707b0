#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// Short form for lists: "4:12" below an hour, "1:02:09" from an hour on.
QString formatElapsed(qint64 elapsedMs);
// The live timer: "04:12" below an hour (fixed width, so it does not jitter), "1:02:09" after.
QString formatTimer(qint64 elapsedMs);
// A gap between feeds: "5:10" (hours and minutes, seconds dropped).
QString formatHoursMinutes(qint64 seconds);

// Reads what formatElapsed writes ("4:12", "1:02:09") or plain seconds ("252").
// Empty when the text is not a time from the start.
std::optional<qint64> parseElapsedMs(const QString &text);

class QDate;
class QDateTime;
// The local time she saw at that instant (the offset stored with it, not today's zone).
QDateTime storedLocalDateTime(qint64 utcMs, int utcOffsetS);
// Its date alone: the same as storedLocalDateTime(...).date(), by whole days since 1970
// (statistics ask it of every session several times; a QDateTime costs ten times more).
QDate storedLocalDate(qint64 utcMs, int utcOffsetS);
// That instant as ISO 8601 with milliseconds and its offset ("2026-11-29T03:12:05.250+01:00",
// "...Z" at UTC), exactly as QDateTime::toString(Qt::ISODateWithMs) writes it, at a tenth of
// its cost (the phone's status carries three of them in every answer).
QString isoTimeWithMs(qint64 utcMs, int utcOffsetS);
