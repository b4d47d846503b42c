#pragma once

#include "todo.h"
#include "todopatch.h"

#include <QHash>
#include <QList>
#include <QUndoCommand>

namespace nt {

class SidebarModel;
class TodoListModel;

// Changes to todos as undoable commands. The first redo() is the change itself; when nothing of it
// could be saved (conflict, lost connection) the command marks itself obsolete so the undo stack
// drops it; when only some todos were saved, it keeps just those. Undo writes each todo's previous
// values back (a delete's undo restores the row). Undo and redo expect each todo to be as this
// command left it: if another device changed it since, that is a conflict, never an overwrite.
class TodoEditCommand : public QUndoCommand
{
public:
    // The same patch for every id (edits, bulk edits, delete).
    TodoEditCommand(TodoListModel *model, const QList<QUuid> &ids, const TodoPatch &patch, const QString &text);
    // A patch per id (reordering gives each todo its own position).
    TodoEditCommand(TodoListModel *model, const QHash<QUuid, TodoPatch> &patches, const QString &text);

    void redo() override;
    void undo() override;

private:
    // One statement for a shared patch, one per todo otherwise. Returns the ids that were saved and
    // remembers the versions they now have.
    QList<QUuid> apply(const QHash<QUuid, TodoPatch> &patches, const std::optional<TodoPatch> &shared);

    TodoListModel *m_model;
    QHash<QUuid, TodoPatch> m_forward;
    QHash<QUuid, TodoPatch> m_backward;
    QHash<QUuid, qint64> m_versions; // what this command expects each todo's version to be
    std::optional<TodoPatch> m_shared; // set when every id gets the same patch: one statement
    bool m_done = false;
};

// Adding a todo: undo deletes it (a tombstone), redo brings that same row back.
class TodoAddCommand : public QUndoCommand
{
public:
    TodoAddCommand(TodoListModel *model, const Todo &todo);
    void redo() override;
    void undo() override;
    QUuid todoId() const { return m_todo.id; }

private:
    TodoListModel *m_model;
    Todo m_todo;
    qint64 m_version = 0;
    bool m_added = false;
};

// Deleting a list with its todos; undo brings both back.
class ListRemoveCommand : public QUndoCommand
{
public:
    ListRemoveCommand(SidebarModel *sidebar, const QUuid &listId, const QString &name);
    void redo() override;
    void undo() override;

private:
    SidebarModel *m_sidebar;
    QUuid m_listId;
};

} // namespace nt
