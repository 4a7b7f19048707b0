#pragma once

#include "csv/SessionCsv.h"
#include "domain/Session.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

class SessionStore;

// One file given to an import, already read (with the size limit counted while reading).
struct ImportFile {
    QString name; // for messages: "sessions.csv line 4: ..."
    QByteArray bytes;
};

// What she tells an import that the files do not say themselves.
struct ImportOptions {
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // for formats that write local times without an offset
    std::optional<VolumeUnit> unit; // for formats whose amounts carry no unit
};

// What an import found, before anything is written: the sessions, the rows it skipped on
// purpose (a bottle, a nap: not sessions) and why, warnings, and the problems that stop it.
// Every entry names its file and line.
struct ImportResult {
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed; // let-downs felt with no feed (Letdown's own export)
    // The rows skipped on purpose: the first kMaxListedSkips named with file and line, every
    // one counted by its reason (a file of millions of bottle feeds must not fill memory).
    static constexpr int kMaxListedSkips = 1000;
    QStringList skipped;
    QMap<QString, int> skippedByReason;
    int skippedCount() const;
    QStringList warnings;
    QStringList problems; // non-empty: nothing may be written
};

// One format of another tracker (or Letdown's own export): recognised by the header of its
// files, read into sessions. Importers only read; writing goes through SessionStore in one
// transaction, after she has seen the preview.
class Importer
{
public:
    virtual ~Importer() = default;
    virtual QString id() const = 0; // "letdown", used by `import --from`
    virtual QString displayName() const = 0;
    // Whether a file whose first record is `header` belongs to this format.
    virtual bool recognises(const QStringList &header) const = 0;
    // The columns that identify each kind of file of this format (for "this looks like a
    // Baby Buddy feeding file without its method column").
    struct FileKind {
        QString name; // "feeding", "sessions"
        QStringList columns;
    };
    virtual QList<FileKind> fileKinds() const = 0;
    // Reads files of this format (as recognised) into sessions.
    virtual ImportResult read(const QList<ImportFile> &files, const ImportOptions &options) const = 0;
};

// Every format Letdown reads, in the order they are tried.
const QList<const Importer *> &importers();
const Importer *importerWithId(const QString &id);
// The format of the files, by their headers: null when none (or more than one) recognises
// them all; `error` says which file was not recognised.
const Importer *detectImporter(const QList<ImportFile> &files, QString &error);
// Reads a file for an import, counting bytes as they come (a pipe or a device has no size
// to ask first) and stopping at CsvReader::kMaxFileBytes. False with `error` naming the file.
bool readImportFile(const QString &path, ImportFile &file, QString &error);
// The first record of a CSV text (empty when it cannot be parsed).
QStringList csvHeaderOf(const QByteArray &bytes);

// One paragraph for her: what the import found, before anything is written ("Huckleberry:
// 42 nursing and 10 pumping sessions from 2025-04-01 to 2025-05-10, times read in
// Europe/Berlin; 17 rows skipped: 12 bottle feeds ...").
QString importSummary(const Importer &importer, const ImportResult &result, const ImportOptions &options);
// Imported sessions that overlap one she logged in Letdown: one warning each (both are kept).
QStringList overlapWarnings(const QList<Session> &imported, const QList<Session> &stored);
// The same against the store, read around the imported sessions' dates (nothing for Letdown's
// own export); a failed read is itself a warning, so she knows the check did not happen.
QStringList storedOverlapWarnings(SessionStore &store, const QList<Session> &imported);
