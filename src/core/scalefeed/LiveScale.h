#pragma once
// A scale under the bottle while she pumps (docs/scale.md): readings from any source (MQTT,
// the phone's API, a test) go to the live pumping session; the let-downs found in them are
// offered to confirm (or confirmed by themselves, if she chose so); a let-down she tapped
// herself is the one found, not a second. The readings are kept with the session as they
// come (every 15 s), and when the session stops the let-downs get their measured volumes.
#include "journal/Journal.h"
#include "scale/LetdownDetector.h"

#include <QObject>
#include <QSet>
#include <QTimer>

struct ScaleReading {
    qint64 atUtcMs = 0;
    double grams = 0;
};

class LiveScale : public QObject
{
    Q_OBJECT

public:
    // Readings arriving together are looked at once, this long after the first.
    static constexpr int kDetectDelayMs = 1000;
    // Readings are kept with the session this often while they come.
    static constexpr int kKeepEveryMs = 15000;

    explicit LiveScale(Journal &journal, QObject *parent = nullptr);
    ~LiveScale() override;

    // Readings for the live pumping session, in time order (older ones than the last are
    // skipped). False, with `error`, when no pumping session is live or a reading is
    // impossible; `taken` says how many were used.
    bool add(const QVector<ScaleReading> &readings, QString &error, int *taken = nullptr);

    void setAutoConfirm(bool on);
    bool autoConfirm() const { return m_autoConfirm; }

    // Whether readings have come for the live session.
    bool isActive() const { return !m_uuid.isEmpty() && !m_samples.isEmpty(); }
    QString sessionUuid() const { return m_uuid; }
    qint64 startUtcMs() const { return m_startUtcMs; }
    const QVector<ScaleSample> &samples() const { return m_samples; }
    const LetdownDetection &detection() const { return m_detection; }
    qint64 lastReadingUtcMs() const;
    // Found let-downs that are not in the session (no tap near them, not confirmed) and not
    // dismissed: offered to confirm.
    QVector<DetectedLetdown> offered() const { return m_offered; }
    bool confirm(const DetectedLetdown &found, QString &error);
    void dismiss(const DetectedLetdown &found);

    // Looks at the readings now rather than after kDetectDelayMs (tests, the bench).
    void detectNow();

signals:
    // After new readings were looked at, a let-down confirmed, or the session changed.
    void updated();
    // The session the readings were for has stopped and its let-downs got their volumes.
    void finished(const QString &uuid, const Journal::ScaleAttachment &attachment);
    void problem(const QString &message);

private:
    // Picks up the live pumping session (or finishes the one that ended); `lookAgain`: and
    // looks at the readings again (her taps may match what was offered).
    void followSession(bool lookAgain = true);
    void finishSession();
    void keepReadings();
    qint64 onsetUtcMs(const DetectedLetdown &found) const { return m_startUtcMs + qint64(found.onsetS * 1000); }

    Journal &m_journal;
    QString m_uuid; // the live pumping session the readings are for
    qint64 m_startUtcMs = 0;
    QVector<ScaleSample> m_samples;
    LetdownDetection m_detection;
    QVector<DetectedLetdown> m_offered;
    QSet<qint64> m_dismissedOnsetsS; // whole seconds
    bool m_autoConfirm = false;
    bool m_unkept = false;
    bool m_finishing = false;
    bool m_detecting = false; // a confirmation's change comes back here while looking
    QTimer m_detectTimer;
    QTimer m_keepTimer;
};
