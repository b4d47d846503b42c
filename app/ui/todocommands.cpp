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

QList<QUuid> TodoEditCommand::apply(const QHash<QUuid, TodoPatch> &patches, const std::optional<TodoPatch> &shared)
{
    if (shared) {
        m_model->updateMany(patches.keys(), *shared, m_versions);
    } else {
        for (auto it = patches.cbegin(); it != patches.cend(); ++it) {
            const auto expected = m_versions.contains(it.key()) ? std::optional<qint64>(m_versions.value(it.key())) : std::nullopt;
            m_model->update(it.key(), it.value(), expected);
        }
    }
    QList<QUuid> saved;
    for (auto it = patches.cbegin(); it != patches.cend(); ++it) {
        const auto now = m_model->todo(it.key());
        if (now && now->version != m_versions.value(it.key(), -1)) {
            saved << it.key();
            m_versions.insert(it.key(), now->version);
        }
    }
    return saved;
}

void TodoEditCommand::redo()
{
    if (!m_done) {
        // Remember what each todo was, so undo can put it back.
        for (auto it = m_forward.cbegin(); it != m_forward.cend(); ++it) {
            if (const auto before = m_model->todo(it.key())) {
                m_backward.insert(it.key(), TodoPatch::inverse(it.value(), *before));
                m_versions.insert(it.key(), before->version);
            }
        }
        m_done = true;
        const QList<QUuid> saved = apply(m_forward, m_shared);
        if (saved.isEmpty()) {
            setObsolete(true);
            return;
        }
        // Keep only what was saved: the rest lost to another device and is being resolved.
        for (const QUuid &id : m_forward.keys()) {
            if (!saved.contains(id)) {
                m_forward.remove(id);
                m_backward.remove(id);
                m_versions.remove(id);
            }
        }
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
        m_version = m_todo.version;
        m_added = true;
        return;
    }
    if (!m_model->update(m_todo.id, TodoPatch{.deleted = false}, m_version))
        m_version = m_model->todo(m_todo.id).value_or(m_todo).version;
}

void TodoAddCommand::undo()
{
    if (!m_model->update(m_todo.id, TodoPatch{.deleted = true}, m_version))
        m_version = m_model->todo(m_todo.id).value_or(m_todo).version;
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
