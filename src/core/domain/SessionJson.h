#pragma once

#include "domain/Session.h"

#include <QByteArray>
#include <QJsonObject>

// Sessions and let-downs as JSON objects with the stored keys (the change log's payload):
// what a change wrote, complete enough to apply it to another file, and free of row ids.
QJsonObject letdownToJson(const Letdown &letdown);
// `withLetdowns`: the session's let-downs too (an edit or a restore rewrites them all).
QJsonObject sessionToJson(const Session &session, bool withLetdowns);
QByteArray compactJson(const QJsonObject &object);
// A journal entry for one let-down, {"letdown": letdownToJson(letdown)}, written directly: the
// step taken most often (a QJsonObject for it was a quarter of a tap's own work).
QByteArray letdownEntryJson(const Letdown &letdown);
// An import's change-log entry: {"imported_sessions": [their ids], "spontaneous_letdowns":
// [{"at_utc_ms", "utc_offset_s"}]}, byte for byte as compactJson writes it.
QByteArray importEntryJson(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed);
// The inverse of sessionToJson(session, true), for JSON from elsewhere (another device's sync
// file): every key checked for its type and range; false with `error` naming the first
// problem. Dates are not checked here (implausibleDatesError does that).
bool sessionFromJson(const QJsonObject &object, Session &session, QString &error);
