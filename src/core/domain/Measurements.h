#pragma once

#include "domain/Session.h"

#include <QString>

#include <optional>

// The optional figures she can add to a finished session.
struct Measurements {
    std::optional<double> pumpedVolumeMl;
    std::optional<double> preFeedWeightG;
    std::optional<double> postFeedWeightG;
    // Pumping, per breast: with both given, the total is their sum (given or not).
    std::optional<double> leftVolumeMl;
    std::optional<double> rightVolumeMl;
    // Nursing: a bottle given with the feed, and what was in it (needed with an amount).
    std::optional<double> topupMl;
    std::optional<TopupKind> topupKind;
};
// The pumped total the figures give: the total, else the sum of both breasts when both are given.
std::optional<double> pumpedTotalMl(const Measurements &measurements);
// Puts the figures on the session (the total as pumpedTotalMl; no top-up kind without a top-up).
void applyMeasurements(const Measurements &measurements, Session &session);
// The figures a session holds.
Measurements measurementsOf(const Session &session);

// Plausibility limits. A session's volume above 500 ml is not something a breast pump or a
// feed produces; baby weights outside these bounds are typing mistakes.
inline constexpr double kMaxSessionVolumeMl = 500.0;
inline constexpr double kMinBabyWeightG = 300.0;
inline constexpr double kMaxBabyWeightG = 30000.0;

// Returns an empty string when the figures are acceptable, otherwise a message for her
// (English source text; the app translates it with the "Measurements" context).
QString validateMeasurements(const Measurements &measurements);

// What she typed in a number field: empty is "not given" (true, no value); otherwise a
// number in her locale or with a dot. False when it is not a number.
bool parseOptionalNumber(const QString &text, std::optional<double> &value);
// The other way: a number for such a field, or empty.
QString optionalNumberText(const std::optional<double> &value);
