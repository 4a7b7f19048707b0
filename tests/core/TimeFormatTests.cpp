#include "domain/TimeFormat.h"

#include "TestSupport.h"

#include <QDateTime>

#include <limits>

TEST_CASE("Elapsed times read as m:ss, then h:mm:ss")
{
    CHECK(formatElapsed(0) == "0:00");
    CHECK(formatElapsed(252'000) == "4:12");
    CHECK(formatElapsed(3'599'999) == "59:59");
    CHECK(formatElapsed(3'729'000) == "1:02:09");
    CHECK(formatElapsed(-5'000) == "0:00");
}

TEST_CASE("The live timer keeps two minute digits below an hour")
{
    CHECK(formatTimer(0) == "00:00");
    CHECK(formatTimer(252'999) == "04:12");
    CHECK(formatTimer(3'600'000) == "1:00:00");
}

TEST_CASE("Stored local time uses the offset saved with the instant")
{
    // 2026-11-28 02:14:07 UTC seen from UTC+01:00
    const qint64 utcMs = QDateTime(QDate(2026, 11, 28), QTime(2, 14, 7), Qt::UTC).toMSecsSinceEpoch();
    const QDateTime local = storedLocalDateTime(utcMs, 3600);
    CHECK(local.toString(Qt::ISODate) == "2026-11-28T03:14:07+01:00");
}

TEST_CASE("The stored local date is the date of the stored local time, around every midnight")
{
    // Instants a minute and a millisecond either side of midnight, before and after 1970,
    // seen from offsets east and west (the date by whole days must round down, not to zero).
    const qint64 dayMs = 24LL * 3600 * 1000;
    for (const QDate date : {QDate(1969, 12, 31), QDate(1970, 1, 1), QDate(2026, 3, 29), QDate(2026, 11, 29)})
        for (const int offsetS : {-12 * 3600, -3600 - 1800, 0, 3600, 14 * 3600})
            for (const qint64 shiftMs : {-60'000LL, -1LL, 0LL, 1LL, 60'000LL, dayMs / 2}) {
                const qint64 utcMs = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + shiftMs;
                INFO(date.toString(Qt::ISODate).toStdString() << " offset " << offsetS << " shift " << shiftMs);
                CHECK(storedLocalDate(utcMs, offsetS) == storedLocalDateTime(utcMs, offsetS).date());
            }
    // A damaged file's absurd instants give the same answer as QDateTime, without overflow.
    for (const qint64 utcMs : {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()})
        CHECK(storedLocalDate(utcMs, 14 * 3600) == storedLocalDateTime(utcMs, 14 * 3600).date());
}

TEST_CASE("Times from the start are read back from what she types")
{
    CHECK(parseElapsedMs("4:12") == 252'000);
    CHECK(parseElapsedMs(" 1:02:09 ") == 3'729'000);
    CHECK(parseElapsedMs("90") == 90'000);
    CHECK(parseElapsedMs(formatElapsed(123'000)) == 123'000);
    CHECK_FALSE(parseElapsedMs("4:75"));
    CHECK_FALSE(parseElapsedMs("-1:00"));
    CHECK_FALSE(parseElapsedMs("abc"));
    CHECK_FALSE(parseElapsedMs(""));
    CHECK_FALSE(parseElapsedMs("1:2:3:4"));
}

TEST_CASE("Gaps between feeds read as hours and minutes")
{
    CHECK(formatHoursMinutes(0) == "0:00");
    CHECK(formatHoursMinutes(5 * 3600 + 10 * 60 + 59) == "5:10"); // seconds dropped
    CHECK(formatHoursMinutes(26 * 3600 + 5 * 60) == "26:05");
}
