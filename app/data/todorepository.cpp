#include "todorepository.h"

#include "connectionerror.h"
#include "postgresdirect.h"
#include "sqldialect.h"
#include "sqlexec.h"
#include "sqlitedirect.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>

namespace nt {

namespace {

// The columns every read returns, in readTodo() order. PostgreSQL hands times over as Unix
// milliseconds (cheap to read, no local-time round trip in the driver; date_part's double is exact
// for milliseconds and a third cheaper on the server than extract's numeric); SQLite stores them
// as UTC text already.
QString columns(SqlDialect dialect)
{
    auto time = [dialect](const char *column) {
        const QString c = QString::fromLatin1(column);
        return dialect == SqlDialect::PostgreSQL
                   ? QStringLiteral("round(date_part('epoch', %1) * 1000)::bigint").arg(c)
                   : c;
    };
    return QStringLiteral("id, title, notes, completed, ") + time("completed_at") + QStringLiteral(", ") +
           time("due_at") + QStringLiteral(", due_all_day, priority, list_id, position, ") +
           time("created_at") + QStringLiteral(", ") + time("updated_at") + QStringLiteral(", ") +
           time("deleted_at") + QStringLiteral(", version");
}

QDateTime readTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    switch (v.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
        return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC); // no QTimeZone object per value
    default:
        return UtcTime::fromDatabase(v);
    }
}

QUuid readUuid(const QVariant &v)
{
    return v.isNull() ? QUuid() : QUuid::fromString(v.toString());
}

Todo readTodo(const QSqlQuery &q)
{
    Todo t;
    t.id = readUuid(q.value(0));
    t.title = q.value(1).toString();
    t.notes = q.value(2).toString();
    t.completed = q.value(3).toBool();
    t.completedAt = readTime(q.value(4));
    t.dueAt = readTime(q.value(5));
    t.dueAllDay = q.value(6).toBool();
    t.priority = q.value(7).toInt();
    t.listId = readUuid(q.value(8));
    t.position = q.value(9).toDouble();
    t.createdAt = readTime(q.value(10));
    t.updatedAt = readTime(q.value(11));
    t.deletedAt = readTime(q.value(12));
    t.version = q.value(13).toLongLong();
    return t;
}

// The same columns read straight from SQLite (see SqliteDirect): a list of 100,000 todos is read
// in about a third of the time QSqlQuery takes.
Todo readTodo(sqlite3_stmt *row)
{
    using namespace SqliteDirect;
    auto time = [row](int column) {
        return isNull(row, column) ? QDateTime() : UtcTime::fromStorageUtf8(utf8(row, column));
    };
    auto uuid = [row](int column) {
        return isNull(row, column) ? QUuid() : QUuid::fromString(QAnyStringView(utf8(row, column)));
    };
    Todo t;
    t.id = uuid(0);
    t.title = text(row, 1);
    t.notes = text(row, 2);
    t.completed = integer(row, 3) != 0;
    t.completedAt = time(4);
    t.dueAt = time(5);
    t.dueAllDay = integer(row, 6) != 0;
    t.priority = int(integer(row, 7));
    t.listId = uuid(8);
    t.position = real(row, 9);
    t.createdAt = time(10);
    t.updatedAt = time(11);
    t.deletedAt = time(12);
    t.version = integer(row, 13);
    return t;
}

// And straight from libpq: times arrive as Unix milliseconds (see columns()).
Todo readTodo(const PostgresDirect::Row &row)
{
    auto time = [&row](int column) {
        return row.isNull(column) ? QDateTime()
                                  : QDateTime::fromMSecsSinceEpoch(row.integer(column), Qt::UTC);
    };
    auto uuid = [&row](int column) {
        return row.isNull(column) ? QUuid() : QUuid::fromString(QAnyStringView(row.bytes(column)));
    };
    Todo t;
    t.id = uuid(0);
    t.title = row.text(1);
    t.notes = row.text(2);
    t.completed = row.boolean(3);
    t.completedAt = time(4);
    t.dueAt = time(5);
    t.dueAllDay = row.boolean(6);
    t.priority = int(row.integer(7));
    t.listId = uuid(8);
    t.position = row.real(9);
    t.createdAt = time(10);
    t.updatedAt = time(11);
    t.deletedAt = time(12);
    t.version = row.integer(13);
    return t;
}

