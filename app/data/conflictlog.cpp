#include "conflictlog.h"

#include "sqlexec.h"
#include "utctime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace nt {

namespace {

// Stored JSON text of any value (a string, a number, null): parsed inside an array.
QJsonValue parseValue(const QVariant &stored)
{
    if (stored.isNull())
        return QJsonValue::Null;
    const QByteArray text = "[" + stored.toString().toUtf8() + "]";
    const QJsonArray array = QJsonDocument::fromJson(text).array();
    return array.isEmpty() ? QJsonValue(QJsonValue::Null) : array.first();
}

QDateTime timeOf(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

ConflictLog::ConflictLog(QString connectionName) : m_connection(std::move(connectionName)) {}

Result<QList<ConflictEntry>> ConflictLog::list(int limit) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    // jsonb comes over as its text; the local copy keeps that text.
    const QString sql = postgres
                            ? QStringLiteral("SELECT id, entity, entity_id, field, kept_value::text, lost_value::text, "
                                             "created_at, restored_at FROM sync_conflicts ORDER BY created_at DESC, id "
                                             "LIMIT :limit")
                            : QStringLiteral("SELECT id, entity, entity_id, field, kept_value, lost_value, created_at, "
                                             "restored_at FROM sync_conflicts ORDER BY created_at DESC, id LIMIT :limit");
    auto q = SqlExec::run(db, sql, {{QStringLiteral("limit"), limit}});
    if (!q)
        return q.error();
    QList<ConflictEntry> entries;
    while (q.value().next()) {
        ConflictEntry e;
        e.id = QUuid::fromString(q.value().value(0).toString());
        e.isList = q.value().value(1).toString() == QLatin1String("list");
        e.entityId = QUuid::fromString(q.value().value(2).toString());
        e.field = q.value().value(3).toString();
        e.kept = parseValue(q.value().value(4));
        e.lost = parseValue(q.value().value(5));
        e.at = UtcTime::fromDatabase(q.value().value(6));
        e.restoredAt = UtcTime::fromDatabase(q.value().value(7));
        entries << e;
    }
    return entries;
}

Error ConflictLog::markRestored(const QUuid &entryId) const
{
    return SqlExec::exec(QSqlDatabase::database(m_connection, false),
                         QStringLiteral("UPDATE sync_conflicts SET restored_at = :now WHERE id = :id"),
                         {{QStringLiteral("now"), UtcTime::now()}, {QStringLiteral("id"), entryId}});
}

std::optional<TodoPatch> ConflictLog::restoring(const ConflictEntry &entry)
{
    if (entry.isList)
        return std::nullopt;
    const QString &f = entry.field;
    const QJsonValue &v = entry.lost;
    TodoPatch p;
    if (f == QLatin1String("title") && v.isString())
        p.title = v.toString();
    else if (f == QLatin1String("notes") && v.isString())
        p.notes = v.toString();
    else if (f == QLatin1String("completed") && v.isBool())
        p.completed = v.toBool();
    else if (f == QLatin1String("due_at"))
        p.dueAt = v.isNull() ? QDateTime() : timeOf(v);
    else if (f == QLatin1String("due_all_day") && v.isBool())
        p.dueAllDay = v.toBool();
    else if (f == QLatin1String("priority") && v.isDouble())
        p.priority = v.toInt();
    else if (f == QLatin1String("list_id"))
        p.listId = v.isNull() ? QUuid() : QUuid::fromString(v.toString());
    else if (f == QLatin1String("position") && v.isDouble())
        p.position = v.toDouble();
    else if (f == QLatin1String("deleted_at"))
        p.deleted = !v.isNull();
    else
        return std::nullopt; // completed_at follows completed; "*" is a change with no row
    return p;
}

QString ConflictLog::fieldName(const QString &field)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("ConflictLog", "Title")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("ConflictLog", "Name")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("ConflictLog", "Notes")},
        {QStringLiteral("completed"), QT_TRANSLATE_NOOP("ConflictLog", "Completed")},
        {QStringLiteral("completed_at"), QT_TRANSLATE_NOOP("ConflictLog", "Completed at")},
        {QStringLiteral("due_at"), QT_TRANSLATE_NOOP("ConflictLog", "Due date")},
        {QStringLiteral("due_all_day"), QT_TRANSLATE_NOOP("ConflictLog", "All day")},
        {QStringLiteral("priority"), QT_TRANSLATE_NOOP("ConflictLog", "Priority")},
        {QStringLiteral("list_id"), QT_TRANSLATE_NOOP("ConflictLog", "List")},
        {QStringLiteral("position"), QT_TRANSLATE_NOOP("ConflictLog", "Position")},
        {QStringLiteral("colour"), QT_TRANSLATE_NOOP("ConflictLog", "Colour")},
        {QStringLiteral("deleted_at"), QT_TRANSLATE_NOOP("ConflictLog", "Deleted")},
        {QStringLiteral("*"), QT_TRANSLATE_NOOP("ConflictLog", "Whole change")},
    };
    const char *name = names.value(field);
    return name ? QCoreApplication::translate("ConflictLog", name) : field;
}

QString ConflictLog::valueText(const QString &field, const QJsonValue &value)
{
    if (field == QLatin1String("deleted_at"))
        return value.isNull() ? QCoreApplication::translate("ConflictLog", "not deleted")
                              : QCoreApplication::translate("ConflictLog", "deleted");
    if (value.isNull() || value.isUndefined())
        return QCoreApplication::translate("ConflictLog", "(none)");
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("ConflictLog", "yes")
                              : QCoreApplication::translate("ConflictLog", "no");
    if (field.endsWith(QLatin1String("_at"))) {
        const QDateTime t = timeOf(value);
        if (t.isValid())
            return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
    }
    if (value.isString())
        return QStringLiteral("“%1”").arg(value.toString().left(200));
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace nt
