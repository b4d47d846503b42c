#include "statementcounter.h"

#include "connectionmanager.h"
#include "sqlexec.h"

#include <QSqlDatabase>

namespace nt::test {

StatementCounter::StatementCounter(const ScratchDatabase &db) : m_name(db.connectionName() + QStringLiteral("-stats"))
{
    // Always the direct endpoint: through the pooler the counting connection would share the pool.
    auto direct = ConnectionProfile::parse(TestStack::directOwnerUrl());
    ConnectionProfile stats = direct ? direct.value() : db.profile();
    m_database = db.profile().database;
    stats.database = QStringLiteral("postgres");
    if (ConnectionManager::addPostgres(m_name, stats) || !QSqlDatabase::database(m_name).isOpen())
        m_error = QStringLiteral("cannot open the postgres database for pg_stat_statements");
}

StatementCounter::~StatementCounter()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

qint64 StatementCounter::executed() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_name, false),
                          QStringLiteral("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                                         "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :db)"),
                          {{QStringLiteral("db"), m_database}});
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

} // namespace nt::test
