#include "HistoryPanel.h"
#include "ScaleDialog.h"

#include "journal/Journal.h"

#include "ui_HistoryPanel.h"

#include "HistoryModel.h"
#include "SessionDialog.h"
#include "UndoCommands.h"
#include "domain/TimeFormat.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "settings/Preferences.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

#include <QCalendarWidget>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QUndoCommand>
#include <QUndoStack>

HistoryPanel::HistoryPanel(Journal &journal, QUndoStack &undoStack, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
    , m_journal(journal)
    , m_store(journal.store())
    , m_recorder(journal.recorder())
    , m_undoStack(undoStack)
    , m_clock(journal.clock())
    , m_model(new HistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Delete session"), question) == QMessageBox::Yes;
    })
{
    m_ui->setupUi(this);
    m_ui->kindCombo->addItem(tr("Nursing and pumping"));
    m_ui->kindCombo->addItem(tr("Nursing only"));
    m_ui->kindCombo->addItem(tr("Pumping only"));
    const QDate today = localToday(m_clock);
    // Whoever changed her sessions (this tab, undo, an import, the phone, another program
    // through the instance socket), the list is read again.
    connect(&journal, &Journal::changed, this, [this](const Journal::Change &change) {
        if (change.sessionsChanged)
            invalidate();
    });
    m_ui->fromDate->setDate(today.addDays(-27));
    m_ui->toDate->setDate(today);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_proxy->setFilterKeyColumn(HistoryModel::Kind);
    m_ui->table->setModel(m_proxy);
    m_ui->table->sortByColumn(HistoryModel::Started, Qt::DescendingOrder);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->table->setWordWrap(false);
    // Widths from the font, not ResizeToContents: measuring years of rows would be slow.
    const QFontMetrics metrics(m_ui->table->font());
    const auto widthOf = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_ui->table->setColumnWidth(HistoryModel::Started, widthOf(QStringLiteral("Wed 30 Sep 2026, 22:44")));
    m_ui->table->setColumnWidth(HistoryModel::Kind, widthOf(tr("Pumping")));
    m_ui->table->setColumnWidth(HistoryModel::Sides, widthOf(tr("left, right")));
    for (int column : {HistoryModel::Duration, HistoryModel::Letdowns, HistoryModel::FirstLetdown})
        m_ui->table->setColumnWidth(column, widthOf(tr("First let-down")));
    m_ui->table->setColumnWidth(HistoryModel::Volume, widthOf(QStringLiteral("≈ 100 ml")));
    m_ui->table->setColumnWidth(HistoryModel::Techniques, widthOf(tr("Back or shoulder rub, Breast massage")));
    m_ui->table->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);

    const auto filterChanged = [this] {
        const bool all = m_ui->allDatesCheck->isChecked();
        m_ui->fromDate->setEnabled(!all);
        m_ui->toDate->setEnabled(!all);
        reload();
    };
    connect(m_ui->allDatesCheck, &QCheckBox::toggled, this, filterChanged);
    connect(m_ui->fromDate, &QDateEdit::dateChanged, this, filterChanged);
    connect(m_ui->toDate, &QDateEdit::dateChanged, this, filterChanged);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &HistoryPanel::reload);
    connect(m_ui->addButton, &QPushButton::clicked, this, &HistoryPanel::addSession);
    connect(m_ui->editButton, &QPushButton::clicked, this, &HistoryPanel::editSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &HistoryPanel::deleteSelected);
    m_scaleButton = new QPushButton(tr("&Scale..."), this);
    m_scaleButton->setObjectName(QStringLiteral("scaleButton"));
    m_scaleButton->setToolTip(tr("The scale's readings of the selected pumping session, or a recording to attach"));
    m_ui->filterRow->addWidget(m_scaleButton);
    connect(m_scaleButton, &QPushButton::clicked, this, &HistoryPanel::openScale);
    connect(m_ui->table, &QTableView::doubleClicked, this, &HistoryPanel::editSelected);
    setUpSpontaneousList();
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPanel::updateButtons);
    m_ui->fromDate->setEnabled(false);
    m_ui->toDate->setEnabled(false);
    updateButtons();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_weekStartStale)
        applyWeekStart();
    if (m_stale)
        reload();
}

void HistoryPanel::invalidate()
{
    m_stale = true;
    if (isVisible())
        reload();
}

