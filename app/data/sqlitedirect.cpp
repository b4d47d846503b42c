#include "sqlitedirect.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace nt::SqliteDirect {

namespace {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver() || db.driverName() != QLatin1String("QSQLITE"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Error sqliteError(sqlite3 *handle, int code)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    const Error::Kind kind = (code == SQLITE_BUSY || code == SQLITE_LOCKED) ? Error::Kind::Timeout : Error::Kind::Database;
    return Error::make(kind, QStringLiteral("The local database could not be read."), message,
                       QString::number(sqlite3_extended_errcode(handle)));
}

} // namespace

bool available(const QSqlDatabase &db)
{
    return handleOf(db) != nullptr;
}

Error forEachRow(const QSqlDatabase &db, const QString &sql, const std::function<void(sqlite3_stmt *)> &row)
{
    sqlite3 *handle = handleOf(db);
    if (!handle)
        return Error::make(Error::Kind::Database, QStringLiteral("The local database is not open."));
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (const int rc = sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &statement, nullptr); rc != SQLITE_OK)
        return sqliteError(handle, rc);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        row(statement);
    Error result;
    if (rc != SQLITE_DONE)
        result = sqliteError(handle, rc);
    sqlite3_finalize(statement);
    return result;
}

bool isNull(sqlite3_stmt *statement, int column)
{
    return sqlite3_column_type(statement, column) == SQLITE_NULL;
}

qint64 integer(sqlite3_stmt *statement, int column)
{
    return sqlite3_column_int64(statement, column);
}

double real(sqlite3_stmt *statement, int column)
{
    return sqlite3_column_double(statement, column);
}

QByteArrayView utf8(sqlite3_stmt *statement, int column)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(statement, column) : 0);
}

QString text(sqlite3_stmt *statement, int column)
{
    if (isNull(statement, column))
        return {};
    return QString::fromUtf8(utf8(statement, column));
}

} // namespace nt::SqliteDirect
