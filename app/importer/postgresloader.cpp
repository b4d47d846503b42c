#include "postgresloader.h"

#include "copybinary.h"
#include "importids.h"
#include "postgresdirect.h"

#include <QSqlDatabase>

#include <libpq-fe.h>

namespace nt {

namespace {

constexpr qsizetype ChunkBytes = 1 << 20; // a COPY message every megabyte
constexpr qint16 StagingColumns = 12;     // every column of import_staging, in its order

const char *const Staging =
    "CREATE TEMPORARY TABLE import_staging ("
    " id uuid NOT NULL, title text NOT NULL, notes text NOT NULL, completed boolean NOT NULL,"
    " completed_at timestamptz, due_at timestamptz, due_all_day boolean NOT NULL, priority smallint NOT NULL,"
    " list_id uuid, list_name text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)"
    " ON COMMIT DROP";

} // namespace

PostgresLoader::PostgresLoader(QString connectionName) : m_connectionName(std::move(connectionName)) {}

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
    // Text goes over as UTF-8, whatever the session had (for this transaction only).
    if (Error e = execute("SET LOCAL client_encoding = 'UTF8'", PGRES_COMMAND_OK))
        return e;
    if (Error e = execute("COPY import_staging FROM STDIN WITH (FORMAT binary)", PGRES_COPY_IN))
        return e;
    m_inCopy = true;
    m_buffer.reserve(ChunkBytes + (1 << 16));
    CopyBinary::header(m_buffer);
    return {};
}

Error PostgresLoader::add(const ImportRow &row)
{
    const Todo &t = row.todo;
    CopyBinary::beginRow(m_buffer, StagingColumns);
    CopyBinary::uuid(m_buffer, t.id);
    m_copy.text(m_buffer, t.title);
    m_copy.text(m_buffer, t.notes);
    CopyBinary::boolean(m_buffer, t.completed);
    CopyBinary::timestamp(m_buffer, t.completedAt);
    CopyBinary::timestamp(m_buffer, t.dueAt);
    CopyBinary::boolean(m_buffer, t.dueAllDay && t.dueAt.isValid());
    CopyBinary::int16(m_buffer, qint16(t.priority));
    if (!m_targetList.isNull()) {
        CopyBinary::uuid(m_buffer, m_targetList);
        CopyBinary::null(m_buffer);
    } else if (const QString listName = row.listName.trimmed(); listName.isEmpty()) {
        CopyBinary::null(m_buffer);
        CopyBinary::null(m_buffer);
    } else {
        if (listName != m_lastListName) { // rows of one list tend to come together
            m_lastListName = listName;
            m_lastListId = ImportIds::listId(listName);
        }
        CopyBinary::uuid(m_buffer, m_lastListId);
        m_copy.text(m_buffer, listName);
    }
    CopyBinary::timestamp(m_buffer, t.createdAt);
    CopyBinary::timestamp(m_buffer, t.updatedAt.isValid() ? t.updatedAt : t.createdAt);
    ++m_staged;
    return m_buffer.size() >= ChunkBytes ? sendBuffer() : Error{};
}

Error PostgresLoader::sendBuffer()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        return failure(QStringLiteral("Sending the todos failed."),
                       QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    m_buffer.resize(0); // keeps the allocation for the next chunk
    return {};
}

void PostgresLoader::cancel()
{
    m_buffer.clear();
    rollback();
}

Result<LoadOutcome> PostgresLoader::finish(bool dryRun)
{
    CopyBinary::trailer(m_buffer);
    if (Error e = sendBuffer())
        return e;
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return failure(QStringLiteral("Sending the todos failed."),
                       QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    m_inCopy = false;
    while (PGresult *r = PQgetResult(m_conn)) {
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        const QString message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        const QString state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        PQclear(r);
        if (!ok)
            return failure(QStringLiteral("The database refused the imported rows."), message, state);
    }

    // Lists first (one per name, ids from the name), after the person's own lists.
    if (Error e = execute(
            "INSERT INTO lists (id, name, position) "
            "SELECT list_id, min(list_name), "
            "  (SELECT coalesce(max(position), 0) FROM lists) + row_number() OVER (ORDER BY min(list_name)) "
            "FROM import_staging WHERE list_id IS NOT NULL AND list_name IS NOT NULL GROUP BY list_id "
            "ON CONFLICT (id) DO NOTHING",
            PGRES_COMMAND_OK))
        return e;
    // Then the todos, after the person's own, in the order they were created. The sort for the
    // positions gets the memory to stay off the disk for a few hundred thousand rows, for this
    // transaction only.
    if (Error e = execute("SET LOCAL work_mem = '64MB'", PGRES_COMMAND_OK))
        return e;
    QByteArray inserted;
    if (Error e = execute(
            "INSERT INTO todos (id, title, notes, completed, completed_at, due_at, due_all_day, priority,"
            "  list_id, position, created_at, updated_at)"
            " SELECT id, title, notes, completed, completed_at, due_at, due_all_day, priority, list_id,"
            "  (SELECT coalesce(max(position), 0) FROM todos) + row_number() OVER (ORDER BY created_at, id),"
            "  created_at, updated_at"
            " FROM import_staging s WHERE NOT EXISTS (SELECT FROM todos t WHERE t.id = s.id)",
            PGRES_COMMAND_OK, nullptr, &inserted)) {
        // Rows this account cannot see (another account's, or another import's that committed
        // first) hold some of the ids.
        if (e.sqlState == QLatin1String("23505"))
            return Error::make(
                Error::Kind::Conflict,
                QStringLiteral("Some of these todos are already in this database under another account, "
                               "or another import of the same file finished first. Nothing was imported."),
                e.detail, e.sqlState);
        return e;
    }

    LoadOutcome outcome;
    outcome.staged = m_staged;
    outcome.inserted = inserted.toLongLong();
    outcome.alreadyThere = outcome.staged - outcome.inserted;

    // Verify what this transaction wrote (the trigger stamps its id on every row): each row is the
    // staged row of its id, field by field. Rows that were there before are not this run's to check.
    QByteArray counts;
    if (Error e =
            execute("SELECT count(*) || ' ' || count(*) FILTER (WHERE t.deleted_at IS NULL AND"
                    "  (t.title, t.notes, t.completed, t.completed_at, t.due_at, t.due_all_day, t.priority,"
                    "   t.list_id, t.created_at, t.updated_at) IS NOT DISTINCT FROM"
                    "  (s.title, s.notes, s.completed, s.completed_at, s.due_at, s.due_all_day, s.priority,"
                    "   s.list_id, s.created_at, s.updated_at))"
                    " FROM todos t JOIN import_staging s ON s.id = t.id"
                    " WHERE t.change_xid = pg_current_xact_id()",
                    PGRES_TUPLES_OK, &counts))
        return e;
    const QList<QByteArray> parts = counts.split(' ');
    const qint64 written = parts.value(0).toLongLong();
    const qint64 matching = parts.value(1).toLongLong();
    outcome.verified = written == outcome.inserted && matching == outcome.inserted;
    outcome.verification = written == outcome.inserted
                               ? QStringLiteral("%1 of %2 imported rows match the source, field by field.")
                                     .arg(matching)
                                     .arg(outcome.inserted)
                               : QStringLiteral("%1 rows were written, but %2 were reported inserted.")
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