void HistoryPanel::reload()
{
    m_stale = false;
    const QString selected = selectedSession() ? selectedSession()->uuid : QString();
    StatsRange range;
    if (!m_ui->allDatesCheck->isChecked())
        range = {m_ui->fromDate->date(), m_ui->toDate->date()};
    QList<Session> sessions;
    QString error;
    if (!loadSessionsInRange(m_store, range, sessions, error)) {
        emit problem(tr("Cannot read the sessions: %1").arg(error));
        return;
    }
    const int kindFilter = m_ui->kindCombo->currentIndex();
    if (kindFilter > 0) {
        const SessionKind keep = kindFilter == 1 ? SessionKind::Nursing : SessionKind::Pumping;
        sessions.removeIf([keep](const Session &s) { return s.kind != keep; });
    }
    reloadSpontaneous(range);
    SyncOverview sync;
    if (!SyncFolder::loadOverview(m_store, sync, error))
        emit problem(tr("Cannot read which device logged the sessions: %1").arg(error));
    m_model->setOrigins(sync.sessions);
    m_model->setSessions(sessions);
    m_ui->countLabel->setText(sessions.size() == 1 ? tr("1 session") : tr("%1 sessions").arg(sessions.size()));
    if (!selected.isEmpty())
        selectSession(selected);
    updateButtons();
}

void HistoryPanel::selectSession(const QString &uuid)
{
    const int row = m_model->rowOf(uuid);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->table->selectRow(index.row());
    m_ui->table->scrollTo(index);
}

const Session *HistoryPanel::selectedSession() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_model->sessionAt(m_proxy->mapToSource(rows.first()).row());
}

void HistoryPanel::setPreferences(const Preferences &preferences)
{
    m_unit = preferences.unit;
    m_weekStartsOn = preferences.weekStartsOn;
    m_model->setPreferences(preferences);
    m_weekStartStale = true;
    if (isVisible())
        applyWeekStart();
}

void HistoryPanel::applyWeekStart()
{
    // A date field makes its calendar pop-up when first asked for it: asking while the tab
    // was hidden made both at the window's start, a twentieth of the start's work.
    m_weekStartStale = false;
    for (QDateEdit *edit : {m_ui->fromDate, m_ui->toDate})
        edit->calendarWidget()->setFirstDayOfWeek(m_weekStartsOn);
}

void HistoryPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void HistoryPanel::updateButtons()
{
    const Session *s = selectedSession();
    // A running session is the Session tab's to change; it can be edited once stopped.
    const bool editable = s && s->isFinished() && !m_readOnly;
    m_ui->addButton->setEnabled(!m_readOnly);
    m_ui->editButton->setEnabled(editable);
    m_ui->deleteButton->setEnabled(editable);
    m_scaleButton->setEnabled(editable && s->kind == SessionKind::Pumping);
    m_ui->editButton->setToolTip(
        s && !editable ? tr("Stop the running session first.") : tr("Change the selected session and its let-downs"));
    if (m_removeSpontaneous)
        m_removeSpontaneous->setEnabled(!m_readOnly && !m_spontaneousList->selectedItems().isEmpty());
}

void HistoryPanel::addSession()
{
    runDialog(nullptr);
}

void HistoryPanel::editSelected()
{
    const Session *s = selectedSession();
    if (!s)
        return;
    if (!s->isFinished()) {
        emit problem(tr("This session is still running: stop it on the Session tab before editing it."));
        return;
    }
    const Session existing = *s;
    runDialog(&existing);
}

void HistoryPanel::runDialog(const Session *existing)
{
    const QDateTime defaultStart = QDateTime::fromMSecsSinceEpoch(m_clock.wallUtcMs()).addSecs(-20 * 60);
    SessionDialog dialog(m_store, existing ? std::optional<Session>(*existing) : std::nullopt, defaultStart, this);
    dialog.setVolumeUnit(m_unit);
    dialog.setFirstDayOfWeek(m_weekStartsOn);
    emit sessionDialogOpened(&dialog);
    if (dialog.result() != QDialog::Accepted && dialog.exec() != QDialog::Accepted)
        return;
    const Session result = dialog.session();
    const auto report = [this](const QString &message) { emit problem(message); };
    if (existing)
        m_undoStack.push(new EditSessionCommand(m_journal, *existing, result, report));
    else
        m_undoStack.push(new AddSessionCommand(m_journal, result, report));
    selectSession(result.uuid);
}

void HistoryPanel::openScale()
{
    const Session *s = selectedSession();
    if (!s || s->kind != SessionKind::Pumping || !s->isFinished())
        return;
    ScaleDialog dialog(m_journal, m_undoStack, *s, this);
    emit scaleDialogOpened(&dialog); // a test works it and accepts it there
    if (dialog.result() != QDialog::Accepted)
        dialog.exec();
}

void HistoryPanel::deleteSelected()
{
    const Session *s = selectedSession();
    if (!s || !s->isFinished())
        return;
    const Session doomed = *s;
    const QString when = QLocale().toString(
        storedLocalDateTime(doomed.startedAtUtcMs, doomed.startedUtcOffsetS), tr("ddd d MMM, HH:mm"));
    const QString question = tr("Delete the %1 session of %2 (%3 let-downs, %4)? You can undo this with Ctrl+Z.")
                                 .arg(doomed.kind == SessionKind::Nursing ? tr("nursing") : tr("pumping"), when)
                                 .arg(doomed.letdowns.size())
                                 .arg(formatElapsed(doomed.activeMs));
    if (!m_confirm(question))
        return;
    m_undoStack.push(
        new DeleteSessionCommand(m_journal, doomed, [this](const QString &message) { emit problem(message); }));
}

