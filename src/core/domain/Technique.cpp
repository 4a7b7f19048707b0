#include "domain/Technique.h"

#include <QCoreApplication>
#include <QtGlobal>

const QList<Technique> &allTechniques()
{
    // Candidates from the reference material (see docs/reference-model.md).
    static const QList<Technique> techniques = {
        {QStringLiteral("warm_compress"), QT_TRANSLATE_NOOP("Technique", "Warm compress"),
            QT_TRANSLATE_NOOP("Technique", "Warm moist compress, or a warm shower or bath"),
            QT_TRANSLATE_NOOP("Technique", "a warm compress")},
        {QStringLiteral("breast_massage"), QT_TRANSLATE_NOOP("Technique", "Breast massage"),
            QT_TRANSLATE_NOOP("Technique", "Light or firm breast massage"),
            QT_TRANSLATE_NOOP("Technique", "breast massage")},
        {QStringLiteral("back_rub"), QT_TRANSLATE_NOOP("Technique", "Back or shoulder rub"),
            QT_TRANSLATE_NOOP("Technique", "Shoulder or back rub, spine walk, acupressure point"),
            QT_TRANSLATE_NOOP("Technique", "a back or shoulder rub")},
        {QStringLiteral("nipple_stimulation"), QT_TRANSLATE_NOOP("Technique", "Nipple stimulation"),
            QT_TRANSLATE_NOOP("Technique", "Tickling, rolling or gently pulling the nipple"),
            QT_TRANSLATE_NOOP("Technique", "nipple stimulation")},
        {QStringLiteral("reverse_pressure_softening"), QT_TRANSLATE_NOOP("Technique", "Reverse pressure softening"),
            QT_TRANSLATE_NOOP("Technique", "Pressing around the areola to soften it (RPS)"),
            QT_TRANSLATE_NOOP("Technique", "reverse pressure softening")},
        {QStringLiteral("oxytocin_spray"), QT_TRANSLATE_NOOP("Technique", "Oxytocin spray"),
            QT_TRANSLATE_NOOP("Technique", "Synthetic oxytocin nasal spray"),
            QT_TRANSLATE_NOOP("Technique", "oxytocin spray")},
        {QStringLiteral("usual_spot"), QT_TRANSLATE_NOOP("Technique", "Usual nursing spot"),
            QT_TRANSLATE_NOOP("Technique", "Her usual place for nursing or pumping"),
            QT_TRANSLATE_NOOP("Technique", "your usual spot")},
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

QString techniqueInSentence(const QString &key)
{
    for (const auto &technique : allTechniques())
        if (technique.key == key)
            return QCoreApplication::translate("Technique", technique.inSentence);
    return key;
}

bool isKnownTechniqueKey(const QString &key)
{
    for (const auto &technique : allTechniques())
        if (technique.key == key)
            return true;
    return false;
}
