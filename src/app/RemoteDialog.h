#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class RemoteService;

// Edit > Phone remote...: switch it on, scan the code, forget all phones.
class RemoteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RemoteDialog(RemoteService &service, QWidget *parent = nullptr);

private:
    void refresh();

    RemoteService &m_service;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_code = nullptr;
    QLabel *m_addresses = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_forget = nullptr;
};
