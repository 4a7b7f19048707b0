#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"

#include <QList>

#include <optional>

// The measured milk total of a session: the pumped volume, or for a feed the test-weigh
// gain (1 g of weight = 1 ml of milk). Empty when she did not measure.
std::optional<double> measuredTotalMl(const Session &session);

// Estimated volume of each let-down, in order. A let-down's own measured volume wins;
// the rest share what is left of a measured total in proportion to r^(k-1), or with no
// total each gets the reference 30 ml * r^(k-1).
QList<double> estimatedLetdownVolumesMl(const Session &session, const ReferenceModel &model);

// The session's milk: the measured total when there is one, else the sum of the estimates.
// Unknown (empty) when she measured nothing and marked no let-down: nothing to estimate
// from, which is not the same as no milk.
std::optional<double> estimatedSessionVolumeMl(const Session &session, const ReferenceModel &model);
