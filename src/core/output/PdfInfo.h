#pragma once

#include <QDateTime>
#include <QString>

// The document properties a PDF viewer shows (title, author). Qt 6.4 writes only a title and
// a creator, so these are appended as a PDF incremental update (ISO 32000-1, 7.5.6): a new
// Info dictionary, a cross-reference section for it and a trailer pointing back to the
// previous one. Nothing Qt wrote is changed.
struct PdfInfo {
    QString title;
    QString author; // empty: none
    QString creator;
    QDateTime created;
};

// Appends the update to the complete PDF at `path`. False with `error` when the file is not
// a PDF whose end this understands (it is then left as it was) or cannot be written.
bool appendPdfInfo(const QString &path, const PdfInfo &info, QString &error);
