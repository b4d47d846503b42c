#pragma once

#include "result.h"
#include "sqldialect.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace nt {

// One numbered migration file, "sql/<dialect>/NNNN_name.sql".
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
    QString checksum; // SHA-256 (hex) of the file with line endings normalised to LF
};

// What the database says about one migration, next to what the app carries.
struct MigrationState
{
    enum class Status {
        Applied,   // in the database with the same checksum
        Pending,   // in the app, not yet in the database
        Changed,   // applied, but the app's file differs from what was applied
        Unknown,   // in the database, not in the app (a newer app applied it)
    };
    int version = 0;
    QString name;
    Status status = Status::Pending;
    QDateTime appliedAt; // UTC; invalid when pending
    QString appVersion;  // the app version that applied it
};

// Brings a database's schema up to the app's migrations (the Alembic analogue).
//
// Promises:
// - Each migration runs in its own transaction and is recorded (version, name, checksum) in
//   schema_migrations in that same transaction: a failure leaves the database as the previous
//   migration left it.
// - A database with a changed checksum, or one newer than the app, is refused before anything is
//   written, with an Error of kind Schema that says what to do.
// - Several processes migrating one database at once are serialised (PostgreSQL: a transaction-level
//   advisory lock, which works through a transaction-mode pooler; SQLite: BEGIN IMMEDIATE), and each
//   migration is applied exactly once.
// - When nothing is pending, migrate() only reads.
class SchemaMigrator
{
public:
    explicit SchemaMigrator(QString connectionName);
    SchemaMigrator(QString connectionName, QList<Migration> migrations); // tests: migrations of their own

    // The migrations built into the app for a dialect, in version order.
    static QList<Migration> bundled(SqlDialect dialect);
    // Parses "NNNN_name.sql" text into a Migration (the checksum is computed here).
    static Migration fromFile(const QString &fileName, const QByteArray &contents);

    int latestVersion() const;
    Result<QList<MigrationState>> status() const;
    // Reads only: the refusal migrate() would give for this database (it is newer than the app, or a
    // migration in it was changed or is unknown to the app), or an Error of kind None.
    Error verify() const;
    // Applies every pending migration; returns how many were applied.
    Result<int> migrate() const;

private:
    struct Applied
    {
        int version;
        QString name;
        QString checksum;
        QDateTime appliedAt;
        QString appVersion;
    };
    Result<QList<Applied>> readApplied() const;
    Error check(const QList<Applied> &applied) const;
    Result<bool> applyOne(const Migration &migration) const;

    QString m_connectionName;
    QList<Migration> m_migrations;
};

} // namespace nt
