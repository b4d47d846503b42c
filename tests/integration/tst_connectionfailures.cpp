// Every way a connection to Neon fails, provoked for real against the test stack (direct endpoint
// and, with NEON_TODO_TEST_ENDPOINT=pooler, PgBouncer), each with its own plain-words message.
#include "connectionerror.h"
#include "connectionmanager.h"
#include "sqlexec.h"
#include "testdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

class tst_ConnectionFailures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldExplainWrongPassword();
    void shouldExplainUnknownRole();
    void shouldExplainUnknownDatabase();
    void shouldExplainTlsRequired();
    void shouldExplainCertificateForAnotherName();
    void shouldExplainUntrustedCertificate();
    void shouldExplainUnknownHostName();
    void shouldExplainRefusedConnection();
    void shouldExplainTimeout();
    void shouldExplainTooManyConnections();
    void shouldExplainRowLevelSecurityRefusal();
    void shouldRecogniseNeonProxyMessages_data();
    void shouldRecogniseNeonProxyMessages();

private:
    // Opens "remote" with the profile and returns the failure (kind None when it opened).
    Error open(const ConnectionProfile &profile);
    // The failure must be of `kind`, say `phrase`, and never contain the password.
    void check(const Error &e, Error::Kind kind, const QString &phrase, const ConnectionProfile &profile);

    ConnectionProfile m_base; // the owner's profile of the stack's database (direct or pooled)
    int m_calls = 0;
};

void tst_ConnectionFailures::initTestCase()
{
    QVERIFY2(TestStack::whyUnavailable().isEmpty(), qPrintable(TestStack::whyUnavailable()));
    auto profile = ConnectionProfile::parse(TestStack::ownerUrl());
    QVERIFY2(profile.ok(), qPrintable(profile.error().toString()));
    m_base = profile.value();
    m_base.options.insert(u"connect_timeout"_s, u"3"_s);
    QVERIFY2(!open(m_base), "the stack's own profile must open");
}

Error tst_ConnectionFailures::open(const ConnectionProfile &profile)
{
    ConnectionManager connections(u"fail%1-"_s.arg(++m_calls));
    return connections.openRemote(profile, false);
}

void tst_ConnectionFailures::check(const Error &e, Error::Kind kind, const QString &phrase, const ConnectionProfile &profile)
{
    QVERIFY2(e, "the connection should have failed");
    QVERIFY2(e.kind == kind, qPrintable(u"kind %1, message: %2 (%3)"_s.arg(int(e.kind)).arg(e.message, e.detail)));
    QVERIFY2(e.message.contains(phrase, Qt::CaseInsensitive), qPrintable(e.message + u" | "_s + e.detail));
    if (!profile.password.isEmpty())
        QVERIFY(!e.toString().contains(profile.password));
}

void tst_ConnectionFailures::shouldExplainWrongPassword()
{
    ConnectionProfile p = m_base;
    p.password = u"Not-The-Password-123"_s;
    check(open(p), Error::Kind::Authentication, u"was not accepted"_s, p);
    QVERIFY(!open(p).detail.contains(p.password));
}

void tst_ConnectionFailures::shouldExplainUnknownRole()
{
    ConnectionProfile p = m_base;
    p.user = u"nobody_here"_s;
    // Neither PostgreSQL nor PgBouncer says whether a role exists: the message names both causes.
    check(open(p), Error::Kind::Authentication, u"role “nobody_here” was not accepted, or there is no such role"_s, p);
}

void tst_ConnectionFailures::shouldExplainUnknownDatabase()
{
    ConnectionProfile p = m_base;
    p.database = u"no_such_database"_s;
    check(open(p), Error::Kind::NotFound, u"There is no database “no_such_database”"_s, p);
}

void tst_ConnectionFailures::shouldExplainTlsRequired()
{
    ConnectionProfile p = m_base;
    p.options.insert(u"sslmode"_s, u"disable"_s);
    p.options.remove(u"channel_binding"_s);
    check(open(p), Error::Kind::Tls, u"encrypted connections only"_s, p);
}

void tst_ConnectionFailures::shouldExplainCertificateForAnotherName()
{
    ConnectionProfile p = m_base;
    p.host = u"ep-other-654321.eu-central-1.aws.neon.tech"_s; // still 127.0.0.1 through hostaddr
    check(open(p), Error::Kind::Tls, u"is not for “ep-other-654321.eu-central-1.aws.neon.tech”"_s, p);
}

void tst_ConnectionFailures::shouldExplainUntrustedCertificate()
{
    ConnectionProfile p = m_base;
    const QString systemBundle = u"/etc/ssl/certs/ca-certificates.crt"_s; // does not know the stack's CA
    QVERIFY2(QFile::exists(systemBundle), "the ca-certificates package is missing");
    p.options.insert(u"sslrootcert"_s, systemBundle);
    check(open(p), Error::Kind::Tls, u"not signed by an authority this computer trusts"_s, p);
}

void tst_ConnectionFailures::shouldExplainUnknownHostName()
{
    ConnectionProfile p = m_base;
    p.host = u"ep-missing-000000.invalid"_s; // .invalid never resolves (RFC 2606)
    p.hostAddress.clear();
    check(open(p), Error::Kind::Connection, u"could not be found"_s, p);
}

void tst_ConnectionFailures::shouldExplainRefusedConnection()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    ConnectionProfile p = m_base;
    p.port = port;
    check(open(p), Error::Kind::Connection, u"refused the connection"_s, p);
}

