#include "SessionPanel.h"
#include "sync/SyncFolder.h"
#include "ScalePanel.h"

#include "journal/Journal.h"

#include "ExclusiveChoice.h"
#include "commands/SessionCommands.h"

#include "ui_SessionPanel.h"

#include "base/Clock.h"

#include "LimitedTextEdit.h"

#include "domain/Measurements.h"
#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include <QCheckBox>
#include <QDateTime>
#include <QLocale>

namespace {
constexpr int kRecentSessionCount = 8;
constexpr int kTimerRefreshMs = 200;
constexpr int kNoteSaveDelayMs = 1500;

QString kindLabel(SessionKind kind)
{
    return kind == SessionKind::Nursing ? SessionPanel::tr("Nursing") : SessionPanel::tr("Pumping");
}

QString sideLabel(Side side)
{
    switch (side) {
    case Side::Left: return SessionPanel::tr("left");
    case Side::Right: return SessionPanel::tr("right");
    case Side::Both: break;
    }
    return SessionPanel::tr("both");
}

} // namespace

SessionPanel::SessionPanel(Journal &journal, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SessionPanel>())
    , m_journal(journal)
    , m_commands(journal.steps())
    , m_recorder(journal.recorder())
    , m_store(journal.store())
{
    m_ui->setupUi(this);

    QFont timerFont = m_ui->timerLabel->font();
    timerFont.setPointSize(44);
    timerFont.setBold(true);
    timerFont.setStyleHint(QFont::Monospace);
    m_ui->timerLabel->setFont(timerFont);
    QFont bigFont = m_ui->startStopButton->font();
    bigFont.setPointSize(bigFont.pointSize() + 6);
    bigFont.setBold(true);
    m_ui->startStopButton->setFont(bigFont);
    m_ui->letdownButton->setFont(bigFont);
    QFont listFont = m_ui->letdownList->font();
    listFont.setPointSize(listFont.pointSize() + 2);
    m_ui->letdownList->setFont(listFont);
    m_ui->letdownButton->setStyleSheet(
        QStringLiteral("QPushButton { background: #2e7d5b; color: white; border-radius: 10px; }"
                       "QPushButton:pressed { background: #1f5a40; }"
                       "QPushButton:disabled { background: #a9c4b7; color: #eef4f1; }"));

    setUpTechniques();

    // Every step goes through the journal, like the keys, the mini timer, the tray and the phone.
    const auto click = [this](Journal::Step step) { m_journal.apply(Journal::ask(step, Origin::Mouse)); };
    connect(m_ui->startStopButton, &QPushButton::clicked, this, [click] { click(Journal::Step::StartOrStop); });
    connect(m_ui->letdownButton, &QPushButton::clicked, this, [click] { click(Journal::Step::Letdown); });
    connect(m_ui->pauseButton, &QPushButton::clicked, this, [click] { click(Journal::Step::TogglePause); });
    connect(m_ui->switchSideButton, &QPushButton::clicked, this, [click] { click(Journal::Step::SwitchSide); });
    connect(&m_commands, &SessionCommands::aboutToStop, this, [this] {
        if (m_noteSaveDelay.isActive())
            saveNote(); // a note typed just before Stop belongs to this session
    });
    // The next session's kind, side and ticks: the widgets show them, the commands hold them.
    connect(m_ui->nursingRadio, &QRadioButton::toggled, this, &SessionPanel::pushNextSession);
    connect(&m_commands, &SessionCommands::nextSessionChanged, this, &SessionPanel::showNextSession);
    // Left, right or both: one choice, announced as such.
    makeExclusiveChoice({m_ui->leftSideButton, m_ui->rightSideButton, m_ui->bothSideButton}, this);
    connect(m_ui->leftSideButton, &QPushButton::clicked, this, [this] { onSideButton(Side::Left); });
    connect(m_ui->rightSideButton, &QPushButton::clicked, this, [this] { onSideButton(Side::Right); });
    connect(m_ui->bothSideButton, &QPushButton::clicked, this, [this] { onSideButton(Side::Both); });
    connect(m_ui->saveDetailsButton, &QPushButton::clicked, this, &SessionPanel::saveFigures);
    for (QLineEdit *edit : {m_ui->pumpedVolumeEdit, m_ui->leftVolumeEdit, m_ui->rightVolumeEdit, m_ui->preWeightEdit,
             m_ui->postWeightEdit, m_ui->topupEdit})
        connect(edit, &QLineEdit::returnPressed, this, &SessionPanel::saveFigures);
    m_ui->topupKindCombo->addItem(tr("breast milk"), int(TopupKind::BreastMilk));
    m_ui->topupKindCombo->addItem(tr("formula"), int(TopupKind::Formula));

    // The note is saved a moment after she stops typing, and at once when the field loses focus.
    m_noteSaveDelay.setSingleShot(true);
    m_noteSaveDelay.setInterval(kNoteSaveDelayMs);
    connect(&m_noteSaveDelay, &QTimer::timeout, this, &SessionPanel::saveNote);
    m_ui->noteEdit->setMaxLength(kMaxNoteLength);
    connect(m_ui->noteEdit, &LimitedTextEdit::truncated, this, [this] {
        emit problem(tr("A note can hold up to %1 characters; the rest was left out.").arg(kMaxNoteLength));
    });
    connect(m_ui->noteEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updatingWidgets && m_recorder.hasSession())
            m_noteSaveDelay.start();
    });

    connect(&m_recorder, &SessionRecorder::changed, this, &SessionPanel::refresh);
    m_tick.setInterval(kTimerRefreshMs);
    connect(&m_tick, &QTimer::timeout, this, &SessionPanel::refreshTimer);
    m_tick.start();

    std::optional<SessionKind> lastKind;
    if (!m_store.loadLastKind(lastKind)) {
        // Said once the window is listening (nothing is connected yet in the constructor).
        QMetaObject::invokeMethod(
            this, [this, error = m_store.errorString()] { emit problem(error); }, Qt::QueuedConnection);
    }
    (lastKind.value_or(SessionKind::Nursing) == SessionKind::Pumping ? m_ui->pumpingRadio : m_ui->nursingRadio)
        ->setChecked(true);
    refresh();
}

