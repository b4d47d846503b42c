#include "connectiontester.h"

#include "connectionerror.h"

#include "connectionmanager.h"
#include "schemamigrator.h"
#include "sqlexec.h"
#include "uuids.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

const QString DefaultConnectTimeoutSeconds = u"10"_s;

// libpq refuses to finish connecting without TLS in these modes, so a connection that opened is
// encrypted whatever the server-side view says.
bool sslModeRequiresTls(const ConnectionProfile &profile)
{
    const QString mode = profile.option(u"sslmode"_s);
    return mode == u"require" || mode == u"verify-ca" || mode == u"verify-full";
}

Error queryFailed(const Error &sqlError)
{
    return Error::make(Error::Kind::Database,
                       ConnectionTester::tr("The server accepted the connection but did not answer a simple "
                                            "query. Try again in a moment; if it keeps failing, check the "
                                            "database's status in the Neon console."),
                       sqlError.detail, sqlError.sqlState);
}

// The first row's first value of a read-only statement.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql)
{
    auto query = SqlExec::run(db, sql);
    if (!query)
        return query.error();
    if (!query.value().next())
        return Error::make(Error::Kind::Database, ConnectionTester::tr("The server sent no answer."), sql);
    return query.value().value(0);
}

// The checks on an open connection: fills in everything but `error` on success.
void check(const QString &connectionName, const ConnectionProfile &profile, ConnectionTester::Report &report)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);

    auto version = scalar(db, u"SHOW server_version"_s);
    if (!version) {
        report.error = queryFailed(version.error());
        return;
    }
    // "15.20 (Debian 15.20-0+deb12u1)": the number is what a person needs.
    report.serverVersion = version.value().toString().trimmed().section(u' ', 0, 0);
    if (report.serverVersion.isEmpty())
        report.serverVersion = ConnectionTester::tr("(unknown version)");

    QElapsedTimer timer;
    timer.start();
    auto one = scalar(db, u"SELECT 1"_s);
    const qint64 elapsed = timer.elapsed();
    if (!one) {
        report.error = queryFailed(one.error());
        return;
    }
    report.roundTripMs = int(qMin<qint64>(elapsed, std::numeric_limits<int>::max()));

    // Through a proxy (Neon's, PgBouncer) the server sees the proxy's connection; libpq's own
    // guarantee and Neon's TLS-only rule say more about the hop this app makes.
    auto ssl = scalar(db, u"SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s);
    report.tls = (ssl && ssl.value().toBool()) || sslModeRequiresTls(profile) || profile.isNeon();

    auto states = SchemaMigrator(connectionName).status();
    if (!states) {
        report.error = Error::make(Error::Kind::Schema,
                                   ConnectionTester::tr("Neon Todo could not read which schema changes this "
                                                        "database has. Check that this user may read its "
                                                        "tables, or use the connection string of the "
                                                        "database's owner."),
                                   states.error().detail, states.error().sqlState);
        return;
    }
    for (const MigrationState &state : states.value()) {
        switch (state.status) {
        case MigrationState::Status::Applied:
            ++report.appliedMigrations;
            break;
        case MigrationState::Status::Pending:
            ++report.pendingMigrations;
            break;
        case MigrationState::Status::Changed:
            if (!report.error)
                report.error = Error::make(
                    Error::Kind::Schema,
                    ConnectionTester::tr("Schema change %1 (%2) in this database differs from the one this "
                                         "app carries, so Neon Todo will not use it. Restore the original "
                                         "migration or ask for help.")
                        .arg(state.version)
                        .arg(state.name));
            break;
        case MigrationState::Status::Unknown:
            if (!report.error)
                report.error = Error::make(
                    Error::Kind::Schema,
                    ConnectionTester::tr("This database was set up by a newer version of Neon Todo (schema "
                                         "change %1). Update Neon Todo to use it.")
                        .arg(state.version),
                    u"applied by app version "_s + state.appVersion);
            break;
        }
    }
}

} // namespace

QString ConnectionTester::Report::summary() const
{
    if (!connected())
        return error.message;
    const QString trip = roundTripMs < 1 ? tr("under 1 ms") : tr("%1 ms").arg(roundTripMs);
    QString text =
        tls ? tr("Connected to PostgreSQL %1 over TLS (round trip %2).").arg(serverVersion, trip)
            : tr("Connected to PostgreSQL %1, unencrypted (round trip %2).").arg(serverVersion, trip);
    if (error)
        return text + u' ' + error.message;
    if (pendingMigrations == 0 && appliedMigrations > 0)
        text += u' ' + tr("Schema up to date.");
    else if (pendingMigrations > 0 && appliedMigrations == 0)
        text += u' ' + tr("The database has no Neon Todo tables yet; they are created when you use this "
                          "profile.");
    else if (pendingMigrations > 0)
        text += u' ' + tr("%1 of %2 schema changes applied; the rest are applied when you use this profile.")
                           .arg(appliedMigrations)
                           .arg(appliedMigrations + pendingMigrations);
    return text;
}

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent) {}

ConnectionTester::~ConnectionTester()
{
    // Each worker removes its own connection; it must not outlive the application's objects.
    for (QFuture<Report> &future : m_running)
        future.waitForFinished();
}

void ConnectionTester::test(const ConnectionProfile &profile)
{
    m_running.removeIf([](const QFuture<Report> &future) { return future.isFinished(); });
    auto *watcher = new QFutureWatcher<Report>(this);
    m_current = watcher;
    connect(watcher, &QFutureWatcher<Report>::finished, this,
            [this, watcher] { onWatcherFinished(watcher); });
    QFuture<Report> future = QtConcurrent::run(&ConnectionTester::run, profile);
    m_running << future;
    watcher->setFuture(future);
}

bool ConnectionTester::isRunning() const
{
    return m_current != nullptr;
}

void ConnectionTester::onWatcherFinished(QFutureWatcher<Report> *watcher)
{
    watcher->deleteLater();
    if (watcher != m_current)
        return; // superseded by a newer test()
    m_current = nullptr;
    const Report report = watcher->result();
    emit finished(report);
}

ConnectionTester::Report ConnectionTester::run(const ConnectionProfile &requested)
{
    ConnectionProfile profile = requested;
    if (!profile.options.contains(u"connect_timeout"_s))
        profile.options.insert(u"connect_timeout"_s, DefaultConnectTimeoutSeconds);

    Report report;
    const QString name = u"tester-"_s + Uuids::toText(Uuids::createV7());
    if (Error e = ConnectionManager::addPostgres(name, profile)) {
        if (QSqlDatabase::contains(name))
            QSqlDatabase::removeDatabase(name);
        report.error = e;
        return report;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.open()) {
            const QSqlError err = db.lastError();
            report.error =
                describeConnectionFailure(err.databaseText().isEmpty() ? err.driverText() : err.databaseText(),
                                  err.nativeErrorCode(), profile);
        } else {
            check(name, profile, report);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return report;
}

} // namespace nt
