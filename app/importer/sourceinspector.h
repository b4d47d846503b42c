#pragma once

#include "importtypes.h"

#include <QList>
#include <QString>

class QSqlDriver;

namespace nt {

class SourceSnapshot;

// What an old SQLite file holds, read from its snapshot (never from the file itself).
class SourceInspector
{
public:
    static constexpr int SampleCount = 5;    // distinct non-null values kept per column
    static constexpr int SampleRows = 1000;  // rows looked at for them
    static constexpr int SampleLength = 200; // characters kept of each value ("…" when cut)

    // Reads through snapshot.connectionName(), so it has the same thread rule; keep the snapshot
    // alive while this object is used.
    explicit SourceInspector(const SourceSnapshot &snapshot);

    // Every user table and view in name order: sqlite_* internal tables, virtual tables (full-text
    // indexes and the like) and their shadow tables are left out; so is a view (or table) SQLite
    // cannot read. For each: its columns from PRAGMA table_info (name, declared type, primary key),
    // its row count and up to SampleCount distinct sample values per column as text (NULLs skipped;
    // REAL as the shortest exact form; a BLOB as its UTF-8 text, or x'hex…' when it is not text).
    QList<SourceTable> tables() const;

    // `name` as an SQL identifier for the driver: its own escapeIdentifier (as a field name, so a
    // '.' stays part of the name), or standard quoting when the name itself starts or ends with a
    // double quote (which that function would leave unescaped).
    static QString identifier(const QSqlDriver *driver, const QString &name);

private:
    QString m_connection;
};

} // namespace nt
