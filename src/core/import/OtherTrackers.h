#pragma once

#include "import/Importer.h"

// Other trackers' exports (docs/import.md). Each reads breastfeeds and pumping sessions;
// bottles, sleep, nappies and the rest are skipped with their reason. Their sessions have
// no let-downs logged. Times are local to the zone in ImportOptions.

// Baby Buddy's admin export: feeding and pumping, one CSV each.
class BabyBuddyImporter final : public Importer
{
public:
    QString id() const override { return QStringLiteral("babybuddy"); }
    QString displayName() const override { return QStringLiteral("Baby Buddy"); }
    bool recognises(const QStringList &header) const override;
    QList<FileKind> fileKinds() const override;
    ImportResult read(const QList<ImportFile> &files, const ImportOptions &options) const override;
    // Whether the files hold amounts without a unit (then ImportOptions::unit is needed).
    static bool needsUnit(const QList<ImportFile> &files);
};

// Huckleberry's "Export tracking data as CSV": every kind of entry in one file.
class HuckleberryImporter final : public Importer
{
public:
    QString id() const override { return QStringLiteral("huckleberry"); }
    QString displayName() const override { return QStringLiteral("Huckleberry"); }
    bool recognises(const QStringList &header) const override;
    QList<FileKind> fileKinds() const override;
    ImportResult read(const QList<ImportFile> &files, const ImportOptions &options) const override;
};

// Baby Tracker (Nighp): nursing.csv and pump.csv.
class BabyTrackerImporter final : public Importer
{
public:
    QString id() const override { return QStringLiteral("babytracker"); }
    QString displayName() const override { return QStringLiteral("Baby Tracker"); }
    bool recognises(const QStringList &header) const override;
    QList<FileKind> fileKinds() const override;
    ImportResult read(const QList<ImportFile> &files, const ImportOptions &options) const override;
};
