// neon-todo-cli doctor as a person runs it: the real binary against the test stack (the direct
// endpoint, and PgBouncer as the -pooler host with NEON_TODO_TEST_ENDPOINT=pooler), each failure
// provoked for real.
#include "schemamigrator.h"
#include "sqlexec.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

const QStringList Titles{u"DNS"_s,    u"TCP"_s,        u"TLS"_s,   u"Authentication"_s, u"Server version"_s,
                         u"Schema"_s, u"Round trip"_s, u"Pooler"_s};
const QStringList Ids{u"dns"_s,    u"tcp"_s,        u"tls"_s,   u"authentication"_s, u"server_version"_s,
                      u"schema"_s, u"round_trip"_s, u"pooler"_s};
constexpr int ConnectionFailed = 3; // Cli::ConnectionFailed
constexpr int UsageError = 2;

// The stack's owner profile (of the endpoint this run uses), for checks that never log in.
ConnectionProfile stackProfile()
{
    auto parsed = ConnectionProfile::parse(TestStack::ownerUrl());
    return parsed ? parsed.value() : ConnectionProfile{};
}

struct Check
{
    QString status;
    QString found;
    QString advice;
};

} // namespace

class tst_Doctor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void shouldPassEveryCheckOnTheStack();
    void shouldFailAtAuthenticationOnAWrongPassword();
    void shouldFailAtTlsWhenTheCertificateIsForAnotherName();
    void shouldFailAtTcpWhenNothingListens();
    void shouldFailAtDnsForAnUnknownHostName();
    void shouldWarnButPassOnWeakTlsAndAMissingSchema();
    void shouldFailWhenTheDatabaseIsNewerThanTheApp();
    void shouldPrintChecksAsJson();
    void shouldRefuseWhenThereIsNothingToCheck();

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
        QMap<QString, Check> checks; // by title
        QStringList order;           // titles in the order printed
    };
    Run doctor(const QStringList &args, const QString &databaseUrl = {});
    Run doctorFor(const ConnectionProfile &profile, const QStringList &extra = {});
    // No password, neither the stack's nor a wrong one, in anything the doctor printed.
    void checkNoSecret(const Run &r, const QStringList &secrets);

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_Doctor::initTestCase()
{
    QVERIFY2(TestStack::whyUnavailable().isEmpty(), qPrintable(TestStack::whyUnavailable()));
}

void tst_Doctor::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

tst_Doctor::Run tst_Doctor::doctor(const QStringList &args, const QString &databaseUrl)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A home of its own: no real settings, no keychain.
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.remove(u"NEON_TODO_DATABASE_URL"_s);
    env.remove(u"PGPASSWORD"_s);
    if (!databaseUrl.isEmpty())
        env.insert(u"NEON_TODO_DATABASE_URL"_s, databaseUrl);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(NEON_TODO_CLI), args);
    p.closeWriteChannel();
    Run r{-1, {}, {}, {}, {}};
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timed out"_s;
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    // "STATUS  Title (padded)  found", then optionally "      advice".
    static const QRegularExpression line(u"^(PASS|WARN|FAIL|SKIP)  (.{14})  (.*)$"_s);
    QString last;
    for (const QString &text : r.out.split(u'\n')) {
        const auto m = line.match(text);
        if (m.hasMatch()) {
            last = m.captured(2).trimmed();
            r.order << last;
            r.checks.insert(last, Check{m.captured(1), m.captured(3), {}});
        } else if (text.startsWith(u"      "_s) && !last.isEmpty()) {
            r.checks[last].advice = text.trimmed();
        }
    }
    return r;
}

tst_Doctor::Run tst_Doctor::doctorFor(const ConnectionProfile &profile, const QStringList &extra)
{
    return doctor(QStringList{u"doctor"_s, u"--url"_s, profile.toUrl(true)} + extra);
}

void tst_Doctor::checkNoSecret(const Run &r, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), "a password was printed");
    }
}

