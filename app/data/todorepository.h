#pragma once

#include "result.h"
#include "todo.h"
#include "todopatch.h"

#include <QHash>
#include <QList>
#include <QString>

namespace nt {

// Reads and writes todos on one connection. Every write is ONE statement and one round trip: it
// carries the version the caller last saw (optimistic concurrency) and returns the stored row
// (RETURNING), so nothing is read back afterwards. Values are always bound or escaped.
// Deleting is a patch too (deleted = true): rows are tombstoned, never removed, so sync can carry
// deletions and undo can bring a row back.
class TodoRepository
{
public:
    explicit TodoRepository(QString connectionName);

    // What happened to one todo in an update.
    struct Outcome
    {
        enum class Status { Updated, Conflict, Missing };
        Status status = Status::Missing;
        Todo todo; // Updated: the stored row. Conflict: the row as it is now (changed elsewhere).
    };

    // Inserts a new todo. A null id gets a new UUIDv7; unset times become now; position 0 puts it
    // after every other todo.
    Result<Todo> add(Todo todo) const;
    // Applies `patch` to the todo if it still has `expectedVersion`. When another device changed it
    // meanwhile the outcome is Conflict with the row as it is now (that costs a second statement,
    // only then); Missing when the row is not there (or not visible to this role).
    Result<Outcome> update(const QUuid &id, qint64 expectedVersion, const TodoPatch &patch) const;
    // The same patch for many todos in one statement (bulk edits). Returns one outcome per id.
    Result<QHash<QUuid, Outcome>> updateMany(const QHash<QUuid, qint64> &expectedVersions, const TodoPatch &patch) const;

    // Every todo that is not deleted, in storage order (views sort).
    Result<QList<Todo>> list() const;
    Result<std::optional<Todo>> find(const QUuid &id) const; // deleted rows included
    // The todos among `ids` (at most a few thousand), deleted ones included, in no particular order.
    Result<QList<Todo>> findMany(const QList<QUuid> &ids) const;
    Result<qint64> count() const;

private:
    QString m_connectionName;
};

} // namespace nt
