#include "base/Clock.h"
#include "domain/TimeFormat.h"

#include "TestSupport.h"

#include <QDateTime>
#include <QSet>

#include <cstdint>
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

TEST_CASE("The system clock's local offset is the one Qt finds, in any time zone, and follows a change of zone")
{
    // POSIX rules need no time zone files (a fresh Debian may have none): Central Europe,
    // Newfoundland (half hours) and Chatham (45 minutes, south: summer at the year's end).
    const QByteArray savedTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    const SystemClock clock;
    struct Zone {
        QByteArray rule;
        int januaryOffsetS, julyOffsetS;
    };
    const QList<Zone> zones = {{"CET-1CEST,M3.5.0,M10.5.0/3", 3600, 7200},
        {"NST3:30NDT,M3.2.0,M11.1.0", -12600, -9000},
        {"<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45", 49500, 45900}, {"UTC0", 0, 0}};
    const qint64 january = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 july = QDateTime(QDate(2026, 7, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QSet<int> offsetsSeen;
    for (const auto &[zone, januaryOffsetS, julyOffsetS] : zones) {
        qputenv("TZ", zone);
        // Asked before Qt is (which would make glibc look at the new zone for us too).
        CHECK(clock.utcOffsetS(january) == januaryOffsetS);
        CHECK(clock.utcOffsetS(july) == julyOffsetS);
        // Every 3 days and 77 minutes from 1950 to 2060, and either side of this zone's
        // changes in 2026 (found where the offset moves), to the millisecond.
        const qint64 stepMs = (3 * 24 * 60 + 77) * 60'000LL;
        const qint64 firstMs = QDateTime(QDate(1950, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 lastMs = QDateTime(QDate(2060, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        int mismatches = 0;
        for (qint64 ms = firstMs; ms < lastMs; ms += stepMs) {
            const int expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::LocalTime).offsetFromUtc();
            mismatches += clock.utcOffsetS(ms) != expected ? 1 : 0;
            offsetsSeen.insert(expected);
        }
        CHECK(mismatches == 0);
        const qint64 yearStartMs = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        int changesFound = 0;
        for (qint64 hourMs = yearStartMs; hourMs < yearStartMs + 366 * 86'400'000LL; hourMs += 3'600'000) {
            const int before = QDateTime::fromMSecsSinceEpoch(hourMs, Qt::LocalTime).offsetFromUtc();
            if (QDateTime::fromMSecsSinceEpoch(hourMs + 3'600'000, Qt::LocalTime).offsetFromUtc() == before)
                continue;
            ++changesFound;
            for (qint64 ms = hourMs; ms <= hourMs + 3'600'000; ms += 60'000)
                for (const qint64 at : {ms - 1, ms, ms + 1})
                    CHECK(clock.utcOffsetS(at) == QDateTime::fromMSecsSinceEpoch(at, Qt::LocalTime).offsetFromUtc());
        }
        CHECK(changesFound == (zone == "UTC0" ? 0 : 2));
        // Before 1970, to the millisecond (whole seconds round down).
        CHECK(clock.utcOffsetS(-1) == QDateTime::fromMSecsSinceEpoch(-1, Qt::LocalTime).offsetFromUtc());
    }
    CHECK(offsetsSeen.contains(3600));
    CHECK(offsetsSeen.contains(-9000));
    CHECK(offsetsSeen.contains(13 * 3600 + 45 * 60));
    if (hadTz)
        qputenv("TZ", savedTz);
    else
        qunsetenv("TZ");
}

TEST_CASE("An instant in ISO 8601 with milliseconds reads exactly as Qt writes it, for any offset and date")
{
    CHECK(isoTimeWithMs(QDateTime(QDate(2026, 11, 29), QTime(2, 12, 5, 250), Qt::UTC).toMSecsSinceEpoch(), 3600)
        == "2026-11-29T03:12:05.250+01:00");
    CHECK(isoTimeWithMs(0, 0) == "1970-01-01T00:00:00.000Z");
    // Spread over the years 1 to 9999 and beyond, both sides of 1970, with offsets from
    // -14 h to +14 h in whole minutes, quarter hours, odd seconds, and none.
    std::uint64_t state = 88172645463325252ULL; // xorshift: the same cases on every run
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const qint64 spanMs = QDateTime(QDate(10100, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    int differences = 0;
    for (int i = 0; i < 20000; ++i) {
        const qint64 utcMs = qint64(next() % std::uint64_t(2 * spanMs)) - spanMs;
        const int offsets[] = {0, int(next() % 1681) * 60 - 840 * 60, int(next() % 113) * 900 - 50400,
            int(next() % 100801) - 50400};
        for (const int offsetS : offsets) {
            const QString expected
                = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::OffsetFromUTC, offsetS).toString(Qt::ISODateWithMs);
            if (isoTimeWithMs(utcMs, offsetS) != expected && ++differences <= 5)
                FAIL_CHECK(utcMs << " " << offsetS << ": " << isoTimeWithMs(utcMs, offsetS).toStdString() << " vs "
                                 << expected.toStdString());
        }
    }
    CHECK(differences == 0);
}