void tst_Doctor::shouldPassEveryCheckOnTheStack()
{
    // GIVEN a migrated database on the stack (direct, or the -pooler host on the pooled run)
    ScratchDatabase db(Driver::PostgreSQL, u"doctor"_s);
    NT_REQUIRE(db);
    auto migrated = SchemaMigrator(db.connectionName()).migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.error().toString()));
    const ConnectionProfile profile = db.profile();

    // WHEN the doctor checks it, given on the command line and through the environment
    const Run r = doctorFor(profile);
    const Run fromEnvironment = doctor({u"doctor"_s}, profile.toUrl(true));

    // THEN every check ran in order and passed; DNS says why it was not needed (hostaddr)
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.order, Titles);
    QCOMPARE(r.checks[u"DNS"_s].status, u"SKIP"_s);
    QVERIFY2(r.checks[u"DNS"_s].found.contains(u"hostaddr=127.0.0.1"_s),
             qPrintable(r.checks[u"DNS"_s].found));
    for (const QString &title : Titles.mid(1))
        QVERIFY2(r.checks[title].status == u"PASS"_s,
                 qPrintable(title + u": "_s + r.checks[title].found + u" / "_s + r.checks[title].advice));
    const Check tls = r.checks[u"TLS"_s];
    QVERIFY2(tls.found.contains(QRegularExpression(u"^TLSv1\\.[23] "_s)), qPrintable(tls.found));
    QVERIFY2(tls.found.contains(u"certificate for "_s + profile.host), qPrintable(tls.found));
    QVERIFY2(tls.found.contains(u"issued by CN=Neon Todo Test CA"_s), qPrintable(tls.found));
    QVERIFY2(tls.found.contains(u"chain verified"_s), qPrintable(tls.found));
    QVERIFY2(tls.found.contains(u"sslmode=verify-full"_s), qPrintable(tls.found));
    QVERIFY2(r.checks[u"Schema"_s].found.contains(u"up to date"_s), qPrintable(r.checks[u"Schema"_s].found));
    const Check pooler = r.checks[u"Pooler"_s];
    if (TestStack::throughPooler()) {
        // PgBouncer 1.18 offers no channel binding; the stack's pooled URLs say "prefer".
        QVERIFY2(tls.found.contains(u"the server does not offer it"_s), qPrintable(tls.found));
        QVERIFY2(pooler.found.startsWith(u"pooled: Neon's -pooler host"_s), qPrintable(pooler.found));
        QVERIFY2(pooler.found.contains(u"the server's own is"_s), qPrintable(pooler.found));
        QVERIFY2(pooler.advice.contains(u"direct host, ep-test-123456.us-east-2.aws.neon.tech"_s),
                 qPrintable(pooler.advice));
    } else {
        // Neon's defaults, applied to a Neon host given on the command line, require it.
        QVERIFY2(tls.found.contains(u"channel binding in effect"_s), qPrintable(tls.found));
        QVERIFY2(pooler.found.startsWith(u"direct: Neon's direct host"_s), qPrintable(pooler.found));
        QVERIFY2(pooler.found.contains(u"port %1 is the server's own"_s.arg(profile.port)),
                 qPrintable(pooler.found));
    }
    QCOMPARE(fromEnvironment.code, 0);
    QCOMPARE(fromEnvironment.order, Titles);
    checkNoSecret(r, {profile.password});
    checkNoSecret(fromEnvironment, {profile.password});
}

void tst_Doctor::shouldFailAtAuthenticationOnAWrongPassword()
{
    ScratchDatabase db(Driver::PostgreSQL, u"doctor"_s);
    NT_REQUIRE(db);
    // GIVEN the right server with a wrong password
    ConnectionProfile p = db.profile();
    const QString right = p.password;
    p.password = u"Wrong-Password-7e1f"_s;
    // WHEN the doctor checks it
    const Run r = doctorFor(p);
    // THEN the way there is fine, the login fails with advice, and nothing after it is tried
    QCOMPARE(r.code, ConnectionFailed);
    QCOMPARE(r.order, Titles);
    QCOMPARE(r.checks[u"TCP"_s].status, u"PASS"_s);
    QCOMPARE(r.checks[u"TLS"_s].status, u"PASS"_s);
    const Check auth = r.checks[u"Authentication"_s];
    QCOMPARE(auth.status, u"FAIL"_s);
    QVERIFY2(auth.advice.contains(u"was not accepted"_s), qPrintable(auth.advice));
    for (const QString &title : Titles.mid(4)) {
        QCOMPARE(r.checks[title].status, u"SKIP"_s);
        QVERIFY(r.checks[title].found.contains(u"Authentication failed"_s));
    }
    checkNoSecret(r, {right, p.password});
}

