#include "import/Importer.h"

#include "csv/Csv.h"
#include "import/LetdownCsvImporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Importer)
};
} // namespace

const QList<const Importer *> &importers()
{
    static const LetdownCsvImporter letdown;
    static const QList<const Importer *> all = {&letdown};
    return all;
}

const Importer *importerWithId(const QString &id)
{
    for (const Importer *importer : importers())
        if (importer->id() == id)
            return importer;
    return nullptr;
}

QStringList csvHeaderOf(const QByteArray &bytes)
{
    // Only the first line is needed; a header has no quoted line breaks.
    const qsizetype end = bytes.indexOf('\n');
    CsvReader reader;
    if (!reader.parse(end < 0 ? bytes : bytes.left(end + 1)) || reader.records().isEmpty())
        return {};
    QStringList header = reader.records().constFirst().fields;
    for (QString &name : header)
        name = name.trimmed();
    return header;
}

const Importer *detectImporter(const QList<ImportFile> &files, QString &error)
{
    for (const Importer *importer : importers()) {
        bool all = !files.isEmpty();
        for (const ImportFile &file : files)
            all = all && importer->recognises(csvHeaderOf(file.bytes));
        if (all)
            return importer;
    }
    for (const ImportFile &file : files) {
        bool known = false;
        for (const Importer *importer : importers())
            known = known || importer->recognises(csvHeaderOf(file.bytes));
        if (!known) {
            error = Text::tr("%1 line 1: this is not a file Letdown can import (its columns are not those of a "
                             "known export).")
                        .arg(file.name);
            return nullptr;
        }
    }
    error = Text::tr("These files come from different apps; import them one app at a time.");
    return nullptr;
}

bool readImportFile(const QString &path, ImportFile &file, QString &error)
{
    file = {QFileInfo(path).fileName(), {}};
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        error = Text::tr("Cannot read %1: %2").arg(path, input.errorString());
        return false;
    }
    QByteArray chunk;
    while (!(chunk = input.read(1 << 20)).isEmpty()) {
        file.bytes += chunk;
        if (file.bytes.size() > CsvReader::kMaxFileBytes) {
            file.bytes.clear();
            error = Text::tr("%1 is too large (the limit is %2 MB).")
                        .arg(path)
                        .arg(CsvReader::kMaxFileBytes / (1024 * 1024));
            return false;
        }
    }
    if (input.error() != QFileDevice::NoError) {
        error = Text::tr("Cannot read %1: %2").arg(path, input.errorString());
        return false;
    }
    return true;
}
