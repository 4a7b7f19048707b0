#pragma once

#include "import/Importer.h"

// Letdown's own export: a sessions file and, optionally, its let-downs file (recognised by
// their headers, in either order; either unit).
class LetdownCsvImporter final : public Importer
{
public:
    QString id() const override { return QStringLiteral("letdown"); }
    QString displayName() const override { return QStringLiteral("Letdown"); }
    bool recognises(const QStringList &header) const override;
    QList<FileKind> fileKinds() const override;
    ImportResult read(const QList<ImportFile> &files, const ImportOptions &options) const override;

    static bool isSessionsHeader(const QStringList &header);
    static bool isLetdownsHeader(const QStringList &header);
};
