#include "mirrorpull.h"

#include "connectionerror.h"
#include "outbox.h"
#include "postgresdirect.h"
#include "sqlexec.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QUuid>
#include <QVariantMap>

namespace nt {

namespace {

enum class Type { Uuid, Text, Bool, Int, Real, Time, Json };
struct Column
{
    const char *name;
    Type type;
};
struct Table
{
    const char *name;
    QList<Column> columns;
};

const QList<Table> &tables()
{
    // Lists first: todos refer to them.
    static const QList<Table> all{
        {"lists",
         {{"id", Type::Uuid},
          {"name", Type::Text},
          {"position", Type::Real},
          {"colour", Type::Text},
          {"created_at", Type::Time},
          {"updated_at", Type::Time},
          {"deleted_at", Type::Time},
          {"version", Type::Int},
          {"change_no", Type::Int}}},
        {"todos",
         {{"id", Type::Uuid},
          {"title", Type::Text},
          {"notes", Type::Text},
          {"completed", Type::Bool},
          {"completed_at", Type::Time},
          {"due_at", Type::Time},
          {"due_all_day", Type::Bool},
          {"priority", Type::Int},
          {"list_id", Type::Uuid},
          {"position", Type::Real},
          {"created_at", Type::Time},
          {"updated_at", Type::Time},
          {"deleted_at", Type::Time},
          {"version", Type::Int},
          {"change_no", Type::Int}}},
        {"sync_conflicts",
         {{"id", Type::Uuid},
          {"entity", Type::Text},
          {"entity_id", Type::Uuid},
          {"field", Type::Text},
          {"kept_value", Type::Json},
          {"lost_value", Type::Json},
          {"kept_stamp", Type::Json},
          {"lost_stamp", Type::Json},
          {"created_at", Type::Time},
          {"restored_at", Type::Time},
          {"version", Type::Int},
          {"change_no", Type::Int}}},
    };
    return all;
}

QVariant readValue(const PostgresDirect::Row &row, int column, Type type)
{
    if (row.isNull(column))
        return {};
    switch (type) {
    case Type::Uuid:
        return QUuid::fromString(QAnyStringView(row.bytes(column)));
    case Type::Text:
    case Type::Json:
        return row.text(column);
    case Type::Bool:
        return row.boolean(column);
    case Type::Int:
        return row.integer(column);
    case Type::Real:
        return row.real(column);
    case Type::Time:
        return QDateTime::fromMSecsSinceEpoch(row.integer(column), Qt::UTC);
    }
    return {};
}

// Copies server rows into the local table: a row the server has at a newer version than this file
// last saw, or whose values differ from the server's, unless this file has changes to it still
// waiting to be sent (they win until sent; the next pull after the push brings the server's result).
// synced_version remembers the server's version. The local version only grows: a copied row gets
// the server's version or, when this file had already counted that far with edits of its own, one
// more than its own, so a window still holding the row as it was before the copy finds a different
// version and reports a conflict instead of writing over a change it never showed.
QString upsertStatement(const QString &table, const QStringList &names)
{
    QStringList marks;
    QStringList updates;
    QStringList differs;
    for (const QString &n : names) {
        marks << QLatin1Char(':') + n;
        if (n == QLatin1String("id") || n == QLatin1String("version"))
            continue;
        updates << QStringLiteral("%1 = excluded.%1").arg(n);
        if (n != QLatin1String("change_no"))
            differs << QStringLiteral("%1.%2 IS NOT excluded.%2").arg(table, n);
    }
    updates << QStringLiteral("version = CASE WHEN %1.version >= excluded.version THEN %1.version + 1 "
                              "ELSE excluded.version END")
                   .arg(table);
    return QStringLiteral("INSERT INTO %1 (%2, synced_version) VALUES (%3, :version) ON CONFLICT (id) DO UPDATE "
                          "SET %4, synced_version = excluded.version "
                          "WHERE excluded.version >= coalesce(%1.synced_version, 0) "
                          "AND (%1.synced_version IS NOT excluded.version OR %5) "
                          "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = excluded.id)")
        .arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")), differs.join(QStringLiteral(" OR ")));
}

// Runs `copy` in one local transaction with the journal paused: copies are not changes to send.
Error copyInTransaction(const QString &local, const std::function<Error()> &copy)
{
    QSqlDatabase db = QSqlDatabase::database(local, false);
    const QString what = QStringLiteral("Could not bring this computer's copy up to date.");
    if (!db.transaction())
        return SqlExec::fromSqlError(db.lastError(), what);
    Error e = Outbox(local).pauseJournal();
    if (!e)
        e = copy();
    if (!e)
        e = Outbox(local).resumeJournal();
    if (e) {
        db.rollback();
        return e;
    }
    if (!db.commit()) {
        const Error failed = SqlExec::fromSqlError(db.lastError(), what);
        db.rollback();
        return failed;
    }
    return {};
}

QVariantMap todoValues(const Todo &t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("title"), t.title},
            {QStringLiteral("notes"), t.notes.isNull() ? QStringLiteral("") : t.notes}, // never NULL
            {QStringLiteral("completed"), t.completed},
            {QStringLiteral("completed_at"), t.completedAt},
            {QStringLiteral("due_at"), t.dueAt},
            {QStringLiteral("due_all_day"), t.dueAllDay},
            {QStringLiteral("priority"), t.priority},
            {QStringLiteral("list_id"), t.listId.isNull() ? QVariant() : QVariant(t.listId)},
            {QStringLiteral("position"), t.position},
            {QStringLiteral("created_at"), t.createdAt},
            {QStringLiteral("updated_at"), t.updatedAt},
            {QStringLiteral("deleted_at"), t.deletedAt},
            {QStringLiteral("version"), t.version}};
}

} // namespace

