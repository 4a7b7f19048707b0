#include "SessionDialog.h"

#include "ui_SessionDialog.h"

#include "LimitedTextEdit.h"

#include "base/Clock.h"
#include "domain/Measurements.h"
#include "domain/SessionValidation.h"
#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "storage/SessionStore.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUuid>

namespace {
enum LetdownColumn { TimeColumn, SideColumn, VolumeColumn };

const QList<Side> kSides = {Side::Left, Side::Right, Side::Both};
// On a let-down row's time item: the index of the stored let-down it shows (-1: a new row).
constexpr int kOriginalRole = Qt::UserRole;
// On a let-down row's items: the text shown when the dialog opened.
constexpr int kShownTextRole = Qt::UserRole + 1;

QString sideLabel(Side side)
{
    switch (side) {
    case Side::Left: return SessionDialog::tr("Left");
    case Side::Right: return SessionDialog::tr("Right");
    case Side::Both: break;
    }
    return SessionDialog::tr("Both");
}

void showMessage(QLabel *label, const QString &message)
{
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setText(message);
}
} // namespace

SessionDialog::SessionDialog(
    SessionStore &store, const std::optional<Session> &existing, const QDateTime &defaultStart, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SessionDialog>())
    , m_store(store)
    , m_isNew(!existing)
    , m_confirm([this](const QString &question) {
        return QMessageBox::question(this, tr("Please check"), question) == QMessageBox::Yes;
    })
{
    m_ui->setupUi(this);
    setWindowTitle(m_isNew ? tr("Add a session") : tr("Edit session"));
    m_ui->kindCombo->addItem(tr("Nursing"), int(SessionKind::Nursing));
    m_ui->kindCombo->addItem(tr("Pumping"), int(SessionKind::Pumping));
    for (Side side : kSides)
        m_ui->sideCombo->addItem(sideLabel(side), int(side));
    const auto &techniques = allTechniques();
    for (int i = 0; i < techniques.size(); ++i) {
        auto *box = new QCheckBox(QCoreApplication::translate("Technique", techniques[i].label), this);
        box->setProperty("techniqueKey", techniques[i].key);
        box->setObjectName(QStringLiteral("technique_") + techniques[i].key);
        m_ui->techniquesLayout->addWidget(box, i / 2, i % 2);
        m_techniqueBoxes.append(box);
    }
    m_ui->letdownTable->setColumnCount(3);
    m_ui->letdownTable->setHorizontalHeaderLabels({tr("Time (m:ss)"), tr("Side"), tr("Measured ml")});
    m_ui->letdownTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->letdownTable->setColumnWidth(TimeColumn, 100);
    m_ui->letdownTable->setColumnWidth(SideColumn, 110);
    m_ui->letdownTable->setMinimumWidth(360);

    if (existing) {
        m_original = *existing;
    } else {
        m_original.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_original.state = SessionState::Stopped;
        m_original.startedAtUtcMs = defaultStart.toMSecsSinceEpoch();
        m_original.startedUtcOffsetS = defaultStart.offsetFromUtc();
        m_original.activeMs = 15 * 60 * 1000; // a typical session, to be adjusted
        m_original.endedAtUtcMs = m_original.startedAtUtcMs + m_original.activeMs;
        m_original.endedUtcOffsetS = m_original.startedUtcOffsetS;
    }
    const Session &s = m_original;
    m_ui->kindCombo->setCurrentIndex(s.kind == SessionKind::Pumping ? 1 : 0);
    m_ui->startEdit->setDateTime(storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS));
    m_ui->endEdit->setDateTime(storedLocalDateTime(s.endedAtUtcMs.value_or(s.lastEventAtUtcMs), s.endedUtcOffsetS));
    // The side it was on (for a feed on both breasts, the one it ended on), and the time on
    // each side, which she may correct.
    m_ui->sideCombo->setCurrentIndex(int(kSides.indexOf(s.side)));
    const auto sideTime = [](qint64 ms) { return ms > 0 ? formatElapsed(ms) : QString(); };
    m_ui->leftTimeEdit->setText(sideTime(s.sideMs.leftMs));
    m_ui->rightTimeEdit->setText(sideTime(s.sideMs.rightMs));
    m_ui->bothTimeEdit->setText(sideTime(s.sideMs.bothMs));
    for (QCheckBox *box : m_techniqueBoxes)
        box->setChecked(s.techniques.contains(box->property("techniqueKey").toString()));
    m_ui->pumpedEdit->setText(optionalNumberText(s.pumpedVolumeMl));
    m_ui->leftEdit->setText(optionalNumberText(s.leftVolumeMl));
    m_ui->rightEdit->setText(optionalNumberText(s.rightVolumeMl));
    m_ui->topupEdit->setText(optionalNumberText(s.topupMl));
    m_ui->topupKindCombo->addItem(tr("breast milk"), int(TopupKind::BreastMilk));
    m_ui->topupKindCombo->addItem(tr("formula"), int(TopupKind::Formula));
    if (s.topupKind)
        m_ui->topupKindCombo->setCurrentIndex(m_ui->topupKindCombo->findData(int(*s.topupKind)));
    m_ui->preEdit->setText(optionalNumberText(s.preFeedWeightG));
    m_ui->postEdit->setText(optionalNumberText(s.postFeedWeightG));
    m_ui->noteEdit->setPlainText(s.note);
    for (int i = 0; i < s.letdowns.size(); ++i)
        addLetdownRow(formatElapsed(s.letdowns[i].offsetMs), s.letdowns[i].side, s.letdowns[i].measuredVolumeMl, i);

    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &SessionDialog::updateKindFields);
    connect(m_ui->addLetdownButton, &QPushButton::clicked, this, [this] {
        addLetdownRow(QString(), Side(m_ui->sideCombo->currentData().toInt()), std::nullopt);
        m_ui->letdownTable->setCurrentCell(m_ui->letdownTable->rowCount() - 1, TimeColumn);
        m_ui->letdownTable->editItem(m_ui->letdownTable->currentItem());
    });
    connect(m_ui->removeLetdownButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->letdownTable->currentRow();
        if (row >= 0)
            m_ui->letdownTable->removeRow(row);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SessionDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SessionDialog::reject);
    updateKindFields();
    rememberShownTexts();
}

