#include "domain/Technique.h"

#include <QCoreApplication>
#include <QtGlobal>

const QList<Technique> &allTechniques()
{
    // Candidates from the reference material (see docs/reference-model.md).
    static const QList<Technique> techniques = {
        {QStringLiteral("warm_compress"), QT_TRANSLATE_NOOP("Technique", "Warm compress"),
            QT_TRANSLATE_NOOP("Technique", "Warm moist compress, or a warm shower or bath")},
        {QStringLiteral("breast_massage"), QT_TRANSLATE_NOOP("Technique", "Breast massage"),
            QT_TRANSLATE_NOOP("Technique", "Light or firm breast massage")},
        {QStringLiteral("back_rub"), QT_TRANSLATE_NOOP("Technique", "Back or shoulder rub"),
            QT_TRANSLATE_NOOP("Technique", "Shoulder or back rub, spine walk, acupressure point")},
        {QStringLiteral("nipple_stimulation"), QT_TRANSLATE_NOOP("Technique", "Nipple stimulation"),
            QT_TRANSLATE_NOOP("Technique", "Tickling, rolling or gently pulling the nipple")},
        {QStringLiteral("reverse_pressure_softening"), QT_TRANSLATE_NOOP("Technique", "Reverse pressure softening"),
            QT_TRANSLATE_NOOP("Technique", "Pressing around the areola to soften it (RPS)")},
        {QStringLiteral("oxytocin_spray"), QT_TRANSLATE_NOOP("Technique", "Oxytocin spray"),
            QT_TRANSLATE_NOOP("Technique", "Synthetic oxytocin nasal spray")},
        {QStringLiteral("usual_spot"), QT_TRANSLATE_NOOP("Technique", "Usual nursing spot"),
            QT_TRANSLATE_NOOP("Technique", "Her usual place for nursing or pumping")},
    };
    return techniques;
}

QString techniqueLabel(const QString &key)
{
    for (const auto &technique : allTechniques())
        if (technique.key == key)
            return QCoreApplication::translate("Technique", technique.label);
    return key;
}

bool isKnownTechniqueKey(const QString &key)
{
    for (const auto &technique : allTechniques())
        if (technique.key == key)
            return true;
    return false;
}
