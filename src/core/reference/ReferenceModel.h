#pragma once

#include <QList>
#include <QString>

// The published figures her log is compared with (see docs/reference-model.md), and the
// volume model built on them. Plain data: the app may change decayR and firstLetdownMl.
struct ReferenceModel {
    // Ramsay et al., Pediatrics 2004 (ultrasound, 62 feeds): 2.5 +/- 1.5 per breastfeed.
    double meanLetdownsPerBreastfeed = 2.5;
    double sdLetdownsPerBreastfeed = 1.5;
    // Up to 12 ejections have been recorded in one session.
    int mostLetdownsRecorded = 12;
    // Pumping: 3.3 (Prime 2011, at 12 months) to about 5 (Prime 2011, 15-min double pumping).
    double pumpingLetdownsLow = 3.3;
    double pumpingLetdownsHigh = 5.0;
    // About 30 ml (1 oz) for the first ejection; 140 g is the largest recorded single one.
    double firstLetdownMl = 30.0;
    double largestRecordedLetdownMl = 140.0;
    // Each later ejection is this fraction of the one before: v(k) = first * r^(k-1).
    // 0.6 puts about 45 % of a four-ejection session in the first (Ramsay 2005: 41-47 %).
    double decayR = 0.6;
    // Ramsay et al. 2005 (pumping): the first ejection gave 41 to 47 % of the milk (as a share).
    double firstLetdownShareLow = 0.41;
    double firstLetdownShareHigh = 0.47;

    // Which volume model set firstLetdownMl and decayR ("reference" or "fitted"), and where
    // its figures come from: every estimate names it (CSV, report, stats --json).
    QString volumeModelId = QStringLiteral("reference");
    QString volumeModelSource;

    static constexpr double kDefaultDecayR = 0.6;
    static constexpr double kDefaultFirstLetdownMl = 30.0;

    // Reference volume of the k-th ejection (k from 1), with no measured total.
    double referenceVolumeMl(int order) const;
    // Share of a measured total that falls on the k-th of n ejections: r^(k-1) / sum r^(j-1).
    double shareOfTotal(int order, int letdownCount) const;
    // Empty when the parameters are usable, else why not.
    QString validate() const;

    struct Citation {
        QString figure;
        QString source;
    };
    static const QList<Citation> &citations();
};