Error MirrorPull::storeTodos(const QString &localConnection, const QList<Todo> &todos)
{
    if (todos.isEmpty())
        return {};
    return copyInTransaction(localConnection, [&]() -> Error {
        const QSqlDatabase db = QSqlDatabase::database(localConnection, false);
        const QVariantMap first = todoValues(todos.first());
        const QString sql = upsertStatement(QStringLiteral("todos"), first.keys());
        for (const Todo &t : todos)
            if (Error e = SqlExec::exec(db, sql, todoValues(t)))
                return e;
        return {};
    });
}

Error MirrorPull::storeLists(const QString &localConnection, const QList<ListInfo> &lists)
{
    if (lists.isEmpty())
        return {};
    return copyInTransaction(localConnection, [&]() -> Error {
        const QSqlDatabase db = QSqlDatabase::database(localConnection, false);
        for (const ListInfo &l : lists) {
            const QVariantMap values{{QStringLiteral("id"), l.id},
                                     {QStringLiteral("name"), l.name},
                                     {QStringLiteral("position"), l.position},
                                     {QStringLiteral("colour"), l.colour.isEmpty() ? QVariant() : QVariant(l.colour)},
                                     {QStringLiteral("deleted_at"), l.deletedAt},
                                     {QStringLiteral("version"), l.version}};
            if (Error e = SqlExec::exec(db, upsertStatement(QStringLiteral("lists"), values.keys()), values))
                return e;
        }
        return {};
    });
}

namespace {

// The ids of local rows whose last local change was sent (none waits in the outbox) but whose
// server version this file has not seen since (version differs from synced_version). Not for the
// conflict log, which is only ever written by the server.
Result<QStringList> unconfirmedIds(const QSqlDatabase &local, QLatin1String table)
{
    QStringList ids;
    if (table != QLatin1String("todos") && table != QLatin1String("lists"))
        return ids;
    auto q = SqlExec::run(local, QStringLiteral("SELECT id FROM %1 r WHERE r.version IS NOT r.synced_version "
                                                "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = r.id)")
                                     .arg(table));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QUuid id = QUuid::fromString(q.value().value(0).toString());
        if (!id.isNull())
            ids << id.toString(QUuid::WithoutBraces);
    }
    return ids;
}

} // namespace

