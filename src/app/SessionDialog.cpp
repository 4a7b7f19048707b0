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
    const int sidesUsed = (s.sideMs.leftMs > 0) + (s.sideMs.rightMs > 0) + (s.sideMs.bothMs > 0);
    m_ui->sideCombo->setCurrentIndex(int(kSides.indexOf(sidesUsed > 1 ? Side::Both : s.side)));
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
    for (const Letdown &e : s.letdowns)
        addLetdownRow(formatElapsed(e.offsetMs), e.side, e.measuredVolumeMl);

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
}

void SessionDialog::addLetdownRow(const QString &time, Side side, const std::optional<double> &measuredMl)
{
    const int row = m_ui->letdownTable->rowCount();
    m_ui->letdownTable->insertRow(row);
    m_ui->letdownTable->setItem(row, TimeColumn, new QTableWidgetItem(time));
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
    const QDateTime start = m_ui->startEdit->dateTime();
    const QDateTime end = m_ui->endEdit->dateTime();
    s.startedAtUtcMs = start.toMSecsSinceEpoch();
    s.startedUtcOffsetS = start.offsetFromUtc();
    s.endedAtUtcMs = end.toMSecsSinceEpoch();
    s.endedUtcOffsetS = end.offsetFromUtc();
    s.lastEventAtUtcMs = *s.endedAtUtcMs;
    // The running time follows the times she entered; a pause recorded live is kept.
    s.activeMs = std::max<qint64>(0, *s.endedAtUtcMs - s.startedAtUtcMs - s.pausedMs);
    if (s.activeMs != m_original.activeMs || m_ui->sideCombo->currentIndex() != kSides.indexOf(m_original.side)) {
        s.side = Side(m_ui->sideCombo->currentData().toInt());
        s.sideMs = {};
        s.sideMs.forSide(s.side) = s.activeMs;
    }
    s.techniques.clear();
    for (const QCheckBox *box : m_techniqueBoxes)
        if (box->isChecked())
            s.techniques << box->property("techniqueKey").toString();
    s.note = m_ui->noteEdit->toPlainText();

    bool ok = true;
    std::optional<double> pumped, pre, post, left, right, topup;
    if (!parseOptionalNumber(m_ui->pumpedEdit->text(), pumped) || !parseOptionalNumber(m_ui->preEdit->text(), pre)
        || !parseOptionalNumber(m_ui->postEdit->text(), post) || !parseOptionalNumber(m_ui->leftEdit->text(), left)
        || !parseOptionalNumber(m_ui->rightEdit->text(), right)
        || !parseOptionalNumber(m_ui->topupEdit->text(), topup)) {
        showMessage(m_ui->figuresMessage, tr("Please enter numbers only, for example 85 or 85.5."));
        ok = false;
    }
    const bool pumping = s.kind == SessionKind::Pumping;
    for (std::optional<double> *volume : {&pumped, &left, &right, &topup})
        if (*volume)
            *volume = m_volume.toMl(**volume);
    // Both breasts given and the total as it was: the total follows their sum.
    if (left && right && pumped && m_original.pumpedVolumeMl && std::abs(*pumped - *m_original.pumpedVolumeMl) < 0.01
        && !(m_original.leftVolumeMl == left && m_original.rightVolumeMl == right))
        pumped.reset();
    Measurements figures;
    figures.pumpedVolumeMl = pumping ? pumped : std::nullopt;
    figures.leftVolumeMl = pumping ? left : std::nullopt;
    figures.rightVolumeMl = pumping ? right : std::nullopt;
    figures.preFeedWeightG = pumping ? std::nullopt : pre;
    figures.postFeedWeightG = pumping ? std::nullopt : post;
    figures.topupMl = pumping ? std::nullopt : topup;
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

    s.letdowns.clear();
    for (int row = 0; row < m_ui->letdownTable->rowCount(); ++row) {
        const QString timeText
            = m_ui->letdownTable->item(row, TimeColumn) ? m_ui->letdownTable->item(row, TimeColumn)->text() : QString();
        const auto offsetMs = parseElapsedMs(timeText);
        std::optional<double> volume;
        const QString volumeText = m_ui->letdownTable->item(row, VolumeColumn)
            ? m_ui->letdownTable->item(row, VolumeColumn)->text()
            : QString();
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
        // Keep the moment of an unchanged let-down; place a new or moved one after the start.
        const auto same = std::find_if(m_original.letdowns.begin(), m_original.letdowns.end(),
            [&](const Letdown &o) { return o.offsetMs == e.offsetMs; });
        const bool startMoved = s.startedAtUtcMs != m_original.startedAtUtcMs;
        e.atUtcMs = same != m_original.letdowns.end() && !startMoved ? same->atUtcMs : s.startedAtUtcMs + e.offsetMs;
        e.utcOffsetS = s.startedUtcOffsetS;
        s.letdowns.append(e);
    }
    std::sort(s.letdowns.begin(), s.letdowns.end(),
        [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
    // An imported session whose let-downs she adds by hand has them logged from then on.
    s.letdownsLogged = m_original.letdownsLogged || !s.letdowns.isEmpty();
    return ok;
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
