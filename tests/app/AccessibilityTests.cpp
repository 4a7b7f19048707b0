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
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

TEST_CASE("Accessibility: every control of every tab has a name")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
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
    MainWindow window(db.file, recorder, store, clock);
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
    CHECK(recorder.currentSession().letdowns.size() == 1);
    // Tab reaches the big buttons (they take focus by keyboard, not by click).
    bool reachedLetdown = false;
    for (int i = 0; i < 40 && !reachedLetdown; ++i) {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Tab);
        reachedLetdown = QApplication::focusWidget()
            && QApplication::focusWidget()->objectName() == QLatin1String("startStopButton");
    }
    CHECK(reachedLetdown);
}

TEST_CASE("Accessibility: the side is one exclusive choice, announced as radio buttons")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    QList<QAccessibleInterface *> sides;
    for (const char *name : {"leftSideButton", "rightSideButton", "bothSideButton"}) {
        auto *button = window.findChild<QAbstractButton *>(name);
        REQUIRE(button);
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(button);
        REQUIRE(a);
        INFO(name);
        CHECK(a->role() == QAccessible::RadioButton);
        CHECK(a->state().checkable);
        sides << a;
    }
    CHECK(sides[0]->text(QAccessible::Name) == "Left");
    CHECK(sides[0]->state().checked);
    // Pressed through the accessibility interface (as Orca does): the others are unchecked.
    REQUIRE(sides[1]->actionInterface());
    sides[1]->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    CHECK(sides[1]->state().checked);
    CHECK_FALSE(sides[0]->state().checked);
    CHECK_FALSE(sides[2]->state().checked);
}

TEST_CASE("Accessibility: Start, Let-down and Stop work as accessible actions - the timer tells the time once a minute")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    const auto press = [&](const char *name) {
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(window.findChild<QAbstractButton *>(name));
        REQUIRE(a);
        REQUIRE(a->actionInterface());
        a->actionInterface()->doAction(QAccessibleActionInterface::pressAction()); // an animated click
    };
    QAccessibleInterface *timer = QAccessible::queryAccessibleInterface(window.findChild<QWidget *>("timerLabel"));
    REQUIRE(timer);
    CHECK(timer->text(QAccessible::Name) == "Session time: not running");

    press("startStopButton");
    REQUIRE(waitUntil([&] { return recorder.state() == SessionRecorder::State::Running; }, 5000));
    clock.advance(2 * 60'000 + 10'000);
    press("letdownButton");
    CHECK(waitUntil([&] { return recorder.currentSession().letdowns.size() == 1; }, 5000));
    CHECK(waitUntil([&] { return timer->text(QAccessible::Name) == "Session time: 2 minutes"; }, 5000));
    // Seconds passing within the minute do not change what the reader is told.
    clock.advance(20'000);
    QTest::qWait(300); // the label ticks several times meanwhile
    CHECK(timer->text(QAccessible::Name) == "Session time: 2 minutes");
    CHECK(window.findChild<QLabel *>("timerLabel")->text() == "02:30");
    // On request (T), to the second.
    QTest::keyClick(&window, Qt::Key_T);
    CHECK(timer->text(QAccessible::Name) == "Session time: 2 minutes 30 seconds");
    clock.advance(60'000);
    CHECK(waitUntil([&] { return timer->text(QAccessible::Name) == "Session time: 3 minutes"; }, 5000));

    press("startStopButton");
    CHECK(waitUntil([&] { return recorder.state() == SessionRecorder::State::Stopped; }, 5000));
}
