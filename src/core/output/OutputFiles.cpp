#include "output/OutputFiles.h"

#include "storage/Backups.h"
#include "storage/FileSync.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OutputFiles)
};

const QString kPartMarker = QStringLiteral(".letdown-part-");
const QString kOldMarker = QStringLiteral(".letdown-old-");

struct Identity {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const Identity &) const = default;
};

// The file a path names after following links, if it exists.
std::optional<Identity> identityOf(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return Identity {info.st_dev, info.st_ino};
}

// The absolute path with links in its folders resolved, also for a file not created yet.
QString resolvedPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}

bool writeToStandardOutput(const QByteArray &bytes, QString &error)
{
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
        || std::fflush(stdout) != 0) {
        error = Text::tr("Cannot write to standard output.");
        return false;
    }
    return true;
}
} // namespace

OutputFiles::OutputFiles(const QString &databasePath)
    : m_databasePath(databasePath.isEmpty() ? QString() : QFileInfo(databasePath).absoluteFilePath())
{ }

OutputFiles::~OutputFiles()
{
    for (const Output &output : std::as_const(m_outputs))
        if (!output.temporary.isEmpty())
            QFile::remove(output.temporary);
}

QString OutputFiles::temporaryPrefixFor(const QString &target)
{
    const QFileInfo info(target);
    return QDir(info.absolutePath()).filePath(QStringLiteral(".") + info.fileName() + kPartMarker);
}

QString OutputFiles::kindOfNonRegular(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || S_ISREG(info.st_mode))
        return {};
    if (S_ISDIR(info.st_mode))
        return Text::tr("a folder");
    if (S_ISCHR(info.st_mode))
        return Text::tr("a character device");
    if (S_ISBLK(info.st_mode))
        return Text::tr("a block device");
    if (S_ISFIFO(info.st_mode))
        return Text::tr("a pipe (FIFO)");
    if (S_ISSOCK(info.st_mode))
        return Text::tr("a socket");
    return Text::tr("not a regular file");
}

void OutputFiles::removeLeftovers(const QString &target)
{
    // `.NAME.letdown-part-PID-RANDOM` and `NAME.letdown-old-PID`: removed once their
    // writer is gone (a kill, a power cut).
    const QFileInfo info(target);
    const QDir folder(info.absolutePath());
    const QString part = QStringLiteral(".") + info.fileName() + kPartMarker;
    const QString old = info.fileName() + kOldMarker;
    const QStringList names = folder.entryList(
        {part + QStringLiteral("*"), old + QStringLiteral("*")}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        const QString rest = name.mid(name.startsWith(part) ? part.size() : old.size());
        if (processIsGone(rest.section(u'-', 0, 0).toLongLong()))
            QFile::remove(folder.filePath(name));
    }
}

bool OutputFiles::checkNotProtected(const QString &path, QString &error) const
{
    if (m_databasePath.isEmpty())
        return true;
    const QString resolved = resolvedPath(path);
    const std::optional<Identity> target = identityOf(path);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
             QStringLiteral("-journal"), QStringLiteral(".lock"), QStringLiteral(".checked"),
             QStringLiteral(".restoring")}) {
        const QString own = m_databasePath + suffix;
        const bool sameName = resolved == resolvedPath(own);
        const bool sameFile = target && identityOf(own) == target;
        if (sameName || sameFile) {
            error = suffix.isEmpty()
                ? Text::tr("%1 is your Letdown database; an output never replaces it. Choose another file.").arg(path)
                : Text::tr("%1 belongs to your Letdown database (%2); an output never replaces it.")
                      .arg(path, QFileInfo(own).fileName());
            return false;
        }
    }
    const QString backups = Backups::folderFor(m_databasePath);
    const QString backupsResolved = resolvedPath(backups);
    bool isBackup = QFileInfo(resolved).absolutePath() == backupsResolved;
    if (!isBackup && target) {
        const QDir folder(backups);
        for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden))
            isBackup = isBackup || identityOf(folder.filePath(name)) == target;
    }
    if (isBackup) {
        error = Text::tr("%1 is in (or is) a backup of your Letdown database; an output never goes there.").arg(path);
        return false;
    }
    return true;
}