SessionPanel::~SessionPanel()
{
    // A note typed in the last second before closing is still saved.
    if (m_noteSaveDelay.isActive())
        saveNote();
}

void SessionPanel::setPreferences(const Preferences &preferences)
{
    m_dayOptions = preferences.dayOptions;
    m_model = preferences.referenceModel();
    m_volume = VolumeFormat {preferences.unit};
    m_ui->pumpedVolumeLabel->setText(tr("Pumped volume (%1):").arg(m_volume.symbol()));
    m_ui->pumpedVolumeEdit->setAccessibleName(tr("Pumped volume in %1").arg(m_volume.symbol()));
    m_ui->leftVolumeLabel->setText(tr("Left breast (%1):").arg(m_volume.symbol()));
    m_ui->leftVolumeEdit->setAccessibleName(tr("Pumped from the left breast in %1").arg(m_volume.symbol()));
    m_ui->rightVolumeLabel->setText(tr("Right breast (%1):").arg(m_volume.symbol()));
    m_ui->rightVolumeEdit->setAccessibleName(tr("Pumped from the right breast in %1").arg(m_volume.symbol()));
    m_ui->topupLabel->setText(tr("Top-up bottle (%1):").arg(m_volume.symbol()));
    m_ui->topupEdit->setAccessibleName(tr("Top-up bottle in %1").arg(m_volume.symbol()));
    // Before a session: the kind she chose as the default (or what she used last).
    if (preferences.defaultKind && !m_recorder.hasSession())
        (*preferences.defaultKind == SessionKind::Pumping ? m_ui->pumpingRadio : m_ui->nursingRadio)->setChecked(true);
    for (QLineEdit *edit : {m_ui->pumpedVolumeEdit, m_ui->leftVolumeEdit, m_ui->rightVolumeEdit, m_ui->topupEdit})
        edit->clear(); // shown again in the new unit
    // The recent sessions' list shows nothing a preference changes: laying it out again
    // twice more (here and in setReadOnly) was a twentieth of the window's start.
    refreshDay();
    refreshControls();
}

void SessionPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    refreshControls();
}

