#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUtf8StringView>
#include <QVariant>

#include <optional>

class Database;
struct sqlite3_stmt;

// One SQL statement on a Database's connection, through SQLite's C API: the one way Letdown
// runs SQL (docs/architecture.md says why). Values are bound by position (1-based), rows read
// by column (0-based); texts are UTF-8 in the file and QString in the program.
//
// A statement run on every tap or imported row is kept prepared for the connection's life
// (`Prepared::ForTheConnection`): it is reset, not finalized, when this object goes.
class SqlStatement
{
public:
    enum class Prepared { ForThisCall, ForTheConnection };

    SqlStatement(Database &database, QByteArrayView sql, Prepared prepared = Prepared::ForThisCall);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    // False when it could not be prepared, a bind failed, or the last step failed.
    bool ok() const { return m_ok; }
    // What SQLite said about the first failure (empty while ok()).
    QString error() const { return m_error; }
    // The last failure was another connection holding the write lock (SQLITE_BUSY).
    bool failedBusy() const { return m_failedBusy; }
    // SQLite's result code of the first failure (0 while ok()).
    int errorCode() const { return m_errorCode; }

    // A failed bind is remembered and fails the next run() or next().
    void bind(int position, qint64 value);
    void bind(int position, int value) { bind(position, qint64(value)); }
    void bind(int position, double value);
    void bind(int position, const QString &text);
    void bind(int position, const std::optional<double> &value);
    void bind(int position, const std::optional<qint64> &value);
    void bindNull(int position);
    void bindBlob(int position, const QByteArray &bytes);
    void bindUtf8(int position, QByteArrayView text); // a text already in UTF-8
    // NULL for an empty text (an optional id).
    void bindOrNull(int position, const QString &text);
    // A text, a whole number, a real number or NULL, by the value's type.
    void bind(int position, const QVariant &value);

    // Runs a statement that returns no rows (or whose rows are not wanted); afterwards it is
    // ready for the next values. True when it ran to the end.
    bool run();
    // Steps to the next row: false at the end or on a failure (ok() tells which).
    bool next();
    // Done with the rows before the end: the statement releases its read.
    void reset();

    // The row's values (valid until the next step).
    qint64 integer(int column) const;
    double real(int column) const;
    std::optional<double> optionalReal(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    // A stored key, compared as it is without making a QString of it.
    QUtf8StringView key(int column) const { return QUtf8StringView(bytes(column)); }
    QByteArrayView bytes(int column) const;
    QByteArray blob(int column) const;
    // Any column as a QVariant (qint64, double, QString, QByteArray or null): for tests and
    // rare reads; the hot paths use the typed reads above.
    QVariant value(int column) const;

    // Rows the last run() wrote itself (not those its triggers did).
    int rowsChanged() const;

private:
    void check(int result);
    void failWith(int result);

    Database &m_database;
    sqlite3_stmt *m_statement = nullptr;
    bool m_finalizeAtEnd = true;
    bool m_ok = true;
    bool m_failedBusy = false;
    int m_errorCode = 0;
    QString m_error;
};
