#pragma once
// A scale that publishes its weight over MQTT, the smart-home way (ESPHome's sensor state
// topic: the payload is the weight in grams as text, "231.4"). Each message is a reading at
// the moment it arrives, for the live pumping session (scalefeed/LiveScale). Through Debian's
// libmosquitto, which reconnects by itself when the broker goes away and comes back.
#include <QObject>
#include <QString>

#include <optional>

class Clock;
class LiveScale;
struct mosquitto;
struct mosquitto_message;

class MqttScale : public QObject
{
    Q_OBJECT

public:
    MqttScale(LiveScale &scale, const Clock &clock, QObject *parent = nullptr);
    ~MqttScale() override;

    // "HOST:PORT" (or "HOST", port 1883) into its parts; false with `error` when it is not one.
    static bool parseBroker(const QString &text, QString &host, quint16 &port, QString &error);
    // Connects (in the background) and subscribes to `topic`. False with `error` when the
    // client cannot be set up; a broker not reachable yet is said through statusChanged.
    bool start(const QString &host, quint16 port, const QString &topic, QString &error);
    void stop();
    QString status() const { return m_status; }
    int readingsTaken() const { return m_taken; }
    int messagesRefused() const { return m_refused; }
    // The weight in a message: a number ("231.4"), or a JSON object with "grams", "weight"
    // or "value". Empty when it holds none.
    static std::optional<double> gramsIn(const QByteArray &payload);

signals:
    void statusChanged(const QString &status);

private:
    static void onConnect(mosquitto *client, void *self, int result);
    static void onDisconnect(mosquitto *client, void *self, int result);
    static void onMessage(mosquitto *client, void *self, const mosquitto_message *message);
    void take(const QByteArray &payload);
    void setStatus(const QString &status);

    LiveScale &m_scale;
    const Clock &m_clock;
    mosquitto *m_client = nullptr;
    QString m_topic;
    QString m_status;
    int m_taken = 0;
    int m_refused = 0;
};
