#include "import/LetdownCsvImporter.h"

#include "csv/SessionCsv.h"

#include <QCoreApplication>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LetdownCsvImporter)
};
} // namespace

bool LetdownCsvImporter::isSessionsHeader(const QStringList &header)
{
    return header.value(0) == QLatin1String("session_id") && header.contains(QStringLiteral("started_at"));
}

bool LetdownCsvImporter::isLetdownsHeader(const QStringList &header)
{
    return header.value(0) == QLatin1String("session_id") && header.contains(QStringLiteral("order"));
}

QList<Importer::FileKind> LetdownCsvImporter::fileKinds() const
{
    return {{QStringLiteral("sessions"), {"session_id", "kind", "started_at", "ended_at", "duration_s", "letdowns"}},
        {QStringLiteral("let-downs"), {"session_id", "order", "at", "offset_s"}}};
}

bool LetdownCsvImporter::recognises(const QStringList &header) const
{
    return isSessionsHeader(header) || isLetdownsHeader(header);
}

ImportResult LetdownCsvImporter::read(const QList<ImportFile> &files, const ImportOptions &) const
{
    // Its times carry their offsets and its volumes their unit: the options are not needed.
    ImportResult result;
    CsvImportInput input;
    bool haveSessions = false;
    for (const ImportFile &file : files) {
        const QStringList header = csvHeaderOf(file.bytes);
        if (isSessionsHeader(header) && !haveSessions) {
            input.sessionsCsv = file.bytes;
            input.sessionsName = file.name;
            haveSessions = true;
        } else if (isLetdownsHeader(header) && !input.letdownsCsv) {
            input.letdownsCsv = file.bytes;
            input.letdownsName = file.name;
        } else {
            result.problems << Text::tr("%1: only one sessions file and one let-downs file can be imported together.")
                                   .arg(file.name);
        }
    }
    if (!haveSessions)
        result.problems << Text::tr("A Letdown import needs its sessions file, not only the let-downs.");
    if (result.problems.isEmpty())
        readSessionsCsv(input, result.sessions, result.problems, &result.withoutFeed);
    return result;
}
