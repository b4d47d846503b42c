#include "schemamigrator.h"

#include "sqlexec.h"
#include "sqlscript.h"
#include "utctime.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace nt {

namespace {

// pg_advisory_xact_lock key: "NTODO" + schema; any constant shared by all app versions works.
constexpr qint64 MigrationLockKey = 0x4e544f444f5343;

QString createTableSql(SqlDialect dialect)
{
    if (dialect == SqlDialect::PostgreSQL)
        return QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version integer PRIMARY KEY,"
            " name text NOT NULL,"
            " checksum text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now(),"
            " applied_by text NOT NULL DEFAULT current_user,"
            " app_version text NOT NULL)");
    return QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " checksum TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
        " applied_by TEXT NOT NULL DEFAULT '',"
        " app_version TEXT NOT NULL) STRICT");
}

Error schemaError(const QString &message, const QString &detail = {})
{
    return Error::make(Error::Kind::Schema, message, detail);
}

} // namespace

SchemaMigrator::SchemaMigrator(QString connectionName)
    : m_connectionName(std::move(connectionName)),
      m_migrations(bundled(dialectOf(QSqlDatabase::database(m_connectionName, false))))
{
}

SchemaMigrator::SchemaMigrator(QString connectionName, QList<Migration> migrations)
    : m_connectionName(std::move(connectionName)), m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

Migration SchemaMigrator::fromFile(const QString &fileName, const QByteArray &contents)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    Migration m;
    const auto match = pattern.match(QFileInfo(fileName).fileName());
    if (!match.hasMatch())
        return m; // version 0: not a migration
    m.version = match.captured(1).toInt();
    m.name = match.captured(2);
    QByteArray normalised = contents;
    normalised.replace("\r\n", "\n");
    m.sql = QString::fromUtf8(normalised);
    m.checksum = QString::fromLatin1(QCryptographicHash::hash(normalised, QCryptographicHash::Sha256).toHex());
    return m;
}

QList<Migration> SchemaMigrator::bundled(SqlDialect dialect)
{
    QList<Migration> result;
    const QDir dir(QStringLiteral(":/sql/") + dialectFolder(dialect));
    const auto names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const Migration m = fromFile(name, file.readAll());
        if (m.version > 0)
            result << m;
    }
    return result;
}

int SchemaMigrator::latestVersion() const
{
    const auto &ms = m_migrations;
    return ms.isEmpty() ? 0 : ms.last().version;
}

Result<QList<SchemaMigrator::Applied>> SchemaMigrator::readApplied() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect dialect = dialectOf(db);
    const QString existsSql = dialect == SqlDialect::PostgreSQL
        // A plain read of pg_class, not to_regclass(): after waiting on the advisory lock the
        // syscache behind to_regclass() can still say "no table" that another process just made.
        ? QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                         "ON n.oid = c.relnamespace WHERE c.relname = 'schema_migrations' AND n.nspname = current_schema())")
        : QStringLiteral("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    auto exists = SqlExec::run(db, existsSql);
    if (!exists)
        return exists.error();
    if (!exists.value().next() || !exists.value().value(0).toBool())
        return QList<Applied>{};

    auto rows = SqlExec::run(db, QStringLiteral("SELECT version, name, checksum, applied_at, app_version "
                                                "FROM schema_migrations ORDER BY version"));
    if (!rows)
        return rows.error();
    QList<Applied> applied;
    QSqlQuery &q = rows.value();
    while (q.next())
        applied.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(),
                        UtcTime::fromDatabase(q.value(3)), q.value(4).toString()});
    return applied;
}

Error SchemaMigrator::check(const QList<Applied> &applied) const
{
    for (const Applied &a : applied) {
        if (a.version > latestVersion())
            return schemaError(
                QStringLiteral("This database was set up by a newer version of Neon Todo (schema %1; this app "
                               "knows up to %2). Update Neon Todo to use it; nothing was changed.")
                    .arg(a.version)
                    .arg(latestVersion()),
                QStringLiteral("applied by app version %1").arg(a.appVersion));
        const auto it = std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                                     [&](const Migration &m) { return m.version == a.version; });
        if (it == m_migrations.cend())
            return schemaError(QStringLiteral("This database has schema change %1 (%2), which this version of "
                                              "Neon Todo does not know. Nothing was changed.")
                                   .arg(a.version)
                                   .arg(a.name));
        if (it->checksum != a.checksum)
            return schemaError(
                QStringLiteral("Schema change %1 (%2) in this database differs from the one this app carries, so "
                               "the database may not be what the app expects. Nothing was changed; restore "
                               "the original migration file or ask for help.")
                    .arg(a.version)
                    .arg(a.name),
                QStringLiteral("checksum in database %1, in app %2").arg(a.checksum.left(12), it->checksum.left(12)));
    }
    return {};
}

