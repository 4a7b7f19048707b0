#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

// One row of the change log (docs/schema.md, `change_log`): a change the journal applied,
// kept in the same transaction as its effect. What was asked (command), by which hand
// (origin), under which receipt (the sender's own id for the command, such as the phone's
// tap_id), what came of it, and what it wrote. Nothing in it refers to this file's row ids,
// so another device can replay it (the sync folder, issue 23).
struct ChangeRecord {
    QString changeId; // globally unique (a UUID)
    QString command; // the journal's command key: "letdown", "start", "edit_session", ...
    QString origin; // "key", "mouse", "mini_timer", "tray", "phone", "command_line", "import", "history"
    qint64 atUtcMs = 0;
    int utcOffsetS = 0;
    QString receiptId; // empty when the sender gave none
    QString result = QStringLiteral("recorded"); // "recorded", "unchanged" or "refused"
    QString message; // why, for "unchanged" and "refused"
    QString sessionUuid; // the session it changed, if any
    QByteArray payload = QByteArrayLiteral("{}"); // JSON: the rows as the change left them
};