void SessionPanel::setUpTechniques()
{
    const auto &techniques = allTechniques();
    for (int i = 0; i < techniques.size(); ++i) {
        auto *box = new QCheckBox(QCoreApplication::translate("Technique", techniques[i].label), this);
        box->setObjectName(QStringLiteral("technique_") + techniques[i].key);
        box->setProperty("techniqueKey", techniques[i].key);
        box->setToolTip(QCoreApplication::translate("Technique", techniques[i].description));
        box->setAccessibleDescription(box->toolTip());
        box->setFocusPolicy(Qt::TabFocus);
        m_ui->techniquesLayout->addWidget(box, i / 2, i % 2);
        connect(box, &QCheckBox::toggled, this, &SessionPanel::onTechniqueToggled);
        m_techniqueBoxes.append(box);
    }
}

void SessionPanel::pushNextSession()
{
    if (m_updatingWidgets || m_recorder.isLive())
        return;
    m_commands.setNextSession({chosenKind(), chosenSide(), tickedTechniques()});
}

void SessionPanel::showNextSession()
{
    if (m_recorder.isLive())
        return;
    const SessionCommands::NextSession &next = m_commands.nextSession();
    m_updatingWidgets = true;
    (next.kind == SessionKind::Pumping ? m_ui->pumpingRadio : m_ui->nursingRadio)->setChecked(true);
    (next.side == Side::Right         ? m_ui->rightSideButton
            : next.side == Side::Both ? m_ui->bothSideButton
                                      : m_ui->leftSideButton)
        ->setChecked(true);
    m_updatingWidgets = false;
}

QString SessionPanel::spokenMinutes(int minutes)
{
    return minutes == 1 ? tr("Session time: 1 minute") : tr("Session time: %1 minutes").arg(minutes);
}

