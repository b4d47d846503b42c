#pragma once

#include "result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace nt {

// The rows of one SELECT over a SQLite file, read through SQLite's own interface on a read-only
// connection of their own: without QSqlQuery's row cache, and without turning every text value into
// UTF-16 inside SQLite first. For the importer's reader, which goes through every row of a file.
// Contract: value() gives what Qt's QSQLITE driver gives for the same column of the same row, type
// and value alike (integers as qlonglong, reals as double, blobs as QByteArray, text as QString,
// NULL as a null QString variant); tst_sqliterows compares the two on every storage class.
// One thread at a time; the file must not be written while the rows are read.
class SqliteRows
{
public:
    // Opens `databasePath` read-only and prepares `sql`. The message says what failed.
    static Result<std::unique_ptr<SqliteRows>> open(const QString &databasePath, const QString &sql);
    ~SqliteRows();
    SqliteRows(const SqliteRows &) = delete;
    SqliteRows &operator=(const SqliteRows &) = delete;

    QStringList columnNames() const { return m_columns; }
    // Steps to the next row: false at the end, or on an error (error() says which).
    bool next();
    QVariant value(int column) const;
    Error error() const { return m_error; }

private:
    SqliteRows() = default;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QStringList m_columns;
    Error m_error;
};

} // namespace nt