void tst_ConnectionFailures::shouldExplainTimeout()
{
    // A server that accepts TCP (the kernel's backlog) and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    silent.pauseAccepting();
    ConnectionProfile p = m_base;
    p.port = silent.serverPort();
    p.options.insert(u"connect_timeout"_s, u"2"_s);
    check(open(p), Error::Kind::Timeout, u"did not answer in time"_s, p);
}

void tst_ConnectionFailures::shouldExplainTooManyConnections()
{
    ScratchDatabase db(Driver::PostgreSQL, u"full"_s);
    NT_REQUIRE(db);
    const QString name = QSqlDatabase::database(db.connectionName(), false).databaseName();
    // The scratch database's own connection is the one allowed; the next is one too many.
    ScratchDatabase admin(Driver::PostgreSQL, u"admin"_s);
    NT_REQUIRE(admin);
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(admin.connectionName(), false),
                           u"ALTER DATABASE %1 CONNECTION LIMIT 1"_s.arg(name)));
    ConnectionProfile p = db.profile();
    p.options.insert(u"connect_timeout"_s, u"5"_s);
    const Error e = open(p);
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(admin.connectionName(), false),
                           u"ALTER DATABASE %1 CONNECTION LIMIT -1"_s.arg(name)));
    if (TestStack::throughPooler()) {
        // What the message advises: the pooler shares its one server connection to the database.
        QVERIFY2(!e, qPrintable(e.toString()));
        return;
    }
    check(e, Error::Kind::Connection, u"too many open connections"_s, p);
}

void tst_ConnectionFailures::shouldExplainRowLevelSecurityRefusal()
{
    ScratchDatabase db(Driver::PostgreSQL, u"rls"_s);
    NT_REQUIRE(db);
    // Migrated by the owner, used by Alice, who tries to write a row in Bob's name.
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(db.connectionName(), false),
                           u"CREATE TABLE notes (owner text NOT NULL DEFAULT current_user, body text)"_s));
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(db.connectionName(), false),
                           u"ALTER TABLE notes ENABLE ROW LEVEL SECURITY; ALTER TABLE notes FORCE ROW LEVEL SECURITY; "
                           "CREATE POLICY mine ON notes USING (owner = current_user) WITH CHECK (owner = current_user); "
                           "GRANT ALL ON notes TO PUBLIC"_s));
    const QString alice = db.openAnother(u"alice"_s);
    QVERIFY(!alice.isEmpty());
    ConnectionProfile aliceProfile = db.profile(TestStack::aliceUrl());
    ConnectionManager connections(u"rls-"_s);
    QVERIFY(!connections.openRemote(aliceProfile, false));
    const Error raw = SqlExec::exec(QSqlDatabase::database(connections.remoteName(), false),
                                    u"INSERT INTO notes (owner, body) VALUES ('neon_todo_bob', 'x')"_s);
    QVERIFY(raw);
    QCOMPARE(raw.sqlState, u"42501"_s);
    const Error e = describeStatementFailure(raw);
    QCOMPARE(e.kind, Error::Kind::Permission);
    QVERIFY2(e.message.contains(u"belongs to another role"_s), qPrintable(e.message));
}

void tst_ConnectionFailures::shouldRecogniseNeonProxyMessages_data()
{
    // Texts Neon's proxy sends (it stands in front of both endpoints; the test stack has no proxy of
    // its own, so these are the server's words as Neon documents them).
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("endpoint not found")
        << u"connection to server at \"ep-gone-123456.us-east-2.aws.neon.tech\" failed: ERROR:  The requested endpoint "
           "could not be found, or you don't have access to it. Please check the provided ID and try again."_s
        << int(Error::Kind::NotFound) << u"Neon has no endpoint"_s;
    QTest::newRow("endpoint not specified")
        << u"ERROR:  Endpoint ID is not specified. Either please upgrade the postgres client library (libpq) for SNI "
           "support or pass the endpoint ID (first part of the domain name) as a parameter"_s
        << int(Error::Kind::InvalidInput) << u"did not send the host name"_s;
    QTest::newRow("too many (small compute)")
        << u"FATAL:  remaining connection slots are reserved for non-replication superuser connections"_s
        << int(Error::Kind::Connection) << u"too many open connections"_s;
    QTest::newRow("a database whose name says role")
        << u"connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"payroles\" does not exist"_s
        << int(Error::Kind::NotFound) << u"There is no database"_s;
    QTest::newRow("a host whose name says database")
        << u"connection to server at \"database.example.com\" failed: root certificate file \"/x/ca.pem\" does not exist"_s
        << int(Error::Kind::Tls) << u"not signed by an authority"_s;
    QTest::newRow("insecure") << u"ERROR:  connection is insecure (try using `sslmode=require`)"_s
                              << int(Error::Kind::Tls) << u"encrypted connections only"_s;
    QTest::newRow("compute waking") << u"ERROR:  Couldn't connect to compute node"_s << int(Error::Kind::Connection)
                                    << u"waking up"_s;
    QTest::newRow("too many (pooler)") << u"ERROR:  no more connections allowed (max_client_conn)"_s
                                       << int(Error::Kind::Connection) << u"too many open connections"_s;
}

void tst_ConnectionFailures::shouldRecogniseNeonProxyMessages()
{
    QFETCH(QString, message);
    QFETCH(int, kind);
    QFETCH(QString, phrase);
    const Error e = describeConnectionFailure(message, {}, m_base);
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(e.message.contains(phrase), qPrintable(e.message));
}

QTEST_GUILESS_MAIN(tst_ConnectionFailures)
#include "tst_connectionfailures.moc"
