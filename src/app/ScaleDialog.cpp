#include "ScaleDialog.h"

#include "FlowChart.h"
#include "UndoCommands.h"
#include "journal/Journal.h"
#include "scale/LetdownDetector.h"
#include "scale/ScaleSamples.h"
#include "storage/SessionStore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

ScaleDialog::ScaleDialog(Journal &journal, QUndoStack &undoStack, const Session &session, QWidget *parent)
    : QDialog(parent)
    , m_journal(journal)
    , m_undoStack(undoStack)
    , m_session(session)
{
    setWindowTitle(tr("Scale readings of %1").arg(QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(session.startedAtUtcMs, Qt::OffsetFromUTC, session.startedUtcOffsetS),
        QLocale::ShortFormat)));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scaleDialogSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_chart = new FlowChart(this);
    m_chart->setObjectName(QStringLiteral("scaleDialogChart"));
    m_chart->setMinimumSize(520, 260);
    layout->addWidget(m_chart, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("scaleDialogMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *attach = buttons->addButton(tr("&Attach a recording..."), QDialogButtonBox::ActionRole);
    attach->setObjectName(QStringLiteral("scaleAttachButton"));
    attach->setToolTip(tr("A scale's readings saved as CSV (seconds,grams or at,grams): its let-downs are "
                          "matched to yours and get their measured volumes"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Attach a scale's readings"), QString(), tr("Scale readings (*.csv);;All files (*)"));
        if (!path.isEmpty())
            attachFile(path);
    });
    showReadings();
}

QString ScaleDialog::summary() const
{
    return m_summary->text();
}

void ScaleDialog::showReadings()
{
    std::optional<SessionStore::ScaleRecordingRow> kept;
    QVector<ScaleSample> samples;
    if (!m_journal.store().loadScaleRecording(m_session.uuid, kept) || !kept
        || !ScaleSamples::decodeCompact(kept->samples, samples) || samples.isEmpty()) {
        m_chart->hide();
        m_summary->setText(tr("No scale readings are kept with this session. Attach a recording made while you "
                              "pumped, and its let-downs get their measured volumes."));
        return;
    }
    const LetdownDetection detection = LetdownDetector::detect(samples);
    m_chart->show(detection, samples.last().atS);
    m_chart->QWidget::show();
    m_summary->setText(tr("%1 readings over %2 min: %3 ml in the bottle; let-downs found: %4.")
                           .arg(samples.size())
                           .arg(QLocale().toString(samples.last().atS / 60, 'f', 0))
                           .arg(QLocale().toString(detection.totalMl, 'f', 0))
                           .arg(detection.letdowns.size()));
}

bool ScaleDialog::attachFile(const QString &path)
{
    QVector<ScaleSample> samples;
    std::optional<qint64> firstAtUtcMs;
    QString error;
    if (!ScaleSamples::readFile(path, samples, error, &firstAtUtcMs)) {
        m_message->setText(error);
        return false;
    }
    const Session before = m_session;
    Journal::ScaleAttachment attachment;
    if (!m_journal.attachScaleRecording(m_session.uuid, samples, firstAtUtcMs.value_or(m_session.startedAtUtcMs),
            Origin::History, attachment, error)) {
        m_message->setText(error);
        return false;
    }
    std::optional<Session> after;
    if (m_journal.store().loadSession(m_session.uuid, after) && after) {
        // Undo puts her let-downs back as they were (the readings stay with the session).
        auto *command = new EditSessionCommand(m_journal, before, *after, [](const QString &) {});
        command->skipFirstRedo();
        m_undoStack.push(command);
        m_session = *after;
    }
    m_message->setText(tr("Attached: %1 let-downs found, %2 matched yours, %3 added.")
                           .arg(attachment.found)
                           .arg(attachment.matched)
                           .arg(attachment.added));
    m_message->setStyleSheet(QString());
    showReadings();
    return true;
}
