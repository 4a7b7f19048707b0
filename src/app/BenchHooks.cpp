#include "BenchHooks.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace {
class FirstPaintWatcher : public QObject
{
public:
    explicit FirstPaintWatcher(QWidget *window)
        : QObject(window)
        , m_window(window)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!m_done && event->type() == QEvent::Paint && widget && widget->window() == m_window) {
            m_done = true;
            // Let this paint finish, then leave.
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    QWidget *m_window;
    bool m_done = false;
};
} // namespace

BenchHooks::Mode BenchHooks::mode()
{
    const QByteArray value = qgetenv("LETDOWN_BENCH");
    if (value == "first-paint")
        return Mode::FirstPaint;
    if (value == "trends-all")
        return Mode::TrendsAll;
    return Mode::None;
}

void BenchHooks::quitAfterFirstPaint(QWidget *window)
{
    qApp->installEventFilter(new FirstPaintWatcher(window));
}