int OutputFiles::add(const QString &path, bool standardOutputAllowed, QString &error)
{
    if (path == QLatin1String("-")) {
        for (const Output &other : std::as_const(m_outputs))
            if (other.target.isEmpty()) {
                error = Text::tr("Only one output can go to standard output (-).");
                return -1;
            }
        if (!standardOutputAllowed) {
            error = Text::tr("This output cannot go to standard output (-): name a file.");
            return -1;
        }
        m_outputs.append(Output {});
        return int(m_outputs.size() - 1);
    }
    if (path.isEmpty()) {
        error = Text::tr("No output file was named.");
        return -1;
    }
    const QString kind = kindOfNonRegular(path);
    if (!kind.isEmpty()) {
        error = Text::tr("%1 is %2, not a regular file; Letdown writes outputs only to regular files%3.")
                    .arg(path, kind, standardOutputAllowed ? Text::tr(" (use - for standard output)") : QString());
        return -1;
    }
    if (!checkNotProtected(path, error))
        return -1;
    const QString resolved = resolvedPath(path);
    const std::optional<Identity> identity = identityOf(path);
    for (const Output &other : std::as_const(m_outputs)) {
        if (other.target.isEmpty())
            continue;
        if (resolvedPath(other.target) == resolved || (identity && identityOf(other.target) == identity)) {
            error = Text::tr("%1 and %2 are the same file: each output needs a file of its own.")
                        .arg(other.target, path);
            return -1;
        }
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        error = Text::tr("Cannot write %1: the folder %2 does not exist.").arg(path, QFileInfo(path).absolutePath());
        return -1;
    }
    removeLeftovers(path);
    m_outputs.append(Output {path, QString(), false});
    return int(m_outputs.size() - 1);
}

bool OutputFiles::createTemporary(Output &output, QString &error)
{
    const QString folder = output.target.isEmpty() ? QDir::tempPath() : QFileInfo(output.target).absolutePath();
    const QString prefix = output.target.isEmpty()
        ? QDir(folder).filePath(QStringLiteral(".letdown-stdout") + kPartMarker)
        : temporaryPrefixFor(output.target);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const QString candidate = prefix
            + QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(QRandomGenerator::global()->generate(), 0, 36);
        // Private from the first byte: O_EXCL with mode 0600, never a file someone else made.
        const int fd = ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            output.temporary = candidate;
            return true;
        }
        if (errno != EEXIST)
            break;
    }
    error = Text::tr("Cannot create a temporary file in %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

QString OutputFiles::nameOf(const Output &output)
{
    return output.target.isEmpty() ? Text::tr("standard output") : output.target;
}

bool OutputFiles::finishWriting(Output &output, QString &error)
{
    if (!syncFile(output.temporary)) {
        error = Text::tr("Cannot write %1: the data could not be synced to the disk.").arg(nameOf(output));
        return false;
    }
    output.written = true;
    return true;
}

bool OutputFiles::write(int index, const std::function<bool(QIODevice *, QString &)> &body, QString &error)
{
    return writeTogether(
        {index},
        [&](const QList<QIODevice *> &devices, qsizetype &failedDevice, QString &bodyError) {
            failedDevice = 0;
            return body(devices.first(), bodyError);
        },
        error);
}

bool OutputFiles::writeTogether(const QList<int> &indices,
    const std::function<bool(const QList<QIODevice *> &, qsizetype &, QString &)> &body, QString &error)
{
    std::vector<std::unique_ptr<QFile>> files;
    QList<QIODevice *> devices;
    for (const int index : indices) {
        Output &output = m_outputs[index];
        if (!createTemporary(output, error))
            return false;
        auto file = std::make_unique<QFile>(output.temporary);
        if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            error = Text::tr("Cannot write %1: %2").arg(nameOf(output), file->errorString());
            return false;
        }
        devices << file.get();
        files.push_back(std::move(file));
    }
    qsizetype failedDevice = 0;
    QString bodyError;
    const bool wrote = body(devices, failedDevice, bodyError);
    if (!wrote) {
        error = Text::tr("Cannot write %1: %2")
                    .arg(nameOf(m_outputs[indices.value(failedDevice, indices.first())]), bodyError);
        return false;
    }
    for (size_t i = 0; i < files.size(); ++i) {
        QFile &file = *files[i];
        errno = 0;
        const bool flushed = file.flush() && file.error() == QFileDevice::NoError;
        // A write the system refused (a full disk, a file size limit) can leave QFile's text at
        // "Unknown error": the system's own reason says what happened.
        const QString fileError = errno != 0 ? qt_error_string(errno) : file.errorString();
        file.close();
        if (!flushed) {
            error = Text::tr("Cannot write %1: %2").arg(nameOf(m_outputs[indices[qsizetype(i)]]), fileError);
            return false;
        }
    }
    for (const int index : indices)
        if (!finishWriting(m_outputs[index], error))
            return false;
    return true;
}

