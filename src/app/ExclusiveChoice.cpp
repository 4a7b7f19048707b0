#include "ExclusiveChoice.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QButtonGroup>

namespace {
QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    return text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
}

// What Orca reads for one button of the choice: a radio button with its text, checked or
// not, that can be pressed.
class ChoiceButtonAccessible final : public QAccessibleWidget
{
public:
    explicit ChoiceButtonAccessible(QAbstractButton *button)
        : QAccessibleWidget(button, QAccessible::RadioButton)
    { }

    QString text(QAccessible::Text t) const override
    {
        QString text = QAccessibleWidget::text(t);
        if (t == QAccessible::Name && text.isEmpty())
            text = withoutMnemonic(button()->text());
        return text;
    }
    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        state.checkable = true;
        state.checked = button()->isChecked();
        return state;
    }
    QStringList actionNames() const override
    {
        return button()->isEnabled() ? QStringList {pressAction()} : QStringList {};
    }
    void doAction(const QString &name) override
    {
        if (name == pressAction() && button()->isEnabled())
            button()->click();
    }

private:
    QAbstractButton *button() const { return static_cast<QAbstractButton *>(widget()); }
};

// Qt asks the factories by class name, most derived first: the widgets' own factory knows
// QPushButton but not ChoiceButton, so this one is asked first for these.
QAccessibleInterface *choiceFactory(const QString &className, QObject *object)
{
    auto *button = qobject_cast<ChoiceButton *>(object);
    if (button && className == QLatin1String(ChoiceButton::staticMetaObject.className()))
        return new ChoiceButtonAccessible(button);
    return nullptr;
}
} // namespace

ChoiceButton::ChoiceButton(QWidget *parent)
    : QPushButton(parent)
{
    static const bool installed = [] {
        QAccessible::installFactory(choiceFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

QButtonGroup *makeExclusiveChoice(const QList<ChoiceButton *> &buttons, QObject *parent)
{
    auto *group = new QButtonGroup(parent);
    group->setExclusive(true);
    for (ChoiceButton *button : buttons)
        group->addButton(button);
    return group;
}
