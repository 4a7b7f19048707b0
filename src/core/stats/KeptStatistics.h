#pragma once

#include "model/FittedVolumeModel.h"
#include "stats/WeeklyStats.h"

#include <QByteArray>
#include <QDate>

#include <optional>

// What `letdown stats --json` computes from every session, where the weekly figures are
// kept per week (docs/performance.md): her fitted curve, the insights, the consultant's
// days, and how many let-downs were left out. Kept in her file after an ask
// (SessionStore::saveKeptResult) and read back by the next ask while the data is unchanged
// (SessionStore::dataStamp), so ten years are read once after each change, not at each ask.
struct SessionDerivedStatistics {
    std::optional<VolumeFit> fit;
    QByteArray insightsJson; // compact: insightsToJson's object
    QByteArray daysText; // writeDayFiguresJson's text, as writeStatsJson places it
    int letdownsLeftOut = 0;

    QByteArray toBytes() const;
    // False for bytes this build does not read (another layout, cut short): computed again.
    static bool fromBytes(const QByteArray &bytes, SessionDerivedStatistics &statistics);
    bool operator==(const SessionDerivedStatistics &) const = default;
};

// Everything but the data that these figures depend on: the range, today (the alerts' weeks,
// the plausible dates), her curve's inputs, the language of the sentences, and this very
// program (another build may compute them otherwise).
QByteArray sessionDerivedStatisticsKey(const StatsRange &range, QDate today, double decayR, double firstLetdownMl,
    bool fittedChosen);
