#include "InputMoments.h"

#include "base/Clock.h"

#include <QCoreApplication>
#include <QInputEvent>
#include <QKeyEvent>

namespace {
// A slot runs within the handling of its key press or click; older input is not "current".
constexpr qint64 kSameInputMs = 100;
} // namespace

InputMoments::InputMoments(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    QCoreApplication::instance()->installEventFilter(this);
}

InputMoments::~InputMoments()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

std::optional<qint64> InputMoments::currentInputMoment() const
{
    if (!m_momentMs || m_clock.monotonicMs() - m_seenAtMs > kSameInputMs)
        return std::nullopt;
    return m_momentMs;
}

bool InputMoments::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    const bool press = type == QEvent::MouseButtonPress || type == QEvent::TouchBegin
        || (type == QEvent::KeyPress && !static_cast<QKeyEvent *>(event)->isAutoRepeat());
    // Input from the window system reaches the window first, carrying the window system's
    // timestamp; the window then hands it to a widget. Events made up inside the app (and
    // by QTest) go straight to widgets with made-up timestamps: those count as now.
    if (press && watched->isWindowType()) {
        const auto *input = static_cast<QInputEvent *>(event);
        m_momentMs = m_timeline.momentOf(qint64(input->timestamp()), m_clock.monotonicMs());
        m_seenAtMs = m_clock.monotonicMs();
    }
    return QObject::eventFilter(watched, event);
}