void SessionDialog::rememberShownTexts()
{
    m_shownTexts.clear();
    for (const QLineEdit *edit : findChildren<QLineEdit *>())
        m_shownTexts.insert(edit, edit->text());
    m_shownTexts.insert(m_ui->noteEdit, m_ui->noteEdit->toPlainText());
    for (int row = 0; row < m_ui->letdownTable->rowCount(); ++row)
        for (int column : {int(TimeColumn), int(VolumeColumn)})
            if (QTableWidgetItem *item = m_ui->letdownTable->item(row, column))
                item->setData(kShownTextRole, item->text());
    m_shownStart = m_ui->startEdit->dateTime();
    m_shownEnd = m_ui->endEdit->dateTime();
}

bool SessionDialog::isUnchanged(const QLineEdit *edit) const
{
    const auto shown = m_shownTexts.constFind(edit);
    return shown != m_shownTexts.cend() && *shown == edit->text();
}

bool SessionDialog::fieldValue(
    const QLineEdit *edit, const std::optional<double> &original, bool isVolume, std::optional<double> &value) const
{
    if (!m_isNew && isUnchanged(edit)) {
        value = original; // every digit as stored, not as shown
        return true;
    }
    if (!parseOptionalNumber(edit->text(), value))
        return false;
    if (value && isVolume)
        *value = m_volume.toMl(*value);
    return true;
}

SessionDialog::~SessionDialog() = default;

void SessionDialog::setFirstDayOfWeek(Qt::DayOfWeek day)
{
    for (QDateTimeEdit *edit : {m_ui->startEdit, m_ui->endEdit})
        edit->calendarWidget()->setFirstDayOfWeek(day);
}

void SessionDialog::setVolumeUnit(VolumeUnit unit)
{
    m_volume = VolumeFormat {unit};
    m_ui->pumpedLabel->setText(tr("&Pumped volume (%1):").arg(m_volume.symbol()));
    m_ui->leftLabel->setText(tr("&Left breast (%1):").arg(m_volume.symbol()));
    m_ui->rightLabel->setText(tr("&Right breast (%1):").arg(m_volume.symbol()));
    m_ui->topupLabel->setText(tr("&Top-up bottle (%1):").arg(m_volume.symbol()));
    m_ui->letdownTable->setHorizontalHeaderLabels(
        {tr("Time (m:ss)"), tr("Side"), tr("Measured %1").arg(m_volume.symbol())});
    const auto shown = [this](const std::optional<double> &ml) {
        return ml ? QLocale().toString(m_volume.fromMl(*ml), 'g', 6) : QString();
    };
    m_ui->pumpedEdit->setText(shown(m_original.pumpedVolumeMl));
    m_ui->leftEdit->setText(shown(m_original.leftVolumeMl));
    m_ui->rightEdit->setText(shown(m_original.rightVolumeMl));
    m_ui->topupEdit->setText(shown(m_original.topupMl));
    for (int row = 0; row < m_ui->letdownTable->rowCount() && row < m_original.letdowns.size(); ++row)
        m_ui->letdownTable->item(row, VolumeColumn)->setText(shown(m_original.letdowns[row].measuredVolumeMl));
    rememberShownTexts();
}