bool OutputFiles::writeToPath(int index, const std::function<bool(const QString &, QString &)> &body,
    const std::function<bool(const QByteArray &, const QByteArray &)> &looksComplete, QString &error)
{
    Output &output = m_outputs[index];
    if (!createTemporary(output, error) || !body(output.temporary, error))
        return false;
    QFile file(output.temporary);
    QByteArray head, tail;
    if (file.open(QIODevice::ReadOnly)) {
        head = file.read(16);
        if (file.size() > 1024)
            file.seek(file.size() - 1024);
        tail = file.readAll();
    }
    if (!looksComplete(head, tail)) {
        error = Text::tr("Cannot write %1: the file came out incomplete (is the disk full?).").arg(nameOf(output));
        return false;
    }
    return finishWriting(output, error);
}

bool OutputFiles::commit(QString &error)
{
    for (const Output &output : std::as_const(m_outputs))
        if (!output.written) {
            error = Text::tr("Internal error: an output was not written.");
            return false;
        }
    // Keep each replaced file under a second name (a hard link) until all are in place, so
    // a failure half way puts the old ones back.
    const QString oldSuffix = kOldMarker + QString::number(QCoreApplication::applicationPid());
    QList<int> done;
    QStringList keptOld;
    bool ok = true;
    for (int i = 0; i < m_outputs.size() && ok; ++i) {
        const Output &output = m_outputs[i];
        if (output.target.isEmpty())
            continue;
        const QString old = output.target + oldSuffix;
        QFile::remove(old);
        const bool hadOld = QFileInfo::exists(output.target)
            && ::link(QFile::encodeName(output.target).constData(), QFile::encodeName(old).constData()) == 0;
        keptOld << (hadOld ? old : QString());
        ok = renamePath(output.temporary, output.target);
        if (ok)
            done << i;
        else
            error = Text::tr("Cannot put %1 in place.").arg(output.target);
    }
    if (!ok) {
        for (int i : std::as_const(done)) {
            const QString &old = keptOld[i];
            if (!old.isEmpty())
                renamePath(old, m_outputs[i].target);
            else
                QFile::remove(m_outputs[i].target);
        }
    }
    for (const QString &old : std::as_const(keptOld))
        if (!old.isEmpty())
            QFile::remove(old);
    if (!ok)
        return false;
    for (int i : std::as_const(done)) {
        m_outputs[i].temporary.clear(); // in place now: not removed by the destructor
        if (!syncFolderOf(m_outputs[i].target)) {
            error = Text::tr("%1 was written, but its folder could not be synced to the disk.").arg(m_outputs[i].target);
            return false;
        }
    }
    for (Output &output : m_outputs) {
        if (!output.target.isEmpty())
            continue;
        QFile file(output.temporary);
        if (!file.open(QIODevice::ReadOnly) || !writeToStandardOutput(file.readAll(), error))
            return false;
    }
    return true;
}
