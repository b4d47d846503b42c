#pragma once

#include <QSqlDatabase>
#include <QString>

namespace nt {

enum class SqlDialect { SQLite, PostgreSQL, Unsupported };

inline SqlDialect dialectOf(const QSqlDatabase &db)
{
    const QString driver = db.driverName();
    if (driver == QLatin1String("QSQLITE"))
        return SqlDialect::SQLite;
    if (driver == QLatin1String("QPSQL"))
        return SqlDialect::PostgreSQL;
    return SqlDialect::Unsupported;
}

// The folder under sql/ (and under the :/sql resource) with this dialect's migrations.
inline QString dialectFolder(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::SQLite:
        return QStringLiteral("sqlite");
    case SqlDialect::PostgreSQL:
        return QStringLiteral("postgres");
    case SqlDialect::Unsupported:
        break;
    }
    return {};
}

} // namespace nt
