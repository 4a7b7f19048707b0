#pragma once

#include "model/FittedVolumeModel.h"
#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"
#include "storage/SessionStore.h"

#include <QDate>
#include <QString>

#include <functional>

// The last `weeks` ISO weeks up to and including today's (Monday start), today last.
StatsRange lastWeeksRange(QDate today, int weeks);

// Sessions whose local start date is in the range (no bound: no limit), oldest first (equal
// starts in storage order), one at a time: only a few weeks of them are held at once.
bool forEachSessionInRange(SessionStore &store, const StatsRange &range, const std::function<void(Session &&)> &visit,
    QString &error, SessionStore::Detail detail = SessionStore::Detail::Full);
// The same, all of them in a list.
bool loadSessionsInRange(SessionStore &store, const StatsRange &range, QList<Session> &sessions, QString &error);

// Let-downs felt with no session running whose local date (the clock she saw then) is in
// the range, oldest first: the same days as loadSessionsInRange's sessions.
bool loadSpontaneousLetdownsInRange(
    SessionStore &store, const StatsRange &range, QList<SessionStore::SpontaneousLetdown> &letdowns, QString &error);

// Sessions for statistics (lean: no texts), from four weeks before the range (baselines)
// or six weeks before `today` (alerts), whichever is earlier, up to the range's end.
bool loadStatisticsSessions(
    SessionStore &store, const StatsRange &range, QDate today, QList<Session> &sessions, QString &error);

// Trends' weekly figures kept as data (stats/WeekFigures): rebuilds the weeks marked as
// changed, inside the caller's write transaction.
bool rebuildChangedWeeks(SessionStore &store, QString &error);
// Makes every write transaction of `store` rebuild them before it commits (the journal).
void keepWeekFiguresAtEachCommit(SessionStore &store);

// Loads what `range` needs from the store (plus the four weeks before it, for the
// baseline) and computes the statistics. Returns false with `error` set on a read error.
bool loadTrendStats(SessionStore &store, const ReferenceModel &model, KindFilter filter, const StatsRange &range,
    TrendStats &stats, QString &error);

// Her own volume model fitted to all her sessions (one lean read of every session).
bool loadCurrentFit(SessionStore &store, std::optional<VolumeFit> &fit, QString &error);
// Every read above leaves out sessions outside the plausible dates (PlausibleDates.h); this
// counts them (they stay in History, to be corrected).
bool countImplausibleSessions(SessionStore &store, int &count, QString &error);
