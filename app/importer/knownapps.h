#pragma once

#include "importtypes.h"

#include <QList>

#include <optional>

namespace nt {

// The SQLite files of popular apps whose schemas are public, recognised by their characteristic
// tables and columns, each with a built-in plan: which table, which rows (a row filter), which column
// or SQL expression feeds each field and how its times are written. Every expression and filter is
// fixed text written here, never anything from a person or the file.
//
// The expression contract (ImportReader keeps it): each expression and the row filter are SQLite
// text evaluated in `SELECT (<expression>) AS ..., ... FROM <plan.table> WHERE <rowFilter>` with the
// table NOT aliased; they name the plan's table by its own name, and subqueries alias the tables
// they read, so a self-join (Things' projects are rows of TMTask too) stays unambiguous. Optional
// parts (a column added in a later version of the app) are only used when the file has them.
class KnownApps
{
public:
    static inline const QString Joplin = QStringLiteral("Joplin");
    static inline const QString Thunderbird = QStringLiteral("Thunderbird");
    static inline const QString Things3 = QStringLiteral("Things 3");

    // The plan for the first app the tables belong to, or nullopt for the generic path
    // (MappingGuesser). The plan has one ColumnMapping per ImportField in enum order (confidence 1
    // for the mapped ones, 0 with no column for the rest), knownApp set, and the row filter.
    // - Joplin (database.sqlite): to-dos of `notes` (is_todo = 1), not in the trash, not conflict
    //   copies; list = the notebook (`folders.title` of parent_id); times are Unix milliseconds,
    //   0 meaning none.
    // - Thunderbird (calendar-data/local.sqlite): `cal_todos` of every calendar, occurrences of
    //   repeating tasks left out (their series is imported once); key = calendar id + "/" + UID;
    //   notes = the DESCRIPTION property; times are PRTime microseconds, a floating due time becomes a
    //   naive time and an all-day due a date; priority 1 (high) .. 9 (low), 0 = none.
    // - Things 3 (main.sqlite): to-dos of `TMTask` (type 0), not trashed, not in a trashed project,
    //   not the templates of repeating to-dos; completed = status 3 (completed) or 2 (cancelled: both
    //   are "logged" in Things); list = project (directly or through a heading), else area; times are
    //   Unix seconds (REAL), the deadline a packed Things date.
    static std::optional<ImportPlan> recognise(const QList<SourceTable> &tables);
};

} // namespace nt
