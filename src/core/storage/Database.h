#pragma once

#include <QSqlDatabase>
#include <QString>

// One Letdown database file: opens it safely, checks that it is ours and not from a newer
// version, sets the durability pragmas and runs the schema migrations.
class Database
{
public:
    static constexpr int kSchemaVersion = 1;
    // PRAGMA application_id: "LtDn". Tells our files apart from other SQLite files.
    static constexpr qint32 kApplicationId = 0x4C74446E;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum class OpenMode { CreateIfMissing, MustExist };

    // Opens the file, creating it (0600, its folder 0700) when it does not exist and the
    // mode allows. A file that is not a Letdown database, or comes from a newer version,
    // is refused and left untouched. On failure returns false; errorString() says why.
    bool open(const QString &path, OpenMode mode = OpenMode::CreateIfMissing);
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    // For the storage layer only: every SQL statement lives under src/core/storage.
    QSqlDatabase connection() const;

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
    bool begin();
    bool commit();
    bool rollback(); // always returns false, keeping m_error from the failure
    void setError(const QString &message) { m_error = message; }

private:
    bool checkOwnershipAndVersion(int &userVersion);
    bool applyPragmas();
    bool migrate(int fromVersion);
    bool exec(const QString &sql);
    void close();

    QString m_connectionName;
    QString m_path;
    QString m_error;
};
