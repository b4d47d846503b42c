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
    const QSqlDatabase remote = QSqlDatabase::database(m_remote, false);
    Outcome outcome;
    for (;;) {
        auto entries = outbox.pending(batchSize);
        if (!entries)
            return entries.error();
        if (entries.value().isEmpty())
            return outcome;
        const qint64 last = entries.value().constLast().seq;

        QJsonArray payload;
        for (const OutboxEntry &e : entries.value()) {
            QJsonObject change{{QStringLiteral("seq"), e.seq},
                               {QStringLiteral("entity"), e.entity == OutboxEntry::Entity::List
                                                              ? QStringLiteral("list")
                                                              : QStringLiteral("todo")},
                               {QStringLiteral("id"), e.entityId.toString(QUuid::WithoutBraces)},
                               {QStringLiteral("at"), UtcTime::toStorageText(e.changedAt)},
                               {QStringLiteral("f"), e.fields}};
            if (e.baseVersion)
                change.insert(QStringLiteral("base"), *e.baseVersion);
            payload.append(change);
        }
        // The values travel as one JSON text, bound like any other value.
        auto pushed = SqlExec::run(
            remote, QStringLiteral("SELECT sync_push(:client, :payload::jsonb)::text"),
            {{QStringLiteral("client"), client.value()},
             {QStringLiteral("payload"), QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))}});
        if (!pushed)
            return withContext(pushed.error(), what); // not acknowledged: sent again, the ledger decides
        if (!pushed.value().next())
            return Error::make(Error::Kind::Database, what, QStringLiteral("sync_push returned no row"));
        const QJsonObject result = QJsonDocument::fromJson(pushed.value().value(0).toString().toUtf8()).object();
        ++outcome.batches;
        outcome.sent += result.value(QStringLiteral("applied")).toInt();
        outcome.skipped += result.value(QStringLiteral("skipped")).toInt();
        outcome.updated += result.value(QStringLiteral("updated")).toInt();
        outcome.inserted += result.value(QStringLiteral("inserted")).toInt();
        outcome.conflicts += result.value(QStringLiteral("conflicts")).toInt();
        outcome.revived += result.value(QStringLiteral("revived")).toInt();
        if (Error e = outbox.acknowledge(last))
            return e;
    }
}

} // namespace nt
