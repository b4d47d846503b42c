#pragma once

#include "importtypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <array>

class QSqlQuery;

namespace nt {

// Turns one source row into a todo to load, or into a rejection with a reason. Never throws and
// never drops a row silently: every value that could not be taken as it was has a warning on its
// field, every row that cannot be imported says why.
//
// The record contract (the reader and this class agree on it): the value for field F is selected
// under the alias aliasFor(F), "f_" + the field's name:
//   f_source_key, f_title, f_notes, f_completed, f_completed_at, f_due_at, f_created_at,
//   f_updated_at, f_priority, f_list_name.
// A field that is not mapped is simply absent. Text fields may come as TEXT or as BLOB (bytes are
// decoded as strict UTF-8, so bad bytes are flagged instead of silently replaced). The encoding of
// each field is the plan's mapping's encoding (Auto when the plan does not map it).
//
// Rules:
// - Source key: its text form (integers as digits, BLOBs as x'hex'); NULL or absent rejects the row
//   ("The row has no key").
// - Id: ImportIds::todoId(plan.table, source key, the created value AS STORED (its text form, before
//   any conversion; empty when NULL or not mapped), file fingerprint). The same row of the same file
//   gets the same id on every run.
// - Title: the first non-blank line, whitespace collapsed to single spaces. Further lines go to the
//   top of the notes (warning). Blank: rejected ("The title is empty"). Longer than
//   Todo::MaxTitleLength: cut at a word boundary (or hard, when the first half has no space) with
//   "…", and the whole original title goes to the top of the notes (warning): nothing is lost.
// - Notes: as stored, below whatever the title moved there (separated by a blank line). More than
//   MaxNotesLength characters (Unicode code points, as PostgreSQL counts): rejected, never cut.
// - Completed / completed at: an explicit done/not-done value wins. Done with no completion time
//   keeps no time (the old app did not say when; none is invented). Not done with a completion time
//   drops the time (warning), as the app never keeps a time on an open todo. When the completed
//   field is not mapped, NULL, empty or not understood, a valid completion time means done (that is
//   how Thunderbird, Things and Joplin store it).
// - Due: dueAllDay when the value is a date without a time.
// - Created: `now` when absent, NULL or not a time. Updated: the created time when absent.
// - Priority via ValueConverter::toPriority (PriorityHighIsOne scale: setPriorityScale).
// - List name: trimmed, in ImportRow::listName; todo.listId stays null (the loader resolves names
//   and the plan's target list).
class RowConverter
{
public:
    static constexpr int MaxNotesLength = 100000; // the todos.notes CHECK in sql/postgres

    // `fileFingerprint`: the source file's identity (SourceSnapshot); `now`: the creation time of
    // rows without one (UTC, cut to the millisecond).
    RowConverter(ImportPlan plan, QString fileFingerprint, QDateTime now);

    // The alias the value of `field` is selected under, e.g. "f_title".
    static QString aliasFor(ImportField field);

    // The largest value of a PriorityHighIsOne column: 9 (Thunderbird, iCalendar; the default) or
    // 4 (Todoist-style p1..p4). See ValueConverter::toPriority.
    void setPriorityScale(int highIsOneMax) { m_priorityScale = highIsOneMax; }

    // Reading and converting are apart, so that they can run side by side: values() reads (it
    // remembers the layout of the last record, so call it from one thread only), convert(Values)
    // converts (it changes nothing in the converter: any thread, as long as the converter lives).
    static constexpr int FieldCount = int(ImportField::ListName) + 1;
    using Values = std::array<QVariant, FieldCount>; // by field; invalid when not selected

    // The values of the current row of `query`, read straight from it: QSqlQuery::record() copies
    // every field of every row, which costs more than converting it. The columns are looked up on
    // the query's first row (and on the first call): start each new query's rows from its first.
    Values values(const QSqlQuery &query) const;
    ImportRow convert(const Values &values) const;
    // Both at once.
    ImportRow convert(const QSqlRecord &record) const;
    ImportRow convert(const QSqlQuery &query) const { return convert(values(query)); }

    // The per-row content checksum the local (SQLite) loader compares, source against what it reads
    // back: lower-case hex SHA-256 of canonicalText(todo).
    static QByteArray checksum(const Todo &todo);
    // UTF-8: id|title|notes|completed|completedAt|dueAt|dueAllDay|priority|createdAt, where text is
    // "<code points>:<text>" (so '|' inside a value cannot shift fields), times are integer Unix
    // milliseconds, booleans 0/1 (dueAllDay only with a due time, as stored), NULL is empty.
    static QByteArray canonicalText(const Todo &todo);

private:
    // Where each field is in a record; worked out again only when the columns change.
    const std::array<int, FieldCount> &indexes(const QSqlRecord &record) const;

    ImportPlan m_plan;
    QString m_fingerprint;
    QDateTime m_now;
    int m_priorityScale = 9;
    mutable QStringList m_columns; // the last record's field names
    mutable std::array<int, FieldCount> m_indexes{};
};

} // namespace nt
