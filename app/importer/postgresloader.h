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
//   BEGIN; temporary tables (dropped at commit); then, chunk by chunk: COPY the chunk into the
//   staging table in binary format (CopyBinary), the lists it names, one INSERT ... SELECT of its
//   rows whose id is not there yet into todos; after the last chunk, verify; COMMIT.
// A chunk's INSERT runs on the server while the next chunk is read and converted here: the loader
// sends it and returns, and waits for it only when the next chunk is ready (so reading the file and
// writing the table overlap, and at most one chunk is held in memory).
// Promises:
// - Nothing is visible to anyone before COMMIT; cancel(), a lost connection or any error rolls
//   everything back, so the target is exactly as it was.
// - Rows whose id is already there (a previous run of the same import) are counted, not doubled.
//   An id held by a row this account cannot see (another account's) stops the import (Conflict).
// - Imported todos follow the person's own, in the order they were created (importPosition).
// - Verification, of every row this transaction wrote: each row gets a 64-bit checksum of all its
//   fields, made by the server (hash_record_extended). Each chunk adds up those of its staged rows
//   (the converted source values); after the last chunk the rows this transaction wrote into todos
//   (change_xid, stamped by the trigger) are read back, counted and their checksums added up the
//   same way. A different count or sum fails the import before COMMIT. (Sums, not a row-by-row
//   join: the join cost a third as much again as the INSERTs themselves.) The binary format
//   carries every value exactly (tst_postgresloader round-trips them), so the staged row is the
//   source's.
// - Works through a transaction-mode pooler: no session state outlives the transaction.
// The connection must be used from the thread that opened it.
class PostgresLoader
{
public:
    static constexpr qint64 DefaultChunkRows = 50'000;

    // `chunkRows`: rows per chunk (tests use small chunks to cross chunk boundaries).
    explicit PostgresLoader(QString connectionName, qint64 chunkRows = DefaultChunkRows);
    ~PostgresLoader();
    PostgresLoader(const PostgresLoader &) = delete;
    PostgresLoader &operator=(const PostgresLoader &) = delete;

    // Starts the transaction and the COPY. `targetList`: every todo goes into that list.
    Error begin(const QUuid &targetList = {});
    // Queues one converted (not rejected) row; sends a chunk when enough is buffered (after waiting
    // for the previous chunk's INSERT).
    Error add(const ImportRow &row);
    // Ends the COPY, writes, verifies and commits (or rolls back when `dryRun`).
    Result<LoadOutcome> finish(bool dryRun);
    // Abandons everything written so far (cancel): ends the COPY with an error, rolls back.
    void cancel();

private:
    // Ends the buffered chunk: waits for the previous chunk's INSERT, COPYs this one into the
    // staging table and sends its INSERT without waiting for it.
    Error sendChunk();
    // Waits for the INSERT in flight, if any, and counts what it wrote.
    Error collectChunk();
    Error copyChunk();
    // Runs one statement; `firstValue`: the first row's first column; `rowsAffected`: the count of
    // its command tag (PQcmdTuples).
    Error execute(const QByteArray &sql, int expectedStatus, QByteArray *firstValue = nullptr,
                  QByteArray *rowsAffected = nullptr);
    Error failure(const QString &what, const QString &detail, const QString &sqlState = {});
    void rollback();

    QString m_connectionName;
    qint64 m_chunkRows;
    pg_conn *m_conn = nullptr;
    QByteArray m_buffer;      // the chunk being filled, in COPY's binary format
    qint64 m_rowsInChunk = 0;
    bool m_chunkNamesLists = false;
    double m_basePosition = 0; // the last position before the import
    bool m_targetWasEmpty = false;
    QUuid m_targetList;
    QString m_lastListName;   // the list of the last row with one, and its id
    QUuid m_lastListId;
    QUuid m_lastOwnListId;    // ImportIds::accountListId of it
    QString m_account;        // the database role importing (current_user)
    CopyBinary m_copy;
    qint64 m_staged = 0;
    qint64 m_inserted = 0; // rows the chunks' INSERTs wrote
    bool m_inTransaction = false;
    bool m_inCopy = false;
    bool m_inFlight = false; // a chunk's INSERT was sent and its results not yet read
};

} // namespace nt
