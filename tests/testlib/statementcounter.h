#pragma once

#include "testdatabase.h"

#include <QString>

namespace nt::test {

// Counts the statements PostgreSQL executed in one database, from pg_stat_statements (read in the
// stack's "postgres" database, so reading does not count itself). A statement in the simple
// protocol is one round trip, so the difference around an operation is its round trips.
class StatementCounter
{
public:
    // For the scratch database `db` (PostgreSQL), connecting as its owner, directly.
    explicit StatementCounter(const ScratchDatabase &db);
    ~StatementCounter();
    StatementCounter(const StatementCounter &) = delete;
    StatementCounter &operator=(const StatementCounter &) = delete;

    QString error() const { return m_error; } // empty when counting works
    qint64 executed() const;                  // -1 when it could not be read

private:
    QString m_name;
    QString m_database;
    QString m_error;
};

} // namespace nt::test
