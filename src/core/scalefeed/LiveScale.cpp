#include "scalefeed/LiveScale.h"

#include "recorder/SessionRecorder.h"
#include "scale/ScaleMerge.h"
#include "storage/SessionStore.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <cmath>

LiveScale::LiveScale(Journal &journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
{
    m_detectTimer.setSingleShot(true);
    m_detectTimer.setInterval(kDetectDelayMs);
    connect(&m_detectTimer, &QTimer::timeout, this, &LiveScale::detectNow);
    m_keepTimer.setInterval(kKeepEveryMs);
    connect(&m_keepTimer, &QTimer::timeout, this, &LiveScale::keepReadings);
    connect(&m_journal, &Journal::changed, this, [this](const Journal::Change &change) {
        if (change.origin != Origin::Scale || change.command != QLatin1String("scale_readings"))
            followSession();
    });
    followSession();
}

LiveScale::~LiveScale()
{
    if (m_unkept)
        keepReadings();
}

qint64 LiveScale::lastReadingUtcMs() const
{
    return m_samples.isEmpty() ? m_startUtcMs : m_startUtcMs + qint64(m_samples.last().atS * 1000);
}

void LiveScale::followSession(bool lookAgain)
{
    if (m_finishing)
        return;
    const SessionRecorder &recorder = m_journal.recorder();
    const Session live = recorder.isLive() ? recorder.currentSession() : Session {};
    const bool pumping = recorder.isLive() && live.kind == SessionKind::Pumping;
    if (!m_uuid.isEmpty() && (!pumping || live.uuid != m_uuid))
        finishSession();
    if (pumping && m_uuid.isEmpty()) {
        m_uuid = live.uuid;
        m_startUtcMs = live.startedAtUtcMs;
        // Readings kept before a restart carry on.
        std::optional<SessionStore::ScaleRecordingRow> kept;
        QVector<ScaleSample> samples;
        if (m_journal.store().loadScaleRecording(m_uuid, kept) && kept && kept->startedAtUtcMs == m_startUtcMs
            && ScaleSamples::decodeCompact(kept->samples, samples))
            m_samples = samples;
        detectNow();
        return;
    }
    if (pumping && lookAgain)
        detectNow(); // her taps may now match what was offered
}

void LiveScale::finishSession()
{
    const QString uuid = m_uuid;
    const QVector<ScaleSample> samples = m_samples;
    const qint64 startUtcMs = m_startUtcMs;
    m_uuid.clear();
    m_samples.clear();
    m_detection = {};
    m_offered.clear();
    m_dismissedOnsetsS.clear();
    m_unkept = false;
    m_keepTimer.stop();
    m_detectTimer.stop();
    if (!samples.isEmpty()) {
        m_finishing = true;
        std::optional<Session> stored;
        QString error;
        Journal::ScaleAttachment attachment;
        // Stopped: her let-downs get the scale's volumes (and, if she chose so, the ones only
        // the scale saw are added). Discarded or deleted: nothing to attach to.
        if (m_journal.store().loadSession(uuid, stored) && stored && stored->isFinished()) {
            if (m_journal.attachScaleRecording(
                    uuid, samples, startUtcMs, Origin::Scale, attachment, error, m_autoConfirm))
                emit finished(uuid, attachment);
            else
                emit problem(tr("The scale's readings could not be kept with the session: %1").arg(error));
        }
        m_finishing = false;
    }
    emit updated();
}

bool LiveScale::add(const QVector<ScaleReading> &readings, QString &error, int *taken)
{
    if (taken)
        *taken = 0;
    followSession(false); // a reading is looked at with the others, after kDetectDelayMs
    if (m_uuid.isEmpty()) {
        error = tr("No pumping session is running: start one, then the scale's readings are used.");
        return false;
    }
    for (const ScaleReading &reading : readings)
        if (!std::isfinite(reading.grams) || std::abs(reading.grams) > ScaleSamples::kMaxGrams) {
            error = tr("%1 is not a weight in grams a scale can read.").arg(reading.grams);
            return false;
        }
    int used = 0;
    for (const ScaleReading &reading : readings) {
        const double atS = double(reading.atUtcMs - m_startUtcMs) / 1000.0;
        if (atS < 0 || (!m_samples.isEmpty() && atS <= m_samples.last().atS))
            continue; // before the session, or not after the last reading
        if (atS > ScaleSamples::kMaxDurationS || m_samples.size() >= ScaleSamples::kMaxSamples) {
            error = tr("The session already has %1 readings; no more are taken.").arg(m_samples.size());
            return false;
        }
        m_samples.append({atS, reading.grams});
        ++used;
    }
    if (taken)
        *taken = used;
    if (used > 0) {
        m_unkept = true;
        if (!m_keepTimer.isActive())
            m_keepTimer.start();
        if (!m_detectTimer.isActive())
            m_detectTimer.start();
    }
    return true;
}

void LiveScale::detectNow()
{
    if (m_detecting)
        return;
    const QScopedValueRollback detecting(m_detecting, true);
    m_detectTimer.stop();
    m_detection = LetdownDetector::detect(m_samples);
    m_offered.clear();
    if (m_uuid.isEmpty()) {
        emit updated();
        return;
    }
    const Session live = m_journal.recorder().currentSession();
    QVector<bool> used(live.letdowns.size(), false);
    QVector<DetectedLetdown> toConfirm;
    for (const DetectedLetdown &found : std::as_const(m_detection.letdowns)) {
        const qint64 onset = onsetUtcMs(found);
        bool inSession = false;
        for (int k = 0; k < live.letdowns.size() && !inSession; ++k)
            if (!used[k] && ScaleMerging::sameLetdown(live.letdowns[k].atUtcMs, onset))
                used[k] = inSession = true;
        if (inSession || m_dismissedOnsetsS.contains(qint64(found.onsetS)))
            continue;
        // Confirmed by itself once she has had her time to tap it.
        if (m_autoConfirm && lastReadingUtcMs() - onset > ScaleMerging::kTapAfterOnsetMs)
            toConfirm << found;
        else
            m_offered << found;
    }
    for (const DetectedLetdown &found : std::as_const(toConfirm)) {
        QString error;
        if (!confirm(found, error))
            emit problem(error);
    }
    emit updated();
}

bool LiveScale::confirm(const DetectedLetdown &found, QString &error)
{
    if (m_uuid.isEmpty()) {
        error = tr("The session has ended.");
        return false;
    }
    const Session live = m_journal.recorder().currentSession();
    for (const Letdown &letdown : live.letdowns)
        if (ScaleMerging::sameLetdown(letdown.atUtcMs, onsetUtcMs(found)))
            return true; // already in the session: tapped or confirmed
    Journal::Request request = Journal::ask(Journal::Step::ScaleLetdown, Origin::Scale);
    request.letdown.atUtcMs = onsetUtcMs(found);
    request.letdown.utcOffsetS = live.startedUtcOffsetS;
    // Active time since the start: the wall time since it, within the active time so far
    // (a pause before it counts as active; the scale cannot tell).
    request.letdown.offsetMs = std::clamp(request.letdown.atUtcMs - live.startedAtUtcMs, qint64(0), live.activeMs);
    request.letdown.side = live.side;
    request.letdown.measuredVolumeMl = std::round(found.volumeMl * 10) / 10;
    m_offered.removeIf([&](const DetectedLetdown &offered) { return offered.onsetS == found.onsetS; });
    const Journal::Outcome outcome = m_journal.apply(request);
    if (!outcome.ok()) {
        error = outcome.message;
        return false;
    }
    return true;
}

void LiveScale::dismiss(const DetectedLetdown &found)
{
    m_dismissedOnsetsS.insert(qint64(found.onsetS));
    m_offered.removeIf([&](const DetectedLetdown &offered) { return offered.onsetS == found.onsetS; });
    emit updated();
}

void LiveScale::setAutoConfirm(bool on)
{
    m_autoConfirm = on;
    if (!m_uuid.isEmpty())
        detectNow();
}

void LiveScale::keepReadings()
{
    if (!m_unkept || m_uuid.isEmpty()) {
        m_keepTimer.stop();
        return;
    }
    QString error;
    if (m_journal.keepScaleReadings(m_uuid, m_samples, m_startUtcMs, error))
        m_unkept = false;
    else
        emit problem(tr("The scale's readings could not be saved yet: %1").arg(error));
}