void tst_Doctor::shouldFailAtTlsWhenTheCertificateIsForAnotherName()
{
    // GIVEN a Neon-style host name the server's certificate is not for (still 127.0.0.1 by hostaddr)
    ConnectionProfile p = stackProfile();
    QVERIFY(!p.hostAddress.isEmpty());
    p.host = u"ep-other-654321.eu-central-1.aws.neon.tech"_s;
    // WHEN the doctor checks it
    const Run r = doctorFor(p);
    // THEN TCP passes, TLS fails naming what the certificate is for, and the login is not tried
    QCOMPARE(r.code, ConnectionFailed);
    QCOMPARE(r.checks[u"TCP"_s].status, u"PASS"_s);
    const Check tls = r.checks[u"TLS"_s];
    QCOMPARE(tls.status, u"FAIL"_s);
    QVERIFY2(tls.found.contains(u"NOT for ep-other-654321.eu-central-1.aws.neon.tech"_s),
             qPrintable(tls.found));
    QVERIFY2(tls.found.contains(u"ep-test-123456"_s), qPrintable(tls.found));
    QVERIFY2(tls.advice.contains(u"is not for “ep-other-654321.eu-central-1.aws.neon.tech”"_s),
             qPrintable(tls.advice));
    QCOMPARE(r.checks[u"Authentication"_s].status, u"SKIP"_s);
    QVERIFY(r.checks[u"Authentication"_s].found.contains(u"TLS failed"_s));
    checkNoSecret(r, {p.password});
}

void tst_Doctor::shouldFailAtTcpWhenNothingListens()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    ConnectionProfile p = stackProfile();
    p.port = port;
    const Run r = doctorFor(p);
    QCOMPARE(r.code, ConnectionFailed);
    const Check tcp = r.checks[u"TCP"_s];
    QCOMPARE(tcp.status, u"FAIL"_s);
    QVERIFY2(tcp.found.contains(u"127.0.0.1:%1: Connection refused"_s.arg(port)), qPrintable(tcp.found));
    QVERIFY2(tcp.advice.contains(u"refused the connection"_s), qPrintable(tcp.advice));
    for (const QString &title : Titles.mid(2))
        QCOMPARE(r.checks[title].status, u"SKIP"_s);
    checkNoSecret(r, {p.password});
}

void tst_Doctor::shouldFailAtDnsForAnUnknownHostName()
{
    ConnectionProfile p = stackProfile();
    p.host = u"ep-missing-000000.invalid"_s; // .invalid never resolves (RFC 2606)
    p.hostAddress.clear();
    const Run r = doctorFor(p);
    QCOMPARE(r.code, ConnectionFailed);
    const Check dns = r.checks[u"DNS"_s];
    QCOMPARE(dns.status, u"FAIL"_s);
    QVERIFY2(dns.found.startsWith(u"ep-missing-000000.invalid could not be resolved"_s),
             qPrintable(dns.found));
    QVERIFY2(dns.advice.contains(u"could not be found"_s), qPrintable(dns.advice));
    QCOMPARE(r.checks[u"TCP"_s].status, u"SKIP"_s);
}

void tst_Doctor::shouldWarnButPassOnWeakTlsAndAMissingSchema()
{
    // GIVEN a database without the app's tables, and sslmode=verify-ca (kept as written: it checks the
    // chain but not the host name)
    ScratchDatabase db(Driver::PostgreSQL, u"doctor"_s);
    NT_REQUIRE(db);
    ConnectionProfile p = db.profile();
    p.options.insert(u"sslmode"_s, u"verify-ca"_s);
    // WHEN the doctor checks it
    const Run r = doctorFor(p);
    // THEN it works (exit 0) with two warnings that say what to do
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const Check tls = r.checks[u"TLS"_s];
    QCOMPARE(tls.status, u"WARN"_s);
    QVERIFY2(tls.found.contains(u"sslmode=verify-ca"_s), qPrintable(tls.found));
    QVERIFY2(tls.advice.contains(u"Use sslmode=verify-full"_s), qPrintable(tls.advice));
    const Check schema = r.checks[u"Schema"_s];
    QCOMPARE(schema.status, u"WARN"_s);
    QVERIFY2(schema.found.contains(u"no Neon Todo tables yet"_s), qPrintable(schema.found));
    QVERIFY2(schema.advice.contains(u"neon-todo-cli migrate up"_s), qPrintable(schema.advice));
    // Through the pooler the advice sends schema changes to the direct host.
    QCOMPARE(schema.advice.contains(u"on the direct host"_s), TestStack::throughPooler());
    QCOMPARE(r.checks[u"Round trip"_s].status, u"PASS"_s);
    QVERIFY(r.out.contains(u"see the advice under WARN"_s));
}

