#include "domain/Measurements.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Measurements)
};

bool isWeightOutOfRange(const std::optional<double> &weightG)
{
    return weightG && (!std::isfinite(*weightG) || *weightG < kMinBabyWeightG || *weightG > kMaxBabyWeightG);
}
} // namespace

bool parseOptionalNumber(const QString &text, std::optional<double> &value)
{
    value.reset();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    bool ok = false;
    double number = QLocale().toDouble(trimmed, &ok);
    if (!ok)
        number = QLocale::c().toDouble(trimmed, &ok);
    if (ok && std::isfinite(number))
        value = number;
    return value.has_value();
}

QString optionalNumberText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'g', 6) : QString();
}

QString validateMeasurements(const Measurements &m)
{
    if (m.pumpedVolumeMl) {
        if (!std::isfinite(*m.pumpedVolumeMl) || *m.pumpedVolumeMl < 0)
            return Text::tr("The volume cannot be negative.");
        if (*m.pumpedVolumeMl > kMaxSessionVolumeMl)
            return Text::tr("A volume above 500 ml for one session is not plausible; please check it.");
    }
    if (isWeightOutOfRange(m.preFeedWeightG) || isWeightOutOfRange(m.postFeedWeightG))
        return Text::tr("Baby weights must be between 300 g and 30000 g.");
    if (m.preFeedWeightG.has_value() != m.postFeedWeightG.has_value())
        return Text::tr("A test-weigh needs both weights: before and after the feed.");
    if (m.preFeedWeightG && *m.postFeedWeightG < *m.preFeedWeightG)
        return Text::tr("The weight after the feed is lower than before: please check both weights.");
    if (m.preFeedWeightG && *m.postFeedWeightG - *m.preFeedWeightG > kMaxSessionVolumeMl)
        return Text::tr("A weight gain above 500 g in one feed is not plausible; please check it.");
    return {};
}
