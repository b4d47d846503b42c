#include "mirrorpull.h"

#include "connectionerror.h"
#include "postgresdirect.h"
#include "sqlexec.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QUuid>
#include <QVariantMap>

namespace nt {

namespace {

enum class Type { Uuid, Text, Bool, Int, Real, Time };
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

} // namespace

MirrorPull::MirrorPull(QString remoteConnection, QString localConnection)
    : m_remote(std::move(remoteConnection)), m_local(std::move(localConnection))
{}

Result<MirrorPull::Outcome> MirrorPull::run() const
{
    const QSqlDatabase remote = QSqlDatabase::database(m_remote, false);
    QSqlDatabase local = QSqlDatabase::database(m_local, false);
    if (!PostgresDirect::available(remote))
        return Error::make(Error::Kind::Connection, QStringLiteral("Not connected to the database."));
    const QString what = QStringLiteral("Could not bring this computer's copy up to date.");
    Outcome outcome;
    if (!local.transaction())
        return SqlExec::fromSqlError(local.lastError(), what);
    auto fail = [&local](const Error &e) {
        local.rollback();
        return e;
    };
    for (const Table &table : tables()) {
        const QString key = QStringLiteral("pull_xmin_") + QLatin1String(table.name);
        // The watermark of the previous pull of this table ("0": never pulled).
        auto stored = SqlExec::run(local, QStringLiteral("SELECT value FROM sync_state WHERE key = :key"),
                                   {{QStringLiteral("key"), key}});
        if (!stored)
            return fail(stored.error());
        const qulonglong watermark =
            stored.value().next() ? stored.value().value(0).toString().toULongLong() : 0;
        stored.value().finish();

        QStringList selected;
        QStringList names;
        QStringList marks;
        QStringList updates;
        for (const Column &c : table.columns) {
            const QString n = QLatin1String(c.name);
            selected << (c.type == Type::Time
                             ? QStringLiteral("round(date_part('epoch', t.%1) * 1000)::bigint").arg(n)
                             : QStringLiteral("t.") + n);
            names << n;
            marks << QLatin1Char(':') + n;
            if (n != QLatin1String("id"))
                updates << QStringLiteral("%1 = excluded.%1").arg(n);
        }
        // One statement, one snapshot: the rows and the new watermark are read together. The number
        // is formatted here from an integer, never from text a person gave.
        const QString sql =
            QStringLiteral("WITH w AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin) "
                           "SELECT w.xmin, %1 FROM w LEFT JOIN %2 t ON t.change_xid >= '%3'::xid8")
                .arg(selected.join(QStringLiteral(", ")), QLatin1String(table.name))
                .arg(watermark);
        const QString upsert =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4 "
                           "WHERE excluded.version > %1.version OR %1.change_no IS NULL")
                .arg(QLatin1String(table.name), names.join(QStringLiteral(", ")),
                     marks.join(QStringLiteral(", ")), updates.join(QStringLiteral(", ")));
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
            return fail(withContext(e, what));
        if (rowError)
            return fail(withContext(rowError, what));
        if (Error saved =
                SqlExec::exec(local,
                              QStringLiteral("INSERT INTO sync_state (key, value) VALUES (:key, :value) "
                                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                              {{QStringLiteral("key"), key}, {QStringLiteral("value"), next}}))
            return fail(saved);
        (QLatin1String(table.name) == QLatin1String("lists") ? outcome.lists : outcome.todos) = copied;
    }
    if (!local.commit())
        return fail(SqlExec::fromSqlError(local.lastError(), what));
    return outcome;
}

} // namespace nt