Result<QList<MigrationState>> SchemaMigrator::status() const
{
    auto applied = readApplied();
    if (!applied)
        return applied.error();
    QList<MigrationState> states;
    for (const Migration &m : m_migrations) {
        MigrationState s{m.version, m.name, MigrationState::Status::Pending, {}, {}};
        for (const Applied &a : applied.value()) {
            if (a.version == m.version) {
                s.status = a.checksum == m.checksum ? MigrationState::Status::Applied
                                                    : MigrationState::Status::Changed;
                s.appliedAt = a.appliedAt;
                s.appVersion = a.appVersion;
            }
        }
        states << s;
    }
    for (const Applied &a : applied.value()) {
        const bool known = std::any_of(m_migrations.cbegin(), m_migrations.cend(),
                                       [&](const Migration &m) { return m.version == a.version; });
        if (!known)
            states << MigrationState{a.version, a.name, MigrationState::Status::Unknown, a.appliedAt, a.appVersion};
    }
    std::sort(states.begin(), states.end(),
              [](const MigrationState &a, const MigrationState &b) { return a.version < b.version; });
    return states;
}

Error SchemaMigrator::verify() const
{
    auto applied = readApplied();
    if (!applied)
        return applied.error();
    return check(applied.value());
}

Result<int> SchemaMigrator::migrate() const
{
    if (m_migrations.isEmpty())
        return schemaError(QStringLiteral("This build of Neon Todo carries no schema for this kind of database."));

    // Read-only first: refuse a database we must not touch, and do nothing when all is applied.
    auto applied = readApplied();
    if (!applied)
        return applied.error();
    if (Error e = check(applied.value()))
        return e;
    int count = 0;
    for (const Migration &m : m_migrations) {
        const bool done = std::any_of(applied.value().cbegin(), applied.value().cend(),
                                      [&](const Applied &a) { return a.version == m.version; });
        if (done)
            continue;
        auto ran = applyOne(m);
        if (!ran)
            return ran.error();
        if (ran.value())
            ++count;
    }
    return count;
}

// One migration in one transaction. Under the lock, the applied list is read again: another process
// may have applied this (or a later) migration while we waited. Returns false when it was already there.
Result<bool> SchemaMigrator::applyOne(const Migration &migration) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect dialect = dialectOf(db);
    const QString what = QStringLiteral("Could not apply schema change %1 (%2).").arg(migration.version).arg(migration.name);

    const QString begin = dialect == SqlDialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (Error e = SqlExec::exec(db, begin))
        return Error::make(e.kind, what, e.detail, e.sqlState);
    auto rollback = [&](Error e) -> Result<bool> {
        SqlExec::exec(db, QStringLiteral("ROLLBACK"));
        if (e.kind == Error::Kind::Schema)
            return e;
        return Error::make(e.kind, what, e.detail, e.sqlState);
    };

    if (dialect == SqlDialect::PostgreSQL) {
        if (Error e = SqlExec::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(:key)"),
                                    {{QStringLiteral("key"), MigrationLockKey}}))
            return rollback(e);
    }
    auto applied = readApplied();
    if (!applied)
        return rollback(applied.error());
    if (applied.value().isEmpty()) {
        // First migration of this database (or a table left empty): make the record table.
        if (Error e = SqlExec::exec(db, createTableSql(dialect)))
            return rollback(e);
        if (dialect == SqlDialect::PostgreSQL) {
            // Other roles sharing the database (row-level security) may read which schema it has.
            if (Error e = SqlExec::exec(db, QStringLiteral("GRANT SELECT ON schema_migrations TO PUBLIC")))
                return rollback(e);
        }
    }
    if (Error e = check(applied.value()))
        return rollback(e);
    for (const Applied &a : applied.value()) {
        if (a.version == migration.version) {
            SqlExec::exec(db, QStringLiteral("COMMIT"));
            return false;
        }
    }

    const QStringList statements = SqlScript::split(migration.sql);
    for (const QString &statement : statements) {
        if (Error e = SqlExec::exec(db, statement))
            return rollback(e);
    }
    QVariantMap values{{QStringLiteral("version"), migration.version},
                       {QStringLiteral("name"), migration.name},
                       {QStringLiteral("checksum"), migration.checksum},
                       {QStringLiteral("app"), QStringLiteral(NEON_TODO_VERSION)}};
    if (Error e = SqlExec::exec(db,
                                QStringLiteral("INSERT INTO schema_migrations (version, name, checksum, app_version) "
                                               "VALUES (:version, :name, :checksum, :app)"),
                                values))
        return rollback(e);
    if (Error e = SqlExec::exec(db, QStringLiteral("COMMIT")))
        return Error::make(e.kind, what, e.detail, e.sqlState);
    return true;
}

} // namespace nt
