#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace nt {

// One todo as the app sees it, independent of the database it came from. Times are UTC.
struct Todo
{
    static constexpr int MaxTitleLength = 500;
    static constexpr int MinPriority = 0; // none
    static constexpr int MaxPriority = 3; // high

    QUuid id;
    QString title;
    QString notes;
    bool completed = false;
    QDateTime completedAt;
    QDateTime dueAt;
    bool dueAllDay = false; // a date without a time: dueAt is that date at 00:00 UTC
    int priority = 0;
    QUuid listId;
    double position = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime deletedAt; // tombstone: deleted rows are kept for sync
    qint64 version = 1;  // bumped on every change; updates check it (optimistic concurrency)

    // Every field equal (a mirror row and the server's row can share version and time and differ).
    bool operator==(const Todo &) const = default;

    // A new todo with just a title; everything else takes its default.
    static Todo titled(const QString &title)
    {
        Todo t;
        t.title = title;
        return t;
    }

    // A title a person typed, trimmed; empty when it is blank or too long.
    static bool isValidTitle(const QString &title)
    {
        const QString t = title.trimmed();
        return !t.isEmpty() && t.size() <= MaxTitleLength;
    }
};

} // namespace nt
