#pragma once

#include "remote/RemoteServer.h"

#include <QDateTime>
#include <QObject>

#include <memory>

// The phone remote as the window runs it: on or off as saved in her settings, listening on
// this computer's home-network addresses (and loopback), with the saved key. The window
// and its dialog only switch it and read what to show.
class RemoteService : public QObject
{
    Q_OBJECT

public:
    explicit RemoteService(Journal &journal, QObject *parent = nullptr);
    ~RemoteService() override;

    // Starts it if her settings say so (at start-up). False with lastError() when it could not.
    bool startIfEnabled();
    // Switches it on or off and saves that choice.
    bool setEnabled(bool on);
    bool isOn() const { return m_server != nullptr; }
    QString lastError() const { return m_error; }
    QList<QUrl> pairingUrls() const;
    std::optional<qint64> lastPhoneSeenUtcMs() const { return m_lastSeenUtcMs; }
    // A new key: paired phones are refused until they scan the new code.
    void forgetAllPhones();
    // Where it listens (tests choose loopback only); empty: home network plus loopback.
    // Where the remote's scale readings go (POST /api/v1/scale), now and after a restart.
    void setLiveScale(LiveScale *scale);
    void setAddressesForTesting(const QList<QHostAddress> &addresses, quint16 port);

signals:
    void changed();

private:
    bool start();

    Journal &m_journal;
    std::unique_ptr<RemoteServer> m_server;
    QString m_error;
    std::optional<qint64> m_lastSeenUtcMs;
    QList<QHostAddress> m_testAddresses;
    std::optional<quint16> m_testPort;
    LiveScale *m_scale = nullptr;
};
