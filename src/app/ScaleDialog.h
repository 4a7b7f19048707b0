#pragma once
// A finished pumping session's scale readings (History > Scale...): the flow curve with the
// let-downs found, drawn again from the readings kept with it; and a recording made
// elsewhere attached to it (docs/scale.md), undoable like every History change.
#include "domain/Session.h"

#include <QDialog>

class FlowChart;
class Journal;
class QLabel;
class QUndoStack;

class ScaleDialog : public QDialog
{
    Q_OBJECT

public:
    ScaleDialog(Journal &journal, QUndoStack &undoStack, const Session &session, QWidget *parent = nullptr);
    // Reads the file and attaches it (what the button does after its file dialog). False
    // with the reason shown in the dialog.
    bool attachFile(const QString &path);
    QString summary() const;
    FlowChart *chart() const { return m_chart; }

private:
    void showReadings();

    Journal &m_journal;
    QUndoStack &m_undoStack;
    Session m_session;
    FlowChart *m_chart = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
};
