#pragma once

#include "todo.h"

#include <optional>

namespace nt {

// A change to some fields of a todo. Only the fields that are set are written; that is also how
// edits, bulk edits, undo and conflict resolution say what they change.
struct TodoPatch
{
    std::optional<QString> title = std::nullopt;
    std::optional<QString> notes = std::nullopt;
    std::optional<bool> completed = std::nullopt;  // completing stamps completedAt; reopening clears it
    std::optional<QDateTime> completedAt = std::nullopt; // with completed = true: this stamp, not now (undo)
    std::optional<QDateTime> dueAt = std::nullopt; // an invalid QDateTime clears the due date
    std::optional<bool> dueAllDay = std::nullopt;
    std::optional<int> priority = std::nullopt;
    std::optional<QUuid> listId = std::nullopt;    // a null QUuid moves the todo out of every list
    std::optional<double> position = std::nullopt;
    std::optional<bool> deleted = std::nullopt;    // tombstone: deleting stamps deletedAt; restoring clears it

    bool isEmpty() const
    {
        return !title && !notes && !completed && !completedAt && !dueAt && !dueAllDay && !priority && !listId && !position
            && !deleted;
    }

    // The patch applied to a copy of `todo`, with `now` for the stamps it sets.
    Todo appliedTo(Todo todo, const QDateTime &now) const
    {
        if (title)
            todo.title = title->trimmed();
        if (notes)
            todo.notes = *notes;
        if (completed && *completed != todo.completed) {
            todo.completed = *completed;
            todo.completedAt = *completed ? completedAt.value_or(now) : QDateTime();
        }
        if (dueAt)
            todo.dueAt = *dueAt;
        if (dueAllDay)
            todo.dueAllDay = *dueAllDay;
        if (todo.dueAt.isNull())
            todo.dueAllDay = false;
        if (priority)
            todo.priority = *priority;
        if (listId)
            todo.listId = *listId;
        if (position)
            todo.position = *position;
        if (deleted && *deleted != todo.deletedAt.isValid())
            todo.deletedAt = *deleted ? now : QDateTime();
        return todo;
    }

    // The patch that sets every field `patch` touches back to its value in `before` (undo).
    static TodoPatch inverse(const TodoPatch &patch, const Todo &before)
    {
        TodoPatch back;
        if (patch.title)
            back.title = before.title;
        if (patch.notes)
            back.notes = before.notes;
        if (patch.completed) {
            back.completed = before.completed;
            if (before.completed)
                back.completedAt = before.completedAt; // reopening then undoing keeps the first stamp
        }
        if (patch.dueAt || patch.dueAllDay) {
            back.dueAt = before.dueAt;
            back.dueAllDay = before.dueAllDay;
        }
        if (patch.priority)
            back.priority = before.priority;
        if (patch.listId)
            back.listId = before.listId;
        if (patch.position)
            back.position = before.position;
        if (patch.deleted)
            back.deleted = before.deletedAt.isValid();
        return back;
    }

    // Empty when the patch is fine; otherwise what is wrong, in plain words.
    QString validate() const
    {
        if (title && !Todo::isValidTitle(*title))
            return QStringLiteral("A todo needs a title of 1 to %1 characters.").arg(Todo::MaxTitleLength);
        if (priority && (*priority < Todo::MinPriority || *priority > Todo::MaxPriority))
            return QStringLiteral("Priority is a number from 0 (none) to 3 (high).");
        return {};
    }
};

} // namespace nt