void tst_Doctor::shouldFailWhenTheDatabaseIsNewerThanTheApp()
{
    // GIVEN a database a newer app has migrated further than this one knows
    ScratchDatabase db(Driver::PostgreSQL, u"doctor"_s);
    NT_REQUIRE(db);
    auto migrated = SchemaMigrator(db.connectionName()).migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.error().toString()));
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(db.connectionName(), false),
                           u"INSERT INTO schema_migrations (version, name, checksum, app_version) "
                           u"VALUES (9999, 'from_the_future', 'x', '9.0.0')"_s));
    // WHEN the doctor checks it
    const Run r = doctorFor(db.profile());
    // THEN the schema check fails with advice, and the checks that do not depend on it still run
    QCOMPARE(r.code, ConnectionFailed);
    const Check schema = r.checks[u"Schema"_s];
    QCOMPARE(schema.status, u"FAIL"_s);
    QVERIFY2(schema.found.contains(u"schema version 9999; this app knows up to"_s), qPrintable(schema.found));
    QVERIFY2(schema.advice.contains(u"Update Neon Todo"_s), qPrintable(schema.advice));
    QCOMPARE(r.checks[u"Round trip"_s].status, u"PASS"_s);
    QCOMPARE(r.checks[u"Pooler"_s].status, u"PASS"_s);
}

void tst_Doctor::shouldPrintChecksAsJson()
{
    ScratchDatabase db(Driver::PostgreSQL, u"doctor"_s);
    NT_REQUIRE(db);
    ConnectionProfile wrong = db.profile();
    wrong.password = u"Wrong-Password-7e1f"_s;
    for (const auto &[profile, code] : {std::pair{db.profile(), 0}, std::pair{wrong, ConnectionFailed}}) {
        const Run r = doctorFor(profile, {u"--json"_s});
        QCOMPARE(r.code, code);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + u": "_s + r.out));
        QVERIFY(json.isArray());
        const QJsonArray checks = json.array();
        QCOMPARE(checks.size(), Ids.size());
        for (qsizetype i = 0; i < checks.size(); ++i) {
            const QJsonObject check = checks.at(i).toObject();
            QCOMPARE(check.keys(), (QStringList{u"advice"_s, u"check"_s, u"found"_s, u"status"_s}));
            QCOMPARE(check.value(u"check"_s).toString(), Ids.at(i));
            const QString status = check.value(u"status"_s).toString();
            QVERIFY2(QStringList({u"PASS"_s, u"WARN"_s, u"FAIL"_s, u"SKIP"_s}).contains(status),
                     qPrintable(status));
            QVERIFY(!check.value(u"found"_s).toString().isEmpty());
            if (status == u"FAIL" || status == u"WARN")
                QVERIFY(!check.value(u"advice"_s).toString().isEmpty());
        }
        if (code == ConnectionFailed)
            QCOMPARE(checks.at(3).toObject().value(u"status"_s).toString(), u"FAIL"_s);
        checkNoSecret(r, {db.profile().password, wrong.password});
    }
}

void tst_Doctor::shouldRefuseWhenThereIsNothingToCheck()
{
    const Run none = doctor({u"doctor"_s});
    QCOMPARE(none.code, UsageError);
    QVERIFY2(none.err.contains(u"no profile is current"_s), qPrintable(none.err));
    const Run local = doctor({u"--local"_s, u"doctor"_s});
    QCOMPARE(local.code, UsageError);
    QVERIFY2(local.err.contains(u"the local database needs no connection"_s), qPrintable(local.err));
    const Run unknown = doctor({u"doctor"_s, u"--frob"_s});
    QCOMPARE(unknown.code, UsageError);
    const Run missing = doctor({u"doctor"_s, u"--profile"_s, u"staging"_s});
    QCOMPARE(missing.code, UsageError);
    QVERIFY2(missing.err.contains(u"staging"_s), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(tst_Doctor)
#include "tst_doctor.moc"
