#pragma once

#include "domain/Session.h"
#include "model/VolumeModel.h"

#include <QList>
#include <QString>

#include <optional>

// What one session can teach the model (docs/reference-model.md, "Her own curve"): its
// let-down count and measured total (pumped volume, or the test-weigh gain at 1 g = 1 ml),
// or, when it has no total, the let-downs she measured one by one.
struct MeasuredSession {
    int letdowns = 0;
    std::optional<double> totalMl;
    QList<std::pair<int, double>> singleLetdownsMl; // (order, ml), used when every let-down has one, or without a total
    // Every let-down has its own measured volume (a scale's, docs/scale.md): these are used
    // rather than the total, which also holds the trickle between let-downs.
    bool everyLetdownMeasured = false;
};
// What a finished session with at least one let-down and a measured total or let-down
// volume teaches the model; empty for any other session.
std::optional<MeasuredSession> measuredSession(const Session &session);
QList<MeasuredSession> measuredSessions(const QList<Session> &sessions);

// v1 (the first let-down's volume) and r (each later one's share of the one before) fitted
// by least squares to her measured totals, with 95 % bootstrap intervals.
struct VolumeFit {
    static constexpr int kMinimumSessions = 20;
    static constexpr int kMinimumDistinctCounts = 2;
    static constexpr double kMaximumDecayIntervalWidth = 0.3;
    static constexpr int kBootstrapReplicates = 400;
    static constexpr quint64 kBootstrapSeed = 20261129;
    static constexpr int kOrdersWithBand = 12; // the most let-downs recorded in one session

    int sessions = 0; // measured sessions used
    int sessionsMeasuredByLetdown = 0; // of them, those with every let-down's own volume (a scale's)
    int distinctCounts = 0; // different let-down counts among the totals
    bool fitted = false; // false: figures below are not set (one let-down count only)
    double firstMl = 0;
    double decay = 0;
    ValueInterval firstMlInterval;
    ValueInterval decayInterval;
    // The k-th let-down's volume, v1 r^(k-1), as a 95 % band (index k-1, k = 1 .. 12), from
    // the same bootstrap refits (so the band is not wider than the pairs of v1 and r allow).
    QList<ValueInterval> volumeOfOrderIntervals;
    bool ready = false;
    QString needs; // empty when ready: what is missing, in a sentence
    // How many more measured sessions it needs (0: ready, or more sessions alone will not do:
    // it needs a different let-down count); an estimate when the decay is still too uncertain.
    int moreSessionsNeeded = 0;
    bool moreSessionsIsEstimate = false;
    bool operator==(const VolumeFit &) const = default;
};
// Empty when there is no measured session at all.
std::optional<VolumeFit> fitVolumeModel(const QList<MeasuredSession> &sessions);

class FittedVolumeModel final : public VolumeModel
{
public:
    explicit FittedVolumeModel(const VolumeFit &fit)
        : m_fit(fit)
    { }
    QString id() const override { return QStringLiteral("fitted"); }
    QString source() const override;
    double firstMl() const override { return m_fit.firstMl; }
    double decay() const override { return m_fit.decay; }
    std::optional<ValueInterval> firstMlInterval() const override { return m_fit.firstMlInterval; }
    std::optional<ValueInterval> decayInterval() const override { return m_fit.decayInterval; }
    const VolumeFit &fit() const { return m_fit; }

private:
    VolumeFit m_fit;
};
