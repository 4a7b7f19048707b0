#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>

class Clock;

// Who may reach the phone remote, and how hard a stranger has to work to guess its key.
namespace RemoteAccess {
// Loopback, the private IPv4 ranges (10/8, 172.16/12, 192.168/16), link-local, and IPv6
// unique-local or link-local: addresses a home network uses and the internet does not route.
bool isHomeNetworkAddress(const QHostAddress &address);
// This machine's home-network addresses (not loopback), in a stable order.
QList<QHostAddress> homeNetworkAddresses();
// A new pairing key: 32 random bytes (256 bits) from the system's generator, as hex.
QByteArray newSecret();
// Compares in a time that does not depend on where the first difference is.
bool sameSecret(const QByteArray &given, const QByteArray &expected);
} // namespace RemoteAccess

// Wrong keys from one address: the first few are answered at once, then each answer comes
// later (a guesser gets a handful per second at most), and after many the address is
// refused for a while whatever it sends.
class FailureThrottle
{
public:
    static constexpr int kFreeFailures = 3;
    static constexpr int kBlockAfterFailures = 10;
    static constexpr qint64 kWindowMs = 10 * 60 * 1000; // failures older than this are forgotten
    static constexpr qint64 kBlockMs = 15 * 60 * 1000;
    static constexpr qint64 kDelayStepMs = 250;

    explicit FailureThrottle(const Clock &clock)
        : m_clock(clock)
    { }
    bool isBlocked(const QHostAddress &address) const;
    // How long to wait before answering this address's next failure.
    qint64 delayMsFor(const QHostAddress &address) const;
    void recordFailure(const QHostAddress &address);
    void recordSuccess(const QHostAddress &address);

private:
    struct Record {
        int failures = 0;
        qint64 firstFailureUtcMs = 0;
        qint64 blockedUntilUtcMs = 0;
    };
    const Clock &m_clock;
    QHash<QString, Record> m_records; // by address text
};