QVariant nullableText(const QString &s)
{
    return s.isNull() ? QVariant(QLatin1String("")) : QVariant(s);
}

Error wrap(const Error &e, const QString &what)
{
    return withContext(e, what);
}

// "SET ..." for the fields a patch touches. Stamps use the old row's values where SQL allows
// (SET expressions see the row as it was), so completing a completed todo keeps its first stamp.
QString setClause(const TodoPatch &patch, QVariantMap &values, const QDateTime &now)
{
    QStringList sets;
    values.insert(QStringLiteral("now"), now);
    if (patch.title) {
        sets << QStringLiteral("title = :title");
        values.insert(QStringLiteral("title"), patch.title->trimmed());
    }
    if (patch.notes) {
        sets << QStringLiteral("notes = :notes");
        values.insert(QStringLiteral("notes"), nullableText(*patch.notes));
    }
    if (patch.completed) {
        sets << QStringLiteral("completed = :completed");
        if (!*patch.completed) {
            sets << QStringLiteral("completed_at = NULL");
        } else if (patch.completedAt && patch.completedAt->isValid()) {
            sets << QStringLiteral("completed_at = :completed_at");
            values.insert(QStringLiteral("completed_at"), *patch.completedAt);
        } else {
            sets << QStringLiteral("completed_at = CASE WHEN completed THEN completed_at ELSE :now END");
        }
        values.insert(QStringLiteral("completed"), *patch.completed);
    }
    if (patch.dueAt) {
        sets << QStringLiteral("due_at = :due_at") << QStringLiteral("due_all_day = :due_all_day");
        values.insert(QStringLiteral("due_at"), *patch.dueAt);
        values.insert(QStringLiteral("due_all_day"),
                      patch.dueAt->isValid() && patch.dueAllDay.value_or(false));
    } else if (patch.dueAllDay) {
        sets << QStringLiteral("due_all_day = :due_all_day");
        values.insert(QStringLiteral("due_all_day"), *patch.dueAllDay);
    }
    if (patch.priority) {
        sets << QStringLiteral("priority = :priority");
        values.insert(QStringLiteral("priority"), *patch.priority);
    }
    if (patch.listId) {
        sets << QStringLiteral("list_id = :list_id");
        values.insert(QStringLiteral("list_id"), *patch.listId);
    }
    if (patch.position) {
        sets << QStringLiteral("position = :position");
        values.insert(QStringLiteral("position"), *patch.position);
    }
    if (patch.deleted) {
        sets << (*patch.deleted
                     ? QStringLiteral(
                           "deleted_at = CASE WHEN deleted_at IS NULL THEN :now ELSE deleted_at END")
                     : QStringLiteral("deleted_at = NULL"));
    }
    sets << QStringLiteral("updated_at = :now") << QStringLiteral("version = version + 1");
    return sets.join(QStringLiteral(", "));
}

} // namespace

TodoRepository::TodoRepository(QString connectionName) : m_connectionName(std::move(connectionName)) {}