MirrorPull::MirrorPull(QString remoteConnection, QString localConnection)
    : m_remote(std::move(remoteConnection)), m_local(std::move(localConnection))
{}

Result<MirrorPull::Outcome> MirrorPull::run() const
{
    const QSqlDatabase remote = QSqlDatabase::database(m_remote, false);
    const QSqlDatabase local = QSqlDatabase::database(m_local, false);
    if (!PostgresDirect::available(remote))
        return Error::make(Error::Kind::Connection, QStringLiteral("Not connected to the database."));
    const QString what = QStringLiteral("Could not bring this computer's copy up to date.");
    Outcome outcome;
    Error failed = copyInTransaction(m_local, [&]() -> Error {
        for (const Table &table : tables()) {
            const QString key = QStringLiteral("pull_xmin_") + QLatin1String(table.name);
            // The watermark of the previous pull of this table ("0": never pulled).
            auto stored = SqlExec::run(local, QStringLiteral("SELECT value FROM sync_state WHERE key = :key"),
                                       {{QStringLiteral("key"), key}});
            if (!stored)
                return stored.error();
            const qulonglong watermark =
                stored.value().next() ? stored.value().value(0).toString().toULongLong() : 0;
            stored.value().finish();

            QStringList selected;
            QStringList names;
            for (const Column &c : table.columns) {
                const QString n = QLatin1String(c.name);
                selected << (c.type == Type::Time
                                 ? QStringLiteral("round(date_part('epoch', t.%1) * 1000)::bigint").arg(n)
                                 : QStringLiteral("t.") + n);
                names << n;
            }
            // Rows changed here and sent, that no pull has brought back since: a push that left
            // the server's row as it was (changes that cancel out, values that lost to a later
            // edit) does not change its change_xid, so they are asked for by id as well.
            auto unconfirmed = unconfirmedIds(local, QLatin1String(table.name));
            if (!unconfirmed)
                return unconfirmed.error();
            // One statement, one snapshot: the rows and the new watermark are read together. The
            // number is formatted here from an integer and the ids from QUuid, never from text a
            // person gave.
            const QString sql =
                QStringLiteral("WITH w AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin) "
                               "SELECT w.xmin, %1 FROM w LEFT JOIN %2 t ON t.change_xid >= '%3'::xid8%4")
                    .arg(selected.join(QStringLiteral(", ")), QLatin1String(table.name))
                    .arg(watermark)
                    .arg(unconfirmed.value().isEmpty()
                             ? QString()
                             : QStringLiteral(" OR t.id = ANY ('{%1}'::uuid[])").arg(unconfirmed.value().join(u',')));
            const QString upsert = upsertStatement(QLatin1String(table.name), names);
            QString next;
            Error rowError;
            int copied = 0;
            Error e = PostgresDirect::forEachRow(remote, sql, [&](const PostgresDirect::Row &row) {
                next = row.text(0);
                if (rowError || row.isNull(1)) // the LEFT JOIN's empty row: nothing changed
                    return;
                QVariantMap values;
                for (int i = 0; i < table.columns.size(); ++i)
                    values.insert(QLatin1String(table.columns.at(i).name),
                                  readValue(row, i + 1, table.columns.at(i).type));
                auto q = SqlExec::run(local, upsert, values);
                if (!q)
                    rowError = q.error();
                else
                    copied += q.value().numRowsAffected() > 0 ? 1 : 0;
            });
            if (e)
                return withContext(e, what);
            if (rowError)
                return withContext(rowError, what);
            if (Error saved = SqlExec::exec(
                    local,
                    QStringLiteral("INSERT INTO sync_state (key, value) VALUES (:key, :value) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    {{QStringLiteral("key"), key}, {QStringLiteral("value"), next}}))
                return saved;
            const QLatin1String name(table.name);
            (name == QLatin1String("lists") ? outcome.lists
             : name == QLatin1String("todos") ? outcome.todos
                                              : outcome.conflicts) = copied;
        }
        return {};
    });
    if (failed)
        return failed;
    return outcome;
}

} // namespace nt