namespace {
// Undo of removing a let-down without a feed puts it back at the same moment.
class RemoveSpontaneousCommand : public QUndoCommand
{
public:
    RemoveSpontaneousCommand(
        Journal &journal, const SpontaneousLetdown &letdown, std::function<void(const QString &)> problem)
        : m_journal(journal)
        , m_letdown(letdown)
        , m_problem(std::move(problem))
    {
        setText(QCoreApplication::translate("HistoryPanel", "Remove let-down without a feed"));
    }
    void redo() override
    {
        QString error;
        if (!m_journal.deleteLetdownWithoutFeed(m_letdown, Origin::History, error))
            m_problem(error);
    }
    void undo() override
    {
        QList<SpontaneousLetdown> again {m_letdown};
        QString error;
        if (!m_journal.addLetdownsWithoutFeed(again, Origin::Undo, error))
            m_problem(error);
        else
            m_letdown.id = again.constFirst().id; // a new row: redo removes this one
    }

private:
    Journal &m_journal;
    SpontaneousLetdown m_letdown;
    std::function<void(const QString &)> m_problem;
};
} // namespace

void HistoryPanel::setUpSpontaneousList()
{
    m_spontaneousLabel = new QLabel(this);
    m_spontaneousLabel->setObjectName(QStringLiteral("spontaneousLabel"));
    m_spontaneousLabel->setWordWrap(true);
    m_spontaneousList = new QListWidget(this);
    m_spontaneousList->setObjectName(QStringLiteral("spontaneousList"));
    m_spontaneousList->setAccessibleName(tr("Let-downs without a feed"));
    m_spontaneousList->setFlow(QListView::LeftToRight);
    m_spontaneousList->setWrapping(true);
    m_spontaneousList->setMaximumHeight(72);
    m_removeSpontaneous = new QPushButton(tr("Remo&ve"), this);
    m_removeSpontaneous->setObjectName(QStringLiteral("removeSpontaneousButton"));
    m_removeSpontaneous->setToolTip(tr("Remove the selected let-down without a feed (Ctrl+Z brings it back)"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_spontaneousList, 1);
    row->addWidget(m_removeSpontaneous, 0, Qt::AlignTop);
    layout()->addWidget(m_spontaneousLabel);
    static_cast<QBoxLayout *>(layout())->addLayout(row);
    connect(m_removeSpontaneous, &QPushButton::clicked, this, &HistoryPanel::removeSelectedSpontaneous);
    connect(m_spontaneousList, &QListWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);
    connect(&m_recorder, &SessionRecorder::spontaneousLetdownRecorded, this, &HistoryPanel::invalidate);
}

void HistoryPanel::reloadSpontaneous(const StatsRange &range)
{
    QList<SessionStore::SpontaneousLetdown> letdowns;
    QString error;
    if (!loadSpontaneousLetdownsInRange(m_store, range, letdowns, error)) {
        emit problem(tr("Cannot read the let-downs without a feed: %1").arg(error));
        return;
    }
    m_spontaneousList->clear();
    for (auto it = letdowns.crbegin(); it != letdowns.crend(); ++it) { // newest first, like the sessions
        // The clock time she saw then, like the sessions above.
        const QString when
            = QLocale().toString(storedLocalDateTime(it->atUtcMs, it->utcOffsetS), tr("ddd d MMM, HH:mm"));
        auto *item = new QListWidgetItem(when, m_spontaneousList);
        item->setData(Qt::UserRole, it->id);
        item->setData(Qt::UserRole + 1, it->atUtcMs);
        item->setData(Qt::UserRole + 2, it->utcOffsetS);
    }
    const bool any = !letdowns.isEmpty();
    m_spontaneousLabel->setText(
        tr("Let-downs without a feed: %1. Kept apart: they count in no session's figures.").arg(letdowns.size()));
    for (QWidget *widget : {static_cast<QWidget *>(m_spontaneousLabel), static_cast<QWidget *>(m_spontaneousList),
             static_cast<QWidget *>(m_removeSpontaneous)})
        widget->setVisible(any);
}

void HistoryPanel::removeSelectedSpontaneous()
{
    const QList<QListWidgetItem *> selected = m_spontaneousList->selectedItems();
    if (selected.isEmpty() || m_readOnly)
        return;
    const QListWidgetItem *item = selected.first();
    const SessionStore::SpontaneousLetdown letdown {item->data(Qt::UserRole).toLongLong(),
        item->data(Qt::UserRole + 1).toLongLong(), item->data(Qt::UserRole + 2).toInt()};
    m_undoStack.push(new RemoveSpontaneousCommand(
        m_journal, letdown, [this](const QString &error) { emit problem(error); }));
}