void SessionDialog::addLetdownRow(const QString &time, Side side, const std::optional<double> &measuredMl, int original)
{
    const int row = m_ui->letdownTable->rowCount();
    m_ui->letdownTable->insertRow(row);
    auto *timeItem = new QTableWidgetItem(time);
    timeItem->setData(kOriginalRole, original);
    m_ui->letdownTable->setItem(row, TimeColumn, timeItem);
    auto *sideBox = new QComboBox;
    for (Side s : kSides)
        sideBox->addItem(sideLabel(s), int(s));
    sideBox->setCurrentIndex(int(kSides.indexOf(side)));
    m_ui->letdownTable->setCellWidget(row, SideColumn, sideBox);
    m_ui->letdownTable->setItem(row, VolumeColumn, new QTableWidgetItem(optionalNumberText(measuredMl)));
}

void SessionDialog::updateKindFields()
{
    const bool pumping = m_ui->kindCombo->currentData().toInt() == int(SessionKind::Pumping);
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_ui->pumpedLabel, m_ui->pumpedEdit, m_ui->leftLabel, m_ui->leftEdit, m_ui->rightLabel, m_ui->rightEdit})
        w->setVisible(pumping);
    for (QWidget *w : std::initializer_list<QWidget *> {m_ui->preLabel, m_ui->preEdit, m_ui->postLabel, m_ui->postEdit,
             m_ui->topupLabel, m_ui->topupEdit, m_ui->topupKindCombo})
        w->setVisible(!pumping);
}

