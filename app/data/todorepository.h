#pragma once

#include "result.h"
#include "todo.h"

#include <QList>
#include <QString>

namespace nt {

// Plain reads and writes of todos on one connection, for the CLI, tools and tests (the window edits
// through TodoTableModel). Each call is one statement; values are always bound or escaped.
class TodoRepository
{
public:
    explicit TodoRepository(QString connectionName);

    // Inserts a new todo. A null id gets a new UUIDv7; unset times become now. Returns the stored row.
    Result<Todo> add(Todo todo) const;
    // The todos that are not deleted, in manual order.
    Result<QList<Todo>> list() const;
    Result<qint64> count() const;

private:
    QString m_connectionName;
};

} // namespace nt
