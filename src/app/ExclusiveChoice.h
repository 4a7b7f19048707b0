#pragma once

#include <QList>
#include <QPushButton>

class QButtonGroup;

// A button that is one of an exclusive choice (left, right, both). It looks like a button,
// a big target for one thumb, but a screen reader announces it as a radio button: one of
// n, checked or not. Its own class name is what lets it have its own accessible interface.
class ChoiceButton : public QPushButton
{
    Q_OBJECT

public:
    // Installs the accessible interface before anything asks for this button's (Qt keeps
    // the first interface made for a widget).
    explicit ChoiceButton(QWidget *parent = nullptr);
};

// Groups the buttons so that exactly one is checked.
QButtonGroup *makeExclusiveChoice(const QList<ChoiceButton *> &buttons, QObject *parent);
