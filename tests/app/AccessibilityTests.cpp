// Every control she can reach must say what it is to a screen reader, and the session
// screen must work from the keyboard alone.
#include "MainWindow.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

TEST_CASE("Accessibility: every control of every tab has a name")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.database, recorder, store, clock);
    window.show();
    auto *tabs = window.findChild<QTabWidget *>("tabs");
    REQUIRE(tabs);
    QStringList nameless;
    QStringList undescribed;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab); // panels build their contents when shown
        for (QWidget *w : tabs->widget(tab)->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)
                || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractItemView *>(w);
            // Parts of another control (a table's header, a date field's editor) speak through it.
            const bool part = qobject_cast<QHeaderView *>(w) || qobject_cast<QAbstractSpinBox *>(w->parentWidget());
            if (!control || part || !w->isVisibleTo(&window))
                continue;
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            // A label's buddy, a button's text or an explicit accessible name all count.
            const QString where =
                QStringLiteral("%1 (%2, tab %3)").arg(w->objectName(), w->metaObject()->className()).arg(tab);
            if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                nameless << where;
            // The description: an explicit one, or the tooltip.
            if (!a || a->text(QAccessible::Description).trimmed().isEmpty())
                undescribed << where;
        }
    }
    INFO(nameless.join(", ").toStdString());
    CHECK(nameless.isEmpty());
    INFO(undescribed.join(", ").toStdString());
    CHECK(undescribed.isEmpty());
}

TEST_CASE("Accessibility: the session screen works from the keyboard alone")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.database, recorder, store, clock);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Space);
    clock.advance(30'000);
    QTest::keyClick(&window, Qt::Key_L);
    QTest::keyClick(&window, Qt::Key_P);
    QTest::keyClick(&window, Qt::Key_P);
    QTest::keyClick(&window, Qt::Key_S);
    QTest::keyClick(&window, Qt::Key_Space);
    CHECK(recorder.state() == SessionRecorder::State::Stopped);
    CHECK(recorder.currentSession().ejections.size() == 1);
    // Tab reaches the big buttons (they take focus by keyboard, not by click).
    bool reachedLetdown = false;
    for (int i = 0; i < 40 && !reachedLetdown; ++i) {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Tab);
        reachedLetdown = QApplication::focusWidget()
            && QApplication::focusWidget()->objectName() == QLatin1String("startStopButton");
    }
    CHECK(reachedLetdown);
}
