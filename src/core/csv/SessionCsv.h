#pragma once

#include "csv/Csv.h"
#include "stats/DayFigures.h"

#include "domain/Session.h"
#include "domain/VolumeUnit.h"
#include "reference/ReferenceModel.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

class QIODevice;

// The two CSV tables a lactation consultant receives (docs/csv-format.md).

QStringList sessionsCsvHeader(VolumeUnit unit);
QStringList letdownsCsvHeader(VolumeUnit unit);
QStringList daysCsvHeader(VolumeUnit unit);

// Both tables written a session at a time, so an export need not hold her whole log: each
// session's row, then its let-downs' rows. Either device may be null (that table is not
// written). After a failure, failedDevice() says which table it was (0 sessions, 1 let-downs).
class SessionCsvStream
{
public:
    SessionCsvStream(const ReferenceModel &model, VolumeUnit unit, QIODevice *sessionsDevice, QIODevice *letdownsDevice);
    bool writeHeaders(QString &error);
    bool writeSession(const Session &session, QString &error);
    // One let-down felt with no feed (after all the sessions).
    bool writeWithoutFeed(const SpontaneousLetdown &felt, QString &error);
    int failedDevice() const { return m_failedDevice; }

private:
    bool put(std::optional<CsvWriter> &writer, int device, QString &error); // m_line


    const ReferenceModel &m_model;
    VolumeUnit m_unit;
    std::optional<CsvWriter> m_sessions;
    std::optional<CsvWriter> m_letdowns;
    int m_failedDevice = 0;
    CsvLine m_line; // reused: one allocation for the whole export
};

bool writeSessionsCsv(
    const QList<Session> &sessions, const ReferenceModel &model, VolumeUnit unit, QIODevice *device, QString &error);
// After the sessions' let-downs, one row per let-down felt with no feed (`withoutFeed`):
// `session_id`, `order` and `offset_s` empty (docs/csv-format.md).
// The consultant's day by day (stats/DayFigures.h): one row per local day with a session.
bool writeDaysCsv(const QList<DayFigures> &days, VolumeUnit unit, QIODevice *device, QString &error);
bool writeLetdownsCsv(const QList<Session> &sessions, const ReferenceModel &model, VolumeUnit unit,
    QIODevice *device, QString &error, const QList<SpontaneousLetdown> &withoutFeed = {});

// Reads both tables back (either unit variant) into finished sessions with their
// let-downs. Checks every row before returning anything: on any problem `sessions` is
// empty and `problems` names each bad line ("sessions.csv line 7: ...").
struct CsvImportInput {
    QByteArray sessionsCsv;
    QString sessionsName = QStringLiteral("sessions.csv");
    std::optional<QByteArray> letdownsCsv;
    QString letdownsName = QStringLiteral("ejections.csv");
};
// Rows of the let-downs file with an empty `session_id` are let-downs without a feed; they
// go to `withoutFeed` (in time order) when it is given, else they are a problem.
bool readSessionsCsv(const CsvImportInput &input, QList<Session> &sessions, QStringList &problems,
    QList<SpontaneousLetdown> *withoutFeed = nullptr);

// ISO 8601 local time with its UTC offset, e.g. 2026-11-28T03:14:07+01:00.
QString csvTime(qint64 utcMs, int utcOffsetS);
// Reads exactly that form back quickly; false for anything else.
bool parseCsvTime(const QString &text, qint64 &utcMs, int &utcOffsetS);
