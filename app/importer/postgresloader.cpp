#include "postgresloader.h"

#include "copybinary.h"
#include "importids.h"
#include "importposition.h"
#include "postgresdirect.h"

#include <QSqlDatabase>

#include <libpq-fe.h>

#include <algorithm>

namespace nt {

namespace {

constexpr qsizetype MessageBytes = 1 << 20; // a COPY message every megabyte
constexpr qsizetype ChunkBytes = 16 << 20;  // a chunk of large rows ends here, before its row count
constexpr qint16 StagingColumns = 14;       // every column of import_staging, in its order

const char *const Staging =
    "CREATE TEMPORARY TABLE import_staging ("
    " id uuid NOT NULL, title text NOT NULL, notes text NOT NULL, completed boolean NOT NULL,"
    " completed_at timestamptz, due_at timestamptz, due_all_day boolean NOT NULL, priority smallint NOT NULL,"
    " position double precision NOT NULL, list_id uuid, list_name text, list_own_id uuid,"
    " created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)"
    " ON COMMIT DROP";

// What each chunk wrote: its rows and the sum of their checksums.
const char *const Check =
    "CREATE TEMPORARY TABLE import_check (rows bigint NOT NULL, checksum numeric NOT NULL) ON COMMIT DROP";

// A chunk's lists (one per name, ids from the name), after the person's own. Run twice: a list
// whose id another account of a shared database holds (invisible here) is made again under this
// account's own id (list_own_id), and the chunk's todos go into that one.
const char *const ChunkLists =
    "INSERT INTO lists (id, name, position) "
    "SELECT list_id, min(list_name), "
    "  (SELECT coalesce(max(position), 0) FROM lists) + row_number() OVER (ORDER BY min(list_name)) "
    "FROM import_staging WHERE list_id IS NOT NULL AND list_name IS NOT NULL GROUP BY list_id "
    "ON CONFLICT (id) DO NOTHING";
const char *const OwnLists = "UPDATE import_staging s SET list_id = list_own_id WHERE list_own_id IS NOT NULL"
                             " AND NOT EXISTS (SELECT FROM lists l WHERE l.id = s.list_id)";

// One row's fields as a 64-bit checksum made by the server: the same expression for a stored row
// (`prefix` "t.") and a staged one ("s.", which has no tombstone).
QByteArray checksum(const QByteArray &prefix, const QByteArray &deletedAt)
{
    QByteArray fields;
    for (const char *field : {"id", "title", "notes", "completed", "completed_at", "due_at", "due_all_day",
                              "priority", "list_id", "created_at", "updated_at"})
        fields += prefix + field + ", ";
    return "hash_record_extended(ROW(" + fields + deletedAt + "), 0)";
}

// A chunk's statements, sent as one string after its COPY:
// - `probe`: the staged rows whose id is already there (a previous run of the same import) are
//   dropped from the chunk first. A target that had no todos when the import began cannot hold
//   any of them (ids within one import are unique), so its chunks skip this. The lookup is a
//   subquery of its own (OFFSET 0), so each id is one probe of the primary key whatever the planner
//   thinks of the staging table's size, where a join would read all of todos again for every chunk;
// - the lists the chunk names (`lists`; ChunkLists);
// - the todos, every staged row;
// - what they should read back as: their count (returned: the rows this chunk wrote) and the sum
//   of their checksums;
// - the staging table emptied for the next chunk.
QByteArray chunkStatements(bool probe, bool lists)
{
    QByteArray sql;
    if (probe)
        sql += "DELETE FROM import_staging s WHERE EXISTS (SELECT FROM todos t WHERE t.id = s.id OFFSET 0); ";
    if (lists)
        sql += QByteArray(ChunkLists) + "; " + OwnLists + "; " + ChunkLists + "; ";
    return sql +
           "INSERT INTO todos (id, title, notes, completed, completed_at, due_at, due_all_day, priority,"
           "  list_id, position, created_at, updated_at)"
           " SELECT id, title, notes, completed, completed_at, due_at, due_all_day, priority, list_id,"
           "  position, created_at, updated_at FROM import_staging; "
           "INSERT INTO import_check (rows, checksum) SELECT count(*), coalesce(sum(" +
           checksum("s.", "NULL::timestamptz") +
           "), 0) FROM import_staging s RETURNING rows; "
           "TRUNCATE import_staging";
}

} // namespace

PostgresLoader::PostgresLoader(QString connectionName, qint64 chunkRows)
    : m_connectionName(std::move(connectionName)), m_chunkRows(std::max<qint64>(1, chunkRows))
{}

PostgresLoader::~PostgresLoader()
{
    if (m_inTransaction)
        cancel();
}

Error PostgresLoader::failure(const QString &what, const QString &detail, const QString &sqlState)
{
    const bool lost = !m_conn || PQstatus(m_conn) != CONNECTION_OK;
    rollback();
    if (lost)
        return Error::make(
            Error::Kind::Connection,
            QStringLiteral("The connection to the database was lost during the import. Nothing was "
                           "imported; run the import again when the connection is back."),
            detail, sqlState);
    return Error::make(Error::Kind::Database, what + QStringLiteral(" Nothing was imported."), detail,
                       sqlState);
}

void PostgresLoader::rollback()
{
    if (m_conn && m_inCopy) {
        PQputCopyEnd(m_conn, "import cancelled");
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
    }
    m_inCopy = false;
    if (m_conn && m_inFlight) {
        // A chunk's INSERT is still running: stop it rather than wait for it.
        if (PGcancel *cancel = PQgetCancel(m_conn)) {
            char why[256];
            PQcancel(cancel, why, int(sizeof why));
            PQfreeCancel(cancel);
        }
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
    }
    m_inFlight = false;
    if (m_conn && m_inTransaction && PQstatus(m_conn) == CONNECTION_OK)
        PQclear(PQexec(m_conn, "ROLLBACK"));
    m_inTransaction = false;
}

Error PostgresLoader::execute(const QByteArray &sql, int expectedStatus, QByteArray *firstValue,
                              QByteArray *rowsAffected)
{
    PGresult *r = PQexec(m_conn, sql.constData());
    const int status = PQresultStatus(r);
    if (status != expectedStatus) {
        const QString message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        const QString state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        PQclear(r);
        return failure(QStringLiteral("The database refused the import."),
                       message.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : message,
                       state);
    }
    if (firstValue)
        *firstValue = PQntuples(r) > 0 ? QByteArray(PQgetvalue(r, 0, 0)) : QByteArray();
    if (rowsAffected)
        *rowsAffected = QByteArray(PQcmdTuples(r));
    PQclear(r);
    return {};
}

Error PostgresLoader::begin(const QUuid &targetList)
{
    m_targetList = targetList;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    m_conn = PostgresDirect::connection(db);
    if (!m_conn)
        return Error::make(Error::Kind::Connection,
                           QStringLiteral("Importing needs an open connection to PostgreSQL."));
    if (Error e = execute("BEGIN", PGRES_COMMAND_OK))
        return e;
    m_inTransaction = true;
    if (Error e = execute(Staging, PGRES_COMMAND_OK))
        return e;
    if (Error e = execute(Check, PGRES_COMMAND_OK))
        return e;
    // For this transaction only: text goes over as UTF-8, whatever the session had; the joins of a
    // chunk stay in memory; a chunk's statements are too short to be worth compiling.
    if (Error e =
            execute("SET LOCAL client_encoding = 'UTF8'; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off",
                    PGRES_COMMAND_OK))
        return e;
    QByteArray account;
    if (Error e = execute("SELECT current_user", PGRES_TUPLES_OK, &account))
        return e;
    m_account = QString::fromUtf8(account);
    QByteArray last;
    if (Error e = execute("SELECT max(position) FROM todos", PGRES_TUPLES_OK, &last))
        return e;
    m_targetWasEmpty = last.isEmpty(); // NULL: no todos this account can see
    m_basePosition = last.toDouble();
    return {};
}

Error PostgresLoader::add(const ImportRow &row)
{
    const Todo &t = row.todo;
    if (m_rowsInChunk == 0)
        CopyBinary::header(m_buffer);
    CopyBinary::beginRow(m_buffer, StagingColumns);
    CopyBinary::uuid(m_buffer, t.id);
    m_copy.text(m_buffer, t.title);
    m_copy.text(m_buffer, t.notes);
    CopyBinary::boolean(m_buffer, t.completed);
    CopyBinary::timestamp(m_buffer, t.completedAt);
    CopyBinary::timestamp(m_buffer, t.dueAt);
    CopyBinary::boolean(m_buffer, t.dueAllDay && t.dueAt.isValid());
    CopyBinary::int16(m_buffer, qint16(t.priority));
    CopyBinary::float8(m_buffer, importPosition(m_basePosition, t.createdAt));
    if (!m_targetList.isNull()) {
        CopyBinary::uuid(m_buffer, m_targetList);
        CopyBinary::null(m_buffer);
        CopyBinary::null(m_buffer);
    } else if (const QString listName = row.listName.trimmed(); listName.isEmpty()) {
        CopyBinary::null(m_buffer);
        CopyBinary::null(m_buffer);
        CopyBinary::null(m_buffer);
    } else {
        if (listName != m_lastListName) { // rows of one list tend to come together
            m_lastListName = listName;
            m_lastListId = ImportIds::listId(listName);
            m_lastOwnListId = ImportIds::accountListId(listName, m_account);
        }
        CopyBinary::uuid(m_buffer, m_lastListId);
        m_copy.text(m_buffer, listName);
        CopyBinary::uuid(m_buffer, m_lastOwnListId);
        m_chunkNamesLists = true;
    }
    CopyBinary::timestamp(m_buffer, t.createdAt);
    CopyBinary::timestamp(m_buffer, t.updatedAt.isValid() ? t.updatedAt : t.createdAt);
    ++m_staged;
    ++m_rowsInChunk;
    return m_rowsInChunk >= m_chunkRows || m_buffer.size() >= ChunkBytes ? sendChunk() : Error{};
}

Error PostgresLoader::sendChunk()
{
    if (m_rowsInChunk == 0)
        return {};
    CopyBinary::trailer(m_buffer);
    // The previous chunk's INSERT has to be done before the staging table takes this chunk.
    if (Error e = collectChunk())
        return e;
    if (Error e = copyChunk())
        return e;
    m_buffer.resize(0); // keeps the allocation for the next chunk
    m_rowsInChunk = 0;
    const QByteArray sql = chunkStatements(!m_targetWasEmpty, m_chunkNamesLists);
    m_chunkNamesLists = false;
    if (PQsendQuery(m_conn, sql.constData()) != 1)
        return failure(QStringLiteral("Sending the todos failed."),
                       QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    m_inFlight = true;
    return {};
}

Error PostgresLoader::copyChunk()
{
    if (Error e = execute("COPY import_staging FROM STDIN WITH (FORMAT binary)", PGRES_COPY_IN))
        return e;
    m_inCopy = true;
    for (qsizetype at = 0; at < m_buffer.size(); at += MessageBytes) {
        const int bytes = int(std::min(MessageBytes, m_buffer.size() - at));
        if (PQputCopyData(m_conn, m_buffer.constData() + at, bytes) != 1)
            return failure(QStringLiteral("Sending the todos failed."),
                           QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return failure(QStringLiteral("Sending the todos failed."),
                       QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    m_inCopy = false;
    QString message;
    QString state;
    while (PGresult *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && message.isEmpty()) {
            message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        }
        PQclear(r);
    }
    if (!message.isEmpty())
        return failure(QStringLiteral("The database refused the imported rows."), message, state);
    return {};
}

Error PostgresLoader::collectChunk()
{
    if (!m_inFlight)
        return {};
    m_inFlight = false;
    QString message;
    QString state;
    while (PGresult *r = PQgetResult(m_conn)) {
        const int status = PQresultStatus(r);
        if (status == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQnfields(r) == 1)
            m_inserted += QByteArray(PQgetvalue(r, 0, 0)).toLongLong();
        else if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && message.isEmpty()) {
            message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        }
        PQclear(r);
    }
    if (message.isEmpty() && PQstatus(m_conn) != CONNECTION_OK)
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    if (message.isEmpty())
        return {};
    // Rows this account cannot see (another account's, or another import's that committed first)
    // hold some of the ids.
    if (state == QLatin1String("23505")) {
        rollback();
        return Error::make(
            Error::Kind::Conflict,
            QStringLiteral("Some of these todos are already in this database under another account, "
                           "or another import of the same file finished first. Nothing was imported."),
            message, state);
    }
    return failure(QStringLiteral("The database refused the import."), message, state);
}

void PostgresLoader::cancel()
{
    m_buffer.clear();
    m_rowsInChunk = 0;
    rollback();
}

Result<LoadOutcome> PostgresLoader::finish(bool dryRun)
{
    if (Error e = sendChunk())
        return e;
    if (Error e = collectChunk())
        return e;

    LoadOutcome outcome;
    outcome.staged = m_staged;
    outcome.inserted = m_inserted;
    outcome.alreadyThere = outcome.staged - outcome.inserted;

    // Read back what this transaction wrote (the trigger stamps its id on every row): as many rows
    // as the chunks wrote, whose checksums add up to those of the staged rows.
    QByteArray readBack;
    if (Error e = execute("SELECT count(*) || ' ' || (coalesce(sum(" + checksum("t.", "t.deleted_at") +
                              "), 0) = (SELECT coalesce(sum(checksum), 0) FROM import_check))"
                              " FROM todos t WHERE t.change_xid = pg_current_xact_id()",
                          PGRES_TUPLES_OK, &readBack))
        return e;
    const QList<QByteArray> parts = readBack.split(' ');
    const qint64 written = parts.value(0).toLongLong();
    const bool sumsAgree = parts.value(1) == "true";
    outcome.verified = written == outcome.inserted && sumsAgree;
    if (written != outcome.inserted)
        outcome.verification = QStringLiteral("%1 rows were written, but %2 were reported inserted.")
                                   .arg(written)
                                   .arg(outcome.inserted);
    else if (!sumsAgree)
        outcome.verification =
            QStringLiteral("The %1 imported rows read back differ from the source: the sums of "
                           "their per-row checksums do not match.")
                .arg(written);
    else
        outcome.verification =
            QStringLiteral(
                "%1 of %2 imported rows read back match the source (per-row checksums, every field).")
                .arg(written)
                .arg(outcome.inserted);
    if (!outcome.verified)
        return failure(QStringLiteral("The imported rows did not match the source when checked."),
                       outcome.verification);

    if (dryRun) {
        rollback();
        return outcome;
    }
    if (Error e = execute("COMMIT", PGRES_COMMAND_OK))
        return e;
    m_inTransaction = false;
    return outcome;
}

} // namespace nt
