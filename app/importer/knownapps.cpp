#include "knownapps.h"

#include <algorithm>

// Where each schema fact below comes from (all public):
//
// Joplin — laurent22/joplin: packages/lib/services/database/types.ts (generated from the live schema:
//   notes.id/parent_id/title/body/is_todo/todo_due/todo_completed/created_time/updated_time/
//   user_updated_time/is_conflict/deleted_time; folders.id/title), migrations/46.ts (`deleted_time INT
//   NOT NULL DEFAULT 0` on notes and folders: the trash, 0 = not trashed), QtClient/JoplinQtClient/
//   schema.sql (the first schema: INT times, is_todo, parent_id → folders.id); ruslin-note/ruslin-data
//   (a Joplin-compatible client: `todo_due INT NOT NULL DEFAULT 0`, `todo_completed INT NOT NULL
//   DEFAULT 0`). Times are JavaScript Date.now() values (Unix milliseconds), 0 meaning unset.
//   is_conflict = 1 marks the copy Joplin keeps in its "Conflicts" folder of a note that was edited
//   on two devices: the original is imported, the copy is not.
// Thunderbird — comm-central calendar/base/backend/storage: CalStorageCalendar / calStorageUpgrade
//   (CREATE TABLE cal_todos (cal_id, id, time_created, last_modified, title, priority, privacy,
//   ical_status, flags, todo_entry, todo_due, todo_completed, todo_complete, todo_*_tz,
//   recurrence_id, recurrence_id_tz, alarm_last_ack, todo_stamp, offline_journal), cal_properties
//   (item_id, key, value, recurrence_id, recurrence_id_tz, cal_id) holding DESCRIPTION),
//   calStorageHelpers (times are calIDateTime.nativeTime = PRTime microseconds; newDateTime() reads a
//   "floating" time as its UTC wall clock; CAL_ITEM_FLAG.EVENT_ALLDAY = 8 is set on a task whose
//   entry or due date is a date), the model's prepareTodo() (todo_completed = COMPLETED,
//   todo_complete = PERCENT-COMPLETE, ical_status = STATUS). Rows with a recurrence_id are the
//   changed occurrences of a repeating task; the series itself has recurrence_id NULL. PRIORITY is
//   iCalendar's (RFC 5545 3.8.1.9): 1 highest .. 9 lowest, 0 undefined. The calendar's own name lives
//   in prefs.js, not in this file, so there is no list.
// Things 3 — thingsapi/things.py (things/database.py: TMTask, TMArea, type 0/1/2 = to-do/project/
//   heading, status 0/2/3 = incomplete/canceled/completed, trashed, creationDate and
//   userModificationDate and stopDate as Unix seconds via datetime(x, "unixepoch"), repeating
//   templates excluded with recurrenceRule IS NULL, to-dos of trashed projects left out, heading →
//   project), and a dump of a current database (Hbbb/things2obsidian db/schema.sql, with comments:
//   dueDate renamed deadline and REAL → INTEGER, actionGroup renamed heading, recurrenceRule renamed
//   rt1_recurrenceRule). The deadline is a packed date, year << 16 | month << 12 | day << 7 (the
//   masks public readers of the file use, "verified against thingsapi/things.py").

