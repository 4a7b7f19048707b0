#include "settings/Preferences.h"

#include <QCoreApplication>

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Preferences)
};
} // namespace

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.unit = settings.value(QStringLiteral("units"), QStringLiteral("ml")).toString() == QLatin1String("oz")
        ? VolumeUnit::Oz
        : VolumeUnit::Ml;
    p.decayR = settings.value(QStringLiteral("model/decayR"), ReferenceModel::kDefaultDecayR).toDouble();
    p.firstLetdownMl
        = settings.value(QStringLiteral("model/firstEjectionMl"), ReferenceModel::kDefaultFirstLetdownMl).toDouble();
    p.defaultKind = sessionKindFromKey(settings.value(QStringLiteral("defaultKind")).toString());
    p.showReferenceLines = settings.value(QStringLiteral("charts/showReference"), true).toBool();
    p.databasePath = settings.value(QStringLiteral("databasePath")).toString();
    const int weekStart = settings.value(QStringLiteral("weekStartsOn"), int(Qt::Monday)).toInt();
    p.volumeModelChoice = settings.value(QStringLiteral("model/inUse")).toString() == QLatin1String("fitted")
        ? VolumeModelChoice::Fitted
        : VolumeModelChoice::Reference;
    // Names are for the report only; a runaway value from a hand-edited file is cut short.
    p.motherName = settings.value(QStringLiteral("report/motherName")).toString().left(kMaxNameLength);
    p.babyName = settings.value(QStringLiteral("report/babyName")).toString().left(kMaxNameLength);
    p.dayOptions.gap = settings.value(QStringLiteral("day/gap")).toString() == QLatin1String("end_to_start")
        ? GapConvention::EndToStart
        : GapConvention::StartToStart;
    p.reportNotesDays
        = std::clamp(settings.value(QStringLiteral("report/notesDays"), 14).toInt(), 0, kMaxReportNotesDays);
    p.scaleAutoConfirm = settings.value(QStringLiteral("scale/autoConfirm"), false).toBool();
    p.scaleBroker = settings.value(QStringLiteral("scale/mqttBroker")).toString().left(260);
    p.scaleTopic = settings.value(QStringLiteral("scale/mqttTopic")).toString().left(200);
    p.syncFolder = settings.value(QStringLiteral("sync/folder")).toString().left(4096);
    const int nightFrom = settings.value(QStringLiteral("day/nightFromHour"), 0).toInt();
    const int nightTo = settings.value(QStringLiteral("day/nightToHour"), 6).toInt();
    if (nightFrom >= 0 && nightFrom < nightTo && nightTo <= 24) {
        p.dayOptions.nightFromHour = nightFrom;
        p.dayOptions.nightToHour = nightTo;
    }
    p.weekStartsOn = weekStart >= Qt::Monday && weekStart <= Qt::Sunday ? Qt::DayOfWeek(weekStart) : Qt::Monday;
    if (!p.validate().isEmpty()) { // a hand-edited file: fall back to the published values
        p.decayR = ReferenceModel::kDefaultDecayR;
        p.firstLetdownMl = ReferenceModel::kDefaultFirstLetdownMl;
    }
    return p;
}

bool Preferences::save(QString &error) const
{
    QSettings settings;
    settings.setValue(QStringLiteral("units"), unit == VolumeUnit::Oz ? QStringLiteral("oz") : QStringLiteral("ml"));
    settings.setValue(QStringLiteral("model/decayR"), decayR);
    settings.setValue(QStringLiteral("model/firstEjectionMl"), firstLetdownMl);
    settings.setValue(QStringLiteral("defaultKind"), defaultKind ? toKey(*defaultKind) : QString());
    settings.setValue(QStringLiteral("charts/showReference"), showReferenceLines);
    settings.setValue(QStringLiteral("databasePath"), databasePath);
    settings.setValue(QStringLiteral("weekStartsOn"), int(weekStartsOn));
    settings.setValue(QStringLiteral("model/inUse"),
        volumeModelChoice == VolumeModelChoice::Fitted ? QStringLiteral("fitted") : QStringLiteral("reference"));
    settings.setValue(QStringLiteral("report/motherName"), motherName);
    settings.setValue(QStringLiteral("report/babyName"), babyName);
    settings.setValue(QStringLiteral("report/notesDays"), reportNotesDays);
    settings.setValue(QStringLiteral("day/gap"),
        dayOptions.gap == GapConvention::EndToStart ? QStringLiteral("end_to_start") : QStringLiteral("start_to_start"));
    settings.setValue(QStringLiteral("day/nightFromHour"), dayOptions.nightFromHour);
    settings.setValue(QStringLiteral("day/nightToHour"), dayOptions.nightToHour);
    settings.setValue(QStringLiteral("scale/autoConfirm"), scaleAutoConfirm);
    settings.setValue(QStringLiteral("scale/mqttBroker"), scaleBroker);
    settings.setValue(QStringLiteral("scale/mqttTopic"), scaleTopic);
    settings.setValue(QStringLiteral("sync/folder"), syncFolder);
    settings.sync();
    if (settings.status() == QSettings::NoError)
        return true;
    error = Text::tr("Your preferences could not be saved to %1.").arg(settings.fileName());
    return false;
}

void Preferences::moveFromOldPlace()
{
    // Before version 0.2 no organisation name was set, so Qt kept the file in
    // ~/.config/Unknown Organization/letdown.conf. Moved once, never overwriting a newer one.
    const QString configHome = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString oldPath = configHome + QStringLiteral("/Unknown Organization/letdown.conf");
    const QString newPath = QSettings().fileName();
    if (!QFileInfo::exists(oldPath) || QFileInfo::exists(newPath))
        return;
    QDir().mkpath(QFileInfo(newPath).absolutePath());
    if (QFile::rename(oldPath, newPath))
        QDir().rmdir(QFileInfo(oldPath).absolutePath()); // only when empty
}

QString Preferences::validate() const
{
    return referenceModel().validate();
}

ReferenceModel Preferences::referenceModel() const
{
    if (fittedModelInUse())
        return FittedVolumeModel(*currentFit).applyTo(ReferenceModel {});
    return volumeModel().applyTo(ReferenceModel {});
}

bool Preferences::fittedModelInUse() const
{
    return volumeModelChoice == VolumeModelChoice::Fitted && currentFit && currentFit->fitted && currentFit->ready;
}

LiteratureVolumeModel Preferences::volumeModel() const
{
    // Her first volume and decay (the published values unless she changed them).
    ReferenceModel figures;
    figures.firstLetdownMl = firstLetdownMl;
    figures.decayR = decayR;
    return LiteratureVolumeModel(figures);
}

QString VolumeFormat::symbol() const
{
    return unit == VolumeUnit::Oz ? Text::tr("oz") : Text::tr("ml");
}

QString VolumeFormat::text(double ml) const
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(fromMl(ml), 'f', decimals()), symbol());
}