Result<Todo> TodoRepository::add(Todo todo) const
{
    const QString what = QStringLiteral("Could not save the todo.");
    if (!Todo::isValidTitle(todo.title))
        return Error::make(
            Error::Kind::InvalidInput,
            QStringLiteral("A todo needs a title of 1 to %1 characters.").arg(Todo::MaxTitleLength));
    if (todo.priority < Todo::MinPriority || todo.priority > Todo::MaxPriority)
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("Priority is a number from 0 (none) to 3 (high)."));
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
        {QStringLiteral("notes"), nullableText(todo.notes)},
        {QStringLiteral("completed"), todo.completed},
        {QStringLiteral("completed_at"), todo.completedAt},
        {QStringLiteral("due_at"), todo.dueAt},
        {QStringLiteral("due_all_day"), todo.dueAt.isValid() && todo.dueAllDay},
        {QStringLiteral("priority"), todo.priority},
        {QStringLiteral("list_id"), todo.listId},
        {QStringLiteral("position"), todo.position},
        {QStringLiteral("created_at"), todo.createdAt},
        {QStringLiteral("updated_at"), todo.updatedAt},
    };
    // Position 0 means "after every other todo", worked out in the same statement.
    // One index probe each (migration 0002); on PostgreSQL the owner test, the same as the policy's,
    // lets the planner walk the owner's part of the index backwards.
    const QString last = dialectOf(db) == SqlDialect::PostgreSQL
                             ? QStringLiteral("SELECT position FROM todos WHERE owner = current_user::text "
                                              "ORDER BY position DESC LIMIT 1")
                             : QStringLiteral("SELECT position FROM todos ORDER BY position DESC LIMIT 1");
    const QString position = todo.position == 0 ? QStringLiteral("(coalesce((%1), 0) + 1)").arg(last)
                                                : QStringLiteral(":position");
    auto q = SqlExec::run(
        db,
        QStringLiteral("INSERT INTO todos (id, title, notes, completed, completed_at, due_at, "
                       "due_all_day, priority, list_id, position, created_at, updated_at) "
                       "VALUES (:id, :title, :notes, :completed, :completed_at, :due_at, "
                       ":due_all_day, :priority, :list_id, ") +
            position + QStringLiteral(", :created_at, :updated_at) RETURNING ") + columns(dialectOf(db)),
        values);
    if (!q)
        return wrap(q.error(), what);
    if (!q.value().next())
        return Error::make(Error::Kind::Database, what, QStringLiteral("INSERT returned no row"));
    return readTodo(q.value());
}

Result<TodoRepository::Outcome> TodoRepository::update(const QUuid &id, qint64 expectedVersion,
                                                       const TodoPatch &patch) const
{
    auto many = updateMany({{id, expectedVersion}}, patch);
    if (!many)
        return many.error();
    return many.value().value(id);
}

Result<QHash<QUuid, TodoRepository::Outcome>>
TodoRepository::updateMany(const QHash<QUuid, qint64> &expectedVersions, const TodoPatch &patch) const
{
    const QString what = expectedVersions.size() == 1
                             ? QStringLiteral("Could not save the change to the todo.")
                             : QStringLiteral("Could not save the change to the todos.");
    if (const QString invalid = patch.validate(); !invalid.isEmpty())
        return Error::make(Error::Kind::InvalidInput, invalid);
    QHash<QUuid, Outcome> outcomes;
    if (expectedVersions.isEmpty() || patch.isEmpty())
        return outcomes;

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString cols = columns(dialectOf(db));
    // SQLite allows 32766 values per statement; stay well below with two per row (an id is bound once
    // and named twice).
    constexpr qsizetype Chunk = 4000;
    const QList<QUuid> ids = expectedVersions.keys();
    for (qsizetype start = 0; start < ids.size(); start += Chunk) {
        QVariantMap values;
        const QString sets = setClause(patch, values, UtcTime::now());
        QStringList pairs;
        QStringList idsOnly;
        for (qsizetype i = start; i < std::min(ids.size(), start + Chunk); ++i) {
            const QString n = QString::number(i - start);
            pairs << QStringLiteral("(:i%1, :v%1)").arg(n);
            idsOnly << QStringLiteral(":i") + n;
            values.insert(QStringLiteral("i") + n, ids.at(i));
            values.insert(QStringLiteral("v") + n, expectedVersions.value(ids.at(i)));
        }
        auto q =
            SqlExec::run(db,
                         // "id IN" first: SQLite finds rows by key only for a plain IN, and
                         // would scan the whole table for the row values alone.
                         QStringLiteral("UPDATE todos SET ") + sets + QStringLiteral(" WHERE id IN (") +
                             idsOnly.join(QStringLiteral(", ")) + QStringLiteral(") AND (id, version) IN (") +
                             pairs.join(QStringLiteral(", ")) + QStringLiteral(") RETURNING ") + cols,
                         values);
        if (!q)
            return wrap(q.error(), what);
        while (q.value().next()) {
            const Todo t = readTodo(q.value());
            outcomes.insert(t.id, Outcome{Outcome::Status::Updated, t});
        }
    }

    // Only when some rows did not match: find out why (changed elsewhere, or gone).
    QList<QUuid> missed;
    for (const QUuid &id : ids)
        if (!outcomes.contains(id))
            missed << id;
    for (qsizetype start = 0; start < missed.size(); start += Chunk) {
        QVariantMap values;
        QStringList marks;
        for (qsizetype i = start; i < std::min(missed.size(), start + Chunk); ++i) {
            const QString n = QStringLiteral("i") + QString::number(i - start);
            marks << QLatin1Char(':') + n;
            values.insert(n, missed.at(i));
        }
        auto q = SqlExec::run(db,
                              QStringLiteral("SELECT ") + cols + QStringLiteral(" FROM todos WHERE id IN (") +
                                  marks.join(QStringLiteral(", ")) + QLatin1Char(')'),
                              values);
        if (!q)
            return wrap(q.error(), what);
        while (q.value().next()) {
            const Todo t = readTodo(q.value());
            outcomes.insert(t.id, Outcome{Outcome::Status::Conflict, t});
        }
    }
    for (const QUuid &id : missed)
        if (!outcomes.contains(id))
            outcomes.insert(id, Outcome{Outcome::Status::Missing, {}});
    return outcomes;
}

