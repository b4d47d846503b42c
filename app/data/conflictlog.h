#pragma once

#include "result.h"
#include "todopatch.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace nt {

// One value that lost when two devices changed the same field (see sql/postgres/0004).
struct ConflictEntry
{
    QUuid id;
    bool isList = false; // else a todo
    QUuid entityId;
    QString field;     // the column: "title", "notes", "deleted_at", ...
    QJsonValue kept;   // in the database's JSON form (times as ISO text)
    QJsonValue lost;
    QDateTime at;      // when the push met it (UTC)
    QDateTime restoredAt;
};

// The conflict log on one connection (Neon's table, or its copy in the local mirror).
class ConflictLog
{
public:
    explicit ConflictLog(QString connectionName);

    // The newest first.
    Result<QList<ConflictEntry>> list(int limit = 500) const;
    Error markRestored(const QUuid &entryId) const;

    // The edit that puts the lost value of a todo's field back; none for a field that is not one
    // a person edits (or a list's).
    static std::optional<TodoPatch> restoring(const ConflictEntry &entry);
    // The field's name and a value, in the person's words ("Title", "“Buy milk”", "deleted").
    static QString fieldName(const QString &field);
    static QString valueText(const QString &field, const QJsonValue &value);

private:
    QString m_connection;
};

} // namespace nt
