#include "PreferencesDialog.h"
#include "scalefeed/MqttScale.h"
#include "domain/SessionJson.h"
#include "domain/TimeFormat.h"

#include "ui_PreferencesDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QDateTime>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>

PreferencesDialog::PreferencesDialog(const Preferences &current, const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_preferences(current)
{
    m_ui->setupUi(this);
    // On a short screen (1024x576 less the desktop's bars) the settings scroll, and Close
    // and the messages below them stay in view.
    auto *page = new QWidget;
    m_ui->dialogLayout->removeItem(m_ui->form);
    m_ui->form->setParent(nullptr);
    page->setLayout(m_ui->form);
    m_ui->form->setContentsMargins(0, 0, 0, 0); // the dialog's own margins frame it, as before
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("preferencesScroll"));
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_ui->dialogLayout->insertWidget(0, scroll, 1);
    m_ui->unitsCombo->addItem(tr("Millilitres (ml)"));
    m_ui->unitsCombo->addItem(tr("Ounces (oz)"));
    m_ui->kindCombo->addItem(tr("What I used last"));
    m_ui->kindCombo->addItem(tr("Nursing"));
    m_ui->kindCombo->addItem(tr("Pumping"));
    for (Qt::DayOfWeek day : {Qt::Monday, Qt::Saturday, Qt::Sunday})
        m_ui->weekStartCombo->addItem(QLocale().dayName(day), int(day));
    showDatabasePath(databasePath);
    connect(m_ui->weekStartCombo, &QComboBox::currentIndexChanged, this, &PreferencesDialog::gather);
    connect(m_ui->moveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Move the data file to"), m_databasePath, tr("Letdown databases (*.sqlite)"));
        if (!path.isEmpty())
            emit moveRequested(path);
    });
    connect(m_ui->remoteButton, &QPushButton::clicked, this, &PreferencesDialog::remoteRequested);
    connect(m_ui->syncBrowseButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("The folder Syncthing shares"),
            m_ui->syncFolderEdit->text().isEmpty() ? QDir::homePath() : m_ui->syncFolderEdit->text());
        if (!folder.isEmpty()) {
            m_ui->syncFolderEdit->setText(QDir::toNativeSeparators(folder));
            gather();
        }
    });
    connect(m_ui->syncStatus, &QLabel::linkActivated, this, &PreferencesDialog::showConflicts);
    connect(m_ui->syncFolderEdit, &QLineEdit::editingFinished, this, &PreferencesDialog::gather);
    connect(m_ui->syncNameEdit, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_ui->syncNameEdit->text().trimmed();
        if (!name.isEmpty() && name != m_syncName) {
            m_syncName = name;
            emit syncNameChanged(name);
        }
    });
    m_ui->gapCombo->addItem(tr("From start to start (as consultants count)"));
    m_ui->gapCombo->addItem(tr("From the end of one to the start of the next"));
    m_ui->volumeModelCombo->addItem(tr("The published curve"));
    m_ui->volumeModelCombo->addItem(tr("My own curve (fitted to my measured sessions)"));
    show(current);
    for (auto *combo : {m_ui->unitsCombo, m_ui->kindCombo, m_ui->volumeModelCombo, m_ui->gapCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &PreferencesDialog::gather);
    connect(m_ui->referenceCheck, &QCheckBox::toggled, this, &PreferencesDialog::gather);
    for (auto *edit : {m_ui->motherNameEdit, m_ui->babyNameEdit})
        connect(edit, &QLineEdit::editingFinished, this, &PreferencesDialog::gather);
    for (auto *spin : {m_ui->nightFromSpin, m_ui->nightToSpin})
        connect(spin, &QSpinBox::valueChanged, this, &PreferencesDialog::gather);
    for (auto *spin : {m_ui->firstVolumeSpin, m_ui->decaySpin})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &PreferencesDialog::gather);
    connect(m_ui->resetButton, &QPushButton::clicked, this, [this] {
        Preferences p = m_preferences;
        p.decayR = ReferenceModel::kDefaultDecayR;
        p.firstLetdownMl = ReferenceModel::kDefaultFirstLetdownMl;
        show(p);
        gather();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::accept); // Close
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::showDatabasePath(const QString &path)
{
    m_databasePath = path;
    // The command-line option for another file is in docs/cli.md: a dialog is no place for it.
    m_ui->databasePath->setText(
        tr("%1<br/><small>Letdown opens this file from now on.</small>").arg(path.toHtmlEscaped()));
}

void PreferencesDialog::show(const Preferences &p)
{
    m_filling = true;
    m_ui->unitsCombo->setCurrentIndex(p.unit == VolumeUnit::Oz ? 1 : 0);
    m_ui->kindCombo->setCurrentIndex(!p.defaultKind ? 0 : *p.defaultKind == SessionKind::Nursing ? 1 : 2);
    m_ui->referenceCheck->setChecked(p.showReferenceLines);
    m_ui->weekStartCombo->setCurrentIndex(m_ui->weekStartCombo->findData(int(p.weekStartsOn)));
    m_ui->firstVolumeSpin->setValue(p.firstLetdownMl);
    m_ui->decaySpin->setValue(p.decayR);
    m_ui->motherNameEdit->setText(p.motherName);
    m_ui->babyNameEdit->setText(p.babyName);
    m_ui->scaleAutoConfirmCheck->setChecked(p.scaleAutoConfirm);
    m_ui->scaleBrokerEdit->setText(p.scaleBroker);
    m_ui->scaleTopicEdit->setText(p.scaleTopic);
    m_ui->syncFolderEdit->setText(p.syncFolder);
    m_ui->gapCombo->setCurrentIndex(p.dayOptions.gap == GapConvention::EndToStart ? 1 : 0);
    m_ui->nightFromSpin->setValue(p.dayOptions.nightFromHour);
    m_ui->nightToSpin->setValue(p.dayOptions.nightToHour);
    // Her own curve can be chosen once it is ready; a choice made then stays, and while the
    // fit is not ready (sessions deleted, say) the published curve is used and said to be.
    const auto &fit = p.currentFit;
    const bool ready = fit && fit->ready;
    auto *items = qobject_cast<QStandardItemModel *>(m_ui->volumeModelCombo->model());
    const bool chosen = p.volumeModelChoice == Preferences::VolumeModelChoice::Fitted;
    items->item(1)->setEnabled(ready || chosen);
    m_ui->volumeModelCombo->setCurrentIndex(chosen ? 1 : 0);
    showFittedStatus(p);
    m_filling = false;
}

void PreferencesDialog::showFittedStatus(const Preferences &p)
{
    const auto &fit = p.currentFit;
    const bool ready = fit && fit->ready;
    const bool chosen = p.volumeModelChoice == Preferences::VolumeModelChoice::Fitted;
    const VolumeFormat volume {p.unit};
    QString status;
    if (!fit)
        status = tr("Your own curve needs measured sessions (a pumped volume or a test-weigh) with let-downs logged.");
    else if (!ready)
        status = tr("Your own curve is not ready yet: it needs %1.").arg(fit->needs);
    else
        status = tr("Your own curve: first let-down %1, each later one ×%2, from %3 measured sessions.")
                     .arg(volume.text(fit->firstMl), QLocale().toString(fit->decay, 'f', 2))
                     .arg(fit->sessions);
    if (chosen && !ready)
        status += QLatin1Char(' ') + tr("Until it is, the published curve estimates your volumes.");
    m_ui->fittedStatus->setText(status);
}

void PreferencesDialog::gather()
{
    if (m_filling)
        return;
    Preferences p = m_preferences;
    p.unit = m_ui->unitsCombo->currentIndex() == 1 ? VolumeUnit::Oz : VolumeUnit::Ml;
    const int kind = m_ui->kindCombo->currentIndex();
    p.defaultKind = kind == 0 ? std::nullopt : std::optional(kind == 1 ? SessionKind::Nursing : SessionKind::Pumping);
    p.showReferenceLines = m_ui->referenceCheck->isChecked();
    p.weekStartsOn = Qt::DayOfWeek(m_ui->weekStartCombo->currentData().toInt());
    p.firstLetdownMl = m_ui->firstVolumeSpin->value();
    p.decayR = m_ui->decaySpin->value();
    p.motherName = m_ui->motherNameEdit->text().trimmed();
    p.babyName = m_ui->babyNameEdit->text().trimmed();
    p.scaleAutoConfirm = m_ui->scaleAutoConfirmCheck->isChecked();
    p.scaleBroker = m_ui->scaleBrokerEdit->text().trimmed();
    p.scaleTopic = m_ui->scaleTopicEdit->text().trimmed();
    p.syncFolder = m_ui->syncFolderEdit->text().trimmed();
    p.dayOptions.gap = m_ui->gapCombo->currentIndex() == 1 ? GapConvention::EndToStart : GapConvention::StartToStart;
    p.dayOptions.nightFromHour = m_ui->nightFromSpin->value();
    p.dayOptions.nightToHour = m_ui->nightToSpin->value();
    p.volumeModelChoice = m_ui->volumeModelCombo->currentIndex() == 1 ? Preferences::VolumeModelChoice::Fitted
                                                                      : Preferences::VolumeModelChoice::Reference;
    QString problem = p.validate();
    if (problem.isEmpty() && p.dayOptions.nightFromHour >= p.dayOptions.nightToHour)
        problem = tr("Night must end after it starts (for example from 0:00 to 6:00).");
    if (problem.isEmpty() && p.scaleBroker.isEmpty() != p.scaleTopic.isEmpty())
        problem = tr("A scale over MQTT needs both its broker and its topic.");
    QString host;
    quint16 port = 0;
    if (problem.isEmpty() && !p.scaleBroker.isEmpty() && !MqttScale::parseBroker(p.scaleBroker, host, port, problem))
        problem = tr("The scale's broker: %1").arg(problem);
    if (problem.isEmpty() && !p.syncFolder.isEmpty() && !QDir::isAbsolutePath(p.syncFolder))
        problem = tr("The sync folder must be a full path, such as /home/you/Sync/letdown.");
    m_ui->messageLabel->setText(problem);
    if (!problem.isEmpty() || p == m_preferences)
        return;
    m_preferences = p;
    showFittedStatus(p);
    QString error;
    if (!p.save(error))
        m_ui->messageLabel->setText(error);
    emit preferencesChanged(p);
}

void PreferencesDialog::showSync(const SyncOverview &overview, const QString &problem)
{
    m_syncName = overview.deviceName;
    if (!m_ui->syncNameEdit->hasFocus())
        m_ui->syncNameEdit->setText(overview.deviceName);
    QStringList lines;
    if (!problem.isEmpty())
        lines << QStringLiteral("<b>%1</b>").arg(problem.toHtmlEscaped());
    if (m_preferences.syncFolder.isEmpty() && overview.peers.isEmpty()) {
        lines << tr("Your log stays on this computer. To share it with the family's other devices, choose a "
                    "folder that Syncthing keeps the same on each of them (docs/sync.md).");
    } else if (overview.peers.isEmpty()) {
        lines << tr("No other device has written to the folder yet.");
    } else {
        QStringList devices;
        for (const SyncPeer &peer : overview.peers)
            devices << tr("%1 (last change %2)")
                           .arg(peer.name.toHtmlEscaped(),
                               QLocale().toString(QDateTime::fromMSecsSinceEpoch(peer.lastChangeAtUtcMs),
                                   tr("ddd d MMM, HH:mm")));
        lines << tr("Other devices: %1.").arg(devices.join(QStringLiteral(", ")));
    }
    if (!overview.conflicts.isEmpty())
        lines << (overview.conflicts.size() == 1
                ? tr("1 edit made at the same time on two devices lost to a later one and is kept: "
                     "<a href=\"conflicts\">show it</a>.")
                : tr("%1 edits made at the same time on two devices lost to later ones and are kept: "
                     "<a href=\"conflicts\">show them</a>.")
                      .arg(overview.conflicts.size()));
    m_ui->syncStatus->setText(lines.join(QStringLiteral("<br/>")));
    m_conflicts = overview.conflicts;
}

void PreferencesDialog::showConflicts()
{
    QStringList lines;
    for (const SyncConflict &conflict : std::as_const(m_conflicts)) {
        const QJsonObject record = QJsonDocument::fromJson(conflict.payload).object();
        Session session;
        QString error;
        const bool readable = sessionFromJson(record.value(QLatin1String("session")).toObject(), session, error);
        const QString when = readable
            ? QLocale().toString(storedLocalDateTime(session.startedAtUtcMs, session.startedUtcOffsetS),
                  QLocale::ShortFormat)
            : conflict.item;
        QString line = tr("The session of %1, as %2 had it: %3 let-downs")
                           .arg(when, conflict.deviceName)
                           .arg(readable ? session.letdowns.size() : 0);
        if (readable && !session.note.isEmpty())
            line += tr(", note \u201c%1\u201d").arg(session.note.left(200));
        lines << line + QLatin1Char('.');
    }
    QMessageBox box(QMessageBox::Information, tr("Edits that lost a conflict"),
        tr("These versions were changed on one device while another changed the same session. The later change "
           "is in your log; these are kept here so nothing typed is lost. Copy what you need into the session "
           "(History > Edit)."),
        QMessageBox::Close, this);
    box.setDetailedText(lines.join(u'\n'));
    box.exec();
}

void PreferencesDialog::showEvent(QShowEvent *event)
{
    // As wide and tall as the settings need, but never larger than the screen leaves room
    // for (then they scroll).
    if (!m_sized) {
        m_sized = true;
        auto *scroll = findChild<QScrollArea *>(QStringLiteral("preferencesScroll"));
        QWidget *page = scroll->widget();
        const int chrome = height() - scroll->height();
        const int sides = this->width() - scroll->width();
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1920, 1080);
        const int width = std::min(
            std::max(this->width(), page->minimumSizeHint().width() + sides), screen.width() - 8);
        // Wrapped texts are as tall as the width they get.
        const int pageWidth = width - sides;
        const int pageHeight = page->hasHeightForWidth() ? page->heightForWidth(pageWidth) : page->sizeHint().height();
        const int height = std::min(pageHeight + chrome, screen.height() - 60);
        resize(width + (height < pageHeight + chrome ? scroll->verticalScrollBar()->sizeHint().width() : 0),
            std::max(height, 200));
    }
    QDialog::showEvent(event);
}
