#include "scalefeed/MqttScale.h"

#include "base/Clock.h"
#include "scalefeed/LiveScale.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>

#include <mosquitto.h>

#include <optional>

namespace {
void initialiseLibrary()
{
    static const bool initialised = [] {
        mosquitto_lib_init();
        return true;
    }();
    Q_UNUSED(initialised);
}
} // namespace

MqttScale::MqttScale(LiveScale &scale, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_scale(scale)
    , m_clock(clock)
{ }

MqttScale::~MqttScale()
{
    stop();
}

bool MqttScale::parseBroker(const QString &text, QString &host, quint16 &port, QString &error)
{
    const QString trimmed = text.trimmed();
    const int colon = trimmed.lastIndexOf(u':');
    host = colon < 0 ? trimmed : trimmed.left(colon);
    port = 1883;
    if (colon >= 0) {
        bool ok = false;
        const uint number = trimmed.mid(colon + 1).toUInt(&ok);
        if (!ok || number < 1 || number > 65535) {
            error = tr("The broker's port is a number from 1 to 65535: '%1'.").arg(trimmed.mid(colon + 1));
            return false;
        }
        port = quint16(number);
    }
    if (host.isEmpty() || host.contains(u' ') || host.size() > 253) {
        error = tr("Name the broker as HOST:PORT, such as 192.168.1.20:1883.");
        return false;
    }
    return true;
}

std::optional<double> MqttScale::gramsIn(const QByteArray &payload)
{
    if (payload.size() > 1024)
        return std::nullopt;
    bool ok = false;
    const double plain = payload.trimmed().toDouble(&ok);
    if (ok)
        return plain;
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    for (const char *key : {"grams", "weight", "value"})
        if (object.value(QLatin1String(key)).isDouble())
            return object.value(QLatin1String(key)).toDouble();
    return std::nullopt;
}

bool MqttScale::start(const QString &host, quint16 port, const QString &topic, QString &error)
{
    stop();
    if (topic.isEmpty() || topic.contains(u'#') || topic.contains(u'+') || topic.size() > 200) {
        error = tr("Name the scale's topic exactly, such as esphome/bottle-scale/sensor/weight/state.");
        return false;
    }
    initialiseLibrary();
    m_client = mosquitto_new(nullptr, true, this);
    if (!m_client) {
        error = tr("The MQTT client could not be made.");
        return false;
    }
    m_topic = topic;
    mosquitto_connect_callback_set(m_client, &MqttScale::onConnect);
    mosquitto_disconnect_callback_set(m_client, &MqttScale::onDisconnect);
    mosquitto_message_callback_set(m_client, &MqttScale::onMessage);
    mosquitto_reconnect_delay_set(m_client, 1, 30, true);
    const int connected = mosquitto_connect_async(m_client, host.toUtf8().constData(), port, 30);
    if (connected != MOSQ_ERR_SUCCESS && connected != MOSQ_ERR_ERRNO) {
        error = tr("The broker %1:%2 cannot be used: %3").arg(host).arg(port).arg(QString::fromUtf8(mosquitto_strerror(connected)));
        stop();
        return false;
    }
    if (mosquitto_loop_start(m_client) != MOSQ_ERR_SUCCESS) {
        error = tr("The MQTT client could not start.");
        stop();
        return false;
    }
    setStatus(tr("Connecting to %1:%2 ...").arg(host).arg(port));
    return true;
}

void MqttScale::stop()
{
    if (!m_client)
        return;
    mosquitto_disconnect(m_client);
    mosquitto_loop_stop(m_client, true);
    mosquitto_destroy(m_client);
    m_client = nullptr;
}

// The callbacks run on libmosquitto's own thread: they hand what came to this object's thread.
void MqttScale::onConnect(mosquitto *client, void *self, int result)
{
    auto *scale = static_cast<MqttScale *>(self);
    if (result == 0)
        mosquitto_subscribe(client, nullptr, scale->m_topic.toUtf8().constData(), 0);
    const QString status = result == 0 ? tr("Connected; listening to %1.").arg(scale->m_topic)
                                       : tr("The broker refused the connection: %1")
                                             .arg(QString::fromUtf8(mosquitto_connack_string(result)));
    QMetaObject::invokeMethod(scale, [scale, status] { scale->setStatus(status); }, Qt::QueuedConnection);
}

void MqttScale::onDisconnect(mosquitto *, void *self, int result)
{
    auto *scale = static_cast<MqttScale *>(self);
    if (result == 0)
        return; // we asked for it
    QMetaObject::invokeMethod(
        scale, [scale] { scale->setStatus(tr("The broker went away; trying again.")); }, Qt::QueuedConnection);
}

void MqttScale::onMessage(mosquitto *, void *self, const mosquitto_message *message)
{
    auto *scale = static_cast<MqttScale *>(self);
    const QByteArray payload(static_cast<const char *>(message->payload), std::min(message->payloadlen, 2048));
    QMetaObject::invokeMethod(scale, [scale, payload] { scale->take(payload); }, Qt::QueuedConnection);
}

void MqttScale::take(const QByteArray &payload)
{
    const std::optional<double> grams = gramsIn(payload);
    if (!grams) {
        ++m_refused;
        return;
    }
    QString error;
    int taken = 0;
    // No pumping session running: the scale publishes all day, and only a session's readings count.
    if (m_scale.add({{m_clock.wallUtcMs(), *grams}}, error, &taken))
        m_taken += taken;
    else if (m_scale.sessionUuid().isEmpty())
        return;
    else
        ++m_refused;
}

void MqttScale::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}