void SessionPanel::announceTime()
{
    const qint64 activeMs = m_recorder.hasSession() ? m_recorder.currentSession().activeMs : 0;
    const int minutes = int(activeMs / 60'000);
    const int seconds = int(activeMs / 1000 % 60);
    m_ui->timerLabel->setAccessibleName(
        spokenMinutes(minutes) + QStringLiteral(" ") + (seconds == 1 ? tr("1 second") : tr("%1 seconds").arg(seconds)));
    m_spokenTimeKey.clear(); // the next minute says minutes only again
    m_ui->timerLabel->setFocus(Qt::OtherFocusReason); // readers speak the focused item's name
}

void SessionPanel::onSideButton(Side side)
{
    Journal::Request request = Journal::ask(Journal::Step::SwitchSide, Origin::Mouse);
    request.side = side;
    m_journal.apply(request);
    refresh();
}

void SessionPanel::onTechniqueToggled()
{
    if (m_updatingWidgets)
        return;
    if (m_recorder.hasSession()) {
        Journal::Request request = Journal::ask(Journal::Step::SetTechniques, Origin::Mouse);
        request.techniques = tickedTechniques();
        m_journal.apply(request);
    } else
        pushNextSession();
}

void SessionPanel::saveNote()
{
    m_noteSaveDelay.stop();
    if (!m_recorder.hasSession())
        return; // nothing to add a note to
    Journal::Request request = Journal::ask(Journal::Step::SetNote, Origin::Key);
    request.note = m_ui->noteEdit->toPlainText();
    m_journal.apply(request);
}

void SessionPanel::saveFigures()
{
    Measurements figures;
    const Session session = m_recorder.currentSession();
    bool ok = true;
    // A volume typed in her unit, kept in millilitres.
    const auto volumeIn = [&](QLineEdit *edit, std::optional<double> &ml) {
        const bool parsed = parseOptionalNumber(edit->text(), ml);
        if (parsed && ml)
            ml = m_volume.toMl(*ml);
        return parsed;
    };
    if (session.kind == SessionKind::Pumping) {
        ok = volumeIn(m_ui->pumpedVolumeEdit, figures.pumpedVolumeMl)
            && volumeIn(m_ui->leftVolumeEdit, figures.leftVolumeMl)
            && volumeIn(m_ui->rightVolumeEdit, figures.rightVolumeMl);
    } else {
        ok = parseOptionalNumber(m_ui->preWeightEdit->text(), figures.preFeedWeightG)
            && parseOptionalNumber(m_ui->postWeightEdit->text(), figures.postFeedWeightG)
            && volumeIn(m_ui->topupEdit, figures.topupMl);
        if (figures.topupMl)
            figures.topupKind = TopupKind(m_ui->topupKindCombo->currentData().toInt());
    }
    // The total of two measured breasts is their sum: a total she left as it was is replaced.
    if (ok && figures.leftVolumeMl && figures.rightVolumeMl && figures.pumpedVolumeMl && session.pumpedVolumeMl
        && std::abs(*figures.pumpedVolumeMl - *session.pumpedVolumeMl) < 0.01)
        figures.pumpedVolumeMl.reset();
    if (!ok) {
        m_ui->detailsMessage->setText(tr("Please enter numbers only, for example 85 or 85.5."));
        return;
    }
    Journal::Request request = Journal::ask(Journal::Step::SetMeasurements, Origin::Key);
    request.measurements = figures;
    const Journal::Outcome outcome = m_journal.apply(request);
    if (outcome.result != QLatin1String("recorded") && outcome.result != QLatin1String("unchanged")) {
        m_ui->detailsMessage->setText(outcome.message);
        return;
    }
    m_ui->detailsMessage->setText(tr("Saved."));
}

SessionKind SessionPanel::chosenKind() const
{
    return m_ui->pumpingRadio->isChecked() ? SessionKind::Pumping : SessionKind::Nursing;
}

Side SessionPanel::chosenSide() const
{
    if (m_ui->rightSideButton->isChecked())
        return Side::Right;
    if (m_ui->bothSideButton->isChecked())
        return Side::Both;
    return Side::Left;
}

QStringList SessionPanel::tickedTechniques() const
{
    QStringList keys;
    for (const QCheckBox *box : m_techniqueBoxes)
        if (box->isChecked())
            keys.append(box->property("techniqueKey").toString());
    return keys;
}

void SessionPanel::refresh()
{
    refreshControls();
    refreshRecent();
}

void SessionPanel::refreshControls()
{
    const auto state = m_recorder.state();
    const bool live = m_recorder.isLive();
    const Session session = m_recorder.currentSession();

    m_updatingWidgets = true;
    m_ui->startStopButton->setText(live ? tr("Stop   [Space]") : tr("Start   [Space]"));
    // Blue to start, red to stop: the colour says what the big button will do.
    m_ui->startStopButton->setStyleSheet(live
            ? QStringLiteral("QPushButton { background: #b3261e; color: white; border-radius: 10px; }"
                             "QPushButton:pressed { background: #8c1d18; }")
            : QStringLiteral("QPushButton { background: #1e5aa8; color: white; border-radius: 10px; }"
                             "QPushButton:pressed { background: #154582; }"));
    m_ui->letdownButton->setText(tr("Let-down now   [L]"));
    m_ui->letdownButton->setEnabled(live);
    m_ui->pauseButton->setText(state == SessionRecorder::State::Paused ? tr("Resume   [P]") : tr("Pause   [P]"));
    m_ui->pauseButton->setEnabled(live);
    m_ui->switchSideButton->setText(tr("Switch side   [S]"));
    m_ui->nursingRadio->setEnabled(!live);
    m_ui->pumpingRadio->setEnabled(!live);
    if (m_readOnly) {
        for (QWidget *w : std::initializer_list<QWidget *> {m_ui->startStopButton, m_ui->letdownButton,
                 m_ui->pauseButton, m_ui->switchSideButton, m_ui->techniquesGroup, m_ui->noteEdit})
            w->setEnabled(false);
    }

    if (m_recorder.hasSession()) {
        (session.kind == SessionKind::Pumping ? m_ui->pumpingRadio : m_ui->nursingRadio)->setChecked(true);
        const Side side = session.side;
        m_ui->leftSideButton->setChecked(side == Side::Left);
        m_ui->rightSideButton->setChecked(side == Side::Right);
        m_ui->bothSideButton->setChecked(side == Side::Both);
        // A different session than last time (started, or restored after a restart):
        // its tags and note replace what the widgets showed.
        if (session.uuid != m_shownSessionUuid) {
            m_shownSessionUuid = session.uuid;
            for (QCheckBox *box : m_techniqueBoxes)
                box->setChecked(session.techniques.contains(box->property("techniqueKey").toString()));
            m_ui->noteEdit->setPlainText(session.note);
            m_ui->detailsMessage->clear();
        }
    }
    m_ui->techniquesGroup->setTitle(m_recorder.hasSession() ? tr("Techniques tried (this session)")
                                                            : tr("Techniques tried (for the next session)"));
    m_updatingWidgets = false;
    pushNextSession(); // what the widgets now show is what Start (from anywhere) begins

    refreshLetdowns(session);
    refreshDetails(session);
    refreshTimer();
}

void SessionPanel::refreshTimer()
{
    const Session session = m_recorder.currentSession();
    const qint64 activeMs = m_recorder.hasSession() ? session.activeMs : 0;
    m_ui->timerLabel->setText(formatTimer(activeMs));
    showDayText();
    // The accessible name carries the time, but changes only with the minute or the state.
    const qint64 minutes = activeMs / 60'000;
    const QString spokenKey = QStringLiteral("%1 %2").arg(int(m_recorder.state())).arg(minutes);
    if (spokenKey != m_spokenTimeKey) {
        m_spokenTimeKey = spokenKey;
        const bool running = m_recorder.isLive();
        m_ui->timerLabel->setAccessibleName(running ? spokenMinutes(int(minutes)) : tr("Session time: not running"));
    }

    QString status;
    switch (m_recorder.state()) {
    case SessionRecorder::State::Idle: status = tr("Ready. Press Start (or Space) when the session begins."); break;
    case SessionRecorder::State::Running:
    case SessionRecorder::State::Paused: {
        status = m_recorder.state() == SessionRecorder::State::Paused
            ? tr("Paused (paused time is not counted)")
            : tr("Running on the %1 side").arg(sideLabel(session.side));
        status += QStringLiteral(" · ")
            + tr("left %1 · right %2 · both %3")
                  .arg(formatElapsed(session.sideMs.leftMs), formatElapsed(session.sideMs.rightMs),
                      formatElapsed(session.sideMs.bothMs));
        break;
    }
    case SessionRecorder::State::Stopped:
        status = tr("Session finished. Press Start (or Space) for the next one.");
        break;
    }
    m_ui->statusLabel->setText(status);
}

void SessionPanel::refreshLetdowns(const Session &session)
{
    m_ui->letdownList->clear();
    const int unsavedFrom = int(session.letdowns.size()) - m_recorder.unsavedLetdownCount();
    for (int i = 0; i < session.letdowns.size(); ++i) {
        const Letdown &e = session.letdowns[i];
        QString line = tr("#%1 at %2 · %3").arg(i + 1).arg(formatElapsed(e.offsetMs), sideLabel(e.side));
        if (i >= unsavedFrom)
            line += QStringLiteral("  ") + tr("(not saved yet)");
        m_ui->letdownList->addItem(line);
    }
    m_ui->letdownList->scrollToBottom();
    m_ui->letdownsHeading->setText(tr("Let-downs this session: %1").arg(session.letdowns.size()));
}

void SessionPanel::refreshDetails(const Session &session)
{
    const bool finished = m_recorder.state() == SessionRecorder::State::Stopped;
    m_ui->detailsGroup->setEnabled(finished && !m_readOnly);
    const bool pumping = session.kind == SessionKind::Pumping;
    for (QWidget *w : std::initializer_list<QWidget *> {m_ui->pumpedVolumeLabel, m_ui->pumpedVolumeEdit,
             m_ui->leftVolumeLabel, m_ui->leftVolumeEdit, m_ui->rightVolumeLabel, m_ui->rightVolumeEdit})
        w->setVisible(pumping);
    for (QWidget *w : std::initializer_list<QWidget *> {m_ui->preWeightLabel, m_ui->preWeightEdit,
             m_ui->postWeightLabel, m_ui->postWeightEdit, m_ui->topupLabel, m_ui->topupEdit, m_ui->topupKindCombo})
        w->setVisible(!pumping);

    if (!finished) {
        m_ui->summaryLabel->setText(tr("When you stop a session, its summary appears here and you can "
                                       "add the pumped volume (per breast if you measured each), a test-weigh "
                                       "or a top-up bottle."));
        for (QLineEdit *edit : {m_ui->pumpedVolumeEdit, m_ui->leftVolumeEdit, m_ui->rightVolumeEdit,
                 m_ui->preWeightEdit, m_ui->postWeightEdit, m_ui->topupEdit})
            edit->clear();
        return;
    }
    const auto first = session.firstLetdownOffsetMs();
    const int count = int(session.letdowns.size());
    const QString letdowns = count == 1 ? tr("1 let-down") : tr("%1 let-downs").arg(count);
    m_ui->summaryLabel->setText(
        tr("%1, %2 (paused %3), %4")
            .arg(kindLabel(session.kind), formatElapsed(session.activeMs), formatElapsed(session.pausedMs), letdowns)
        + (first ? tr(", the first after %1.").arg(formatElapsed(*first)) : QStringLiteral(".")));
    const auto showVolume = [&](QLineEdit *edit, const std::optional<double> &ml) {
        if (!edit->hasFocus())
            edit->setText(ml ? QLocale().toString(m_volume.fromMl(*ml), 'g', 6) : QString());
    };
    showVolume(m_ui->pumpedVolumeEdit, session.pumpedVolumeMl);
    showVolume(m_ui->leftVolumeEdit, session.leftVolumeMl);
    showVolume(m_ui->rightVolumeEdit, session.rightVolumeMl);
    showVolume(m_ui->topupEdit, session.topupMl);
    if (session.topupKind)
        m_ui->topupKindCombo->setCurrentIndex(m_ui->topupKindCombo->findData(int(*session.topupKind)));
    if (!m_ui->preWeightEdit->hasFocus())
        m_ui->preWeightEdit->setText(optionalNumberText(session.preFeedWeightG));
    if (!m_ui->postWeightEdit->hasFocus())
        m_ui->postWeightEdit->setText(optionalNumberText(session.postFeedWeightG));
}

void SessionPanel::refreshDay()
{
    const qint64 nowUtcMs = m_recorder.clock().wallUtcMs();
    // Two days back: the last 24 hours, and the session before them for the first gap.
    QList<Session> sessions;
    if (!m_store.loadSessionsStartedBetween(nowUtcMs - 48 * 3600 * 1000, nowUtcMs + 1, sessions)) {
        emit problem(tr("Cannot read the recent sessions: %1").arg(m_store.errorString()));
        return;
    }
    m_lastFeedStartUtcMs.reset();
    for (const Session &s : std::as_const(sessions))
        if (s.kind == SessionKind::Nursing)
            m_lastFeedStartUtcMs = std::max(m_lastFeedStartUtcMs.value_or(s.startedAtUtcMs), s.startedAtUtcMs);
    m_nextSide = nextSide(sessions);
    const PeriodFigures day = lastDayFigures(sessions, m_model, nowUtcMs, m_dayOptions);
    const QString gap = day.longestGapS ? formatHoursMinutes(*day.longestGapS) : QStringLiteral("–");
    const auto breastfeeds
        = [this](int count) { return count == 1 ? tr("1 breastfeed") : tr("%1 breastfeeds").arg(count); };
    m_dayFigures = tr("Last 24 h: %1 (aim %2–%3), %4 at night, longest gap %5 (aim ≤ %6 h)")
                       .arg(breastfeeds(day.nursingSessions))
                       .arg(FeedingTargets::kFewestFeedsPerDay)
                       .arg(FeedingTargets::kMostFeedsPerDay)
                       .arg(day.nightSessions)
                       .arg(gap)
                       .arg(FeedingTargets::kLongestGapS / 3600);
    if (day.pumpingSessions > 0)
        m_dayFigures += QStringLiteral(", ")
            + (day.pumpingSessions == 1 ? tr("1 pump session") : tr("%1 pump sessions").arg(day.pumpingSessions));
    // Today so far, from midnight: what she is on track for.
    const QDate today = storedLocalDate(nowUtcMs, m_recorder.clock().utcOffsetS(nowUtcMs));
    const QList<DayFigures> todayFigures = dayFigures(sessions, m_model, StatsRange {today, today}, m_dayOptions);
    const int feedsToday = todayFigures.isEmpty() ? 0 : todayFigures.first().nursingSessions;
    const int nightToday = todayFigures.isEmpty() ? 0 : todayFigures.first().nightSessions;
    m_dayFigures += QLatin1Char('\n') + tr("Today so far: %1 (aim %2–%3 a day), %4 at night")
                                           .arg(breastfeeds(feedsToday))
                                           .arg(FeedingTargets::kFewestFeedsPerDay)
                                           .arg(FeedingTargets::kMostFeedsPerDay)
                                           .arg(nightToday);
    // A session running on another device of the family (sync, docs/sync.md): shown, and
    // stopped there.
    for (const Session &s : std::as_const(sessions)) {
        if (s.isFinished() || (m_recorder.isLive() && s.uuid == m_recorder.currentSession().uuid))
            continue;
        QString device, error;
        if (!SyncFolder::loggedElsewhereOn(m_store, s.uuid, device, error)) {
            emit problem(tr("Cannot read which device logged a session: %1").arg(error));
            break;
        }
        if (device.isEmpty())
            continue;
        const QString kind = s.kind == SessionKind::Nursing ? tr("a breastfeed") : tr("a pump session");
        const QString since = storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS).toString(QStringLiteral("HH:mm"));
        const QString letdowns = s.letdowns.size() == 1 ? tr("1 let-down") : tr("%1 let-downs").arg(s.letdowns.size());
        m_dayFigures += QLatin1Char('\n')
            + tr("Running on %1: %2 since %3, %4 so far (stopped there)").arg(device, kind, since, letdowns);
    }
    m_dayTextMinute = -1;
    showDayText();
}

