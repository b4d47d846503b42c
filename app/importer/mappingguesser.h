#pragma once

#include "importtypes.h"

#include <QList>

namespace nt {

// The generic path: which table of an unknown file holds the todos, and which column feeds which
// field, each with a confidence the wizard shows (a person can change any of it).
class MappingGuesser
{
public:
    // Below this a column is not proposed for a field (the field stays unmapped).
    static constexpr double MinConfidence = 0.3;

    // Chooses the table that looks most like a todo list: its name (todo/todos/task/tasks/item/items/
    // reminder...), a text column that looks like a title, how many fields it can fill, having rows at
    // all; more rows wins a tie. Views are never chosen here (a person may pick one), nor is a table without
    // a text column: when nothing fits, the plan's table is empty and the caller says "No table in this file
    // looks like a todo list". Otherwise as guessFor() for that table.
    static ImportPlan guess(const QList<SourceTable> &tables);

    // The mapping for one table (the chosen one, or one a person picked): one ColumnMapping per
    // ImportField, in enum order; a field nothing fits has an empty column and confidence 0. A column
    // feeds at most one field. Confidence comes from the column's name (exact synonym, a synonym after
    // a prefix such as "todo_", or a synonym among its words), times how well its declared type and
    // sample values fit the field (a "completed" column holding timestamps is a completion time, a
    // "status" column of words is the completed flag, an INTEGER column of millisecond timestamps gets
    // ValueEncoding::EpochMilliseconds, and so on). Source key: the primary key (1.0), else a column
    // named id/uuid/guid (0.7: nothing promises its values are unique), else "rowid" (0.5; none for a
    // view). When no column is named like a title, the first text column is proposed with
    // MinConfidence, so a person who accepts the defaults still gets titles.
    static ImportPlan guessFor(const SourceTable &table);

    // How much `table` looks like a todo list; negative when it can never be chosen automatically.
    static double tableScore(const SourceTable &table);
};

} // namespace nt
