#pragma once

#include "result.h"

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <functional>

struct sqlite3_stmt;

namespace nt::SqliteDirect {

// Reads a query's rows straight from the SQLite handle under a QSQLITE connection, for the few reads
// that are large (a whole list of todos). QSQLITE converts every column of every row into a QVariant
// of UTF-16 text on each next(), whether it is read or not; this reads each column once, as SQLite
// stores it. For statements without parameters only (nothing here carries a value from a person).
//
// Returns false when `db` is not an open QSQLITE connection with a handle (use QSqlQuery then).
bool available(const QSqlDatabase &db);

// Runs `sql` and calls `row` for every result row; `row` reads the columns with the helpers below.
Error forEachRow(const QSqlDatabase &db, const QString &sql, const std::function<void(sqlite3_stmt *)> &row);

// Column readers for use inside forEachRow's callback.
bool isNull(sqlite3_stmt *statement, int column);
qint64 integer(sqlite3_stmt *statement, int column);
double real(sqlite3_stmt *statement, int column);
QByteArrayView utf8(sqlite3_stmt *statement, int column); // valid until the next row
QString text(sqlite3_stmt *statement, int column);

} // namespace nt::SqliteDirect
