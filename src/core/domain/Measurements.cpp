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

std::optional<double> pumpedTotalMl(const Measurements &m)
{
    if (m.pumpedVolumeMl)
        return m.pumpedVolumeMl;
    if (m.leftVolumeMl && m.rightVolumeMl)
        return *m.leftVolumeMl + *m.rightVolumeMl;
    return std::nullopt;
}

void applyMeasurements(const Measurements &m, Session &s)
{
    s.pumpedVolumeMl = pumpedTotalMl(m);
    s.leftVolumeMl = m.leftVolumeMl;
    s.rightVolumeMl = m.rightVolumeMl;
    s.preFeedWeightG = m.preFeedWeightG;
    s.postFeedWeightG = m.postFeedWeightG;
    s.topupMl = m.topupMl;
    s.topupKind = m.topupMl ? m.topupKind : std::nullopt;
}

Measurements measurementsOf(const Session &s)
{
    return {
        s.pumpedVolumeMl, s.preFeedWeightG, s.postFeedWeightG, s.leftVolumeMl, s.rightVolumeMl, s.topupMl, s.topupKind};
}

QString validateMeasurements(const Measurements &m)
{
    for (const auto &volume : {m.pumpedVolumeMl, m.leftVolumeMl, m.rightVolumeMl, m.topupMl, pumpedTotalMl(m)}) {
        if (!volume)
            continue;
        if (!std::isfinite(*volume) || *volume < 0)
            return Text::tr("The volume cannot be negative.");
        if (*volume > kMaxSessionVolumeMl)
            return Text::tr("A volume above 500 ml for one session is not plausible; please check it.");
    }
    if (m.pumpedVolumeMl && m.leftVolumeMl && m.rightVolumeMl
        && std::abs(*m.pumpedVolumeMl - (*m.leftVolumeMl + *m.rightVolumeMl)) > 0.5)
        return Text::tr("The total is the sum of both breasts (%1 ml): leave it empty or correct it.")
            .arg(QLocale().toString(*m.leftVolumeMl + *m.rightVolumeMl, 'g', 6));
    if (m.topupMl && !m.topupKind)
        return Text::tr("Say what the top-up bottle held: breast milk or formula.");
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
