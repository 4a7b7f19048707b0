#pragma once

#include <QDir>
#include <QStandardPaths>
#include <QString>

// Where a file dialog or a default file name starts: the standard folder (Documents,
// Downloads) when it exists, else her home folder. Nothing is created she did not ask for,
// and the path ends in '/', so a file dialog opens the folder instead of typing its name in.
inline QString startFolder(QStandardPaths::StandardLocation location)
{
    const QString standard = QStandardPaths::writableLocation(location);
    const QString folder = !standard.isEmpty() && QDir(standard).exists() ? standard : QDir::homePath();
    return folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
}
