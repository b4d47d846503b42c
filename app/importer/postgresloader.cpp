#include "postgresloader.h"

#include "copytext.h"
#include "importids.h"
#include "rowconverter.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <libpq-fe.h>

namespace nt {

using CopyText::appendField;
using CopyText::appendTime;

namespace {

constexpr qsizetype ChunkBytes = 1 << 20; // a COPY message every megabyte

const char *const Staging =
    "CREATE TEMPORARY TABLE import_staging ("
    " id uuid NOT NULL, title text NOT NULL, notes text NOT NULL, completed boolean NOT NULL,"
    " completed_at timestamptz, due_at timestamptz, due_all_day boolean NOT NULL, priority smallint NOT NULL,"
    " list_id uuid, list_name text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,"
    " checksum text NOT NULL) ON COMMIT DROP";

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
        return Error::make(Error::Kind::Connection,
                           QStringLiteral("The connection to the database was lost during the import. Nothing was "
                                          "imported; run the import again when the connection is back."),
                           detail, sqlState);
    return Error::make(Error::Kind::Database, what + QStringLiteral(" Nothing was imported."), detail, sqlState);
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

Error PostgresLoader::execute(const QByteArray &sql, int expectedStatus, QByteArray *firstValue)
{
    PGresult *r = PQexec(m_conn, sql.constData());
    const int status = PQresultStatus(r);
    if (status != expectedStatus) {
        const QString message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        const QString state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        PQclear(r);
        return failure(QStringLiteral("The database refused the import."),
                       message.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : message, state);
    }
    if (firstValue)
        *firstValue = PQntuples(r) > 0 ? QByteArray(PQgetvalue(r, 0, 0)) : QByteArray();
    PQclear(r);
    return {};
}

Error PostgresLoader::begin(const QUuid &targetList)
{
    m_targetList = targetList;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
    // Qt 6.4's QPSQL hands out its PGconn as "pg_conn*" (the C struct's name).
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return Error::make(Error::Kind::Connection, QStringLiteral("Importing needs an open connection to PostgreSQL."));
    m_conn = *static_cast<pg_conn *const *>(handle.constData());
    if (Error e = execute("BEGIN", PGRES_COMMAND_OK))
        return e;
    m_inTransaction = true;
    if (Error e = execute(Staging, PGRES_COMMAND_OK))
        return e;
    if (Error e = execute("COPY import_staging FROM STDIN", PGRES_COPY_IN))
        return e;
    m_inCopy = true;
    return {};
}

Error PostgresLoader::add(const ImportRow &row)
{
    const Todo &t = row.todo;
    appendField(m_buffer, Uuids::toText(t.id));
    m_buffer += '\t';
    appendField(m_buffer, t.title);
    m_buffer += '\t';
    appendField(m_buffer, t.notes);
    m_buffer += t.completed ? "\tt\t" : "\tf\t";
    appendTime(m_buffer, t.completedAt);
    m_buffer += '\t';
    appendTime(m_buffer, t.dueAt);
    m_buffer += t.dueAllDay && t.dueAt.isValid() ? "\tt\t" : "\tf\t";
    m_buffer += QByteArray::number(t.priority);
    m_buffer += '\t';
    const QUuid list = !m_targetList.isNull() ? m_targetList
        : row.listName.trimmed().isEmpty()    ? QUuid()
                                              : ImportIds::listId(row.listName);
    appendField(m_buffer, Uuids::toText(list), list.isNull());
    m_buffer += '\t';
    appendField(m_buffer, row.listName.trimmed(), !m_targetList.isNull() || row.listName.trimmed().isEmpty());
    m_buffer += '\t';
    appendTime(m_buffer, t.createdAt);
    m_buffer += '\t';
    appendTime(m_buffer, t.updatedAt.isValid() ? t.updatedAt : t.createdAt);
    m_buffer += '\t';
    appendField(m_buffer, QString::fromLatin1(RowConverter::checksum(t)));
    m_buffer += '\n';
    ++m_staged;
    return m_buffer.size() >= ChunkBytes ? sendBuffer() : Error{};
}

Error PostgresLoader::sendBuffer()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        return failure(QStringLiteral("Sending the todos failed."), QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    m_buffer.clear();
    return {};
}

void PostgresLoader::cancel()
{
    m_buffer.clear();
    rollback();
}

Result<LoadOutcome> PostgresLoader::finish(bool dryRun)
{
    if (Error e = sendBuffer())
        return e;
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return failure(QStringLiteral("Sending the todos failed."), QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
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
    if (Error e = execute("INSERT INTO lists (id, name, position) "
                          "SELECT list_id, min(list_name), "
                          "  (SELECT coalesce(max(position), 0) FROM lists) + row_number() OVER (ORDER BY min(list_name)) "
                          "FROM import_staging WHERE list_id IS NOT NULL AND list_name IS NOT NULL GROUP BY list_id "
                          "ON CONFLICT (id) DO NOTHING",
                          PGRES_COMMAND_OK))
        return e;
    // Then the todos, after the person's own, in the order they were created.
    if (Error e = execute("CREATE TEMPORARY TABLE import_inserted (id uuid PRIMARY KEY) ON COMMIT DROP", PGRES_COMMAND_OK))
        return e;
    if (Error e = execute("WITH ins AS ("
                          " INSERT INTO todos (id, title, notes, completed, completed_at, due_at, due_all_day, priority,"
                          "   list_id, position, created_at, updated_at)"
                          " SELECT id, title, notes, completed, completed_at, due_at, due_all_day, priority, list_id,"
                          "   (SELECT coalesce(max(position), 0) FROM todos) + row_number() OVER (ORDER BY created_at, id),"
                          "   created_at, updated_at"
                          " FROM import_staging ON CONFLICT (id) DO NOTHING RETURNING id) "
                          "INSERT INTO import_inserted SELECT id FROM ins",
                          PGRES_COMMAND_OK))
        return e;

    LoadOutcome outcome;
    outcome.staged = m_staged;
    QByteArray value;
    if (Error e = execute("SELECT count(*) FROM import_inserted", PGRES_TUPLES_OK, &value))
        return e;
    outcome.inserted = value.toLongLong();
    outcome.alreadyThere = outcome.staged - outcome.inserted;

    // Verify what this run wrote: every inserted row is there, and its content is the source's.
    const QByteArray verify = QByteArrayLiteral("SELECT count(*) FILTER (WHERE ")
        + RowConverter::postgresChecksumExpression().toUtf8()
        + QByteArrayLiteral(" = s.checksum) FROM import_inserted i JOIN todos t ON t.id = i.id JOIN import_staging s ON s.id = i.id");
    if (Error e = execute(verify, PGRES_TUPLES_OK, &value))
        return e;
    const qint64 matching = value.toLongLong();
    outcome.verified = matching == outcome.inserted;
    outcome.verification = QStringLiteral("%1 of %2 imported rows match the source, field by field (per-row checksums).")
                               .arg(matching)
                               .arg(outcome.inserted);
    if (!outcome.verified)
        return failure(QStringLiteral("The imported rows did not match the source when checked."), outcome.verification);

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
