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
    if (!date.isValid() || date.year() < 1 || date.year() > 9999 || utcOffsetS % 60 != 0)
        return storedLocalDateTime(utcMs, utcOffsetS).toString(Qt::ISODateWithMs);
    constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;
    const qint64 localMs = utcMs + qint64(utcOffsetS) * 1000;
    const qint64 msOfDay = localMs % kMsPerDay + (localMs % kMsPerDay < 0 ? kMsPerDay : 0);
    char text[40];
    int length = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", date.year(), date.month(),
        date.day(), int(msOfDay / 3'600'000), int(msOfDay / 60'000 % 60), int(msOfDay / 1000 % 60), int(msOfDay % 1000));
    if (utcOffsetS == 0) {
        text[length++] = 'Z';
    } else {
        const int minutes = std::abs(utcOffsetS) / 60;
        length += std::snprintf(
            text + length, sizeof text - size_t(length), "%c%02d:%02d", utcOffsetS < 0 ? '-' : '+', minutes / 60, minutes % 60);
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
