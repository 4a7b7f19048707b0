#include "domain/TimeFormat.h"

#include <QDateTime>

#include <cstdio>
#include <cstdlib>

namespace {
QString format(qint64 elapsedMs, int minuteWidth)
{
    // Negative input (never expected) shows as zero rather than as "-0:05".
    const qint64 totalS = qMax<qint64>(0, elapsedMs) / 1000;
    const qint64 hours = totalS / 3600;
    const qint64 minutes = (totalS / 60) % 60;
    const qint64 seconds = totalS % 60;
    const QLatin1Char zero('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(seconds, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes, minuteWidth, 10, zero).arg(seconds, 2, 10, zero);
}
} // namespace

QString formatElapsed(qint64 elapsedMs)
{
    return format(elapsedMs, 1);
}

QString formatTimer(qint64 elapsedMs)
{
    return format(elapsedMs, 2);
}

QDateTime storedLocalDateTime(qint64 utcMs, int utcOffsetS)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::OffsetFromUTC, utcOffsetS);
}

QDate storedLocalDate(qint64 utcMs, int utcOffsetS)
{
    constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;
    constexpr qint64 kJulianDayOf1970 = 2440588; // 1970-01-01
    // Far outside any real date (a damaged or hostile file): no sum that could overflow.
    if (utcMs > (qint64(1) << 60) || utcMs < -(qint64(1) << 60))
        return storedLocalDateTime(utcMs, utcOffsetS).date();
    const qint64 localMs = utcMs + qint64(utcOffsetS) * 1000;
    // Rounded down, also before 1970 (C++ division rounds toward zero).
    const qint64 days = localMs / kMsPerDay - (localMs % kMsPerDay < 0 ? 1 : 0);
    return QDate::fromJulianDay(kJulianDayOf1970 + days);
}

QString isoTimeWithMs(qint64 utcMs, int utcOffsetS)
{
    const QDate date = storedLocalDate(utcMs, utcOffsetS);
    // Years of four digits and whole-minute offsets; anything else as Qt writes it.
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day); // one calendar conversion, not one for each part
    if (!date.isValid() || year < 1 || year > 9999 || utcOffsetS % 60 != 0 || std::abs(utcOffsetS) >= 100 * 3600)
        return storedLocalDateTime(utcMs, utcOffsetS).toString(Qt::ISODateWithMs);
    constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;
    const qint64 localMs = utcMs + qint64(utcOffsetS) * 1000;
    const int msOfDay = int(localMs % kMsPerDay + (localMs % kMsPerDay < 0 ? kMsPerDay : 0));
    // Digit by digit: snprintf took most of a phone answer's three times.
    char text[32];
    int length = 0;
    const auto digits = [&](int value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            text[length + i] = char('0' + value % 10);
        length += count;
    };
    const auto put = [&](char c) { text[length++] = c; };
    digits(year, 4);
    put('-');
    digits(month, 2);
    put('-');
    digits(day, 2);
    put('T');
    digits(msOfDay / 3'600'000, 2);
    put(':');
    digits(msOfDay / 60'000 % 60, 2);
    put(':');
    digits(msOfDay / 1000 % 60, 2);
    put('.');
    digits(msOfDay % 1000, 3);
    if (utcOffsetS == 0) {
        put('Z');
    } else {
        const int minutes = std::abs(utcOffsetS) / 60;
        put(utcOffsetS < 0 ? '-' : '+');
        digits(minutes / 60, 2);
        put(':');
        digits(minutes % 60, 2);
    }
    return QString::fromLatin1(text, length);
}

std::optional<qint64> parseElapsedMs(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    qint64 totalS = 0;
    for (int i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const int value = parts[i].trimmed().toInt(&ok);
        // Minutes and seconds after the first part are 0..59.
        if (!ok || value < 0 || (i > 0 && value > 59))
            return std::nullopt;
        totalS = totalS * 60 + value;
    }
    return totalS * 1000;
}

QString formatHoursMinutes(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}
