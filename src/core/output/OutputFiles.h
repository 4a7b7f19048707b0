#pragma once

#include <QIODevice>
#include <QList>
#include <QString>

#include <functional>

// Every file Letdown writes for her (CSV, PDF, PNG) goes through here, so that an output
// never replaces something she owns:
// - a target that is her database, one of its companion files (-wal, -shm, -journal,
//   .lock, .checked, .restoring) or a backup is refused, however it is named (device and
//   inode are compared after resolving links), and so is a target that is the same file as
//   another output of the same command;
// - anything other than a regular file or a path that does not exist yet (a folder, a
//   device, a FIFO, a socket) is refused; "-" means standard output where allowed;
// - each output is written to a private (0600) temporary file beside its target, every
//   write checked, fsynced, and renamed over the target only when all outputs are
//   complete: all targets are replaced, or none.
// Temporary files left by a killed writer are removed the next time a file is written
// beside them.
class OutputFiles
{
public:
    // `databasePath`: the database whose files must never be written over (may be empty).
    explicit OutputFiles(const QString &databasePath);
    ~OutputFiles(); // removes whatever was not committed
    OutputFiles(const OutputFiles &) = delete;
    OutputFiles &operator=(const OutputFiles &) = delete;

    // Checks a target and adds it; returns its index, or -1 with `error` naming the file
    // and what it is.
    int add(const QString &path, bool standardOutputAllowed, QString &error);
    // Writes the contents of target `index` through a device.
    bool write(int index, const std::function<bool(QIODevice *, QString &)> &body, QString &error);
    // Writes several targets in one pass (an export reads her log once for two files): one
    // device per index, in the same order. A body that fails names the device it failed on.
    bool writeTogether(const QList<int> &indices,
        const std::function<bool(const QList<QIODevice *> &, qsizetype &failedDevice, QString &)> &body,
        QString &error);
    // For writers that want a file name (QPrinter): `body` writes the private temporary
    // file at the path it is given; `looksComplete` then checks what it wrote.
    bool writeToPath(int index, const std::function<bool(const QString &, QString &)> &body,
        const std::function<bool(const QByteArray &head, const QByteArray &tail)> &looksComplete, QString &error);
    // Puts every written output in place: all of them, or none.
    bool commit(QString &error);

    // What a target is, for messages ("a FIFO", "a folder" ...), or empty for a regular
    // file or a path that does not exist.
    static QString kindOfNonRegular(const QString &path);
    // The temporary-file name pattern beside `target` (for tests and the docs).
    static QString temporaryPrefixFor(const QString &target);

private:
    struct Output {
        QString target; // empty for standard output
        QString temporary;
        bool written = false;
    };
    bool checkNotProtected(const QString &path, QString &error) const;
    bool createTemporary(Output &output, QString &error);
    // fsyncs a complete temporary file and marks it ready for commit().
    bool finishWriting(Output &output, QString &error);
    static QString nameOf(const Output &output); // the target, or "standard output"
    static void removeLeftovers(const QString &target);

    QString m_databasePath;
    QList<Output> m_outputs;
};
