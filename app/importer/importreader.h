#pragma once

#include "importtypes.h"
#include "result.h"
#include "rowconverter.h"
#include "sqliterows.h"

#include <array>
#include <memory>
#include <optional>

namespace nt {

// Streams the rows a plan selects from a source snapshot, converted, one at a time: memory stays
// flat whatever the file size. Identifiers are escaped by the driver; a known app's expressions and
// row filter are our own fixed text, never a person's. The rows are read from the snapshot's file
// through a read-only connection of the reader's own (SqliteRows); counting goes through the
// snapshot connection.
class ImportReader
{
public:
    ImportReader(QString snapshotConnection, ImportPlan plan, QString fingerprint);

    // The SELECT the plan makes (for tests and the wizard's preview).
    QString selectStatement() const;
    // How many rows the plan selects.
    Result<qint64> count() const;
    // Starts reading; `limit` > 0 reads only that many rows (the preview).
    Error open(qint64 limit = 0);
    // One row as read from the file, not yet converted.
    struct SourceRow
    {
        RowConverter::Values values;
        qint64 occurrence = 1; // the n-th row with this key and creation time, in file order
    };
    // The next row as read, or nullopt at the end (check error() then). From the thread that
    // opened the snapshot connection.
    std::optional<SourceRow> read();
    // The row converted. Changes nothing in the reader: it may run in another thread while read()
    // goes on, one conversion at a time.
    ImportRow convert(const SourceRow &row) const;
    // Both: the next converted row, or nullopt at the end (check error() then).
    std::optional<ImportRow> next();
    Error error() const { return m_error; }

private:
    QString m_connection;
    ImportPlan m_plan;
    RowConverter m_converter;
    std::unique_ptr<SqliteRows> m_rows;
    std::array<int, RowConverter::FieldCount> m_columns{}; // where each field is; -1: not selected
    int m_occurrenceColumn = -1;
    Error m_error;
};

} // namespace nt
