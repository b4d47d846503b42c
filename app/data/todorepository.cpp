#include "todorepository.h"

#include "sqlexec.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace nt {

namespace {

const QString &selectColumns()
{
    static const QString columns = QStringLiteral(
        "id, title, notes, completed, completed_at, due_at, due_all_day, priority, list_id, position, "
        "created_at, updated_at, deleted_at, version");
    return columns;
}

Todo readTodo(const QSqlQuery &q)
{
    Todo t;
    t.id = QUuid::fromString(q.value(0).toString());
    t.title = q.value(1).toString();
    t.notes = q.value(2).toString();
    t.completed = q.value(3).toBool();
    t.completedAt = UtcTime::fromDatabase(q.value(4));
    t.dueAt = UtcTime::fromDatabase(q.value(5));
    t.dueAllDay = q.value(6).toBool();
    t.priority = q.value(7).toInt();
    t.listId = q.value(8).isNull() ? QUuid() : QUuid::fromString(q.value(8).toString());
    t.position = q.value(9).toDouble();
    t.createdAt = UtcTime::fromDatabase(q.value(10));
    t.updatedAt = UtcTime::fromDatabase(q.value(11));
    t.deletedAt = UtcTime::fromDatabase(q.value(12));
    t.version = q.value(13).toLongLong();
    return t;
}

} // namespace

TodoRepository::TodoRepository(QString connectionName) : m_connectionName(std::move(connectionName)) {}

Result<Todo> TodoRepository::add(Todo todo) const
{
    if (!Todo::isValidTitle(todo.title))
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("A todo needs a title of 1 to %1 characters.").arg(Todo::MaxTitleLength));
    if (todo.priority < Todo::MinPriority || todo.priority > Todo::MaxPriority)
        return Error::make(Error::Kind::InvalidInput, QStringLiteral("Priority is a number from 0 (none) to 3 (high)."));
    if (todo.id.isNull())
        todo.id = Uuids::createV7();
    const QDateTime now = UtcTime::now();
    if (!todo.createdAt.isValid())
        todo.createdAt = now;
    if (!todo.updatedAt.isValid())
        todo.updatedAt = todo.createdAt;
    if (todo.completed && !todo.completedAt.isValid())
        todo.completedAt = now;

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QVariantMap values{
        {QStringLiteral("id"), todo.id},
        {QStringLiteral("title"), todo.title.trimmed()},
        {QStringLiteral("notes"), todo.notes.isNull() ? QString(QLatin1String("")) : todo.notes},
        {QStringLiteral("completed"), todo.completed},
        {QStringLiteral("completed_at"), todo.completedAt},
        {QStringLiteral("due_at"), todo.dueAt},
        {QStringLiteral("due_all_day"), todo.dueAllDay},
        {QStringLiteral("priority"), todo.priority},
        {QStringLiteral("list_id"), todo.listId},
        {QStringLiteral("position"), todo.position},
        {QStringLiteral("created_at"), todo.createdAt},
        {QStringLiteral("updated_at"), todo.updatedAt},
    };
    auto q = SqlExec::run(db,
                          QStringLiteral("INSERT INTO todos (id, title, notes, completed, completed_at, due_at, "
                                         "due_all_day, priority, list_id, position, created_at, updated_at) "
                                         "VALUES (:id, :title, :notes, :completed, :completed_at, :due_at, "
                                         ":due_all_day, :priority, :list_id, :position, :created_at, :updated_at) "
                                         "RETURNING ")
                              + selectColumns(),
                          values);
    if (!q)
        return Error::make(q.error().kind, QStringLiteral("Could not save the todo."), q.error().detail,
                           q.error().sqlState);
    if (!q.value().next())
        return Error::make(Error::Kind::Database, QStringLiteral("Could not save the todo."),
                           QStringLiteral("INSERT returned no row"));
    return readTodo(q.value());
}

Result<QList<Todo>> TodoRepository::list() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("SELECT ") + selectColumns()
                              + QStringLiteral(" FROM todos WHERE deleted_at IS NULL ORDER BY position, created_at, id"));
    if (!q)
        return Error::make(q.error().kind, QStringLiteral("Could not read your todos."), q.error().detail,
                           q.error().sqlState);
    QList<Todo> todos;
    while (q.value().next())
        todos << readTodo(q.value());
    return todos;
}

Result<qint64> TodoRepository::count() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("SELECT count(*) FROM todos WHERE deleted_at IS NULL"));
    if (!q)
        return Error::make(q.error().kind, QStringLiteral("Could not count your todos."), q.error().detail,
                           q.error().sqlState);
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

} // namespace nt