void SessionPanel::showDayText()
{
    const qint64 nowUtcMs = m_recorder.clock().wallUtcMs();
    const qint64 minute = nowUtcMs / 60'000;
    if (minute == m_dayTextMinute)
        return; // "ago" moves by the minute
    m_dayTextMinute = minute;
    QString last;
    if (m_lastFeedStartUtcMs) {
        const qint64 agoMin = std::max<qint64>(0, (nowUtcMs - *m_lastFeedStartUtcMs) / 60'000);
        const QString ago = agoMin < 60 ? tr("%1 min").arg(agoMin) : tr("%1 h %2 min").arg(agoMin / 60).arg(agoMin % 60);
        last = tr("Last feed started %1 ago").arg(ago);
    } else {
        last = tr("No breastfeed in the last two days");
    }
    if (m_nextSide)
        last += QStringLiteral(" · ") + tr("next side: %1").arg(*m_nextSide == Side::Left ? tr("left") : tr("right"));
    m_ui->dayLabel->setText(QStringLiteral("<b>%1</b><br/>%2")
                                .arg(last.toHtmlEscaped(),
                                    m_dayFigures.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"))));
    m_ui->dayLabel->setAccessibleDescription(last + QStringLiteral(". ") + m_dayFigures);
}

void SessionPanel::refreshRecent()
{
    refreshDay();
    QList<SessionSummary> recent;
    if (!m_store.loadRecentSummaries(kRecentSessionCount, recent)) {
        emit problem(tr("Cannot read the recent sessions: %1").arg(m_store.errorString()));
        return;
    }
    m_ui->recentList->clear();
    const QLocale locale;
    for (const SessionSummary &s : recent) {
        const QDateTime started = storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS);
        QString duration = formatElapsed(s.activeMs);
        if (s.state != SessionState::Stopped)
            duration = tr("running");
        // An imported feed's let-downs are unknown, not none.
        const QString letdowns = s.letdownsLogged ? QString::number(s.letdownCount) : tr("not logged");
        auto *item = new QTreeWidgetItem(
            {locale.toString(started, tr("ddd d MMM, HH:mm")), kindLabel(s.kind), duration, letdowns});
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        m_ui->recentList->addTopLevelItem(item);
    }
    for (int column = 0; column < m_ui->recentList->columnCount(); ++column)
        m_ui->recentList->resizeColumnToContents(column);
}

void SessionPanel::setScalePanel(ScalePanel *panel)
{
    const int at = m_ui->listsColumn->indexOf(m_ui->letdownList);
    m_ui->listsColumn->insertWidget(at + 1, panel, 2);
    // While the scale draws, the big buttons stay on a small screen: the let-down list gets
    // shorter and the figures to fill in after the session (not open yet) step aside.
    const auto makeRoom = [this](bool scaleShown) {
        m_ui->letdownList->setMaximumHeight(scaleShown ? 90 : QWIDGETSIZE_MAX);
        m_ui->detailsGroup->setVisible(!scaleShown);
    };
    connect(panel, &ScalePanel::activeChanged, this, makeRoom);
    makeRoom(!panel->isHidden());
}
