#pragma once

#include <QByteArray>
#include <QtGlobal>

// The phone remote's settings, beside her other preferences (QSettings, group "remote"):
// off by default; the pairing key is made the first time it is needed and kept until she
// forgets all phones. The settings file is made readable by her alone while it holds a key.
struct RemoteSettings {
    bool enabled = false;
    quint16 port = 8717;
    QByteArray key; // hex; empty until paired the first time

    static RemoteSettings load();
    bool save() const;
    // The saved key, or a new one saved now.
    static QByteArray keyMakingOne();
    // A new key: every phone paired so far is refused from now on.
    static QByteArray forgetAllPhones();
};
