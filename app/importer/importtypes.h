#pragma once

#include "todo.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace nt {

// What one todo field of the app is read from in the source table.
enum class ImportField {
    SourceKey,   // the source's own id for the row (for deterministic ids); rowid when none
    Title,
    Notes,
    Completed,
    CompletedAt,
    DueAt,
    CreatedAt,
    UpdatedAt,
    Priority,
    ListName,
};

// How a source column's values are written, when the column alone does not say.
enum class ValueEncoding {
    Auto,             // guess per value: ISO text, epoch seconds/ms/µs by magnitude, 0/1, words
    EpochSeconds,
    EpochMilliseconds,
    EpochMicroseconds,
    AppleSeconds,     // seconds since 2001-01-01 UTC (Core Data)
    ThingsDate,       // Things 3's packed date integer (year << 16 | month << 12 | day << 7)
    PriorityHighIsOne,   // 1 = high ... (Thunderbird 1-9, Todoist p1)
};

struct ColumnMapping
{
    ImportField field = ImportField::Title;
    QString column;           // a source column name, or empty when the field is not mapped
    QString expression;       // known apps only: a fixed SQL expression of ours instead of a column
    ValueEncoding encoding = ValueEncoding::Auto;
    double confidence = 0;    // 0..1, how sure the guess is (1 for a person's choice or a known app)
};

// A column of a source table as found in the file.
struct SourceColumn
{
    QString name;
    QString declaredType;
    bool primaryKey = false;
    QStringList samples; // a few non-null values, as text
};

struct SourceTable
{
    QString name;
    qint64 rowCount = 0;
    bool isView = false;
    QList<SourceColumn> columns;
};

// Everything a person decides before an import (the wizard shows and lets them change each part).
struct ImportPlan
{
    QString table;                    // the chosen source table
    QList<ColumnMapping> mappings;
    QString rowFilter;                // known apps only: a fixed SQL condition of ours (never typed text)
    QString knownApp;                 // "Joplin", "Thunderbird", "Things 3", or empty for the generic path
    QTimeZone naiveZone = QTimeZone::systemTimeZone(); // for times written without an offset
    QUuid targetList;                 // put every todo in this list (null: keep the source's lists)
    // The key column is a primary key (or rowid): no two rows share it. When it is not known to be,
    // rows that repeat a key and creation time are told apart by their order in the file.
    bool keyIsUnique = false;

    const ColumnMapping *mapping(ImportField field) const
    {
        for (const ColumnMapping &m : mappings)
            if (m.field == field && (!m.column.isEmpty() || !m.expression.isEmpty()))
                return &m;
        return nullptr;
    }
};

// One problem with one value of one row: kept with the row and shown to the person.
struct ImportWarning
{
    ImportField field;
    QString message; // "Invalid UTF-8 replaced", "Title shortened to 500 characters; the full text is in the notes"
};

// One source row after conversion: either a todo to load or a reason it cannot be imported.
struct ImportRow
{
    QString sourceKey;
    Todo todo;                 // id is deterministic: UUIDv5(file identity, table, source key)
    QString listName;          // the source's list/folder/project name, if any
    QList<ImportWarning> warnings;
    QString rejectReason;      // not empty: this row is not imported, and why
    bool rejected() const { return !rejectReason.isEmpty(); }
};

// What a loader did with the rows it was given (before the report adds reading and rejects).
struct LoadOutcome
{
    qint64 staged = 0;       // rows handed to the loader
    qint64 inserted = 0;     // new todos written
    qint64 alreadyThere = 0; // ids a previous run had written
    bool verified = false;
    QString verification;
};

// What an import did, for the result page, the CLI and its --json.
struct ImportReport
{
    qint64 read = 0;           // source rows read
    qint64 imported = 0;       // new todos written
    qint64 alreadyThere = 0;   // rows a previous run of the same import had brought over
    QList<ImportRow> rejected; // with reasons
    qint64 warnings = 0;       // values converted with a warning
    bool verified = false;     // counts and every row's fields matched, source (converted) vs target
    QString verification;      // what was compared, in words
    bool cancelled = false;
    bool dryRun = false;
    qint64 elapsedMs = 0;
};

} // namespace nt
