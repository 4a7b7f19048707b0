#include "storage/SqlStatement.h"

#include "storage/Database.h"

#include <sqlite3.h>

SqlStatement::SqlStatement(Database &database, QByteArrayView sql, Prepared prepared)
    : m_database(database)
{
    sqlite3 *db = database.m_handle;
    if (!db) {
        m_ok = false;
        m_errorCode = SQLITE_MISUSE;
        m_error = QStringLiteral("the database is not open");
        return;
    }
    if (prepared == Prepared::ForTheConnection) {
        m_finalizeAtEnd = false;
        m_statement = database.preparedForConnection(sql);
        if (!m_statement)
            failWith(sqlite3_errcode(db));
        return;
    }
    const int result = sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &m_statement, nullptr);
    if (result != SQLITE_OK)
        failWith(result);
}

SqlStatement::~SqlStatement()
{
    if (m_finalizeAtEnd) {
        sqlite3_finalize(m_statement);
    } else if (m_statement) {
        // Kept for the next call: ready, holding no read and no values.
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

void SqlStatement::failWith(int result)
{
    if (!m_ok)
        return; // the first failure is the one that explains
    m_ok = false;
    m_errorCode = result;
    m_failedBusy = (result & 0xff) == SQLITE_BUSY;
    sqlite3 *db = m_database.m_handle;
    m_error = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(result));
}

void SqlStatement::check(int result)
{
    if (result != SQLITE_OK)
        failWith(result);
}

void SqlStatement::bind(int position, qint64 value)
{
    if (m_statement)
        check(sqlite3_bind_int64(m_statement, position, value));
}

void SqlStatement::bind(int position, double value)
{
    if (m_statement)
        check(sqlite3_bind_double(m_statement, position, value));
}

void SqlStatement::bind(int position, const QString &text)
{
    if (!m_statement)
        return;
    // Nearly every text bound is short and ASCII (ids, keys, sources): made UTF-8 on the stack,
    // without a QByteArray for each. (SQLite copies it either way.)
    constexpr qsizetype kShortText = 64;
    if (text.size() <= kShortText) {
        char ascii[kShortText];
        const QChar *chars = text.constData(); // not utf16(), which copies a literal to end it in '\0'
        qsizetype k = 0;
        while (k < text.size() && chars[k].unicode() < 0x80) {
            ascii[k] = char(chars[k].unicode());
            ++k;
        }
        if (k == text.size()) {
            check(sqlite3_bind_text(m_statement, position, ascii, int(k), SQLITE_TRANSIENT));
            return;
        }
    }
    const QByteArray utf8 = text.toUtf8();
    check(sqlite3_bind_text(m_statement, position, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

void SqlStatement::bindBlob(int position, const QByteArray &bytes)
{
    if (!m_statement)
        return;
    check(sqlite3_bind_blob(m_statement, position, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT));
}

void SqlStatement::bindUtf8(int position, QByteArrayView text)
{
    if (!m_statement)
        return;
    // Never a null pointer: SQLite would bind NULL, not an empty text.
    check(sqlite3_bind_text(m_statement, position, text.isNull() ? "" : text.data(), int(text.size()), SQLITE_TRANSIENT));
}

QByteArray SqlStatement::blob(int column) const
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
        sqlite3_column_bytes(m_statement, column));
}

void SqlStatement::bind(int position, const std::optional<double> &value)
{
    value ? bind(position, *value) : bindNull(position);
}

void SqlStatement::bind(int position, const std::optional<qint64> &value)
{
    value ? bind(position, *value) : bindNull(position);
}

void SqlStatement::bindNull(int position)
{
    if (m_statement)
        check(sqlite3_bind_null(m_statement, position));
}

void SqlStatement::bindOrNull(int position, const QString &text)
{
    text.isEmpty() ? bindNull(position) : bind(position, text);
}

void SqlStatement::bind(int position, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        bindNull(position);
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        bind(position, value.toDouble());
        break;
    case QMetaType::QString:
        bind(position, value.toString());
        break;
    default:
        bind(position, value.toLongLong());
    }
}

bool SqlStatement::run()
{
    if (!m_statement || !m_ok) {
        if (m_statement) {
            sqlite3_reset(m_statement);
            sqlite3_clear_bindings(m_statement);
        }
        return false;
    }
    int result = sqlite3_step(m_statement);
    while (result == SQLITE_ROW) // a PRAGMA that answers: its rows are not wanted
        result = sqlite3_step(m_statement);
    if (result != SQLITE_DONE)
        failWith(result);
    // Ready for the next values (a kept statement, for the next caller too).
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return m_ok;
}

bool SqlStatement::next()
{
    if (!m_statement || !m_ok)
        return false;
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE)
        failWith(result);
    return false;
}

void SqlStatement::reset()
{
    if (m_statement)
        sqlite3_reset(m_statement);
}

qint64 SqlStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqlStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::optional<double> SqlStatement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqlStatement::text(int column) const
{
    return QString::fromUtf8(bytes(column));
}

QByteArrayView SqlStatement::bytes(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

QVariant SqlStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue(integer(column));
    case SQLITE_FLOAT:
        return real(column);
    case SQLITE_TEXT:
        return text(column);
    case SQLITE_BLOB:
        return blob(column);
    default:
        return QVariant();
    }
}

int SqlStatement::rowsChanged() const
{
    sqlite3 *db = m_database.m_handle;
    return db ? sqlite3_changes(db) : 0;
}
