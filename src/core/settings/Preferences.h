#pragma once

#include "domain/Session.h"
#include "domain/VolumeUnit.h"
#include "model/FittedVolumeModel.h"
#include "model/VolumeModel.h"
#include "reference/ReferenceModel.h"
#include "domain/DayOptions.h"

#include <QString>

#include <optional>

// Her choices, kept with QSettings (~/.config/letdown/letdown.conf). Plain data plus load/save;
// every screen reads what it needs from here when it is told the preferences changed.
struct Preferences {
    static constexpr int kMaxNameLength = 80;
    VolumeUnit unit = VolumeUnit::Ml;
    double decayR = ReferenceModel::kDefaultDecayR;
    double firstLetdownMl = ReferenceModel::kDefaultFirstLetdownMl;
    std::optional<SessionKind> defaultKind; // empty: the kind she used last
    bool showReferenceLines = true;
    // The first day of the week in calendars. Statistics always use ISO weeks (Monday).
    Qt::DayOfWeek weekStartsOn = Qt::Monday;
    QString databasePath; // empty: the default location
    // Which model estimates her volumes. "Fitted" takes effect only while her fit is ready;
    // otherwise the literature's is used (and the window says so).
    enum class VolumeModelChoice { Reference, Fitted };
    VolumeModelChoice volumeModelChoice = VolumeModelChoice::Reference;
    // The consultant's page (docs/consultant.md): names on the report (optional), how the
    // gap between feeds is counted, and which hours are night.
    QString motherName;
    QString babyName;
    DayOptions dayOptions;
    // Her notes go to the report's appendix from this many days before its end (0: none).
    int reportNotesDays = 14;
    static constexpr int kMaxReportNotesDays = 3660;
    // A scale under the bottle (docs/scale.md): the let-downs it finds are added without
    // asking (else offered to confirm).
    bool scaleAutoConfirm = false;
    // An MQTT broker ("host:port") and topic where the scale publishes its weight; empty: none.
    QString scaleBroker;
    QString scaleTopic;
    // A folder Syncthing keeps the same on the family's devices (docs/sync.md); empty: no sync.
    QString syncFolder;
    // Not saved: her model fitted to her sessions as they are now, set by whoever holds
    // them (the window, a command). Empty: no measured session (or not looked at).
    std::optional<VolumeFit> currentFit;

    static Preferences load();
    // False with `error` when the settings file could not be written.
    bool save(QString &error) const;
    // Moves a settings file from where versions before 0.2 kept it (once).
    static void moveFromOldPlace();
    // Empty when usable, else why not (for the dialog).
    QString validate() const;

    // The figures every estimate takes: the published ones with the curve of the model in use.
    ReferenceModel referenceModel() const;
    // The literature's model (with her first volume and decay, if she changed them).
    LiteratureVolumeModel volumeModel() const;
    // She chose her own model and it is ready: it estimates her volumes.
    bool fittedModelInUse() const;
    bool operator==(const Preferences &) const = default;
};

// Volumes as she reads and types them: ml or oz (1 oz = 29.5735 ml).
struct VolumeFormat {
    VolumeUnit unit = VolumeUnit::Ml;

    double fromMl(double ml) const { return unit == VolumeUnit::Oz ? ml / kMlPerOz : ml; }
    double toMl(double value) const { return unit == VolumeUnit::Oz ? value * kMlPerOz : value; }
    int decimals() const { return unit == VolumeUnit::Oz ? 2 : 0; }
    QString symbol() const; // "ml" or "oz"
    QString text(double ml) const; // "85 ml", "2.87 oz" in the locale
};
