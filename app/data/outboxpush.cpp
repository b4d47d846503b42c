#include "outboxpush.h"

#include "connectionerror.h"
#include "outbox.h"
#include "sqlexec.h"
#include "utctime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace nt {

namespace {

// The todo columns a change may name, with their SQL type.
struct Field
{
    const char *name;
    const char *type;
};
constexpr Field Fields[] = {
    {"title", "text"},
    {"notes", "text"},
    {"completed", "boolean"},
    {"completed_at", "timestamptz"},
    {"due_at", "timestamptz"},
    {"due_all_day", "boolean"},
    {"priority", "smallint"},
    {"list_id", "uuid"},
    {"position", "double precision"},
    {"deleted_at", "timestamptz"},
};

// One statement: the merged changes, applied to existing todos and inserted as new ones, and the
// device's new last sequence number. Values arrive as one JSON text (escaped by the driver).
QString applyStatement()
{
    QStringList sets;
    QStringList columns;
    QStringList values;
    for (const Field &f : Fields) {
        const QString n = QLatin1String(f.name);
        const QString value = QStringLiteral("(m.f->>'%1')::%2").arg(n, QLatin1String(f.type));
        sets << QStringLiteral("%1 = CASE WHEN m.f ? '%1' THEN %2 ELSE t.%1 END").arg(n, value);
        columns << n;
        // A new todo: named fields, else the column's default (a title is always named).
        values << (n == QLatin1String("title")
                       ? value
                       : QStringLiteral("CASE WHEN m.f ? '%1' THEN %2 ELSE %3 END")
                             .arg(n, value,
                                  n == QLatin1String("notes")         ? QStringLiteral("''")
                                  : n == QLatin1String("completed")   ? QStringLiteral("false")
                                  : n == QLatin1String("due_all_day") ? QStringLiteral("false")
                                  : n == QLatin1String("priority")    ? QStringLiteral("0")
                                  : n == QLatin1String("position")    ? QStringLiteral("0")
                                                                      : QStringLiteral("NULL")));
    }
    return QStringLiteral("WITH batch AS (SELECT * FROM jsonb_to_recordset(:payload::jsonb) AS b(seq bigint, "
                          "id uuid, at timestamptz, f jsonb)), "
                          "merged AS (SELECT b.id, min(b.at) AS first_at, max(b.at) AS last_at, "
                          "  jsonb_object_agg(kv.key, kv.value ORDER BY b.seq) AS f "
                          "  FROM batch b, jsonb_each(b.f) kv GROUP BY b.id), "
                          "upd AS (UPDATE todos t SET %1, updated_at = greatest(t.updated_at, m.last_at) "
                          "  FROM merged m WHERE t.id = m.id RETURNING t.id), "
                          "ins AS (INSERT INTO todos (id, %2, created_at, updated_at) "
                          "  SELECT m.id, %3, m.first_at, m.last_at FROM merged m "
                          "  WHERE NOT EXISTS (SELECT 1 FROM todos x WHERE x.id = m.id) RETURNING id), "
                          "led AS (UPDATE sync_clients SET last_seq = :last, updated_at = now() WHERE "
                          "client_id = :client) "
                          "SELECT (SELECT count(*) FROM upd), (SELECT count(*) FROM ins)")
        .arg(sets.join(QStringLiteral(", ")), columns.join(QStringLiteral(", ")),
             values.join(QStringLiteral(", ")));
}

} // namespace

OutboxPush::OutboxPush(QString remoteConnection, QString localConnection)
    : m_remote(std::move(remoteConnection)), m_local(std::move(localConnection))
{}

Result<OutboxPush::Outcome> OutboxPush::run(int batchSize) const
{
    const QString what = QStringLiteral("Could not send the changes made offline.");
    Outbox outbox(m_local);
    auto client = outbox.clientId();
    if (!client)
        return client.error();
    QSqlDatabase remote = QSqlDatabase::database(m_remote, false);
    Outcome outcome;
    for (;;) {
        auto entries = outbox.pending(batchSize);
        if (!entries)
            return entries.error();
        if (entries.value().isEmpty())
            return outcome;
        const qint64 last = entries.value().constLast().seq;

        if (Error e = SqlExec::exec(remote, QStringLiteral("BEGIN")))
            return withContext(e, what);
        auto rollback = [&remote](const Error &e) {
            (void)SqlExec::exec(remote, QStringLiteral("ROLLBACK"));
            return e;
        };
        // The ledger row, made when missing and locked until COMMIT: a second push of this device
        // waits here instead of interleaving.
        auto ledger =
            SqlExec::run(remote,
                         QStringLiteral("INSERT INTO sync_clients (client_id, last_seq) VALUES (:client, 0) "
                                        "ON CONFLICT (owner, client_id) DO UPDATE SET updated_at = now() "
                                        "RETURNING last_seq"),
                         {{QStringLiteral("client"), client.value()}});
        if (!ledger || !ledger.value().next())
            return rollback(
                withContext(ledger ? Error::make(Error::Kind::Database, what) : ledger.error(), what));
        const qint64 applied = ledger.value().value(0).toLongLong();

        QJsonArray payload;
        for (const OutboxEntry &e : entries.value()) {
            if (e.seq <= applied) {
                ++outcome.skipped; // sent before; its COMMIT went through, its answer did not come
                continue;
            }
            if (e.entity != OutboxEntry::Entity::Todo)
                continue; // lists come with the offline mode
            payload.append(QJsonObject{{QStringLiteral("seq"), e.seq},
                                       {QStringLiteral("id"), e.entityId.toString(QUuid::WithoutBraces)},
                                       {QStringLiteral("at"), UtcTime::toStorageText(e.changedAt)},
                                       {QStringLiteral("f"), e.fields}});
        }
        if (!payload.isEmpty()) {
            auto applied =
                SqlExec::run(remote, applyStatement(),
                             {{QStringLiteral("payload"),
                               QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))},
                              {QStringLiteral("last"), last},
                              {QStringLiteral("client"), client.value()}});
            if (!applied || !applied.value().next())
                return rollback(
                    withContext(applied ? Error::make(Error::Kind::Database, what) : applied.error(), what));
            outcome.updated += applied.value().value(0).toInt();
            outcome.inserted += applied.value().value(1).toInt();
            outcome.sent += int(payload.size());
        }
        if (Error e = SqlExec::exec(remote, QStringLiteral("COMMIT")))
            return withContext(e, what); // not acknowledged: sent again next time, the ledger decides
        ++outcome.batches;
        if (Error e = outbox.acknowledge(last))
            return e;
    }
}

} // namespace nt
