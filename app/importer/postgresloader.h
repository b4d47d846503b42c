#pragma once

#include "copybinary.h"
#include "importtypes.h"
#include "result.h"

#include <QByteArray>
#include <QString>

struct pg_conn;

namespace nt {

// Loads converted rows into PostgreSQL in ONE transaction, through the QPSQL connection's own
// libpq handle:
//   BEGIN; a temporary staging table (dropped at commit); COPY the rows into it in binary format
//   (CopyBinary); the lists they name; one INSERT ... SELECT of the staged rows whose id is not
//   there yet into todos; verify; COMMIT.
// Promises:
// - Nothing is visible to anyone before COMMIT; cancel(), a lost connection or any error rolls
//   everything back, so the target is exactly as it was.
// - Rows whose id is already there (a previous run of the same import) are counted, not doubled.
//   An id held by a row this account cannot see (another account's) stops the import (Conflict).
// - Verification: the rows this transaction wrote into todos (change_xid, stamped by the trigger)
//   are counted against the INSERT's own count, and each is compared field by field with the
//   staged row of its id (the converted source values); any difference fails the import before
//   COMMIT. The binary format carries every value exactly (tst_postgresloader round-trips them),
//   so the staged row is the source's.
// - Works through a transaction-mode pooler: no session state outlives the transaction.
// The connection must be used from the thread that opened it.
class PostgresLoader
{
public:
    explicit PostgresLoader(QString connectionName);
    ~PostgresLoader();
    PostgresLoader(const PostgresLoader &) = delete;
    PostgresLoader &operator=(const PostgresLoader &) = delete;

    // Starts the transaction and the COPY. `targetList`: every todo goes into that list.
    Error begin(const QUuid &targetList = {});
    // Queues one converted (not rejected) row; sends a chunk when enough is buffered.
    Error add(const ImportRow &row);
    // Ends the COPY, writes, verifies and commits (or rolls back when `dryRun`).
    Result<LoadOutcome> finish(bool dryRun);
    // Abandons everything written so far (cancel): ends the COPY with an error, rolls back.
    void cancel();

private:
    Error sendBuffer();
    // Runs one statement; `firstValue`: the first row's first column; `rowsAffected`: the count of
    // its command tag (PQcmdTuples).
    Error execute(const QByteArray &sql, int expectedStatus, QByteArray *firstValue = nullptr,
                  QByteArray *rowsAffected = nullptr);
    Error failure(const QString &what, const QString &detail, const QString &sqlState = {});
    void rollback();

    QString m_connectionName;
    pg_conn *m_conn = nullptr;
    QByteArray m_buffer;
    QUuid m_targetList;
    QString m_lastListName;   // the list of the last row with one, and its id
    QUuid m_lastListId;
    CopyBinary m_copy;
    qint64 m_staged = 0;
    bool m_inTransaction = false;
    bool m_inCopy = false;
};

} // namespace nt