namespace nt {

namespace {

const SourceTable *find(const QList<SourceTable> &tables, const QString &name)
{
    for (const SourceTable &t : tables)
        if (!t.isView && t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

bool hasColumn(const SourceTable *table, const char *column)
{
    return table &&
           std::any_of(table->columns.begin(), table->columns.end(), [column](const SourceColumn &c) {
               return c.name.compare(QLatin1String(column), Qt::CaseInsensitive) == 0;
           });
}

bool hasColumns(const SourceTable *table, std::initializer_list<const char *> columns)
{
    return table && std::all_of(columns.begin(), columns.end(),
                                [table](const char *c) { return hasColumn(table, c); });
}

// A plan with every field unmapped, filled in by column() and expression().
struct Builder
{
    ImportPlan plan;

    Builder(const QString &app, const QString &table)
    {
        plan.knownApp = app;
        plan.keyIsUnique = true; // every known app keys its rows with a primary key
        plan.table = table;
        for (int f = int(ImportField::SourceKey); f <= int(ImportField::ListName); ++f) {
            ColumnMapping m;
            m.field = ImportField(f);
            plan.mappings << m;
        }
    }
    void column(ImportField field, const QString &column, ValueEncoding encoding = ValueEncoding::Auto)
    {
        ColumnMapping &m = plan.mappings[int(field)];
        m.column = column;
        m.encoding = encoding;
        m.confidence = 1;
    }
    void expression(ImportField field, const QString &expression,
                    ValueEncoding encoding = ValueEncoding::Auto)
    {
        ColumnMapping &m = plan.mappings[int(field)];
        m.expression = expression;
        m.encoding = encoding;
        m.confidence = 1;
    }
};

std::optional<ImportPlan> joplin(const QList<SourceTable> &tables)
{
    const SourceTable *notes = find(tables, QStringLiteral("notes"));
    const SourceTable *folders = find(tables, QStringLiteral("folders"));
    if (!hasColumns(notes, {"id", "parent_id", "title", "body", "is_todo", "todo_due", "todo_completed",
                            "created_time", "updated_time"}) ||
        !hasColumns(folders, {"id", "title"}))
        return std::nullopt;
    Builder b(KnownApps::Joplin, notes->name);
    const auto ms = ValueEncoding::EpochMilliseconds;
    b.column(ImportField::SourceKey, QStringLiteral("id"));
    b.column(ImportField::Title, QStringLiteral("title"));
    b.column(ImportField::Notes, QStringLiteral("body"));
    b.expression(ImportField::Completed,
                 QStringLiteral(R"(CASE WHEN "notes"."todo_completed" > 0 THEN 1 ELSE 0 END)"));
    b.expression(ImportField::CompletedAt, QStringLiteral(R"(NULLIF("notes"."todo_completed", 0))"), ms);
    b.expression(ImportField::DueAt, QStringLiteral(R"(NULLIF("notes"."todo_due", 0))"), ms);
    b.column(ImportField::CreatedAt, QStringLiteral("created_time"), ms);
    if (hasColumn(notes, "user_updated_time"))
        b.expression(
            ImportField::UpdatedAt,
            QStringLiteral(R"(COALESCE(NULLIF("notes"."user_updated_time", 0), "notes"."updated_time"))"),
            ms);
    else
        b.column(ImportField::UpdatedAt, QStringLiteral("updated_time"), ms);
    b.expression(
        ImportField::ListName,
        QStringLiteral(R"((SELECT f."title" FROM "folders" AS f WHERE f."id" = "notes"."parent_id"))"));
    QString filter = QStringLiteral(R"("notes"."is_todo" = 1)");
    if (hasColumn(notes, "deleted_time"))
        filter += QStringLiteral(R"( AND "notes"."deleted_time" = 0)");
    if (hasColumn(notes, "is_conflict"))
        filter += QStringLiteral(R"( AND "notes"."is_conflict" = 0)");
    b.plan.rowFilter = filter;
    return b.plan;
}

std::optional<ImportPlan> thunderbird(const QList<SourceTable> &tables)
{
    const SourceTable *todos = find(tables, QStringLiteral("cal_todos"));
    if (!hasColumns(todos, {"cal_id", "id", "title", "priority", "ical_status", "todo_due", "todo_completed",
                            "time_created", "last_modified"}))
        return std::nullopt;
    Builder b(KnownApps::Thunderbird, todos->name);
    const auto us = ValueEncoding::EpochMicroseconds;
    // A UID is unique within its calendar; one file holds every local and cached calendar.
    b.expression(ImportField::SourceKey,
                 QStringLiteral(R"("cal_todos"."cal_id" || '/' || "cal_todos"."id")"));
    b.column(ImportField::Title, QStringLiteral("title"));
    const SourceTable *properties = find(tables, QStringLiteral("cal_properties"));
    if (hasColumns(properties, {"item_id", "key", "value", "cal_id"})) {
        QString notes = QStringLiteral(R"((SELECT p."value" FROM "cal_properties" AS p WHERE p."item_id" = )"
                                       R"("cal_todos"."id" AND p."cal_id" = "cal_todos"."cal_id" AND )"
                                       R"(p."key" = 'DESCRIPTION')");
        if (hasColumn(properties, "recurrence_id"))
            notes += QStringLiteral(R"( AND p."recurrence_id" IS NULL)");
        b.expression(ImportField::Notes, notes + QStringLiteral(" LIMIT 1)"));
    }
    QString completed = QStringLiteral(R"(CASE WHEN "cal_todos"."ical_status" IN ('COMPLETED', 'CANCELLED') )"
                                       R"(OR "cal_todos"."todo_completed" IS NOT NULL)");
    if (hasColumn(todos, "todo_complete"))
        completed += QStringLiteral(R"( OR "cal_todos"."todo_complete" >= 100)");
    b.expression(ImportField::Completed, completed + QStringLiteral(" THEN 1 ELSE 0 END"));
    b.column(ImportField::CompletedAt, QStringLiteral("todo_completed"), us);
    if (hasColumns(todos, {"flags", "todo_due_tz"})) {
        // An all-day due becomes a date, a floating one a naive time (read in the plan's zone), the rest
        // stay microseconds: Auto tells them apart (text vs. a number of that magnitude).
        b.expression(ImportField::DueAt,
                     QStringLiteral(R"(CASE WHEN "cal_todos"."todo_due" IS NULL THEN NULL )"
                                    R"(WHEN ("cal_todos"."flags" & 8) = 8 )"
                                    R"(THEN date("cal_todos"."todo_due" / 1000000, 'unixepoch') )"
                                    R"(WHEN "cal_todos"."todo_due_tz" = 'floating' )"
                                    R"(THEN datetime("cal_todos"."todo_due" / 1000000, 'unixepoch') )"
                                    R"(ELSE "cal_todos"."todo_due" END)"));
    } else {
        b.column(ImportField::DueAt, QStringLiteral("todo_due"), us);
    }
    b.column(ImportField::CreatedAt, QStringLiteral("time_created"), us);
    b.column(ImportField::UpdatedAt, QStringLiteral("last_modified"), us);
    b.expression(ImportField::Priority, QStringLiteral(R"(NULLIF("cal_todos"."priority", 0))"),
                 ValueEncoding::PriorityHighIsOne);
    if (hasColumn(todos, "recurrence_id"))
        b.plan.rowFilter = QStringLiteral(R"("cal_todos"."recurrence_id" IS NULL)");
    return b.plan;
}

std::optional<ImportPlan> things(const QList<SourceTable> &tables)
{
    const SourceTable *task = find(tables, QStringLiteral("TMTask"));
    if (!hasColumns(task, {"uuid", "title", "notes", "status", "stopDate", "type", "trashed", "creationDate",
                           "userModificationDate", "project", "area"}))
        return std::nullopt;
    Builder b(KnownApps::Things3, task->name);
    const auto seconds = ValueEncoding::EpochSeconds;
    b.column(ImportField::SourceKey, QStringLiteral("uuid"));
    b.column(ImportField::Title, QStringLiteral("title"));
    b.column(ImportField::Notes, QStringLiteral("notes"));
    b.expression(ImportField::Completed,
                 QStringLiteral(R"(CASE WHEN "TMTask"."status" IN (2, 3) THEN 1 ELSE 0 END)"));
    b.column(ImportField::CompletedAt, QStringLiteral("stopDate"), seconds);
    if (hasColumn(task, "deadline"))
        b.column(ImportField::DueAt, QStringLiteral("deadline"), ValueEncoding::ThingsDate);
    else if (hasColumn(task, "dueDate"))
        b.column(ImportField::DueAt, QStringLiteral("dueDate"), seconds);
    b.column(ImportField::CreatedAt, QStringLiteral("creationDate"), seconds);
    b.column(ImportField::UpdatedAt, QStringLiteral("userModificationDate"), seconds);

    const char *heading = hasColumn(task, "heading")       ? "heading"
                          : hasColumn(task, "actionGroup") ? "actionGroup"
                                                           : nullptr;
    QStringList lists{
        QStringLiteral(R"((SELECT p."title" FROM "TMTask" AS p WHERE p."uuid" = "TMTask"."project"))")};
    if (heading)
        lists << QStringLiteral(
                     R"((SELECT p."title" FROM "TMTask" AS h JOIN "TMTask" AS p ON p."uuid" = h."project" )"
                     R"(WHERE h."uuid" = "TMTask"."%1"))")
                     .arg(QLatin1String(heading));
    if (hasColumns(find(tables, QStringLiteral("TMArea")), {"uuid", "title"}))
        lists << QStringLiteral(R"((SELECT a."title" FROM "TMArea" AS a WHERE a."uuid" = "TMTask"."area"))");
    b.expression(ImportField::ListName,
                 QStringLiteral("COALESCE(") + lists.join(QStringLiteral(", ")) + QLatin1Char(')'));

    QString filter = QStringLiteral(R"("TMTask"."type" = 0 AND "TMTask"."trashed" = 0)"
                                    R"( AND COALESCE((SELECT p."trashed" FROM "TMTask" AS p )"
                                    R"(WHERE p."uuid" = "TMTask"."project"), 0) = 0)");
    if (heading)
        filter += QStringLiteral(R"( AND COALESCE((SELECT p."trashed" FROM "TMTask" AS h JOIN "TMTask" AS p )"
                                 R"(ON p."uuid" = h."project" WHERE h."uuid" = "TMTask"."%1"), 0) = 0)")
                      .arg(QLatin1String(heading));
    if (hasColumn(task, "rt1_recurrenceRule"))
        filter += QStringLiteral(R"( AND "TMTask"."rt1_recurrenceRule" IS NULL)");
    else if (hasColumn(task, "recurrenceRule"))
        filter += QStringLiteral(R"( AND "TMTask"."recurrenceRule" IS NULL)");
    b.plan.rowFilter = filter;
    return b.plan;
}

} // namespace

std::optional<ImportPlan> KnownApps::recognise(const QList<SourceTable> &tables)
{
    for (const auto recogniser : {joplin, thunderbird, things})
        if (std::optional<ImportPlan> plan = recogniser(tables))
            return plan;
    return std::nullopt;
}

} // namespace nt
