#pragma once

#include <QPlainTextEdit>

// A note field that never holds more than maxLength characters. A paste is cut before it
// is inserted, so a huge clipboard never has to be laid out (that would freeze the window).
class LimitedTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit LimitedTextEdit(QWidget *parent = nullptr);

    void setMaxLength(int maxLength) { m_maxLength = maxLength; }
    int maxLength() const { return m_maxLength; }

signals:
    // Some of what she typed or pasted was left out.
    void truncated();

protected:
    void insertFromMimeData(const QMimeData *source) override;

private:
    void enforceLimit();
    int m_maxLength = 10000;
    bool m_enforcing = false;
};
