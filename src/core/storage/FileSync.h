#pragma once

#include <QString>

// fsync for files and folders: a file renamed into place is only durable once its data
// and the folder entry both reached the disk.
bool syncFile(const QString &path);
bool syncFolderOf(const QString &path);
// rename(2): replaces `to` in one step (QFile::rename refuses an existing target).
bool renamePath(const QString &from, const QString &to);
