#pragma once

#include <QString>

// fsync for files and folders: a file renamed into place is only durable once its data
// and the folder entry both reached the disk.
bool syncFile(const QString &path);
bool syncFolderOf(const QString &path);
// Whether the process that left a temporary file (its pid in the file's name) is gone, so
// the file is a leftover of a kill or power cut and may be removed.
bool processIsGone(qint64 pid);
// rename(2): replaces `to` in one step (QFile::rename refuses an existing target).
bool renamePath(const QString &from, const QString &to);
