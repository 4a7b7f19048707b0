#include "MiniTimer.h"

#include "domain/TimeFormat.h"
#include "journal/Journal.h"
#include "recorder/SessionRecorder.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

MiniTimer::MiniTimer(Journal &journal, QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint)
    , m_journal(journal)
    , m_recorder(journal.recorder())
    , m_time(new QLabel(this))
    , m_count(new QLabel(this))
    , m_letdown(new QPushButton(tr("Let-down [L]"), this))
    , m_startStop(new QPushButton(this))
{
    setWindowTitle(tr("Letdown timer"));
    setMinimumWidth(220); // big enough to hit while holding a pump
    setObjectName(QStringLiteral("miniTimer"));
    m_time->setObjectName(QStringLiteral("miniTime"));
    m_count->setObjectName(QStringLiteral("miniCount"));
    m_letdown->setObjectName(QStringLiteral("miniLetdown"));
    m_startStop->setObjectName(QStringLiteral("miniStartStop"));
    QFont big = m_time->font();
    big.setPointSize(big.pointSize() + 12);
    big.setBold(true);
    m_time->setFont(big);
    m_time->setAlignment(Qt::AlignCenter);
    m_time->setAccessibleName(tr("Session time"));
    m_count->setAlignment(Qt::AlignCenter);
    m_letdown->setMinimumHeight(44);
    m_letdown->setAccessibleDescription(tr("Marks a let-down at this moment"));
    m_startStop->setMinimumHeight(32);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_time);
    layout->addWidget(m_count);
    layout->addWidget(m_letdown);
    layout->addWidget(m_startStop);

    const auto ask = [this](Journal::Step step) { m_journal.apply(Journal::ask(step, Origin::MiniTimer)); };
    connect(m_letdown, &QPushButton::clicked, this, [ask] { ask(Journal::Step::Letdown); });
    connect(m_startStop, &QPushButton::clicked, this, [ask] { ask(Journal::Step::StartOrStop); });
    // The same single keys as the main window, when this little window has the focus.
    connect(new QShortcut(QKeySequence(Qt::Key_L), this), &QShortcut::activated, this,
        [ask] { ask(Journal::Step::Letdown); });
    connect(new QShortcut(QKeySequence(Qt::Key_Space), this), &QShortcut::activated, this,
        [ask] { ask(Journal::Step::StartOrStop); });
    connect(&m_recorder, &SessionRecorder::changed, this, &MiniTimer::refresh);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &MiniTimer::refresh);
    m_tick.start();
    refresh();
}

void MiniTimer::refresh()
{
    const auto state = m_recorder.state();
    const bool live = m_recorder.isLive();
    const Session session = m_recorder.currentSession();
    m_time->setText(formatTimer(m_recorder.hasSession() ? session.activeMs : 0));
    m_count->setText(tr("%1 let-downs").arg(m_recorder.hasSession() ? session.letdowns.size() : 0)
        + (state == SessionRecorder::State::Paused ? tr(" · paused") : QString()));
    m_letdown->setEnabled(live);
    m_startStop->setText(live ? tr("Stop [Space]") : tr("Start [Space]"));
}
