#include "stats/WeekFigures.h"

#include "stats/VolumeEstimate.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>

namespace {
constexpr qint64 kJulianDayOf1970 = 2440588; // 1970-01-01, a Thursday
// Bumped when the layout below changes: stored weeks of another format are recomputed.
constexpr quint8 kFormat = 1;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value / divisor - (value % divisor < 0 ? 1 : 0);
}

void writeOptional(QDataStream &out, const std::optional<double> &value)
{
    out << bool(value) << value.value_or(0.0);
}

std::optional<double> readOptional(QDataStream &in)
{
    bool present = false;
    double value = 0;
    in >> present >> value;
    return present ? std::optional<double>(value) : std::nullopt;
}

void writeKind(QDataStream &out, const KindWeekFigures &f)
{
    out << qint32(f.sessions) << qint32(f.logged) << qint32(f.letdowns) << f.firstLetdownMs << qint32(f.withoutEstimate)
        << f.dayMask;
    out << qint32(f.days.size());
    for (auto it = f.days.cbegin(); it != f.days.cend(); ++it)
        out << qint32(it.key()) << it->measuredMl << qint32(it->measuredSessions) << it->estimatedByCount
            << qint32(it->mixedWithoutTotal);
    out << qint32(f.spreadByCount.size());
    for (auto it = f.spreadByCount.cbegin(); it != f.spreadByCount.cend(); ++it)
        out << qint32(it.key()) << qint32(it->sessions) << it->totalMl;
    out << qint32(f.mixed.size());
    for (const MixedSession &m : f.mixed) {
        out << qint32(m.dayIndex);
        writeOptional(out, m.totalMl);
        out << qint32(m.letdownMl.size());
        for (const auto &ml : m.letdownMl)
            writeOptional(out, ml);
    }
}

// Counts come from this file only, but a damaged blob must not allocate without bound.
bool plausibleCount(qint32 count)
{
    return count >= 0 && count <= 100000;
}

bool readKind(QDataStream &in, KindWeekFigures &f)
{
    qint32 sessions = 0, logged = 0, letdowns = 0, withoutEstimate = 0, dayCount = 0;
    in >> sessions >> logged >> letdowns >> f.firstLetdownMs >> withoutEstimate >> f.dayMask >> dayCount;
    f.sessions = sessions;
    f.logged = logged;
    f.letdowns = letdowns;
    f.withoutEstimate = withoutEstimate;
    if (!plausibleCount(dayCount))
        return false;
    for (qint32 i = 0; i < dayCount && in.status() == QDataStream::Ok; ++i) {
        qint32 day = 0, measuredSessions = 0, mixedWithoutTotal = 0;
        WeekDayFigures figures;
        in >> day >> figures.measuredMl >> measuredSessions >> figures.estimatedByCount >> mixedWithoutTotal;
        figures.measuredSessions = measuredSessions;
        figures.mixedWithoutTotal = mixedWithoutTotal;
        f.days.insert(day, figures);
    }
    qint32 spreadCount = 0;
    in >> spreadCount;
    if (!plausibleCount(spreadCount))
        return false;
    for (qint32 i = 0; i < spreadCount && in.status() == QDataStream::Ok; ++i) {
        qint32 count = 0, spreadSessions = 0;
        KindWeekFigures::Spread spread;
        in >> count >> spreadSessions >> spread.totalMl;
        spread.sessions = spreadSessions;
        f.spreadByCount.insert(count, spread);
    }
    qint32 mixedCount = 0;
    in >> mixedCount;
    if (!plausibleCount(mixedCount))
        return false;
    for (qint32 i = 0; i < mixedCount && in.status() == QDataStream::Ok; ++i) {
        MixedSession m;
        qint32 day = 0, letdownCount = 0;
        in >> day;
        m.dayIndex = day;
        m.totalMl = readOptional(in);
        in >> letdownCount;
        if (!plausibleCount(letdownCount))
            return false;
        for (qint32 k = 0; k < letdownCount && in.status() == QDataStream::Ok; ++k)
            m.letdownMl.append(readOptional(in));
        f.mixed.append(m);
    }
    return in.status() == QDataStream::Ok;
}
} // namespace

qint64 weekKeyOf(QDate day)
{
    return floorDiv(day.toJulianDay() - kJulianDayOf1970 + 3, 7);
}

QDate mondayOfWeekKey(qint64 key)
{
    return QDate::fromJulianDay(kJulianDayOf1970 + 7 * key - 3);
}

void KindWeekFigures::add(const Session &session, int dayIndex)
{
    // The same cases, in the same order, as the weekly statistics (WeeklyStats.cpp).
    ++sessions;
    dayMask |= quint8(1u << dayIndex);
    const int count = int(session.letdowns.size());
    if (session.letdownsLogged) {
        ++logged;
        letdowns += count;
    }
    if (const auto first = session.firstLetdownOffsetMs())
        firstLetdownMs.insert(std::upper_bound(firstLetdownMs.begin(), firstLetdownMs.end(), *first), *first);
    const std::optional<double> total = measuredTotalMl(session);
    const bool estimable = session.letdownsLogged && count > 0;
    if (total) {
        WeekDayFigures &day = days[dayIndex];
        day.measuredMl += *total;
        ++day.measuredSessions;
    } else if (!estimable) {
        ++withoutEstimate; // nothing measured, no let-down: unknown, not 0 ml
    }
    if (!estimable)
        return;
    const bool anyWeighed = std::any_of(session.letdowns.cbegin(), session.letdowns.cend(),
        [](const Letdown &letdown) { return letdown.measuredVolumeMl.has_value(); });
    if (anyWeighed) {
        MixedSession mixed {dayIndex, total, {}};
        for (const Letdown &letdown : session.letdowns)
            mixed.letdownMl.append(letdown.measuredVolumeMl);
        this->mixed.append(mixed);
        if (!total)
            ++days[dayIndex].mixedWithoutTotal;
    } else if (total) {
        Spread &spread = spreadByCount[count];
        ++spread.sessions;
        spread.totalMl += std::max(0.0, *total);
    } else {
        ++days[dayIndex].estimatedByCount[count];
    }
}

void WeekFigures::add(const Session &session, int dayIndex)
{
    (session.kind == SessionKind::Nursing ? nursing : pumping).add(session, dayIndex);
}

QByteArray WeekFigures::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kFormat;
    writeKind(out, nursing);
    writeKind(out, pumping);
    return bytes;
}

bool WeekFigures::fromBytes(const QByteArray &bytes, WeekFigures &figures)
{
    figures = {};
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 format = 0;
    in >> format;
    if (format != kFormat)
        return false;
    return readKind(in, figures.nursing) && readKind(in, figures.pumping) && in.atEnd();
}
