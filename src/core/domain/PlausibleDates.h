#pragma once

#include <QDate>

// Dates Letdown takes as real: from 2000-01-01 to a year after today. Anything outside is a
// typing or file error (an imported row is refused), and a command's range is clamped to it,
// so no work scales with a range like 0001-01-01 to 9999-12-31.
inline QDate earliestPlausibleDate()
{
    return QDate(2000, 1, 1);
}
inline QDate latestPlausibleDate(QDate today)
{
    return today.addYears(1);
}
inline bool isPlausibleDate(QDate date, QDate today)
{
    return date >= earliestPlausibleDate() && date <= latestPlausibleDate(today);
}
// The largest UTC offsets in use anywhere (UTC-12:00 to UTC+14:00), with room for both signs.
inline constexpr int kMaxUtcOffsetS = 14 * 3600;
