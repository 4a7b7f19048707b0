#include "domain/Measurements.h"

#include "TestSupport.h"

#include <limits>

namespace {
// The three figures of a session before per-breast volumes and top-ups.
Measurements figures(std::optional<double> pumpedMl, std::optional<double> beforeG, std::optional<double> afterG)
{
    Measurements m;
    m.pumpedVolumeMl = pumpedMl;
    m.preFeedWeightG = beforeG;
    m.postFeedWeightG = afterG;
    return m;
}
} // namespace

TEST_CASE("Measurements: plausible figures pass")
{
    CHECK(validateMeasurements({}).isEmpty());
    CHECK(validateMeasurements(figures(85.0, std::nullopt, std::nullopt)).isEmpty());
    CHECK(validateMeasurements(figures(0.0, std::nullopt, std::nullopt)).isEmpty());
    CHECK(validateMeasurements(figures(500.0, std::nullopt, std::nullopt)).isEmpty());
    CHECK(validateMeasurements(figures(std::nullopt, 4200.0, 4265.0)).isEmpty());
    CHECK(validateMeasurements(figures(std::nullopt, 4200.0, 4200.0)).isEmpty());
}

TEST_CASE("Measurements: impossible figures are refused with a reason")
{
    CHECK_THAT(
        validateMeasurements(figures(-1.0, std::nullopt, std::nullopt)).toStdString(), Catch::Contains("negative"));
    CHECK_THAT(
        validateMeasurements(figures(500.1, std::nullopt, std::nullopt)).toStdString(), Catch::Contains("500 ml"));
    CHECK_FALSE(
        validateMeasurements(figures(std::numeric_limits<double>::quiet_NaN(), std::nullopt, std::nullopt)).isEmpty());
    CHECK_THAT(validateMeasurements(figures(std::nullopt, 4200.0, 4100.0)).toStdString(), Catch::Contains("lower"));
    CHECK_THAT(
        validateMeasurements(figures(std::nullopt, 4200.0, std::nullopt)).toStdString(), Catch::Contains("both"));
    CHECK_THAT(validateMeasurements(figures(std::nullopt, 42.0, 50.0)).toStdString(), Catch::Contains("between"));
    CHECK_THAT(validateMeasurements(figures(std::nullopt, 4200.0, 4800.0)).toStdString(), Catch::Contains("500 g"));
}

TEST_CASE("Number fields: empty is nothing, numbers with a dot, anything else refused")
{
    std::optional<double> value = 1.0;
    CHECK(parseOptionalNumber("  ", value));
    CHECK_FALSE(value);
    CHECK(parseOptionalNumber("85.5", value));
    CHECK(value == 85.5);
    CHECK_FALSE(parseOptionalNumber("abc", value));
    CHECK_FALSE(parseOptionalNumber("inf", value));
    CHECK(optionalNumberText(85.5) == "85.5");
    CHECK(optionalNumberText(std::nullopt).isEmpty());
}
