#include "stats/StatsJson.h"
#include "stats/TrendQuery.h"
#include "stats/WeekFigures.h"
#include "stats/WeeklyStats.h"
#include "datafile/DataFile.h"
#include "journal/Journal.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QUuid>

#include <limits>
#include <random>

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// Every stored session, read whole.
QList<Session> allSessions(SessionStore &store)
{
    QList<Session> sessions;
    REQUIRE(store.loadSessionsStartedBetween(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), sessions));
    return sessions;
}

// The figures of every week computed afresh from the sessions (the statistics' own read).
QMap<qint64, WeekFigures> recomputed(SessionStore &store)
{
    QMap<qint64, WeekFigures> weeks;
    REQUIRE(store.forEachSessionStartedBetween(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
        [&](Session &&session) {
            if (!session.isFinished())
                return;
            const QDate day = localStartDate(session);
            const qint64 week = weekKeyOf(day);
            weeks[week].add(session, int(mondayOfWeekKey(week).daysTo(day)));
        },
        SessionStore::Detail::Statistics));
    return weeks;
}

QMap<qint64, WeekFigures> kept(SessionStore &store)
{
    QMap<qint64, QByteArray> bytes;
    REQUIRE(store.loadWeekFigures(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), bytes));
    QMap<qint64, WeekFigures> weeks;
    for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
        REQUIRE(WeekFigures::fromBytes(*it, weeks[it.key()]));
    return weeks;
}

QList<qint64> changedWeeks(SessionStore &store)
{
    QList<qint64> weeks;
    REQUIRE(store.loadChangedWeeks(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), weeks));
    return weeks;
}

// Trends read through the kept figures, and computed from every session, as `stats --json`
// prints them: the same text.
void requireSameTrends(SessionStore &store, const QDate today)
{
    const QList<Session> sessions = allSessions(store);
    ReferenceModel steep;
    steep.decayR = 0.4;
    steep.firstLetdownMl = 22;
    const QList<StatsRange> ranges = {{std::nullopt, today}, lastWeeksRange(today, 4), lastWeeksRange(today, 12),
        {today.addDays(-40), today.addDays(-9)}, {std::nullopt, std::nullopt}};
    for (const ReferenceModel &model : {ReferenceModel(), steep})
        for (const KindFilter filter : {KindFilter::Both, KindFilter::Nursing, KindFilter::Pumping})
            for (const StatsRange &range : ranges) {
                TrendStats read;
                QString error;
                REQUIRE(loadTrendStats(store, model, filter, range, read, error));
                const TrendStats full = computeTrendStats(sessions, model, filter, range);
                const QByteArray readJson = QJsonDocument(trendStatsToJson(read, model)).toJson();
                const QByteArray fullJson = QJsonDocument(trendStatsToJson(full, model)).toJson();
                INFO("filter " << int(filter) << ", decay " << model.decayR << ", from "
                               << (range.from ? range.from->toString(Qt::ISODate).toStdString() : "-"));
                REQUIRE(readJson.toStdString() == fullJson.toStdString());
            }
}

// A finished session somewhere in the ten weeks before `now`, with what a mother logs:
// any number of let-downs, a pumped total or a test-weigh or nothing, sometimes a let-down
// weighed by a scale, sometimes imported without let-downs.
Session randomSession(std::mt19937 &random, qint64 nowUtcMs)
{
    const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    const SessionKind kind = pick(0, 1) ? SessionKind::Pumping : SessionKind::Nursing;
    // Offsets from -10 h to +13 h: the same instant falls on another local day and week.
    const int offsetS = pick(-10, 13) * 3600;
    const qint64 startUtcMs = nowUtcMs - pick(1, 70) * kDayMs - pick(0, 86'399) * 1000LL;
    QList<int> letdownsAtS;
    for (int i = pick(0, 5), at = 0; i > 0; --i)
        letdownsAtS << (at += pick(20, 400));
    Session s = finishedSession(kind, QDateTime::fromMSecsSinceEpoch(startUtcMs, Qt::OffsetFromUTC, offsetS),
        letdownsAtS, 1800);
    s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (kind == SessionKind::Pumping && pick(0, 2) > 0)
        s.pumpedVolumeMl = pick(0, 2400) / 10.0;
    if (kind == SessionKind::Nursing && pick(0, 3) == 0) {
        s.preFeedWeightG = 4000 + pick(0, 500);
        s.postFeedWeightG = *s.preFeedWeightG + pick(-5, 150);
    }
    if (!s.letdowns.isEmpty() && pick(0, 5) == 0)
        s.letdowns[pick(0, int(s.letdowns.size()) - 1)].measuredVolumeMl = pick(5, 600) / 10.0;
    if (pick(0, 9) == 0) {
        s.letdownsLogged = false;
        s.letdowns.clear();
    }
    return s;
}
} // namespace

