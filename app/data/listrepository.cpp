#include "listrepository.h"

#include "connectionerror.h"
#include "sqldialect.h"
#include "sqlexec.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace nt {

namespace {

const QString Columns = QStringLiteral("id, name, position, colour, deleted_at, version");

ListInfo readList(const QSqlQuery &q)
{
    ListInfo l;
    l.id = QUuid::fromString(q.value(0).toString());
    l.name = q.value(1).toString();
    l.position = q.value(2).toDouble();
    l.colour = q.value(3).toString();
    l.deletedAt = UtcTime::fromDatabase(q.value(4));
    l.version = q.value(5).toLongLong();
    return l;
}

Error wrap(const Error &e, const QString &what)
{
    return withContext(e, what);
}

QVariant colourValue(const QString &colour)
{
    return colour.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(colour);
}

} // namespace

ListRepository::ListRepository(QString connectionName) : m_connectionName(std::move(connectionName)) {}

Result<QList<ListInfo>> ListRepository::list() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("SELECT ") + Columns
                              + QStringLiteral(" FROM lists WHERE deleted_at IS NULL ORDER BY position, created_at, id"));
    if (!q)
        return wrap(q.error(), QStringLiteral("Could not read your lists."));
    QList<ListInfo> lists;
    while (q.value().next())
        lists << readList(q.value());
    return lists;
}

Result<ListInfo> ListRepository::add(ListInfo list) const
{
    const QString what = QStringLiteral("Could not create the list.");
    if (!ListInfo::isValidName(list.name))
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("A list needs a name of 1 to %1 characters.").arg(ListInfo::MaxNameLength));
    if (list.id.isNull())
        list.id = Uuids::createV7();
    const QDateTime now = UtcTime::now();
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("INSERT INTO lists (id, name, position, colour, created_at, updated_at) "
                                         "VALUES (:id, :name, :position, :colour, :now, :now) RETURNING ")
                              + Columns,
                          {{QStringLiteral("id"), list.id},
                           {QStringLiteral("name"), list.name.trimmed()},
                           {QStringLiteral("position"), list.position},
                           {QStringLiteral("colour"), colourValue(list.colour)},
                           {QStringLiteral("now"), now}});
    if (!q)
        return wrap(q.error(), what);
    if (!q.value().next())
        return Error::make(Error::Kind::Database, what);
    return readList(q.value());
}

Result<ListInfo> ListRepository::updateOne(const QUuid &id, const QString &set, QVariantMap values,
                                           const QString &what) const
{
    values.insert(QStringLiteral("id"), id);
    values.insert(QStringLiteral("now"), UtcTime::now());
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("UPDATE lists SET ") + set
                              + QStringLiteral(", updated_at = :now, version = version + 1 WHERE id = :id RETURNING ")
                              + Columns,
                          values);
    if (!q)
        return wrap(q.error(), what);
    if (!q.value().next())
        return Error::make(Error::Kind::NotFound, QStringLiteral("That list is no longer there."));
    return readList(q.value());
}

Result<ListInfo> ListRepository::rename(const QUuid &id, const QString &name) const
{
    if (!ListInfo::isValidName(name))
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("A list needs a name of 1 to %1 characters.").arg(ListInfo::MaxNameLength));
    return updateOne(id, QStringLiteral("name = :name"), {{QStringLiteral("name"), name.trimmed()}},
                     QStringLiteral("Could not rename the list."));
}

Result<ListInfo> ListRepository::move(const QUuid &id, double position) const
{
    return updateOne(id, QStringLiteral("position = :position"), {{QStringLiteral("position"), position}},
                     QStringLiteral("Could not move the list."));
}

Result<ListInfo> ListRepository::remove(const QUuid &id) const
{
    const QString what = QStringLiteral("Could not delete the list.");
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QDateTime now = UtcTime::now();
    if (Error e = SqlExec::exec(db, QStringLiteral("BEGIN")))
        return wrap(e, what);
    const QVariantMap values{{QStringLiteral("id"), id}, {QStringLiteral("now"), now}};
    if (Error e = SqlExec::exec(db,
                                QStringLiteral("UPDATE todos SET deleted_at = :now, updated_at = :now, version = version + 1 "
                                               "WHERE list_id = :id AND deleted_at IS NULL"),
                                values)) {
        SqlExec::exec(db, QStringLiteral("ROLLBACK"));
        return wrap(e, what);
    }
    // The very same stamp as its todos': restore() finds them by it.
    auto removed = updateOne(id, QStringLiteral("deleted_at = :stamp"), {{QStringLiteral("stamp"), now}}, what);
    if (!removed) {
        SqlExec::exec(db, QStringLiteral("ROLLBACK"));
        return removed;
    }
    if (Error e = SqlExec::exec(db, QStringLiteral("COMMIT")))
        return wrap(e, what);
    return removed;
}

Result<ListInfo> ListRepository::restore(const QUuid &id) const
{
    const QString what = QStringLiteral("Could not bring the list back.");
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (Error e = SqlExec::exec(db, QStringLiteral("BEGIN")))
        return wrap(e, what);
    // The todos deleted with the list carry the list's own deletion stamp.
    if (Error e = SqlExec::exec(db,
                                QStringLiteral("UPDATE todos SET deleted_at = NULL, updated_at = :now, version = version + 1 "
                                               "WHERE list_id = :id AND deleted_at = (SELECT deleted_at FROM lists WHERE id = :id)"),
                                {{QStringLiteral("id"), id}, {QStringLiteral("now"), UtcTime::now()}})) {
        SqlExec::exec(db, QStringLiteral("ROLLBACK"));
        return wrap(e, what);
    }
    auto restored = updateOne(id, QStringLiteral("deleted_at = NULL"), {}, what);
    if (!restored) {
        SqlExec::exec(db, QStringLiteral("ROLLBACK"));
        return restored;
    }
    if (Error e = SqlExec::exec(db, QStringLiteral("COMMIT")))
        return wrap(e, what);
    return restored;
}

} // namespace nt
