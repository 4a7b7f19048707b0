#include "LimitedTextEdit.h"

#include <QMimeData>
#include <QTextCursor>

LimitedTextEdit::LimitedTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    connect(this, &QPlainTextEdit::textChanged, this, &LimitedTextEdit::enforceLimit);
}

void LimitedTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (!source->hasText())
        return;
    const int current = document()->characterCount() - 1;
    const int selected = int(textCursor().selectedText().size());
    const qsizetype room = qMax(0, m_maxLength - current + selected);
    const QString text = source->text();
    textCursor().insertText(text.left(room));
    if (text.size() > room)
        emit truncated();
}

void LimitedTextEdit::enforceLimit()
{
    // Typing, or text set in code: cut at the limit (cheap, the excess is small).
    if (m_enforcing || document()->characterCount() - 1 <= m_maxLength)
        return;
    m_enforcing = true;
    QTextCursor cursor(document());
    cursor.setPosition(m_maxLength);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    m_enforcing = false;
    emit truncated();
}
