#include "todocommands.h"

#include "sidebarmodel.h"
#include "todolistmodel.h"

#include <QCoreApplication>

namespace nt {

TodoEditCommand::TodoEditCommand(TodoListModel *model, const QList<QUuid> &ids, const TodoPatch &patch,
                                 const QString &text)
    : QUndoCommand(text), m_model(model), m_shared(patch)
{
    for (const QUuid &id : ids)
        m_forward.insert(id, patch);
}

TodoEditCommand::TodoEditCommand(TodoListModel *model, const QHash<QUuid, TodoPatch> &patches, const QString &text)
    : QUndoCommand(text), m_model(model), m_forward(patches)
{
}

bool TodoEditCommand::apply(const QHash<QUuid, TodoPatch> &patches, const std::optional<TodoPatch> &shared)
{
    if (shared)
        return !m_model->updateMany(patches.keys(), *shared);
    bool ok = true;
    for (auto it = patches.cbegin(); it != patches.cend(); ++it)
        ok = !m_model->update(it.key(), it.value()) && ok;
    return ok;
}

void TodoEditCommand::redo()
{
    if (!m_done) {
        // Remember what each todo was, so undo can put it back.
        for (auto it = m_forward.cbegin(); it != m_forward.cend(); ++it)
            if (const auto before = m_model->todo(it.key()))
                m_backward.insert(it.key(), TodoPatch::inverse(it.value(), *before));
        m_done = true;
        if (!apply(m_forward, m_shared))
            setObsolete(true);
        return;
    }
    apply(m_forward, m_shared);
}

void TodoEditCommand::undo()
{
    apply(m_backward, std::nullopt);
}

TodoAddCommand::TodoAddCommand(TodoListModel *model, const Todo &todo)
    : QUndoCommand(QCoreApplication::translate("TodoCommands", "Add “%1”").arg(todo.title)), m_model(model), m_todo(todo)
{
}

void TodoAddCommand::redo()
{
    if (!m_added) {
        auto added = m_model->add(m_todo);
        if (!added) {
            setObsolete(true);
            return;
        }
        m_todo = added.value();
        m_added = true;
        return;
    }
    m_model->update(m_todo.id, TodoPatch{.deleted = false});
}

void TodoAddCommand::undo()
{
    m_model->update(m_todo.id, TodoPatch{.deleted = true});
}

ListRemoveCommand::ListRemoveCommand(SidebarModel *sidebar, const QUuid &listId, const QString &name)
    : QUndoCommand(QCoreApplication::translate("TodoCommands", "Delete list “%1”").arg(name)), m_sidebar(sidebar), m_listId(listId)
{
}

void ListRemoveCommand::redo()
{
    if (m_sidebar->removeList(m_listId))
        setObsolete(true);
}

void ListRemoveCommand::undo()
{
    m_sidebar->restoreList(m_listId);
}

} // namespace nt
