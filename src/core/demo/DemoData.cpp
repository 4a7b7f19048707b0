#include "demo/DemoData.h"

#include "domain/Technique.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace {
const QStringList kNotes = {
    QStringLiteral("Baby sleepy, short feed"),
    QStringLiteral("Felt the first one strongly, then nothing"),
    QStringLiteral("Pumped at work, \"quiet room\" was busy"),
    QStringLiteral("Tired, stressed; took a while"),
    QStringLiteral("Good flow.\nShower before helped"),
    QStringLiteral("=not a formula, just a note"),
};

// A normal draw (Box-Muller) from the seeded generator.
double normal(QRandomGenerator &random, double mean, double sd)
{
    const double u1 = std::max(1e-12, random.generateDouble());
    const double u2 = random.generateDouble();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

QString deterministicUuid(QRandomGenerator &random)
{
    uchar b[8];
    for (uchar &byte : b)
        byte = uchar(random.bounded(256));
    b[0] = uchar((b[0] & 0x3f) | 0x80); // RFC 4122 variant
    const ushort version4 = ushort((random.bounded(0x1000)) | 0x4000);
    return QUuid(
        random.generate(), ushort(random.bounded(0x10000)), version4, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
        .toString(QUuid::WithoutBraces);
}

Session makeSession(QRandomGenerator &random, qint64 startUtcMs, const std::function<int(qint64)> &offset)
{
    Session s;
    s.uuid = deterministicUuid(random);
    s.kind = random.bounded(10) < 7 ? SessionKind::Nursing : SessionKind::Pumping;
    s.state = SessionState::Stopped;
    s.startedAtUtcMs = startUtcMs;
    s.startedUtcOffsetS = offset(startUtcMs);
    const bool pumping = s.kind == SessionKind::Pumping;
    s.side = pumping ? Side::Both : (random.bounded(2) ? Side::Left : Side::Right);

    for (const Technique &technique : allTechniques())
        if (random.bounded(100) < (technique.key == QLatin1String("usual_spot") ? 55 : 12))
            s.techniques.append(technique.key);
    s.techniques.sort();
    const bool warm = s.techniques.contains(QStringLiteral("warm_compress"));

    // Perceived let-downs: fewer than the ultrasound averages, as the literature expects.
    const int count = std::clamp(int(std::lround(normal(random, pumping ? 3.6 : 2.3, 1.3))), 0, 12);
    qint64 atMs = qint64(std::max(15.0, normal(random, warm ? 70 : 95, 30)) * 1000);
    const qint64 switchAtMs = pumping ? -1 : qint64(normal(random, 420, 60) * 1000);
    for (int k = 0; k < count; ++k) {
        Letdown e;
        e.offsetMs = atMs;
        e.side = (switchAtMs >= 0 && atMs > switchAtMs) ? (s.side == Side::Left ? Side::Right : Side::Left) : s.side;
        s.letdowns.append(e);
        atMs += qint64(std::max(45.0, normal(random, 150, 50)) * 1000);
    }
    s.activeMs = std::max<qint64>(atMs, qint64(normal(random, pumping ? 900 : 840, 200) * 1000));
    s.pausedMs = random.bounded(5) == 0 ? qint64(random.bounded(30, 180)) * 1000 : 0;
    if (switchAtMs >= 0 && switchAtMs < s.activeMs) {
        s.sideMs.forSide(s.side) = switchAtMs;
        const Side other = s.side == Side::Left ? Side::Right : Side::Left;
        s.sideMs.forSide(other) = s.activeMs - switchAtMs;
        s.side = other;
    } else {
        s.sideMs.forSide(s.side) = s.activeMs;
    }
    // Wall times: the pause, when there is one, falls half-way through.
    for (Letdown &e : s.letdowns) {
        const qint64 pauseBefore = e.offsetMs > s.activeMs / 2 ? s.pausedMs : 0;
        e.atUtcMs = startUtcMs + e.offsetMs + pauseBefore;
        e.utcOffsetS = offset(e.atUtcMs);
    }
    s.endedAtUtcMs = startUtcMs + s.activeMs + s.pausedMs;
    s.endedUtcOffsetS = offset(*s.endedAtUtcMs);
    s.lastEventAtUtcMs = *s.endedAtUtcMs;
    if (random.bounded(8) == 0) // most sessions have no note
        s.note = kNotes[random.bounded(int(kNotes.size()))];

    if (pumping && random.bounded(10) < 7) {
        double total = 0;
        for (int k = 0; k < count; ++k)
            total += 30.0 * std::pow(0.6, k);
        s.pumpedVolumeMl = std::round(std::clamp(normal(random, total * 1.1, 12), 5.0, 300.0));
    } else if (!pumping && random.bounded(10) == 0) {
        const double before = std::round(normal(random, 4800, 400));
        s.preFeedWeightG = before;
        s.postFeedWeightG = before + std::round(std::clamp(normal(random, 70, 20), 5.0, 200.0));
    }
    return s;
}
} // namespace

QList<Session> generateDemoSessions(const DemoDataOptions &options)
{
    QRandomGenerator random(options.seed);
    const auto offset = options.utcOffsetS ? options.utcOffsetS : [](qint64 utcMs) {
        return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).offsetFromUtc();
    };
    QList<Session> sessions;
    sessions.reserve(qsizetype(options.weeks) * 7 * options.sessionsPerDay);
    const int perDay = std::max(1, options.sessionsPerDay);
    const qint64 spacingMs = 24LL * 3600 * 1000 / perDay;
    for (int day = 0; day < options.weeks * 7; ++day) {
        const QDate date = options.firstDay.addDays(day);
        // Local midnight, through the same offset rule the sessions use.
        const qint64 utcMidnightMs = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 localMidnightMs = utcMidnightMs - qint64(offset(utcMidnightMs)) * 1000;
        for (int i = 0; i < perDay; ++i) {
            const qint64 jitterMs = qint64(random.bounded(-1200, 1200)) * 1000;
            const qint64 startMs = localMidnightMs + spacingMs / 2 + i * spacingMs + jitterMs;
            sessions.append(makeSession(random, startMs, offset));
        }
    }
    return sessions;
}
