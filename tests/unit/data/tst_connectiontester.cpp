#include "connectiontester.h"
#include "schemamigrator.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace nt;
using namespace nt::test;

using Report = ConnectionTester::Report;
Q_DECLARE_METATYPE(nt::ConnectionTester::Report) // a column type for _data() tables

class tst_ConnectionTester : public QObject
{
    Q_OBJECT
private slots:
    void shouldReportServerTlsAndPendingSchemaOfFreshDatabase();
    void shouldReportSchemaUpToDateAfterMigration();
    void shouldReportWrongPasswordWithoutRevealingIt();
    void shouldReportUnreachableServerAsConnectionError();
    void shouldReportOnlyTheLatestTest();
    void shouldKeepGuiThreadResponsiveWhileTesting();
    void shouldWaitForRunningTestWhenDestroyed();
    void shouldSummariseInPlainWords_data();
    void shouldSummariseInPlainWords();

private:
    static Report waitForReport(QSignalSpy &spy);
    static bool leftConnectionsBehind();
};

Report tst_ConnectionTester::waitForReport(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(30000))
        return {};
    return spy.last().at(0).value<Report>();
}

bool tst_ConnectionTester::leftConnectionsBehind()
{
    const QStringList names = QSqlDatabase::connectionNames();
    return std::any_of(names.cbegin(), names.cend(),
                       [](const QString &name) { return name.startsWith(u"tester-"_s); });
}

// A profile that reaches the test stack but talks to nothing: a local port that accepts TCP and never
// answers, so libpq waits for its connect_timeout.
static ConnectionProfile silentServerProfile(const QTcpServer &server, int timeoutSeconds)
{
    ConnectionProfile profile;
    profile.name = u"silent"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = server.serverPort();
    profile.database = u"neondb"_s;
    profile.user = u"alex"_s;
    profile.password = u"silent-password"_s;
    profile.options.insert(u"sslmode"_s, u"require"_s);
    profile.options.insert(u"connect_timeout"_s, QString::number(timeoutSeconds));
    return profile;
}

void tst_ConnectionTester::shouldReportServerTlsAndPendingSchemaOfFreshDatabase()
{
    // GIVEN a fresh database on the test stack (TLS only)
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);

    // WHEN it is tested
    tester.test(db.profile());

    // THEN the report names the server, TLS, a round trip and every bundled migration as pending
    const Report report = waitForReport(finished);
    QCOMPARE(finished.count(), 1);
    QVERIFY2(!report.error, qPrintable(report.error.toString()));
    QVERIFY2(report.serverVersion.startsWith(u"15"_s), qPrintable(report.serverVersion));
    QVERIFY(report.tls);
    QVERIFY(report.roundTripMs >= 0);
    QCOMPARE(report.appliedMigrations, 0);
    QCOMPARE(report.pendingMigrations, SchemaMigrator::bundled(SqlDialect::PostgreSQL).size());
    QVERIFY(report.pendingMigrations > 0);
    const QString summary = report.summary();
    QVERIFY2(summary.startsWith(u"Connected to PostgreSQL 15"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"over TLS"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"no Neon Todo tables yet"_s), qPrintable(summary));
    QVERIFY(!tester.isRunning());
    QVERIFY(!leftConnectionsBehind());
    // nothing was written: the schema is still untouched
    auto states = SchemaMigrator(db.connectionName()).status();
    QVERIFY(states.ok());
    for (const MigrationState &state : states.value())
        QCOMPARE(state.status, MigrationState::Status::Pending);
}

void tst_ConnectionTester::shouldReportSchemaUpToDateAfterMigration()
{
    // GIVEN a database the app has migrated
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    auto migrated = SchemaMigrator(db.connectionName()).migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.error().toString()));
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);

    // WHEN it is tested
    tester.test(db.profile());

    // THEN every migration counts as applied
    const Report report = waitForReport(finished);
    QVERIFY2(!report.error, qPrintable(report.error.toString()));
    QCOMPARE(report.appliedMigrations, SchemaMigrator::bundled(SqlDialect::PostgreSQL).size());
    QCOMPARE(report.pendingMigrations, 0);
    QVERIFY2(report.summary().endsWith(u"Schema up to date."_s), qPrintable(report.summary()));
}

void tst_ConnectionTester::shouldReportWrongPasswordWithoutRevealingIt()
{
    // GIVEN the right user with a wrong password
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    ConnectionProfile profile = db.profile();
    const QString rightPassword = profile.password;
    const QString wrongPassword = u"Wr0ng-pw-4f9a2c"_s;
    profile.password = wrongPassword;
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);

    // WHEN it is tested
    tester.test(profile);

    // THEN the report says the password was not accepted, and shows neither password
    const Report report = waitForReport(finished);
    QCOMPARE(report.error.kind, Error::Kind::Authentication);
    QVERIFY(!report.connected());
    const QString everything = report.summary() + report.error.toString();
    QVERIFY2(everything.contains(u"password"_s), "the message should say the password is the problem");
    QVERIFY2(!everything.contains(wrongPassword), "the wrong password is in the report");
    QVERIFY2(!everything.contains(rightPassword), "the right password is in the report");
    QVERIFY(!leftConnectionsBehind());
}