Result<QList<Todo>> TodoRepository::list() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // In storage order: the views sort through a proxy, so sorting here would only be paid twice.
    // SQLite would otherwise walk the partial index todos_list_position (its WHERE matches) and look
    // every row up from there: three times slower than reading the table straight through.
    const SqlDialect dialect = dialectOf(db);
    const QString sql = QStringLiteral("SELECT ") + columns(dialect) +
                        (dialect == SqlDialect::SQLite ? QStringLiteral(" FROM todos NOT INDEXED")
                                                       : QStringLiteral(" FROM todos")) +
                        QStringLiteral(" WHERE deleted_at IS NULL");
    QList<Todo> todos;
    if (SqliteDirect::available(db)) {
        if (Error e =
                SqliteDirect::forEachRow(db, sql, [&todos](sqlite3_stmt *row) { todos << readTodo(row); }))
            return wrap(e, QStringLiteral("Could not read your todos."));
        return todos;
    }
    if (PostgresDirect::available(db)) {
        if (Error e = PostgresDirect::forEachRow(
                db, sql, [&todos](const PostgresDirect::Row &row) { todos << readTodo(row); }))
            return wrap(e, QStringLiteral("Could not read your todos."));
        return todos;
    }
    auto q = SqlExec::run(db, sql);
    if (!q)
        return wrap(q.error(), QStringLiteral("Could not read your todos."));
    while (q.value().next())
        todos << readTodo(q.value());
    return todos;
}

Result<std::optional<Todo>> TodoRepository::find(const QUuid &id) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto q = SqlExec::run(
        db, QStringLiteral("SELECT ") + columns(dialectOf(db)) + QStringLiteral(" FROM todos WHERE id = :id"),
        {{QStringLiteral("id"), id}});
    if (!q)
        return wrap(q.error(), QStringLiteral("Could not read the todo."));
    if (!q.value().next())
        return std::optional<Todo>();
    return std::optional<Todo>(readTodo(q.value()));
}

Result<QList<Todo>> TodoRepository::findMany(const QList<QUuid> &ids) const
{
    QList<Todo> todos;
    if (ids.isEmpty())
        return todos;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QVariantMap values;
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        marks << QStringLiteral(":i") + QString::number(i);
        values.insert(QStringLiteral("i") + QString::number(i), ids.at(i));
    }
    auto q = SqlExec::run(db,
                          QStringLiteral("SELECT ") + columns(dialectOf(db)) +
                              QStringLiteral(" FROM todos WHERE id IN (") + marks.join(QStringLiteral(", ")) +
                              QLatin1Char(')'),
                          values);
    if (!q)
        return wrap(q.error(), QStringLiteral("Could not read the todos."));
    while (q.value().next())
        todos << readTodo(q.value());
    return todos;
}

Result<qint64> TodoRepository::count() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connectionName, false),
                          QStringLiteral("SELECT count(*) FROM todos WHERE deleted_at IS NULL"));
    if (!q)
        return wrap(q.error(), QStringLiteral("Could not count your todos."));
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

} // namespace nt
