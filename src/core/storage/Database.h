#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

// One Letdown database file: opens it safely, checks that it is ours, whole, and not
// from a newer version, sets the durability pragmas and runs the schema migrations
// (after a verified backup of a file that has data in it).
struct sqlite3;
struct sqlite3_stmt;

class Database
{
public:
    static constexpr int kSchemaVersion = 10;
    // PRAGMA application_id: "LtDn". Tells our files apart from other SQLite files.
    static constexpr qint32 kApplicationId = 0x4C74446E;

    enum class OpenMode {
        CreateIfMissing, // the app: a first run creates the file
        MustExist, // commands that only read or add: never create a file by mistake
        ReadOnly, // look without changing anything (backups, write-protected files)
    };
    // Why an open failed, so the app can offer the right way out.
    enum class Problem { None, Missing, Damaged, Foreign, Newer, DiskFull, Unavailable };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the file, creating it (0600, its folder 0700) when missing and the mode allows.
    // A file that cannot be written is opened read-only (isReadOnly() tells). A file that
    // is damaged, not a Letdown database, or from a newer version is refused and left
    // untouched. On failure returns false; errorString() and problem() say why.
    bool open(const QString &path, OpenMode mode = OpenMode::CreateIfMissing);
    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    // Changes each time a file is opened (a restore reopens): caches keyed on row ids check it.
    int generation() const { return m_generation; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    Problem problem() const { return m_problem; }
    // What SQLite itself reported, for a "details" section (may be empty).
    QString details() const { return m_details; }

    // Counts every change to the data (kept by triggers); backups compare it.
    bool changeCount(qint64 &count);

    // Replaces this file with `incoming`, a checked copy staged beside it (Backups::
    // stageBeside), then reopens. The caller (DataFile) backs the current file up first.
    bool replaceWithStaged(const QString &incoming);
    // Moves the file to `newPath` and reopens it there. The target must not exist. On
    // failure the file stays where it was, open. (DataFile moves the backups along.)
    bool moveTo(const QString &newPath);
    // Asked before a schema update of a file that has data; false (with `error`) stops the
    // update. Without one, an old file is not updated (DataFile takes a backup here).
    using BeforeUpdate = std::function<bool(Database &, QString &error)>;
    void setBeforeUpdate(BeforeUpdate hook) { m_beforeUpdate = std::move(hook); }

    // Statements run through SqlStatement (storage layer only: every SQL statement lives
    // under src/core/storage).
    qint64 lastInsertRowId() const;

    // Runs a write transaction (BEGIN IMMEDIATE ... COMMIT; ROLLBACK when body returns
    // false or a statement fails). Returns true when committed.
    template <typename Body> bool write(Body &&body)
    {
        if (!begin())
            return false;
        if (!body())
            return rollback();
        return commit();
    }
    // Inside a write transaction: runs `body` (many inserts) with the change counter's
    // per-row insert triggers set aside, then moves the counter once and puts the triggers
    // back, all in the same transaction. An import of ten years would otherwise run a
    // trigger for each of its 60,000 rows (a third of its write time).
    bool withoutInsertCounters(const std::function<bool()> &body);
    bool begin();
    bool commit();
    bool rollback(); // always returns false, keeping m_error from the failure
    // How long a write waits for another program's write lock (SQLite's busy timeout).
    static constexpr int kDefaultLockWaitMs = 5000;
    void setLockWaitMs(int ms);
    int lockWaitMs() const { return m_lockWaitMs; }
    // The last failed statement found the database locked by another connection.
    bool lastFailureWasBusy() const { return m_lastFailureWasBusy; }
    // Whether a transaction is open on the connection (SQLite ends one by itself on some errors).
    bool inTransaction() const;
    void setError(const QString &message) { m_error = message; }
    // Whole-session reads under way on this connection (SessionStore::forEachMatching): only
    // the outermost may use statements kept for the connection, which a read from inside its
    // visitor would otherwise reset under it.
    int &sessionReadsUnderway() { return m_sessionReadsUnderway; }

    // Checks a file without opening it for writing: "ok", or what SQLite found wrong.
    static QString integrityOf(const QString &path);

private:
    friend class SqlStatement;
    // A statement prepared once for this connection and finalized when it closes (the
    // per-tap and per-row statements). Null if it cannot be prepared.
    sqlite3_stmt *preparedForConnection(QByteArrayView sql);
    bool fail(Problem problem, const QString &message);
    bool openChecked(const QString &path, OpenMode mode);
    // The connection: read-only (immutable where nothing may be created) or, after the
    // read-only look at whose file it is, read-write.
    bool createComplete(const QString &path);
    bool openConnection(const QString &path, bool hasContent);
    bool finishReadOnly(const QString &path, OpenMode mode, int userVersion);
    bool checkOwnershipAndVersion(int &userVersion);
    bool checkOwnershipAndVersionReadOnly();
    bool failToRead(int sqliteResult, const QString &sqliteMessage);
    bool checkIntegrity();
    bool checkPageCount();
    QString verifiedStatePath() const;
    QByteArray fileState() const;
    bool isUnchangedSinceVerified() const;
    void rememberVerifiedState();
    bool applyPragmas();
    bool migrate(int fromVersion);
    bool exec(const QString &sql);
    bool execPrepared(const QByteArray &sql);
    void close();

    // Looked up by the statement's text without copying it (a tap looks up four or five): the
    // map's hash and equality take a view of the text.
    struct TextHash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
    };
    std::unordered_map<std::string, sqlite3_stmt *, TextHash, std::equal_to<>> m_keptStatements;
    int m_sessionReadsUnderway = 0;
    QString m_path;
    QString m_error;
    QString m_details;
    Problem m_problem = Problem::None;
    bool m_readOnly = false;
    int m_generation = 0;
    bool m_openedCleanly = false; // writable, checked: record the state when closing
    bool m_lastFailureWasBusy = false;
    BeforeUpdate m_beforeUpdate;
    sqlite3 *m_handle = nullptr; // the open connection
    int m_lockWaitMs = kDefaultLockWaitMs;
};
