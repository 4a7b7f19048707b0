#pragma once

#include <QList>
#include <QString>

// A let-down technique she can tick for a session. The key is stable (database, exports);
// the label is English source text, translated by the app.
struct Technique {
    QString key;
    const char *label;
    const char *description;
    const char *inSentence; // after "With ...": "a warm compress" (translated as a phrase)
};

const QList<Technique> &allTechniques();
bool isKnownTechniqueKey(const QString &key);
// Her language's name for a technique key (the key itself for an unknown one).
QString techniqueLabel(const QString &key);
// The technique as it reads inside a sentence ("With a warm compress, ...").
QString techniqueInSentence(const QString &key);