TEST_CASE("Week figures: kept ones equal a full recomputation after thousands of random journal commands")
{
    JournalRig rig;
    std::mt19937 random(20261206);
    const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    const QDate today = localToday(rig.clock);
    QList<Session> stored;
    QList<Session> deleted; // for undo
    QString error;
    int checks = 0;
    for (int command = 0; command < 2500; ++command) {
        const int what = pick(0, 99);
        if (what < 30 || stored.isEmpty()) { // a session added in History
            const Session s = randomSession(random, rig.clock.wallUtcMs());
            REQUIRE(rig.journal.addSession(s, Origin::Key, error));
            stored << s;
        } else if (what < 50) { // an edit: other let-downs, figures, and maybe another day
            const int index = pick(0, int(stored.size()) - 1);
            Session edited = randomSession(random, rig.clock.wallUtcMs());
            edited.uuid = stored[index].uuid;
            if (pick(0, 1))
                edited.startedAtUtcMs = stored[index].startedAtUtcMs; // same week, other figures
            edited.endedAtUtcMs = edited.startedAtUtcMs + edited.activeMs;
            edited.lastEventAtUtcMs = *edited.endedAtUtcMs;
            for (Letdown &letdown : edited.letdowns)
                letdown.atUtcMs = edited.startedAtUtcMs + letdown.offsetMs;
            REQUIRE(rig.journal.replaceSession(edited, Origin::Key, error));
            stored[index] = edited;
        } else if (what < 62) { // a deletion
            const int index = pick(0, int(stored.size()) - 1);
            REQUIRE(rig.journal.deleteSession(stored[index].uuid, Origin::Key, error));
            deleted << stored.takeAt(index);
        } else if (what < 70 && !deleted.isEmpty()) { // its undo
            const Session back = deleted.takeLast();
            REQUIRE(rig.journal.addSession(back, Origin::Key, error));
            stored << back;
        } else if (what < 74) { // an import of a few
            QList<Session> batch;
            for (int i = pick(1, 30); i > 0; --i)
                batch << randomSession(random, rig.clock.wallUtcMs());
            Journal::ImportCounts counts;
            REQUIRE(rig.journal.importSessions(batch, {}, Origin::Key, counts, error));
            stored << batch;
        } else { // a live session: started, tapped, maybe weighed, stopped or thrown away
            REQUIRE(rig.ask(Journal::Step::Start).result == "recorded");
            for (int i = pick(0, 3); i > 0; --i) {
                rig.clock.advance(pick(10, 300) * 1000LL);
                REQUIRE(rig.ask(Journal::Step::Letdown).result == "recorded");
            }
            rig.clock.advance(60'000);
            REQUIRE(rig.ask(Journal::Step::Stop).result == "recorded");
            if (pick(0, 2) == 0) {
                Journal::Request weigh = Journal::ask(Journal::Step::SetMeasurements, Origin::Key);
                weigh.measurements.pumpedVolumeMl = pick(0, 1500) / 10.0;
                weigh.measurements.preFeedWeightG = 4200;
                weigh.measurements.postFeedWeightG = 4200 + pick(0, 90);
                rig.journal.apply(weigh); // refused for the kind it does not fit: fine
            }
            std::optional<Session> last;
            REQUIRE(rig.store.loadSession(rig.recorder.currentSession().uuid, last));
            if (last)
                stored << *last;
            if (pick(0, 5) == 0 && last) { // undo of the stop: it runs again, then stops anew
                REQUIRE(rig.ask(Journal::Step::ResumeStopped).result == "recorded");
                rig.clock.advance(30'000);
                REQUIRE(rig.ask(Journal::Step::Stop).result == "recorded");
            }
        }
        if (command % 250 == 249) {
            ++checks;
            CHECK(changedWeeks(rig.store).isEmpty()); // every commit rebuilt what it touched
            REQUIRE(kept(rig.store) == recomputed(rig.store));
        }
    }
    CHECK(checks == 10);
    CHECK(recomputed(rig.store).size() >= 10);
    requireSameTrends(rig.store, today);
}

TEST_CASE("Week figures: a change written without the journal is still counted, and rebuilt at the next commit")
{
    JournalRig rig;
    QString error;
    const QDate today = localToday(rig.clock);
    for (int day = 1; day <= 20; ++day)
        REQUIRE(rig.journal.addSession(
            finishedSession(SessionKind::Pumping, QDateTime::fromMSecsSinceEpoch(rig.clock.wallUtcMs() - day * kDayMs,
                                                      Qt::OffsetFromUTC, 3600),
                {60, 200}),
            Origin::Key, error));
    REQUIRE(changedWeeks(rig.store).isEmpty());
    // Another program (sqlite3, an older build) weighs a let-down of a stopped session: the
    // triggers mark its week, nothing rebuilds it.
    rig.db.exec("UPDATE ejections SET measured_volume_ml = 44 WHERE (session_id, offset_ms, id) ="
                " (SELECT session_id, offset_ms, id FROM ejections ORDER BY session_id, offset_ms, id LIMIT 1)");
    REQUIRE(changedWeeks(rig.store).size() == 1);
    CHECK_FALSE(kept(rig.store) == recomputed(rig.store)); // stale, and known to be
    requireSameTrends(rig.store, today); // read from that week's sessions instead
    // The next change through the journal rebuilds it.
    REQUIRE(rig.journal.addSession(
        finishedSession(SessionKind::Nursing, QDateTime::fromMSecsSinceEpoch(rig.clock.wallUtcMs() - 3 * kDayMs,
                                                  Qt::OffsetFromUTC, 3600),
            {90}),
        Origin::Key, error));
    CHECK(changedWeeks(rig.store).isEmpty());
    CHECK(kept(rig.store) == recomputed(rig.store));
    // A let-down appended to a stopped session (the live path, which has no trigger) marks
    // its week too.
    const QList<Session> sessions = allSessions(rig.store);
    Letdown late;
    late.offsetMs = 700'000;
    late.atUtcMs = sessions.first().startedAtUtcMs + late.offsetMs;
    late.utcOffsetS = 3600;
    REQUIRE(rig.store.appendLetdowns(sessions.first().uuid, {late}));
    CHECK(changedWeeks(rig.store).isEmpty());
    CHECK(kept(rig.store) == recomputed(rig.store));
}

TEST_CASE("Week figures: a version 8 file gets them built when the journal opens it, and bytes it cannot read are "
          "recomputed")
{
    TempDatabase db;
    SessionStore store(db.database);
    QList<Session> sessions;
    for (int i = 0; i < 30; ++i)
        sessions << finishedSession(i % 2 ? SessionKind::Nursing : SessionKind::Pumping,
            berlin(2025, 10, 1 + i, 8 + i % 12, 0), {40 + i, 300});
    REQUIRE(store.saveSessions(sessions));
    db.dropWeekFigures();
    db.exec("PRAGMA user_version=8");

    QString error;
    FakeClock clock;
    const auto journal = Journal::open(db.path, clock, Database::OpenMode::MustExist, error);
    REQUIRE(journal);
    SessionStore &upgraded = journal->store();
    CHECK(changedWeeks(upgraded).isEmpty());
    const QMap<qint64, WeekFigures> weeks = recomputed(upgraded);
    CHECK(weeks.size() >= 5);
    CHECK(kept(upgraded) == weeks);

    // A week's bytes damaged (or from another format): Trends read its sessions instead.
    TestQuery damage(journal->dataFile().database());
    REQUIRE(damage.exec("UPDATE week_figures SET figures = x'07' WHERE week = (SELECT min(week) FROM week_figures)"));
    requireSameTrends(upgraded, QDate(2025, 11, 10));
}

TEST_CASE("Week figures: a session on an impossible date (a damaged file) can still be corrected and deleted")
{
    JournalRig rig;
    QString error;
    Session s = finishedSession(SessionKind::Nursing, berlin(2025, 11, 3, 9, 0), {60});
    REQUIRE(rig.journal.addSession(s, Origin::Key, error));
    // Its start overwritten by hand with a number far beyond any date: the week's arithmetic
    // overflows in SQLite.
    rig.db.exec(QStringLiteral("UPDATE sessions SET started_at_utc_ms = 9223372036854775000 WHERE uuid = '%1'")
                    .arg(s.uuid));
    REQUIRE(rig.journal.replaceSession(s, Origin::History, error)); // corrected in History
    CHECK(changedWeeks(rig.store).isEmpty());
    CHECK(kept(rig.store) == recomputed(rig.store));
    rig.db.exec(QStringLiteral("UPDATE sessions SET started_at_utc_ms = -9223372036854775800 WHERE uuid = '%1'")
                    .arg(s.uuid));
    REQUIRE(rig.journal.deleteSession(s.uuid, Origin::History, error));
    CHECK(kept(rig.store).isEmpty());
}

TEST_CASE("Week figures: bytes whose first let-down times are out of order are not read (the median needs them sorted)")
{
    WeekFigures figures;
    figures.nursing.sessions = 3;
    figures.nursing.logged = 3;
    figures.nursing.letdowns = 5;
    figures.nursing.firstLetdownMs = {40'000, 90'000, 125'000};
    WeekFigures read;
    REQUIRE(WeekFigures::fromBytes(figures.toBytes(), read));
    CHECK(read == figures);
    figures.nursing.firstLetdownMs = {90'000, 40'000, 125'000};
    CHECK_FALSE(WeekFigures::fromBytes(figures.toBytes(), read));
}
