#include "outbox.h"

#include "sqlexec.h"
#include "utctime.h"
#include "uuids.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace nt {

namespace {

// Made once: a second device id can never replace the first (INSERT OR IGNORE).
Error ensureClientId(const QSqlDatabase &db)
{
    return SqlExec::exec(
        db, QStringLiteral("INSERT OR IGNORE INTO sync_state (key, value) VALUES ('client_id', :id)"),
        {{QStringLiteral("id"), Uuids::toText(Uuids::createV7())}});
}

QString entityName(OutboxEntry::Entity e)
{
    return e == OutboxEntry::Entity::Todo ? QStringLiteral("todo") : QStringLiteral("list");
}

} // namespace

Outbox::Outbox(QString localConnectionName) : m_connection(std::move(localConnectionName)) {}

Result<qint64> Outbox::recordWith(const OutboxEntry &entry, const std::function<Error()> &write) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return SqlExec::fromSqlError(db.lastError(),
                                     QStringLiteral("Could not save the change on this computer."));
    auto fail = [&db](const Error &e) {
        db.rollback();
        return e;
    };
    if (Error e = write())
        return fail(e);
    // The device id exists from the first waiting change on: the server's ledger knows the device
    // by it, so it must never change while changes wait (nor after they were sent).
    if (Error e = ensureClientId(db))
        return fail(e);
    auto q = SqlExec::run(
        db,
        QStringLiteral("INSERT INTO outbox (entity, entity_id, fields, base_version, changed_at) "
                       "VALUES (:entity, :id, :fields, :base, :at) RETURNING seq"),
        {{QStringLiteral("entity"), entityName(entry.entity)},
         {QStringLiteral("id"), entry.entityId},
         {QStringLiteral("fields"),
          QString::fromUtf8(QJsonDocument(entry.fields).toJson(QJsonDocument::Compact))},
         {QStringLiteral("base"), entry.baseVersion ? QVariant(*entry.baseVersion) : QVariant()},
         {QStringLiteral("at"), entry.changedAt.isValid() ? entry.changedAt : UtcTime::now()}});
    if (!q)
        return fail(q.error());
    if (!q.value().next())
        return fail(Error::make(Error::Kind::Database,
                                QStringLiteral("Could not record the change on this computer.")));
    const qint64 seq = q.value().value(0).toLongLong();
    q.value().finish();
    if (!db.commit())
        return fail(SqlExec::fromSqlError(db.lastError(),
                                          QStringLiteral("Could not save the change on this computer.")));
    return seq;
}

Result<QList<OutboxEntry>> Outbox::pending(int limit) const
{
    auto q = SqlExec::run(
        QSqlDatabase::database(m_connection, false),
        QStringLiteral("SELECT seq, entity, entity_id, fields, base_version, changed_at FROM outbox "
                       "ORDER BY seq LIMIT :limit"),
        {{QStringLiteral("limit"), limit}});
    if (!q)
        return q.error();
    QList<OutboxEntry> entries;
    while (q.value().next()) {
        OutboxEntry e;
        e.seq = q.value().value(0).toLongLong();
        e.entity = q.value().value(1).toString() == QLatin1String("list") ? OutboxEntry::Entity::List
                                                                          : OutboxEntry::Entity::Todo;
        e.entityId = QUuid::fromString(q.value().value(2).toString());
        e.fields = QJsonDocument::fromJson(q.value().value(3).toString().toUtf8()).object();
        if (!q.value().value(4).isNull())
            e.baseVersion = q.value().value(4).toLongLong();
        e.changedAt = UtcTime::fromDatabase(q.value().value(5));
        entries << e;
    }
    return entries;
}

Result<qint64> Outbox::count() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connection, false),
                          QStringLiteral("SELECT count(*) FROM outbox"));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Error Outbox::acknowledge(qint64 seq) const
{
    return SqlExec::exec(QSqlDatabase::database(m_connection, false),
                         QStringLiteral("DELETE FROM outbox WHERE seq <= :seq"),
                         {{QStringLiteral("seq"), seq}});
}

Result<QUuid> Outbox::clientId() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (Error e = ensureClientId(db))
        return e;
    auto q = SqlExec::run(db, QStringLiteral("SELECT value FROM sync_state WHERE key = 'client_id'"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error::make(Error::Kind::Database, QStringLiteral("This computer's device id is missing."));
    return QUuid::fromString(q.value().value(0).toString());
}

} // namespace nt
