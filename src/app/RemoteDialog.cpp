#include "RemoteDialog.h"

#include "remote/QrCode.h"
#include "remote/RemoteService.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// Black on white with a four-module quiet zone, whatever the theme: cameras read that best.
QPixmap codeImage(const QrCode &code, int modulePx)
{
    constexpr int kQuiet = 4;
    const int side = (code.size + 2 * kQuiet) * modulePx;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.dark(x, y))
                painter.fillRect((x + kQuiet) * modulePx, (y + kQuiet) * modulePx, modulePx, modulePx, Qt::black);
    return QPixmap::fromImage(image);
}
} // namespace

RemoteDialog::RemoteDialog(RemoteService &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Phone remote"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Tap Start, Let-down and Stop from your phone while the baby is on your arm. "
                                "The phone must be on the same home network as this computer. "
                                "Only phones that scanned this code can use it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_enabled = new QCheckBox(tr("&Let a phone on the home network tap here"), this);
    m_enabled->setObjectName(QStringLiteral("remoteEnabled"));
    layout->addWidget(m_enabled);
    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("remoteCode"));
    m_code->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_code);
    m_addresses = new QLabel(this);
    m_addresses->setObjectName(QStringLiteral("remoteAddresses"));
    m_addresses->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_addresses->setWordWrap(true);
    layout->addWidget(m_addresses);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("remoteStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_forget = buttons->addButton(tr("&Forget all phones"), QDialogButtonBox::ActionRole);
    m_forget->setObjectName(QStringLiteral("forgetPhones"));
    m_forget->setToolTip(tr("Makes a new code: every phone paired so far has to scan it again."));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        if (on != m_service.isOn())
            m_service.setEnabled(on);
    });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        m_service.forgetAllPhones();
        m_status->setText(tr("All phones forgotten. Scan the new code with the phones you keep."));
    });
    connect(&m_service, &RemoteService::changed, this, &RemoteDialog::refresh);
    refresh();
}

void RemoteDialog::refresh()
{
    const bool on = m_service.isOn();
    const QSignalBlocker blocker(m_enabled);
    m_enabled->setChecked(on);
    m_forget->setEnabled(on);
    const QList<QUrl> urls = m_service.pairingUrls();
    m_code->setVisible(on && !urls.isEmpty());
    if (on && !urls.isEmpty()) {
        const QPixmap code = codeImage(QrCode::encode(urls.constFirst().toString()), 6);
        m_code->setPixmap(code);
        m_code->setFixedSize(code.size()); // the whole code, never cropped by the layout
    }
    QStringList lines;
    for (const QUrl &url : urls)
        lines << url.toString(QUrl::RemoveFragment);
    m_addresses->setText(on
            ? tr("The code opens %1 with its key. Typing the address alone is not enough: scan the code once on "
                 "each phone.")
                    .arg(lines.value(0))
                + (lines.size() > 1
                        ? QLatin1Char(' ') + tr("Also listening on %1.").arg(lines.mid(1).join(QStringLiteral(", ")))
                        : QString())
            : QString());
    m_addresses->setVisible(on);
    QString status;
    if (!m_service.lastError().isEmpty())
        status = m_service.lastError();
    else if (!on)
        status = tr("Off. Nothing listens on the network.");
    else if (urls.size() == 1 && urls.constFirst().host() == QLatin1String("127.0.0.1"))
        status = tr("No home network found: only this computer can open the remote.");
    else if (const auto seen = m_service.lastPhoneSeenUtcMs())
        status = tr("On. A phone was last here at %1.")
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*seen).time(), QLocale::ShortFormat));
    else
        status = tr("On. No phone yet: scan the code with the phone's camera.");
    m_status->setText(status);
    adjustSize();
}
