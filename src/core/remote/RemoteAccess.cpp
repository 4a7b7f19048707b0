#include "remote/RemoteAccess.h"

#include "base/Clock.h"

#include <QNetworkInterface>
#include <QRandomGenerator>

bool RemoteAccess::isHomeNetworkAddress(const QHostAddress &address)
{
    if (address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return true;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return address.isInSubnet(QHostAddress(QStringLiteral("10.0.0.0")), 8)
            || address.isInSubnet(QHostAddress(QStringLiteral("172.16.0.0")), 12)
            || address.isInSubnet(QHostAddress(QStringLiteral("192.168.0.0")), 16);
    return false;
}

QList<QHostAddress> RemoteAccess::homeNetworkAddresses()
{
    QList<QHostAddress> found;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress address = entry.ip();
            // IPv6 link-local addresses need a scope a phone's browser cannot take in a URL.
            if (address.protocol() == QAbstractSocket::IPv6Protocol && address.isLinkLocal())
                continue;
            if (isHomeNetworkAddress(address) && !address.isLoopback())
                found.append(address);
        }
    }
    // IPv4 first: what a phone on the same Wi-Fi reaches most surely.
    std::stable_sort(found.begin(), found.end(), [](const QHostAddress &a, const QHostAddress &b) {
        return a.protocol() == QAbstractSocket::IPv4Protocol && b.protocol() != QAbstractSocket::IPv4Protocol;
    });
    return found;
}

QByteArray RemoteAccess::newSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex();
}

bool RemoteAccess::sameSecret(const QByteArray &given, const QByteArray &expected)
{
    if (expected.isEmpty())
        return false;
    unsigned char difference = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    return difference == 0;
}

bool FailureThrottle::isBlocked(const QHostAddress &address) const
{
    const auto it = m_records.constFind(address.toString());
    return it != m_records.constEnd() && it->blockedUntilUtcMs > m_clock.wallUtcMs();
}

qint64 FailureThrottle::delayMsFor(const QHostAddress &address) const
{
    const auto it = m_records.constFind(address.toString());
    if (it == m_records.constEnd() || it->failures < kFreeFailures)
        return 0;
    return (it->failures - kFreeFailures + 1) * kDelayStepMs;
}

void FailureThrottle::recordFailure(const QHostAddress &address)
{
    const qint64 nowMs = m_clock.wallUtcMs();
    Record &record = m_records[address.toString()];
    if (nowMs - record.firstFailureUtcMs > kWindowMs && record.blockedUntilUtcMs <= nowMs)
        record = Record {0, nowMs, 0};
    if (++record.failures >= kBlockAfterFailures)
        record.blockedUntilUtcMs = nowMs + kBlockMs;
}

void FailureThrottle::recordSuccess(const QHostAddress &address)
{
    if (!isBlocked(address))
        m_records.remove(address.toString());
}
