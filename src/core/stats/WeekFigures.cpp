#include "stats/WeekFigures.h"

#include "stats/VolumeEstimate.h"

#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>

namespace {
constexpr qint64 kJulianDayOf1970 = 2440588; // 1970-01-01, a Thursday
// The layout below. Weeks stored in another one are read from their sessions instead; a
// new layout comes with a schema step that marks every week, so they are rebuilt.
constexpr quint8 kFormat = 1;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value / divisor - (value % divisor < 0 ? 1 : 0);
}

// The bytes of one week: fixed-size big-endian numbers read straight from the blob. (QDataStream
// took a third of reading ten years of weeks, one device call per number.)
class Writer
{
public:
    template <typename T> Writer &operator<<(T value)
    {
        if constexpr (std::is_same_v<T, double>)
            return *this << std::bit_cast<quint64>(value);
        else if constexpr (std::is_same_v<T, bool>)
            return *this << quint8(value);
        else {
            const T big = qToBigEndian(value);
            m_bytes.append(reinterpret_cast<const char *>(&big), sizeof big);
            return *this;
        }
    }
    Writer &operator<<(const std::optional<double> &value) { return *this << bool(value) << value.value_or(0.0); }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_at(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
    { }
    template <typename T> T read()
    {
        if constexpr (std::is_same_v<T, double>)
            return std::bit_cast<double>(read<quint64>());
        else if constexpr (std::is_same_v<T, bool>)
            return read<quint8>() != 0;
        else {
            if (m_end - m_at < qsizetype(sizeof(T))) {
                m_ok = false;
                return T {};
            }
            T big;
            std::memcpy(&big, m_at, sizeof big);
            m_at += sizeof big;
            return qFromBigEndian(big);
        }
    }
    std::optional<double> readOptional()
    {
        const bool present = read<bool>();
        const double value = read<double>();
        return present ? std::optional<double>(value) : std::nullopt;
    }
    // A count of things that follow, each at least `minBytes` long: a damaged blob must not
    // make anyone allocate without bound.
    qint32 readCount(qsizetype minBytes)
    {
        const qint32 count = read<qint32>();
        if (count < 0 || qsizetype(count) * minBytes > m_end - m_at)
            m_ok = false;
        return m_ok ? count : 0;
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }

private:
    const char *m_at;
    const char *m_end;
    bool m_ok = true;
};

void writeKind(Writer &out, const KindWeekFigures &f)
{
    out << qint32(f.sessions) << qint32(f.logged) << qint32(f.letdowns) << qint32(f.withoutEstimate) << f.dayMask;
    out << qint32(f.firstLetdownMs.size());
    for (const qint64 ms : f.firstLetdownMs)
        out << ms;
    quint8 present = 0;
    for (int d = 0; d < 7; ++d)
        present |= quint8(f.days[d].present ? 1u << d : 0u);
    out << present;
    for (const WeekDayFigures &day : f.days) {
        if (!day.present)
            continue;
        out << day.measuredMl << qint32(day.measuredSessions) << qint32(day.mixedWithoutTotal);
        out << qint32(day.estimatedByCount.size());
        for (const int sessions : day.estimatedByCount)
            out << qint32(sessions);
    }
    out << qint32(f.spreadByCount.size());
    for (auto it = f.spreadByCount.cbegin(); it != f.spreadByCount.cend(); ++it)
        out << qint32(it.key()) << qint32(it->sessions) << it->totalMl;
    out << qint32(f.mixed.size());
    for (const MixedSession &m : f.mixed) {
        out << qint32(m.dayIndex) << m.totalMl << qint32(m.letdownMl.size());
        for (const auto &ml : m.letdownMl)
            out << ml;
    }
}

bool readKind(Reader &in, KindWeekFigures &f)
{
    f.sessions = in.read<qint32>();
    f.logged = in.read<qint32>();
    f.letdowns = in.read<qint32>();
    f.withoutEstimate = in.read<qint32>();
    f.dayMask = in.read<quint8>();
    const qint32 firstCount = in.readCount(8);
    f.firstLetdownMs.reserve(firstCount);
    for (qint32 i = 0; i < firstCount; ++i)
        f.firstLetdownMs.append(in.read<qint64>());
    // Kept sorted (readers take the median without sorting): a damaged list is not read.
    if (!std::is_sorted(f.firstLetdownMs.cbegin(), f.firstLetdownMs.cend()))
        return false;
    const quint8 present = in.read<quint8>();
    for (int d = 0; d < 7 && in.ok(); ++d) {
        if (!(present & (1u << d)))
            continue;
        WeekDayFigures &day = f.days[d];
        day.present = true;
        day.measuredMl = in.read<double>();
        day.measuredSessions = in.read<qint32>();
        day.mixedWithoutTotal = in.read<qint32>();
        const qint32 counts = in.readCount(4);
        day.estimatedByCount.resize(counts);
        for (qint32 k = 0; k < counts; ++k)
            day.estimatedByCount[k] = in.read<qint32>();
    }
    const qint32 spreadCount = in.readCount(16);
    for (qint32 i = 0; i < spreadCount; ++i) {
        const int letdowns = in.read<qint32>();
        KindWeekFigures::Spread spread;
        spread.sessions = in.read<qint32>();
        spread.totalMl = in.read<double>();
        f.spreadByCount.insert(letdowns, spread);
    }
    const qint32 mixedCount = in.readCount(17);
    for (qint32 i = 0; i < mixedCount && in.ok(); ++i) {
        MixedSession m;
        m.dayIndex = in.read<qint32>();
        m.totalMl = in.readOptional();
        const qint32 letdownCount = in.readCount(9);
        for (qint32 k = 0; k < letdownCount; ++k)
            m.letdownMl.append(in.readOptional());
        f.mixed.append(m);
    }
    return in.ok();
}
} // namespace

// Far beyond any date (a damaged row): no arithmetic that could overflow.
constexpr qint64 kFarthestWeek = qint64(1) << 50;

qint64 weekKeyOf(QDate day)
{
    if (!day.isValid() || std::abs(day.toJulianDay()) > kFarthestWeek)
        return std::numeric_limits<qint64>::min(); // a key no week has
    return floorDiv(day.toJulianDay() - kJulianDayOf1970 + 3, 7);
}

QDate mondayOfWeekKey(qint64 key)
{
    if (key > kFarthestWeek || key < -kFarthestWeek)
        return {};
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
    WeekDayFigures &day = days[dayIndex];
    if (total) {
        day.present = true;
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
        if (!total) {
            day.present = true;
            ++day.mixedWithoutTotal;
        }
    } else if (total) {
        Spread &spread = spreadByCount[count];
        ++spread.sessions;
        spread.totalMl += std::max(0.0, *total);
    } else {
        day.present = true;
        if (day.estimatedByCount.size() <= count)
            day.estimatedByCount.resize(count + 1, 0);
        ++day.estimatedByCount[count];
    }
}

void WeekFigures::add(const Session &session, int dayIndex)
{
    (session.kind == SessionKind::Nursing ? nursing : pumping).add(session, dayIndex);
}

QByteArray WeekFigures::toBytes() const
{
    Writer out;
    out << kFormat;
    writeKind(out, nursing);
    writeKind(out, pumping);
    return out.bytes();
}

bool WeekFigures::fromBytes(const QByteArray &bytes, WeekFigures &figures)
{
    figures = {};
    Reader in(bytes);
    if (in.read<quint8>() != kFormat)
        return false;
    return readKind(in, figures.nursing) && readKind(in, figures.pumping) && in.atEnd();
}
