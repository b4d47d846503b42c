#pragma once

#include "result.h"

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <functional>

struct pg_conn;
struct pg_result;

namespace nt::PostgresDirect {

// The PGconn under an open QPSQL connection (Qt 6.4 names its type "pg_conn*"), or nullptr.
pg_conn *connection(const QSqlDatabase &db);

// Reads a query's rows straight from libpq under a QPSQL connection, for the few reads that are
// large (a whole list of todos): QPSQL turns each value into a QVariant through a QString; this
// reads the text libpq already holds. One simple-protocol query (no PREPARE, fine behind a
// transaction-mode pooler), for statements without values from a person.
bool available(const QSqlDatabase &db);

// One row of the result, read by column number (text format).
class Row
{
public:
    Row(const pg_result *result, int row) : m_result(result), m_row(row) {}
    bool isNull(int column) const;
    QByteArrayView bytes(int column) const;
    QString text(int column) const; // null for NULL
    qint64 integer(int column) const;
    double real(int column) const;
    bool boolean(int column) const; // 't' / 'f'

private:
    const pg_result *m_result;
    int m_row;
};

// Runs `sql` and calls `row` for every result row. A failure carries the server's SQLSTATE, and
// Error::Kind::Connection when the connection is gone (as SqlExec::fromSqlError decides).
Error forEachRow(const QSqlDatabase &db, const QString &sql, const std::function<void(const Row &)> &row);

} // namespace nt::PostgresDirect
