#include "connectiondoctor.h"

#include "connectionerror.h"
#include "schemamigrator.h"
#include "sqlexec.h"

#include <QElapsedTimer>
#include <QSqlDatabase>

#include <algorithm>

using namespace Qt::StringLiterals;

// ConnectionDoctor's checks on an open connection: server version, schema version, round-trip
// time, pooler or direct.
namespace nt {

namespace {

using Status = DoctorCheck::Status;

// A round trip this slow is felt on every change.
constexpr double SlowRoundTripMs = 300;
// Neon offers PostgreSQL 14 and newer; the app is made and tested for those.
constexpr int OldestServerMajor = 14;

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

} // namespace

void ConnectionDoctor::checkDatabase(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const bool pooled = m_profile.isNeonPooler();

    // Server version
    auto version = SqlExec::run(db, u"SHOW server_version"_s);
    if (!version || !version.value().next()) {
        const Error e = version ? Error{} : describeStatementFailure(version.error());
        add(u"server_version"_s, Status::Fail, u"the server did not say its version: %1"_s.arg(e.detail),
            e.message.isEmpty()
                ? u"Try again in a moment; if it keeps failing, check the database's status in "
                  u"the Neon console."_s
                : e.message);
        skipRest(u"Server version"_s);
        return;
    }
    const QString versionText = version.value().value(0).toString().trimmed();
    const int major = m_serverVersion > 0 ? m_serverVersion / 10000 : versionText.section(u'.', 0, 0).toInt();
    if (major > 0 && major < OldestServerMajor)
        add(u"server_version"_s, Status::Warn, u"PostgreSQL "_s + versionText,
            u"Neon Todo is made for PostgreSQL %1 or newer. Use a newer server (Neon offers %1 and later)."_s
                .arg(OldestServerMajor));
    else
        add(u"server_version"_s, Status::Pass, u"PostgreSQL "_s + versionText);

    // Schema
    const SchemaMigrator migrator(connectionName);
    const QString onDirect = pooled ? u" on the direct host %1 (schema changes are better made there than "
                                      u"through the pooler)"_s.arg(directHost())
                                    : QString();
    auto states = migrator.status();
    if (!states) {
        const Error e = describeStatementFailure(states.error());
        add(u"schema"_s, Status::Fail,
            u"could not read which schema changes the database has: %1"_s.arg(e.detail),
            e.message != states.error().message ? e.message
                                                : u"Check that this role may read the table "
                                                  u"schema_migrations, or use the connection string of "
                                                  u"the database's owner."_s);
    } else {
        int applied = 0;
        int pending = 0;
        int highest = 0;
        for (const MigrationState &s : states.value()) {
            applied += s.status != MigrationState::Status::Pending;
            pending += s.status == MigrationState::Status::Pending;
            if (s.status != MigrationState::Status::Pending)
                highest = qMax(highest, s.version);
        }
        const int latest = migrator.latestVersion();
        if (Error refused = migrator.verify()) {
            add(u"schema"_s, Status::Fail,
                u"the database has schema version %1; this app knows up to %2%3"_s.arg(highest)
                    .arg(latest)
                    .arg(refused.detail.isEmpty() ? QString() : u" ("_s + refused.detail + u')'),
                refused.message);
        } else if (applied == 0) {
            add(u"schema"_s, Status::Warn,
                u"no Neon Todo tables yet (this app's schema is version %1)"_s.arg(latest),
                u"The app creates them when it first connects with this profile; to do it now, run "
                u"\"neon-todo-cli migrate up\"%1."_s.arg(onDirect));
        } else if (pending > 0) {
            add(u"schema"_s, Status::Warn,
                u"version %1 of %2: %3 pending"_s.arg(highest).arg(latest).arg(
                    plural(pending, u"change"_s, u"changes"_s)),
                u"The app applies them when it next connects; to do it now, run \"neon-todo-cli migrate up\"%1."_s
                    .arg(onDirect));
        } else {
            add(u"schema"_s, Status::Pass,
                u"version %1, up to date (%2 applied)"_s.arg(latest).arg(
                    plural(applied, u"change"_s, u"changes"_s)));
        }
    }

    // Round trip
    QList<double> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto one = SqlExec::run(db, u"SELECT 1"_s);
        if (!one) {
            const Error e = describeStatementFailure(one.error());
            add(u"round_trip"_s, Status::Fail, u"SELECT 1 failed: %1"_s.arg(e.detail), e.message);
            skipRest(u"Round trip"_s);
            return;
        }
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    const QString trip = u"median %1 of 5 SELECT 1 (fastest %2, slowest %3)"_s.arg(
        milliseconds(times.at(2)), milliseconds(times.first()), milliseconds(times.last()));
    if (times.at(2) >= SlowRoundTripMs)
        add(u"round_trip"_s, Status::Warn, trip,
            u"Every change waits at least this long. A network closer to the server helps, or a Neon project "
            u"in "
            u"a region nearer to you (the region is part of the host name)."_s);
    else
        add(u"round_trip"_s, Status::Pass, trip);

    // Pooler or direct
    auto port = SqlExec::run(db, u"SELECT inet_server_port()"_s);
    if (!port || !port.value().next()) {
        const Error e = port ? Error{} : describeStatementFailure(port.error());
        add(u"pooler"_s, Status::Fail, u"could not ask the server for its port: %1"_s.arg(e.detail),
            e.message.isEmpty() ? u"Try again in a moment."_s : e.message);
        return;
    }
    const QVariant serverPort = port.value().value(0);
    QString ports;
    if (serverPort.isNull())
        ports = u"the server sees a local socket, so something on its machine passes the connection on"_s;
    else if (serverPort.toInt() == m_profile.port)
        ports = u"port %1 is the server's own"_s.arg(m_profile.port);
    else
        ports = u"connected to port %1, the server's own is %2"_s.arg(m_profile.port).arg(serverPort.toInt());
    if (pooled) {
        add(u"pooler"_s, Status::Pass,
            u"pooled: Neon's -pooler host (PgBouncer, transaction mode); "_s + ports,
            u"Pooled is right for the app. Schema changes (neon-todo-cli migrate up) are better made on the "
            u"direct "
            u"host, %1."_s.arg(directHost()));
    } else if (m_profile.isNeon()) {
        add(u"pooler"_s, Status::Pass, u"direct: Neon's direct host; "_s + ports);
    } else if (!serverPort.isNull() && serverPort.toInt() != m_profile.port) {
        add(u"pooler"_s, Status::Pass,
            u"probably pooled (a pooler such as PgBouncer passes the connection on): "_s + ports,
            u"The app works through a pooler. Schema changes (neon-todo-cli migrate up) are better made on a "
            u"direct connection to the server."_s);
    } else {
        add(u"pooler"_s, Status::Pass, u"direct: "_s + ports);
    }
}

} // namespace nt