bool SessionDialog::gather(Session &s)
{
    s = m_original;
    s.state = SessionState::Stopped;
    s.kind = SessionKind(m_ui->kindCombo->currentData().toInt());
    // A time she did not touch keeps its milliseconds (the fields show whole seconds).
    const bool startChanged = m_isNew || m_ui->startEdit->dateTime() != m_shownStart;
    const bool endChanged = m_isNew || m_ui->endEdit->dateTime() != m_shownEnd || !m_original.endedAtUtcMs;
    if (startChanged) {
        const QDateTime start = m_ui->startEdit->dateTime();
        s.startedAtUtcMs = start.toMSecsSinceEpoch();
        s.startedUtcOffsetS = start.offsetFromUtc();
    }
    if (endChanged) {
        const QDateTime end = m_ui->endEdit->dateTime();
        s.endedAtUtcMs = end.toMSecsSinceEpoch();
        s.endedUtcOffsetS = end.offsetFromUtc();
        s.lastEventAtUtcMs = *s.endedAtUtcMs;
    }
    // The running time follows the times she entered; a pause recorded live is kept.
    if (startChanged || endChanged)
        s.activeMs = std::max<qint64>(0, *s.endedAtUtcMs - s.startedAtUtcMs - s.pausedMs);
    bool ok = true;
    gatherSideTimes(s, ok);

    // Techniques the dialog has no box for (brought from another tracker) are kept.
    s.techniques.clear();
    for (const QString &technique : m_original.techniques)
        if (std::none_of(m_techniqueBoxes.cbegin(), m_techniqueBoxes.cend(),
                [&](const QCheckBox *box) { return box->property("techniqueKey").toString() == technique; }))
            s.techniques << technique;
    for (const QCheckBox *box : m_techniqueBoxes)
        if (box->isChecked())
            s.techniques << box->property("techniqueKey").toString();
    if (m_isNew || m_ui->noteEdit->toPlainText() != m_shownTexts.value(m_ui->noteEdit))
        s.note = m_ui->noteEdit->toPlainText();

    std::optional<double> pumped, pre, post, left, right, topup;
    const Session &o = m_original;
    if (!fieldValue(m_ui->pumpedEdit, o.pumpedVolumeMl, true, pumped)
        || !fieldValue(m_ui->preEdit, o.preFeedWeightG, false, pre)
        || !fieldValue(m_ui->postEdit, o.postFeedWeightG, false, post)
        || !fieldValue(m_ui->leftEdit, o.leftVolumeMl, true, left)
        || !fieldValue(m_ui->rightEdit, o.rightVolumeMl, true, right)
        || !fieldValue(m_ui->topupEdit, o.topupMl, true, topup)) {
        showMessage(m_ui->figuresMessage, tr("Please enter numbers only, for example 85 or 85.5."));
        ok = false;
    }
    const bool pumping = s.kind == SessionKind::Pumping;
    // Both breasts given and the total as it was: the total follows their sum.
    if (left && right && pumped && m_original.pumpedVolumeMl && std::abs(*pumped - *m_original.pumpedVolumeMl) < 0.01
        && !(m_original.leftVolumeMl == left && m_original.rightVolumeMl == right))
        pumped.reset();
    // The fields of the other kind are hidden: kept as stored while the kind is, dropped when
    // she changes the kind.
    const bool sameKind = s.kind == m_original.kind;
    const auto shownOrKept = [&](bool shown, const std::optional<double> &value, const std::optional<double> &stored) {
        return shown ? value : (sameKind ? stored : std::nullopt);
    };
    Measurements figures;
    figures.pumpedVolumeMl = shownOrKept(pumping, pumped, o.pumpedVolumeMl);
    figures.leftVolumeMl = shownOrKept(pumping, left, o.leftVolumeMl);
    figures.rightVolumeMl = shownOrKept(pumping, right, o.rightVolumeMl);
    figures.preFeedWeightG = shownOrKept(!pumping, pre, o.preFeedWeightG);
    figures.postFeedWeightG = shownOrKept(!pumping, post, o.postFeedWeightG);
    figures.topupMl = shownOrKept(!pumping, topup, o.topupMl);
    if (figures.topupMl)
        figures.topupKind = TopupKind(m_ui->topupKindCombo->currentData().toInt());
    if (ok) {
        const QString problem = validateMeasurements(figures);
        if (!problem.isEmpty()) {
            showMessage(m_ui->figuresMessage, problem);
            ok = false;
        }
    }
    applyMeasurements(figures, s);
    // A pumped total stored beside its breasts is kept as it was when none of the three changed.
    if (sameKind && pumping && isUnchanged(m_ui->pumpedEdit) && isUnchanged(m_ui->leftEdit)
        && isUnchanged(m_ui->rightEdit))
        s.pumpedVolumeMl = o.pumpedVolumeMl;

    s.letdowns.clear();
    for (int row = 0; row < m_ui->letdownTable->rowCount(); ++row) {
        const QTableWidgetItem *timeItem = m_ui->letdownTable->item(row, TimeColumn);
        const QTableWidgetItem *volumeItem = m_ui->letdownTable->item(row, VolumeColumn);
        const QString timeText = timeItem ? timeItem->text() : QString();
        const QString volumeText = volumeItem ? volumeItem->text() : QString();
        const int originalIndex = timeItem ? timeItem->data(kOriginalRole).toInt() : -1;
        const Letdown *stored = originalIndex >= 0 && originalIndex < m_original.letdowns.size()
            ? &m_original.letdowns[originalIndex]
            : nullptr;
        const auto offsetMs = parseElapsedMs(timeText);
        std::optional<double> volume;
        if (!offsetMs || !parseOptionalNumber(volumeText, volume)) {
            showMessage(m_ui->letdownsMessage,
                tr("Let-down row %1: write the time from the start as m:ss (for example 4:12), and "
                   "the volume as a number.")
                    .arg(row + 1));
            ok = false;
            continue;
        }
        Letdown e;
        e.offsetMs = *offsetMs;
        e.side
            = Side(qobject_cast<QComboBox *>(m_ui->letdownTable->cellWidget(row, SideColumn))->currentData().toInt());
        e.measuredVolumeMl = volume ? std::optional<double>(m_volume.toMl(*volume)) : std::nullopt;
        if (stored && volumeText == volumeItem->data(kShownTextRole).toString())
            e.measuredVolumeMl = stored->measuredVolumeMl;
        // An untouched let-down keeps its moment to the millisecond; a new or moved one is placed
        // after the start.
        if (stored && timeText == timeItem->data(kShownTextRole).toString() && !startChanged) {
            e.offsetMs = stored->offsetMs;
            e.atUtcMs = stored->atUtcMs;
            e.utcOffsetS = stored->utcOffsetS;
        } else {
            e.atUtcMs = s.startedAtUtcMs + e.offsetMs;
            e.utcOffsetS = s.startedUtcOffsetS;
        }
        s.letdowns.append(e);
    }
    std::stable_sort(s.letdowns.begin(), s.letdowns.end(),
        [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
    // An imported session whose let-downs she adds by hand has them logged from then on.
    s.letdownsLogged = m_original.letdownsLogged || !s.letdowns.isEmpty();
    return ok;
}

void SessionDialog::gatherSideTimes(Session &s, bool &ok)
{
    const Side chosen = Side(m_ui->sideCombo->currentData().toInt());
    s.side = chosen;
    const QList<QLineEdit *> edits = {m_ui->leftTimeEdit, m_ui->rightTimeEdit, m_ui->bothTimeEdit};
    const bool typed = std::any_of(edits.cbegin(), edits.cend(), [this](const QLineEdit *e) { return !isUnchanged(e); });
    if (typed) {
        // She corrected the time on each side: taken as written (empty is none).
        QList<qint64> ms;
        for (const QLineEdit *edit : edits) {
            const std::optional<qint64> parsed
                = edit->text().trimmed().isEmpty() ? std::optional<qint64>(0) : parseElapsedMs(edit->text());
            if (!parsed) {
                showMessage(m_ui->timesMessage, tr("Write the time on each side as m:ss, for example 12:30."));
                ok = false;
                return;
            }
            ms << *parsed;
        }
        s.sideMs = {ms[0], ms[1], ms[2]};
        // Whole seconds are shown: a second of rounding per side is no error.
        if (s.sideMs.leftMs + s.sideMs.rightMs + s.sideMs.bothMs > s.activeMs + 3000) {
            showMessage(m_ui->timesMessage,
                tr("The times on each side add up to more than the session's running time (%1).")
                    .arg(formatElapsed(s.activeMs)));
            ok = false;
        }
        return;
    }
    const SideDurations &was = m_original.sideMs;
    const qint64 recordedMs = was.leftMs + was.rightMs + was.bothMs;
    const int sidesUsed = (was.leftMs > 0) + (was.rightMs > 0) + (was.bothMs > 0);
    if (m_isNew || sidesUsed <= 1) {
        // One side all along (or nothing recorded): the whole running time is on the side chosen.
        if (m_isNew || chosen != m_original.side || s.activeMs != m_original.activeMs) {
            s.sideMs = {};
            s.sideMs.forSide(chosen) = s.activeMs;
        }
        return;
    }
    // Several sides: the side is where it ended; a new running time keeps the split's shares.
    if (s.activeMs != m_original.activeMs && recordedMs > 0) {
        s.sideMs.leftMs = was.leftMs * s.activeMs / recordedMs;
        s.sideMs.rightMs = was.rightMs * s.activeMs / recordedMs;
        s.sideMs.bothMs = was.bothMs * s.activeMs / recordedMs;
        // What the division left over goes to the side with the most time.
        const qint64 leftOverMs = s.activeMs - s.sideMs.leftMs - s.sideMs.rightMs - s.sideMs.bothMs;
        qint64 &largest = was.leftMs >= was.rightMs && was.leftMs >= was.bothMs ? s.sideMs.leftMs
            : was.rightMs >= was.bothMs                                         ? s.sideMs.rightMs
                                                                                : s.sideMs.bothMs;
        largest += leftOverMs;
    }
}

void SessionDialog::accept()
{
    for (QLabel *label : {m_ui->timesMessage, m_ui->letdownsMessage, m_ui->figuresMessage})
        label->clear();
    Session s;
    if (!gather(s))
        return;

    QString overlapText;
    QList<SessionSummary> overlapping;
    if (s.endedAtUtcMs && *s.endedAtUtcMs > s.startedAtUtcMs) {
        if (!m_store.findOverlapping(s.kind, s.startedAtUtcMs, *s.endedAtUtcMs, s.uuid, overlapping)) {
            showMessage(m_ui->timesMessage, m_store.errorString());
            return;
        }
        if (!overlapping.isEmpty())
            overlapText = QLocale().toString(
                storedLocalDateTime(overlapping.first().startedAtUtcMs, overlapping.first().startedUtcOffsetS),
                tr("d MMM HH:mm"));
    }
    SessionValidation check = validateSession(s, overlapText);
    if (check.timesError.isEmpty())
        check.timesError = implausibleDatesError(s, localToday(processClock()));
    showMessage(m_ui->timesMessage, check.timesError);
    if (!check.letdownsError.isEmpty())
        showMessage(m_ui->letdownsMessage, check.letdownsError);
    if (!check.figuresError.isEmpty())
        showMessage(m_ui->figuresMessage, check.figuresError);
    if (!check.noteError.isEmpty())
        showMessage(m_ui->figuresMessage, check.noteError);
    if (check.hasErrors())
        return;
    for (const QString &question : check.confirmations)
        if (!m_confirm(question))
            return;
    m_result = s;
    QDialog::accept();
}
