#include "sqliteloader.h"

#include "importids.h"
#include "importposition.h"
#include "rowconverter.h"
#include "sqlexec.h"
#include "todorepository.h"

#include <QSqlDatabase>

namespace nt {

namespace {

constexpr qsizetype VerifyChunk = 2000;

} // namespace

SqliteLoader::SqliteLoader(QString connectionName) : m_connectionName(std::move(connectionName)) {}

SqliteLoader::~SqliteLoader()
{
    if (m_inTransaction)
        cancel();
}

Error SqliteLoader::failure(const QString &what, const Error &cause)
{
    cancel();
    return Error::make(cause.kind == Error::Kind::None ? Error::Kind::Database : cause.kind,
                       what + QStringLiteral(" Nothing was imported."), cause.detail, cause.sqlState);
}

void SqliteLoader::cancel()
{
    if (m_inTransaction)
        SqlExec::exec(QSqlDatabase::database(m_connectionName, false), QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
    m_pending.clear();
}

Error SqliteLoader::begin(const QUuid &targetList)
{
    m_targetList = targetList;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (Error e = SqlExec::exec(db, QStringLiteral("BEGIN IMMEDIATE")))
        return Error::make(e.kind,
                           QStringLiteral("The local database is busy; try the import again in a moment."),
                           e.detail);
    m_inTransaction = true;
    auto max = SqlExec::run(db, QStringLiteral("SELECT coalesce(max(position), 0) FROM todos"));
    if (!max)
        return failure(QStringLiteral("Could not prepare the local database."), max.error());
    m_position = max.value().next() ? max.value().value(0).toDouble() : 0;
    return {};
}

Error SqliteLoader::add(const ImportRow &row)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const Todo &t = row.todo;
    QUuid list = m_targetList;
    const QString listName = row.listName.trimmed();
    if (list.isNull() && !listName.isEmpty()) {
        list = ImportIds::listId(listName);
        if (!m_lists.contains(list)) {
            m_lists.insert(list);
            if (Error e =
                    SqlExec::exec(db,
                                  QStringLiteral("INSERT INTO lists (id, name, position) VALUES (:id, :name, "
                                                 "(SELECT coalesce(max(position), 0) + 1 FROM lists)) "
                                                 "ON CONFLICT (id) DO NOTHING"),
                                  {{QStringLiteral("id"), list}, {QStringLiteral("name"), listName}}))
                return failure(QStringLiteral("Could not create the list “%1”.").arg(listName), e);
        }
    }
    auto q = SqlExec::run(
        db,
        QStringLiteral("INSERT INTO todos (id, title, notes, completed, completed_at, due_at, due_all_day, "
                       "priority, list_id, position, created_at, updated_at) VALUES (:id, :title, :notes, "
                       ":completed, :completed_at, :due_at, :due_all_day, :priority, :list_id, :position, "
                       ":created_at, :updated_at) ON CONFLICT (id) DO NOTHING"),
        {{QStringLiteral("id"), t.id},
         {QStringLiteral("title"), t.title},
         {QStringLiteral("notes"), t.notes.isNull() ? QString(QLatin1String("")) : t.notes},
         {QStringLiteral("completed"), t.completed},
         {QStringLiteral("completed_at"), t.completedAt},
         {QStringLiteral("due_at"), t.dueAt},
         {QStringLiteral("due_all_day"), t.dueAllDay && t.dueAt.isValid()},
         {QStringLiteral("priority"), t.priority},
         {QStringLiteral("list_id"), list},
         {QStringLiteral("position"), importPosition(m_position, t.createdAt)},
         {QStringLiteral("created_at"), t.createdAt},
         {QStringLiteral("updated_at"), t.updatedAt.isValid() ? t.updatedAt : t.createdAt}});
    if (!q)
        return failure(QStringLiteral("The local database refused a todo."), q.error());
    ++m_outcome.staged;
    if (q.value().numRowsAffected() == 1) {
        ++m_outcome.inserted;
        m_pending.insert(t.id, RowConverter::checksum(t));
        if (m_pending.size() >= VerifyChunk)
            return verifyPending();
    } else {
        ++m_outcome.alreadyThere;
    }
    return {};
}

// Reads back the rows inserted since the last check and compares them with the source's checksums.
Error SqliteLoader::verifyPending()
{
    if (m_pending.isEmpty())
        return {};
    auto stored = TodoRepository(m_connectionName).findMany(m_pending.keys());
    if (!stored)
        return failure(QStringLiteral("Could not check the imported todos."), stored.error());
    for (const Todo &t : stored.value())
        if (RowConverter::checksum(t) == m_pending.value(t.id))
            ++m_matching;
    m_pending.clear();
    return {};
}

Result<LoadOutcome> SqliteLoader::finish(bool dryRun)
{
    if (Error e = verifyPending())
        return e;
    m_outcome.verified = m_matching == m_outcome.inserted;
    m_outcome.verification =
        QStringLiteral("%1 of %2 imported rows match the source, field by field (per-row checksums).")
            .arg(m_matching)
            .arg(m_outcome.inserted);
    if (!m_outcome.verified)
        return failure(QStringLiteral("The imported rows did not match the source when checked."),
                       Error::make(Error::Kind::Database, {}, m_outcome.verification));
    if (dryRun) {
        cancel();
        return m_outcome;
    }
    if (Error e = SqlExec::exec(QSqlDatabase::database(m_connectionName, false), QStringLiteral("COMMIT")))
        return failure(QStringLiteral("Could not save the import."), e);
    m_inTransaction = false;
    return m_outcome;
}

} // namespace nt
