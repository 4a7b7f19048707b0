#include "reference/ReferenceModel.h"

#include <QCoreApplication>

#include <cmath>

double ReferenceModel::referenceVolumeMl(int order) const
{
    return order < 1 ? 0.0 : firstLetdownMl * std::pow(decayR, order - 1);
}

double ReferenceModel::shareOfTotal(int order, int letdownCount) const
{
    if (order < 1 || order > letdownCount)
        return 0.0;
    double sum = 0.0;
    for (int j = 1; j <= letdownCount; ++j)
        sum += std::pow(decayR, j - 1);
    return std::pow(decayR, order - 1) / sum;
}

QString ReferenceModel::validate() const
{
    if (!(decayR > 0.0 && decayR <= 1.0))
        return QCoreApplication::translate("ReferenceModel", "The decay r must be above 0 and at most 1.");
    if (!(firstLetdownMl > 0.0 && firstLetdownMl <= largestRecordedLetdownMl))
        return QCoreApplication::translate(
            "ReferenceModel", "The first let-down volume must be above 0 and at most 140 ml.");
    return {};
}

const QList<ReferenceModel::Citation> &ReferenceModel::citations()
{
    static const QList<Citation> list = {
        {QStringLiteral("2.5 +/- 1.5 ejections per breastfeed (ultrasound, 62 feeds)"),
            QStringLiteral("Ramsay DT, Kent JC, Owens RA, Hartmann PE. Pediatrics 2004;113:361-7")},
        {QStringLiteral("later ejections are mostly not felt"), QStringLiteral("Ramsay et al. 2004")},
        {QStringLiteral("3.27 +/- 2.05 and 3.72 +/- 1.19 ejections per 10-min pumping session; "
                        "41-47 % of pumped volume in the first"),
            QStringLiteral("Ramsay DT et al. J Hum Lact 2005;21:421-8")},
        {QStringLiteral("5.1 +/- 2.0 ejections per 15-min double pumping (3.3 +/- 1.2 at 12 months)"),
            QStringLiteral("Prime DK et al. Breastfeed Med 2011;6:183-90")},
        {QStringLiteral("up to 12 ejections recorded in one session; about 30 ml for the first; "
                        "140 g the largest recorded single ejection"),
            QStringLiteral("\"Letdown: The Other Half\" (the article behind this app's reference figures)")},
    };
    return list;
}
