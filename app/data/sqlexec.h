#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantMap>

namespace nt::SqlExec {

// Runs one statement with named values (":name"), never as a server-side prepared statement:
// - PostgreSQL: each value is turned into a literal by the driver's own escaping
//   (QSqlDriver::formatValue), so the statement is one simple-protocol round trip and works through
//   a transaction-mode pooler (Qt's QPSQL "prepare" is SQL-level PREPARE, which does not).
// - SQLite: a real prepared statement with bound values (SQLite prepares in-process).
// QDateTime values are written as UTC (text with 'Z' on SQLite); QUuid as lower-case text; bool as
// 0/1 on SQLite. A placeholder with no value is a programming error and fails the call.
// On SQLite the query is forward-only; on PostgreSQL exec() reads the whole result (so the
// connection's deadline covers it). On failure the Error carries the driver text and SQLSTATE.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantMap &values = {});

// The same for statements whose result is not needed.
Error exec(const QSqlDatabase &db, const QString &sql, const QVariantMap &values = {});

// The statement text as it would be sent to PostgreSQL (for tests and statement counting).
Result<QString> inlineValues(const QSqlDatabase &db, const QString &sql, const QVariantMap &values);

// An Error from a driver error, with `what` saying what we were doing ("Could not save the todo").
Error fromSqlError(const QSqlError &error, const QString &what);

// A value as the database stores it (QUuid -> text, QDateTime -> UTC, bool -> 0/1 on SQLite).
QVariant toStorage(const QSqlDatabase &db, const QVariant &value);

} // namespace nt::SqlExec
