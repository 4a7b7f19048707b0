#include "remote/RemoteSettings.h"

#include "remote/RemoteAccess.h"

#include <QFile>
#include <QSettings>

RemoteSettings RemoteSettings::load()
{
    QSettings settings;
    RemoteSettings out;
    out.enabled = settings.value(QStringLiteral("remote/enabled"), false).toBool();
    const uint port = settings.value(QStringLiteral("remote/port"), 8717).toUInt();
    out.port = port >= 1024 && port <= 65535 ? quint16(port) : quint16(8717);
    out.key = settings.value(QStringLiteral("remote/key")).toByteArray();
    return out;
}

bool RemoteSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("remote/enabled"), enabled);
    settings.setValue(QStringLiteral("remote/port"), port);
    settings.setValue(QStringLiteral("remote/key"), key);
    settings.sync();
    if (!key.isEmpty())
        QFile::setPermissions(settings.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return settings.status() == QSettings::NoError;
}

QByteArray RemoteSettings::keyMakingOne()
{
    RemoteSettings settings = load();
    if (settings.key.size() < 32) { // 128 bits at least
        settings.key = RemoteAccess::newSecret();
        settings.save();
    }
    return settings.key;
}

QByteArray RemoteSettings::forgetAllPhones()
{
    RemoteSettings settings = load();
    settings.key = RemoteAccess::newSecret();
    settings.save();
    return settings.key;
}