void tst_ConnectionTester::shouldReportUnreachableServerAsConnectionError()
{
    // GIVEN a port nothing listens on
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    ConnectionProfile profile = db.profile();
    profile.host = u"127.0.0.1"_s;
    profile.hostAddress.clear();
    profile.port = 1;
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);

    // WHEN it is tested
    tester.test(profile);

    // THEN it is a connection error that says where it tried
    const Report report = waitForReport(finished);
    QCOMPARE(report.error.kind, Error::Kind::Connection);
    QVERIFY2(report.summary().contains(u"127.0.0.1:1"_s), qPrintable(report.summary()));
    QCOMPARE(report.roundTripMs, -1);
    QVERIFY(!leftConnectionsBehind());
}

void tst_ConnectionTester::shouldReportOnlyTheLatestTest()
{
    // GIVEN a test of an unreachable server (quick to fail) still running
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    ConnectionProfile unreachable = db.profile();
    unreachable.host = u"127.0.0.1"_s;
    unreachable.hostAddress.clear();
    unreachable.port = 1;
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(unreachable);

    // WHEN a second test of a good profile starts before the first has reported
    tester.test(db.profile());

    // THEN only the second is reported, even after both have ended
    const Report report = waitForReport(finished);
    QVERIFY2(!report.error, qPrintable(report.error.toString()));
    QVERIFY(report.connected());
    QTRY_VERIFY(!leftConnectionsBehind()); // both workers are done
    QTest::qWait(100);                     // and whatever they queued has been delivered
    QCOMPARE(finished.count(), 1);
    QVERIFY(!tester.isRunning());
}

void tst_ConnectionTester::shouldKeepGuiThreadResponsiveWhileTesting()
{
    // GIVEN a server that accepts the connection and then says nothing for two seconds, and a
    // timer on the GUI thread ticking every 10 ms
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();

    // WHEN it is tested
    tester.test(silentServerProfile(silent, 2));

    // THEN test() has returned while the test still runs, and the timer keeps ticking meanwhile
    QVERIFY(tester.isRunning());
    QCOMPARE(ticks, 0);
    const Report report = waitForReport(finished);
    QVERIFY2(ticks >= 20, qPrintable(u"only %1 ticks during the test"_s.arg(ticks)));
    QCOMPARE(report.error.kind, Error::Kind::Timeout);
    QVERIFY(!report.summary().contains(u"silent-password"_s));
}

void tst_ConnectionTester::shouldWaitForRunningTestWhenDestroyed()
{
    // GIVEN a test that is still waiting for a silent server
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto tester = std::make_unique<ConnectionTester>();
    QSignalSpy finished(tester.get(), &ConnectionTester::finished);
    tester->test(silentServerProfile(silent, 1));
    QVERIFY(tester->isRunning());

    // WHEN the tester is destroyed
    tester.reset();

    // THEN the worker has ended and removed its connection, and nothing was reported
    QVERIFY(!leftConnectionsBehind());
    QCOMPARE(finished.count(), 0);
}

void tst_ConnectionTester::shouldSummariseInPlainWords_data()
{
    QTest::addColumn<Report>("report");
    QTest::addColumn<QString>("summary");

    Report upToDate;
    upToDate.serverVersion = u"15.20"_s;
    upToDate.roundTripMs = 3;
    upToDate.tls = true;
    upToDate.appliedMigrations = 2;
    QTest::newRow("up to date")
        << upToDate << u"Connected to PostgreSQL 15.20 over TLS (round trip 3 ms). Schema up to date."_s;

    Report partly = upToDate;
    partly.appliedMigrations = 1;
    partly.pendingMigrations = 2;
    partly.tls = false;
    partly.roundTripMs = 0;
    QTest::newRow("partly migrated, plain")
        << partly
        << u"Connected to PostgreSQL 15.20, unencrypted (round trip under 1 ms). 1 of 3 schema "
           u"changes applied; the rest are applied when you use this profile."_s;

    Report newer = upToDate;
    newer.error = Error::make(Error::Kind::Schema, u"This database was set up by a newer version."_s);
    QTest::newRow("schema problem")
        << newer
        << u"Connected to PostgreSQL 15.20 over TLS (round trip 3 ms). This database was set up by a newer version."_s;

    Report refused;
    refused.error = Error::make(Error::Kind::Connection, u"Could not connect to a@b:5432/c."_s, u"detail"_s);
    QTest::newRow("not connected") << refused << u"Could not connect to a@b:5432/c."_s;
}

void tst_ConnectionTester::shouldSummariseInPlainWords()
{
    QFETCH(Report, report);
    QFETCH(QString, summary);
    QCOMPARE(report.summary(), summary);
}

QTEST_MAIN(tst_ConnectionTester)
#include "tst_connectiontester.moc"
