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

} // namespace

Outbox::Outbox(QString localConnectionName) : m_connection(std::move(localConnectionName)) {}

Error Outbox::setJournal(bool on) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (on) {
        if (Error e = ensureClientId(db))
            return e;
    }
    return SqlExec::exec(db,
                         QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('journal', :on) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                         {{QStringLiteral("on"), on ? QStringLiteral("on") : QStringLiteral("off")}});
}

Result<bool> Outbox::isJournaling() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connection, false),
                          QStringLiteral("SELECT value FROM sync_state WHERE key = 'journal'"));
    if (!q)
        return q.error();
    return q.value().next() && q.value().value(0).toString() == QLatin1String("on");
}

Error Outbox::pauseJournal() const
{
    return SqlExec::exec(QSqlDatabase::database(m_connection, false),
                         QStringLiteral("INSERT OR IGNORE INTO sync_state (key, value) VALUES ('journal_paused', '1')"));
}

Error Outbox::resumeJournal() const
{
    return SqlExec::exec(QSqlDatabase::database(m_connection, false),
                         QStringLiteral("DELETE FROM sync_state WHERE key = 'journal_paused'"));
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
