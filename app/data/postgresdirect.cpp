#include "postgresdirect.h"

#include "remotelink.h"
#include "sqlexec.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <libpq-fe.h>

#include <memory>

namespace nt::PostgresDirect {

pg_conn *connection(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver() || db.driverName() != QLatin1String("QPSQL"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<pg_conn *const *>(handle.constData());
}

bool available(const QSqlDatabase &db)
{
    return connection(db) != nullptr;
}

bool Row::isNull(int column) const
{
    return PQgetisnull(m_result, m_row, column) != 0;
}

QByteArrayView Row::bytes(int column) const
{
    return QByteArrayView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

QString Row::text(int column) const
{
    return isNull(column) ? QString() : QString::fromUtf8(bytes(column));
}

qint64 Row::integer(int column) const
{
    return bytes(column).toLongLong();
}

double Row::real(int column) const
{
    return bytes(column).toDouble(); // locale-independent, unlike strtod
}

bool Row::boolean(int column) const
{
    const QByteArrayView v = bytes(column);
    return !v.isEmpty() && v.front() == 't';
}

Error forEachRow(const QSqlDatabase &db, const QString &sql, const std::function<void(const Row &)> &row)
{
    if (Error e = RemoteLink::ensureOpen(db))
        return e;
    pg_conn *conn = connection(db); // after ensureOpen: a reopened connection has a new PGconn
    if (!conn)
        return Error::make(Error::Kind::Connection, QStringLiteral("The database connection is not open."));
    RemoteLink::Deadline deadline(db);
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, sql.toUtf8().constData()), &PQclear);
    deadline.finish(); // the rows are all here: reading them is not the server's time
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK) {
        const QString state = result ? QString::fromLatin1(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE)) : QString();
        const QString message = QString::fromUtf8(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn));
        const bool gone = PQstatus(conn) == CONNECTION_BAD;
        return deadline.explain(
            SqlExec::fromSqlError(QSqlError(QString(), message, gone ? QSqlError::ConnectionError : QSqlError::StatementError, state),
                                  QStringLiteral("The database refused a statement.")));
    }
    const int rows = PQntuples(result.get());
    for (int i = 0; i < rows; ++i)
        row(Row(result.get(), i));
    return {};
}

} // namespace nt::PostgresDirect
