#include "remote/RemoteService.h"

#include "journal/Journal.h"
#include "base/Clock.h"
#include "remote/RemoteSettings.h"

#include <QHostInfo>

RemoteService::RemoteService(Journal &journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
{ }

RemoteService::~RemoteService() = default;

void RemoteService::setAddressesForTesting(const QList<QHostAddress> &addresses, quint16 port)
{
    m_testAddresses = addresses;
    m_testPort = port;
}

bool RemoteService::startIfEnabled()
{
    return !RemoteSettings::load().enabled || start();
}

bool RemoteService::setEnabled(bool on)
{
    RemoteSettings settings = RemoteSettings::load();
    settings.enabled = on;
    if (!settings.save()) {
        m_error = tr("The setting could not be saved.");
        emit changed();
        return false;
    }
    if (!on) {
        m_server.reset();
        m_error.clear();
        emit changed();
        return true;
    }
    return start();
}

bool RemoteService::start()
{
    m_server.reset();
    auto server = std::make_unique<RemoteServer>(m_journal);
    server->setSecret(RemoteSettings::keyMakingOne());
    const QString hostName = QHostInfo::localHostName();
    server->setHostNames({hostName, hostName + QStringLiteral(".local")});
    QList<QHostAddress> addresses = m_testAddresses;
    if (addresses.isEmpty())
        addresses = RemoteAccess::homeNetworkAddresses() << QHostAddress(QHostAddress::LocalHost);
    const quint16 port = m_testPort.value_or(RemoteSettings::load().port);
    QString error;
    if (!server->listen(addresses, port, error)) {
        m_error = tr("The phone remote could not start: %1").arg(error);
        emit changed();
        return false;
    }
    connect(server.get(), &RemoteServer::phoneSeen, this, [this] {
        m_lastSeenUtcMs = m_journal.clock().wallUtcMs();
        emit changed();
    });
    server->setLiveScale(m_scale);
    m_server = std::move(server);
    m_error.clear();
    emit changed();
    return true;
}

void RemoteService::setLiveScale(LiveScale *scale)
{
    m_scale = scale;
    if (m_server)
        m_server->setLiveScale(scale);
}

QList<QUrl> RemoteService::pairingUrls() const
{
    return m_server ? m_server->pairingUrls() : QList<QUrl> {};
}

void RemoteService::forgetAllPhones()
{
    const QByteArray key = RemoteSettings::forgetAllPhones();
    if (m_server)
        m_server->setSecret(key);
    m_lastSeenUtcMs.reset();
    emit changed();
}
