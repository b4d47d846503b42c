#include "connectionprofile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using nt::ConnectionProfile;
using nt::Error;

using Options = QMap<QString, QString>;

namespace {

const QString CaBundle = u"/etc/ssl/certs/ca-certificates.crt"_s;
const QString NeonHost = u"ep-cool-darkness-123456.us-east-2.aws.neon.tech"_s;
const QString NeonPoolerHost = u"ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech"_s;

ConnectionProfile parsed(const QString &text)
{
    const nt::Result<ConnectionProfile> result = ConnectionProfile::parse(text);
    if (!result)
        qWarning() << "unexpected parse error:" << result.error().message;
    return result ? result.value() : ConnectionProfile{};
}

} // namespace

class tst_ConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void shouldParseRealWorldConnectionStrings_data();
    void shouldParseRealWorldConnectionStrings();
    void shouldRejectMalformedTextWithPlainMessage_data();
    void shouldRejectMalformedTextWithPlainMessage();
    void shouldReadUrlsAndConninfoAlike();
    void shouldRejectTheOtherFormInTheStrictEntryPoints();
    void shouldRecogniseNeonHosts_data();
    void shouldRecogniseNeonHosts();
    void shouldFillNeonDefaultsOnlyWhereUnset_data();
    void shouldFillNeonDefaultsOnlyWhereUnset();
    void shouldBuildQuotedSortedConnectOptions_data();
    void shouldBuildQuotedSortedConnectOptions();
    void shouldReadConnectOptionsBackAsLibpqWould();
    void shouldRefuseSemicolonInConnectOptions();
    void shouldRoundTripThroughUrl_data();
    void shouldRoundTripThroughUrl();
    void shouldLeavePasswordOutOfUrlUnlessAsked();
    void shouldShowDisplayNameWithoutPassword_data();
    void shouldShowDisplayNameWithoutPassword();
    void shouldListBuiltInNames();
};

void tst_ConnectionProfile::shouldParseRealWorldConnectionStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("hostAddress");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("statementTimeoutMs");
    QTest::addColumn<Options>("options");

    const Options neonConsole{{u"sslmode"_s, u"require"_s}, {u"channel_binding"_s, u"require"_s}};

    QTest::newRow("neon direct, as the console copies it")
        << u"postgresql://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/dbname"
           u"?sslmode=require&channel_binding=require"_s
        << NeonHost << QString() << 5432 << u"dbname"_s << u"alex"_s << u"AbC123dEf"_s << 0 << neonConsole;
    QTest::newRow("neon pooler, as the console copies it")
        << u"postgresql://alex:AbC123dEf@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/dbname"
           u"?sslmode=require&channel_binding=require"_s
        << NeonPoolerHost << QString() << 5432 << u"dbname"_s << u"alex"_s << u"AbC123dEf"_s << 0
        << neonConsole;
    QTest::newRow("neon owner role with npg_ password")
        << u"postgresql://neondb_owner:npg_Xy7qL2mK9pRt@ep-morning-sky-a5b2c3d4.us-east-2.aws.neon.tech/"
           u"neondb?sslmode=require"_s
        << u"ep-morning-sky-a5b2c3d4.us-east-2.aws.neon.tech"_s << QString() << 5432 << u"neondb"_s
        << u"neondb_owner"_s << u"npg_Xy7qL2mK9pRt"_s << 0 << Options{{u"sslmode"_s, u"require"_s}};
    QTest::newRow("neon on azure")
        << u"postgresql://alex:AbC123dEf@ep-x-1.eastus2.azure.neon.tech/neondb?sslmode=require"_s
        << u"ep-x-1.eastus2.azure.neon.tech"_s << QString() << 5432 << u"neondb"_s << u"alex"_s
        << u"AbC123dEf"_s << 0 << Options{{u"sslmode"_s, u"require"_s}};
    QTest::newRow("neon eu with explicit port and verify-full")
        << u"postgres://alex:AbC123dEf@ep-royal-bird-987654.eu-central-1.aws.neon.tech:5432/neondb"
           u"?sslmode=verify-full"_s
        << u"ep-royal-bird-987654.eu-central-1.aws.neon.tech"_s << QString() << 5432 << u"neondb"_s
        << u"alex"_s << u"AbC123dEf"_s << 0 << Options{{u"sslmode"_s, u"verify-full"_s}};
    QTest::newRow("neon endpoint option for clients without SNI")
        << u"postgresql://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb"
           u"?options=endpoint%3Dep-cool-darkness-123456&sslmode=require"_s
        << NeonHost << QString() << 5432 << u"neondb"_s << u"alex"_s << u"AbC123dEf"_s << 0
        << Options{{u"options"_s, u"endpoint=ep-cool-darkness-123456"_s}, {u"sslmode"_s, u"require"_s}};
    QTest::newRow("neon psql snippet from the console")
        << u"psql 'postgresql://neondb_owner:npg_abc123@ep-cool-darkness-123456.us-east-2.aws.neon.tech/"
           u"neondb?sslmode=require&channel_binding=require'"_s
        << NeonHost << QString() << 5432 << u"neondb"_s << u"neondb_owner"_s << u"npg_abc123"_s << 0
        << neonConsole;
    QTest::newRow("neon .env line")
        << u"DATABASE_URL=\"postgresql://neondb_owner:npg_abc123@ep-cool-darkness-123456-pooler.us-east-2"
           u".aws.neon.tech/neondb?sslmode=require&channel_binding=require\""_s
        << NeonPoolerHost << QString() << 5432 << u"neondb"_s << u"neondb_owner"_s << u"npg_abc123"_s << 0
        << neonConsole;
    QTest::newRow("heroku postgres:// with port")
        << u"postgres://udk2e8ab3c0:p4f1e2d3c4b5a6@ec2-54-123-45-67.compute-1.amazonaws.com:5432/"
           u"d8f7g6h5j4k3l2"_s
        << u"ec2-54-123-45-67.compute-1.amazonaws.com"_s << QString() << 5432 << u"d8f7g6h5j4k3l2"_s
        << u"udk2e8ab3c0"_s << u"p4f1e2d3c4b5a6"_s << 0 << Options{};
    QTest::newRow("heroku ssl=true becomes sslmode=require")
        << u"postgres://u1:p1@ec2-1-2-3-4.compute-1.amazonaws.com/db1?ssl=true"_s
        << u"ec2-1-2-3-4.compute-1.amazonaws.com"_s << QString() << 5432 << u"db1"_s << u"u1"_s << u"p1"_s
        << 0 << Options{{u"sslmode"_s, u"require"_s}};
    QTest::newRow("supabase pooler on port 6543")
        << u"postgresql://postgres.abcdefghij:pw@aws-0-us-east-1.pooler.supabase.com:6543/postgres"_s
        << u"aws-0-us-east-1.pooler.supabase.com"_s << QString() << 6543 << u"postgres"_s
        << u"postgres.abcdefghij"_s << u"pw"_s << 0 << Options{};
    QTest::newRow("localhost with user and port, no password")
        << u"postgresql://postgres@localhost:5433/todo"_s << u"localhost"_s << QString() << 5433 << u"todo"_s
        << u"postgres"_s << QString() << 0 << Options{};
    QTest::newRow("localhost without user") << u"postgresql://localhost/todo"_s << u"localhost"_s << QString()
                                            << 5432 << u"todo"_s << QString() << QString() << 0 << Options{};
    QTest::newRow("host only: database left empty")
        << u"postgresql://db.internal"_s << u"db.internal"_s << QString() << 5432 << QString() << QString()
        << QString() << 0 << Options{};
    QTest::newRow("ipv6 loopback with port")
        << u"postgresql://alex:secret@[::1]:5433/todo"_s << u"::1"_s << QString() << 5433 << u"todo"_s
        << u"alex"_s << u"secret"_s << 0 << Options{};
    QTest::newRow("ipv6 address without port")
        << u"postgresql://[2001:db8::1234]/todo?connect_timeout=5"_s << u"2001:db8::1234"_s << QString()
        << 5432 << u"todo"_s << QString() << QString() << 0 << Options{{u"connect_timeout"_s, u"5"_s}};
    QTest::newRow("password with @ and / percent-encoded")
        << u"postgresql://alex:p%40ss%2Fw0rd@localhost/todo"_s << u"localhost"_s << QString() << 5432
        << u"todo"_s << u"alex"_s << u"p@ss/w0rd"_s << 0 << Options{};
    QTest::newRow("password with @ : / ? # % percent-encoded")
        << u"postgresql://alex:p%40s%3As%2Fw%3Fo%23r%25d@localhost/todo"_s << u"localhost"_s << QString()
        << 5432 << u"todo"_s << u"alex"_s << u"p@s:s/w?o#r%d"_s << 0 << Options{};
    QTest::newRow("raw colon in password, as libpq allows")
        << u"postgresql://alex:pa:ss@localhost/todo"_s << u"localhost"_s << QString() << 5432 << u"todo"_s
        << u"alex"_s << u"pa:ss"_s << 0 << Options{};
    QTest::newRow("percent-encoded user, database and unicode password")
        << u"postgresql://alex%40example.com:%C3%A9t%C3%A9@localhost/my%20todos"_s << u"localhost"_s
        << QString() << 5432 << u"my todos"_s << u"alex@example.com"_s << u"\u00e9t\u00e9"_s << 0
        << Options{};
    QTest::newRow("application_name with spaces")
        << u"postgresql://alex@localhost/todo?application_name=Neon%20Todo%20Desktop"_s << u"localhost"_s
        << QString() << 5432 << u"todo"_s << u"alex"_s << QString() << 0
        << Options{{u"application_name"_s, u"Neon Todo Desktop"_s}};
    QTest::newRow("query parameters override the URL parts")
        << u"postgresql://alex:pw@localhost:5432/todo?host=db.example.com&port=6543&dbname=other"
           u"&user=bob&password=pw2"_s
        << u"db.example.com"_s << QString() << 6543 << u"other"_s << u"bob"_s << u"pw2"_s << 0 << Options{};
    QTest::newRow("unix socket folder in the query")
        << u"postgresql:///todo?host=/var/run/postgresql"_s << u"/var/run/postgresql"_s << QString() << 5432
        << u"todo"_s << QString() << QString() << 0 << Options{};
    QTest::newRow("unix socket folder percent-encoded as host")
        << u"postgresql://%2Fvar%2Frun%2Fpostgresql/todo"_s << u"/var/run/postgresql"_s << QString() << 5432
        << u"todo"_s << QString() << QString() << 0 << Options{};
    QTest::newRow("user with socket folder in query")
        << u"postgresql://alex@/todo?host=/tmp"_s << u"/tmp"_s << QString() << 5432 << u"todo"_s << u"alex"_s
        << QString() << 0 << Options{};
    QTest::newRow("statement_timeout is ours, not an option")
        << u"postgresql://alex@localhost/todo?statement_timeout=30000&sslmode=disable"_s << u"localhost"_s
        << QString() << 5432 << u"todo"_s << u"alex"_s << QString() << 30000
        << Options{{u"sslmode"_s, u"disable"_s}};
    QTest::newRow("hostaddr skips DNS")
        << u"postgresql://alex@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?hostaddr=3.18.2.1"_s
        << NeonHost << u"3.18.2.1"_s << 5432 << u"neondb"_s << u"alex"_s << QString() << 0 << Options{};
    QTest::newRow("keepalive and session settings")
        << u"postgresql://alex@localhost/todo?keepalives=1&keepalives_idle=30&tcp_user_timeout=10000"
           u"&target_session_attrs=read-write"_s
        << u"localhost"_s << QString() << 5432 << u"todo"_s << u"alex"_s << QString() << 0
        << Options{{u"keepalives"_s, u"1"_s},
                   {u"keepalives_idle"_s, u"30"_s},
                   {u"tcp_user_timeout"_s, u"10000"_s},
                   {u"target_session_attrs"_s, u"read-write"_s}};
    QTest::newRow("upper-case scheme and sslmode value")
        << u"POSTGRESQL://alex@EP-COOL-DARKNESS-123456.US-EAST-2.AWS.NEON.TECH/neondb?sslmode=Verify-Full"_s
        << u"EP-COOL-DARKNESS-123456.US-EAST-2.AWS.NEON.TECH"_s << QString() << 5432 << u"neondb"_s
        << u"alex"_s << QString() << 0 << Options{{u"sslmode"_s, u"verify-full"_s}};
    QTest::newRow("conninfo unix socket")
        << u"host=/var/run/postgresql dbname=x"_s << u"/var/run/postgresql"_s << QString() << 5432 << u"x"_s
        << QString() << QString() << 0 << Options{};
    QTest::newRow("conninfo neon pooler, every part")
        << u"host=ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech port=5432 dbname=neondb "
           u"user=alex password=AbC123dEf sslmode=require channel_binding=require"_s
        << NeonPoolerHost << QString() << 5432 << u"neondb"_s << u"alex"_s << u"AbC123dEf"_s << 0
        << neonConsole;
    QTest::newRow("conninfo quoted values with escapes")
        << u"host=localhost port=5433 dbname='my todos' user=alex password='it\\'s a \\\\secret' "
           u"application_name='Neon Todo'"_s
        << u"localhost"_s << QString() << 5433 << u"my todos"_s << u"alex"_s << u"it's a \\secret"_s << 0
        << Options{{u"application_name"_s, u"Neon Todo"_s}};
    QTest::newRow("conninfo spaces around =")
        << u"host = ep-cool-darkness-123456.us-east-2.aws.neon.tech  dbname =neondb sslmode= verify-full"_s
        << NeonHost << QString() << 5432 << u"neondb"_s << QString() << QString() << 0
        << Options{{u"sslmode"_s, u"verify-full"_s}};
    QTest::newRow("conninfo CA bundle and server options")
        << u"host=localhost sslmode=verify-full sslrootcert=/etc/ssl/certs/ca-certificates.crt "
           u"options='-c search_path=app'"_s
        << u"localhost"_s << QString() << 5432 << QString() << QString() << QString() << 0
        << Options{{u"sslmode"_s, u"verify-full"_s},
                   {u"sslrootcert"_s, CaBundle},
                   {u"options"_s, u"-c search_path=app"_s}};
    QTest::newRow("conninfo hostaddr beside host")
        << u"host=db.example.com hostaddr=127.0.0.1 port=5432 dbname=todo"_s << u"db.example.com"_s
        << u"127.0.0.1"_s << 5432 << u"todo"_s << QString() << QString() << 0 << Options{};
    QTest::newRow("conninfo statement_timeout and an empty value")
        << u"host=localhost dbname=todo statement_timeout=5000 application_name="_s << u"localhost"_s
        << QString() << 5432 << u"todo"_s << QString() << QString() << 5000 << Options{};
    QTest::newRow("conninfo ipv6 host") << u"host=::1 port=5433 user=postgres"_s << u"::1"_s << QString()
                                        << 5433 << QString() << u"postgres"_s << QString() << 0 << Options{};
}

void tst_ConnectionProfile::shouldParseRealWorldConnectionStrings()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, hostAddress);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(int, statementTimeoutMs);
    QFETCH(Options, options);

    // WHEN the text is parsed
    const nt::Result<ConnectionProfile> result = ConnectionProfile::parse(text);

    // THEN every part lands in its field
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    const ConnectionProfile &p = result.value();
    QCOMPARE(p.host, host);
    QCOMPARE(p.hostAddress, hostAddress);
    QCOMPARE(p.port, port);
    QCOMPARE(p.database, database);
    QCOMPARE(p.user, user);
    QCOMPARE(p.password, password);
    QCOMPARE(p.statementTimeoutMs, statementTimeoutMs);
    QCOMPARE(p.options, options);
    QVERIFY(p.name.isEmpty());
}

void tst_ConnectionProfile::shouldRejectMalformedTextWithPlainMessage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("secret"); // must never appear in the message

    QTest::newRow("empty") << QString() << u"is empty"_s << QString();
    QTest::newRow("only spaces") << u"   \n "_s << u"is empty"_s << QString();
    QTest::newRow("mysql url") << u"mysql://root:Secr3tPw@localhost/todo"_s
                               << u"\"mysql://\" is not a PostgreSQL address"_s << u"Secr3tPw"_s;
    QTest::newRow("http url") << u"http://example.com/db"_s << u"\"http://\" is not a PostgreSQL address"_s
                              << QString();
    QTest::newRow("jdbc url") << u"jdbc:postgresql://localhost/todo?password=Secr3tPw"_s
                              << u"leave out the leading \"jdbc:\""_s << u"Secr3tPw"_s;
    QTest::newRow("nothing after @") << u"postgresql://alex:Secr3tPw@"_s << u"has no host after \"@\""_s
                                     << u"Secr3tPw"_s;
    QTest::newRow("port not a number")
        << u"postgresql://alex:Secr3tPw@localhost:abc/db"_s << u"from 1 to 65535"_s << u"Secr3tPw"_s;
    QTest::newRow("port too large") << u"postgresql://alex:Secr3tPw@localhost:70000/db"_s
                                    << u"from 1 to 65535"_s << u"Secr3tPw"_s;
    QTest::newRow("port zero") << u"postgresql://alex:Secr3tPw@localhost:0/db"_s << u"from 1 to 65535"_s
                               << u"Secr3tPw"_s;
    QTest::newRow("port empty after colon")
        << u"postgresql://alex:Secr3tPw@localhost:/db"_s << u"port after \":\" is missing"_s << u"Secr3tPw"_s;
    QTest::newRow("conninfo port not a number")
        << u"host=localhost port=five"_s << u"from 1 to 65535"_s << QString();
    QTest::newRow("raw slash in password")
        << u"postgresql://alex:Secr/3tPw@localhost/db"_s << u"must be percent-encoded"_s << u"Secr"_s;
    QTest::newRow("unterminated quote")
        << u"host=localhost password='Secr3tPw"_s << u"missing its closing quote"_s << u"Secr3tPw"_s;
    QTest::newRow("key without =") << u"host=localhost dbname"_s << u"\"dbname\" has no \"=\" after it"_s
                                   << QString();
    QTest::newRow("bare host name") << u"localhost"_s << u"has no \"=\" after it"_s << QString();
    QTest::newRow("unquoted password with a space")
        << u"host=localhost password=my secret dbname=x"_s
        << u"A word in the connection string has no \"=\""_s << u"secret"_s;
    QTest::newRow("= without key") << u"host=localhost =value"_s << u"no setting name"_s << QString();
    QTest::newRow("unknown conninfo key")
        << u"host=localhost password=Secr3tPw sslmod=require"_s
        << u"\"sslmod\" is not a PostgreSQL connection setting"_s << u"Secr3tPw"_s;
    QTest::newRow("unknown query key")
        << u"postgresql://alex:Secr3tPw@localhost/db?sslmod=require"_s
        << u"\"sslmod\" is not a PostgreSQL connection setting"_s << u"Secr3tPw"_s;
    QTest::newRow("upper-case key") << u"HOST=localhost"_s << u"settings are lower case"_s << QString();
    QTest::newRow("query key without =") << u"postgresql://alex:Secr3tPw@localhost/db?sslmode"_s
                                         << u"has no \"=\" and no value"_s << u"Secr3tPw"_s;
    QTest::newRow("bad sslmode in url")
        << u"postgresql://alex:Secr3tPw@localhost/db?sslmode=requir"_s
        << u"sslmode must be one of disable, allow, prefer, require"_s << u"Secr3tPw"_s;
    QTest::newRow("bad sslmode in conninfo")
        << u"host=localhost sslmode=always"_s << u"\"always\" is not"_s << QString();
    QTest::newRow("bad channel_binding")
        << u"host=localhost channel_binding=sometimes"_s
        << u"channel_binding must be one of disable, prefer, require"_s << QString();
    QTest::newRow("negative connect_timeout")
        << u"host=localhost connect_timeout=-5"_s << u"connect_timeout must be a whole number"_s << QString();
    QTest::newRow("keepalives_idle with unit") << u"postgresql://h/db?keepalives_idle=30s"_s
                                               << u"keepalives_idle must be a whole number"_s << QString();
    QTest::newRow("statement_timeout with unit")
        << u"host=localhost statement_timeout=5s"_s << u"statement_timeout must be a whole number"_s
        << QString();
    QTest::newRow("bad percent in password")
        << u"postgresql://alex:Se%zzcr3t@localhost/db"_s
        << u"password in the URL has broken percent-encoding"_s << u"Se%zzcr3t"_s;
    QTest::newRow("truncated percent in database")
        << u"postgresql://alex:Secr3tPw@localhost/my%2"_s << u"database name in the URL has broken"_s
        << u"Secr3tPw"_s;
    QTest::newRow("percent zero byte in user") << u"postgresql://al%00ex:Secr3tPw@localhost/db"_s
                                               << u"user name in the URL has broken"_s << u"Secr3tPw"_s;
    QTest::newRow("two hosts in url")
        << u"postgresql://alex:Secr3tPw@host1:5432,host2:5432/db"_s << u"Several hosts"_s << u"Secr3tPw"_s;
    QTest::newRow("two hosts in conninfo")
        << u"host=h1,h2 dbname=x password=Secr3tPw"_s << u"Several hosts"_s << u"Secr3tPw"_s;
    QTest::newRow("two ports in query")
        << u"postgresql://h/db?port=5432,5433"_s << u"Several hosts"_s << QString();
    QTest::newRow("ipv6 without closing bracket")
        << u"postgresql://alex:Secr3tPw@[::1/db"_s << u"has no closing \"]\""_s << u"Secr3tPw"_s;
    QTest::newRow("text after ipv6 bracket")
        << u"postgresql://[::1]x/db"_s << u"Something follows the \"]\""_s << QString();
}

void tst_ConnectionProfile::shouldRejectMalformedTextWithPlainMessage()
{
    QFETCH(QString, text);
    QFETCH(QString, phrase);
    QFETCH(QString, secret);

    // WHEN malformed text is parsed
    const nt::Result<ConnectionProfile> result = ConnectionProfile::parse(text);

    // THEN it is an input error that says what is wrong, without the password
    QVERIFY(!result.ok());
    const Error error = result.error();
    QCOMPARE(error.kind, Error::Kind::InvalidInput);
    QVERIFY2(error.message.contains(phrase), qPrintable(error.message));
    if (!secret.isEmpty()) {
        QVERIFY2(!error.message.contains(secret), qPrintable(error.message));
        QVERIFY2(!error.toString().contains(secret), qPrintable(error.toString()));
    }
}

void tst_ConnectionProfile::shouldReadUrlsAndConninfoAlike()
{
    // GIVEN the same connection as a URL and as a key=value string
    const ConnectionProfile fromUrl =
        parsed(u"postgresql://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb"
               u"?sslmode=verify-full&connect_timeout=10&application_name=Neon%20Todo"_s);
    const ConnectionProfile fromConninfo =
        parsed(u"host=ep-cool-darkness-123456.us-east-2.aws.neon.tech dbname=neondb user=alex "
               u"password=AbC123dEf sslmode=verify-full connect_timeout=10 application_name='Neon Todo'"_s);

    // THEN both give the same profile
    QVERIFY(!fromUrl.host.isEmpty());
    QCOMPARE(fromUrl, fromConninfo);
}

void tst_ConnectionProfile::shouldRejectTheOtherFormInTheStrictEntryPoints()
{
    QCOMPARE(ConnectionProfile::fromUrl(u"host=localhost"_s).error().kind, Error::Kind::InvalidInput);
    QCOMPARE(ConnectionProfile::fromConninfo(u"postgresql://localhost/db"_s).error().kind,
             Error::Kind::InvalidInput);
    QVERIFY(ConnectionProfile::fromUrl(u"postgresql://localhost/db"_s).ok());
    QVERIFY(ConnectionProfile::fromConninfo(u"host=localhost"_s).ok());
}

void tst_ConnectionProfile::shouldRecogniseNeonHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("neon");
    QTest::addColumn<bool>("pooler");
    QTest::addColumn<QString>("endpointId");

    QTest::newRow("direct") << NeonHost << true << false << u"ep-cool-darkness-123456"_s;
    QTest::newRow("pooler") << NeonPoolerHost << true << true << u"ep-cool-darkness-123456"_s;
    QTest::newRow("azure") << u"ep-x-1.eastus2.azure.neon.tech"_s << true << false << u"ep-x-1"_s;
    QTest::newRow("azure pooler") << u"ep-x-1-pooler.eastus2.azure.neon.tech"_s << true << true
                                  << u"ep-x-1"_s;
    QTest::newRow("upper case") << u"EP-COOL-DARKNESS-123456-POOLER.US-EAST-2.AWS.NEON.TECH"_s << true << true
                                << u"ep-cool-darkness-123456"_s;
    QTest::newRow("trailing dot") << u"ep-a-1.us-east-2.aws.neon.tech."_s << true << false << u"ep-a-1"_s;
    QTest::newRow("localhost") << u"localhost"_s << false << false << QString();
    QTest::newRow("look-alike domain") << u"ep-a-1.neon.tech.example.com"_s << false << false << QString();
    QTest::newRow("pooler elsewhere") << u"db-pooler.example.com"_s << false << false << QString();
    QTest::newRow("empty") << QString() << false << false << QString();
}

void tst_ConnectionProfile::shouldRecogniseNeonHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, neon);
    QFETCH(bool, pooler);
    QFETCH(QString, endpointId);

    ConnectionProfile p;
    p.host = host;
    QCOMPARE(p.isNeon(), neon);
    QCOMPARE(p.isNeonPooler(), pooler);
    QCOMPARE(p.neonEndpointId(), endpointId);
}

void tst_ConnectionProfile::shouldFillNeonDefaultsOnlyWhereUnset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Options>("expected");

    const Options all{{u"sslmode"_s, u"verify-full"_s},
                      {u"sslrootcert"_s, CaBundle},
                      {u"channel_binding"_s, u"require"_s},
                      {u"connect_timeout"_s, u"10"_s}};
    QTest::newRow("neon with nothing set") << u"postgresql://alex@"_s + NeonHost + u"/neondb"_s << all;
    QTest::newRow("neon pooler with nothing set")
        << u"postgresql://alex@"_s + NeonPoolerHost + u"/neondb"_s << all;
    // The console's sslmode=require only encrypts: for Neon it becomes verify-full.
    QTest::newRow("neon console url: require becomes verify-full")
        << u"postgresql://alex:pw@"_s + NeonHost + u"/neondb?sslmode=require&channel_binding=require"_s << all;
    QTest::newRow("neon prefer becomes verify-full") << u"postgresql://alex@"_s + NeonHost + u"/neondb?sslmode=prefer"_s
                                                     << all;
    Options verifyCa = all;
    verifyCa[u"sslmode"_s] = u"verify-ca"_s;
    QTest::newRow("neon verify-ca is kept") << u"postgresql://alex@"_s + NeonHost + u"/neondb?sslmode=verify-ca"_s
                                            << verifyCa;
    Options own = all;
    own[u"connect_timeout"_s] = u"30"_s;
    own[u"sslrootcert"_s] = u"/home/alex/neon-ca.pem"_s;
    own[u"channel_binding"_s] = u"prefer"_s;
    QTest::newRow("neon with own timeout, CA and channel binding")
        << u"host="_s + NeonHost +
               u" connect_timeout=30 sslrootcert=/home/alex/neon-ca.pem channel_binding=prefer"_s
        << own;
    QTest::newRow("not neon: unchanged")
        << u"postgresql://alex@localhost/todo?sslmode=prefer"_s << Options{{u"sslmode"_s, u"prefer"_s}};
    QTest::newRow("not neon, nothing set: nothing added") << u"host=db.example.com"_s << Options{};
}

void tst_ConnectionProfile::shouldFillNeonDefaultsOnlyWhereUnset()
{
    QFETCH(QString, text);
    QFETCH(Options, expected);

    // GIVEN a parsed profile
    ConnectionProfile p = parsed(text);
    const ConnectionProfile before = p;

    // WHEN Neon's defaults are applied (twice: it is idempotent)
    p.applyNeonDefaults();
    p.applyNeonDefaults();

    // THEN only unset options were filled in, and nothing else changed
    QCOMPARE(p.options, expected);
    p.options = before.options;
    QCOMPARE(p, before);
}

void tst_ConnectionProfile::shouldBuildQuotedSortedConnectOptions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing to pass") << u"postgresql://alex:pw@localhost/todo"_s << QString();
    QTest::newRow("sorted by key, host/user/password left out")
        << u"postgresql://alex:pw@localhost/todo?sslmode=verify-full&connect_timeout=10"
           u"&application_name=Neon%20Todo"_s
        << u"application_name='Neon Todo';connect_timeout='10';sslmode='verify-full'"_s;
    QTest::newRow("quote and backslash escaped") << u"host=localhost application_name='O\\'Brien\\\\laptop'"_s
                                                 << u"application_name='O\\'Brien\\\\laptop'"_s;
    QTest::newRow("hostaddr included")
        << u"host=db.example.com hostaddr=10.0.0.5"_s << u"hostaddr='10.0.0.5'"_s;
    QTest::newRow("statement timeout as a server option")
        << u"postgresql://localhost/todo?statement_timeout=5000"_s
        << u"options='-c statement_timeout=5000'"_s;
    QTest::newRow("statement timeout merged with existing options")
        << u"postgresql://"_s + NeonHost +
               u"/neondb?options=endpoint%3Dep-cool-darkness-123456"
               u"&statement_timeout=5000"_s
        << u"options='endpoint=ep-cool-darkness-123456 -c statement_timeout=5000'"_s;
    QTest::newRow("no statement timeout through the neon pooler")
        << u"postgresql://"_s + NeonPoolerHost + u"/neondb?statement_timeout=5000&sslmode=require"_s
        << u"sslmode='require'"_s;
}

void tst_ConnectionProfile::shouldBuildQuotedSortedConnectOptions()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const nt::Result<QString> options = parsed(text).connectOptions();
    QVERIFY2(options.ok(), qPrintable(options.error().message));
    QCOMPARE(options.value(), expected);
}

void tst_ConnectionProfile::shouldReadConnectOptionsBackAsLibpqWould()
{
    // GIVEN a profile with awkward values
    ConnectionProfile p;
    p.host = u"db.example.com"_s;
    p.options = {{u"application_name"_s, u"it's \\ \"odd\"  spaced"_s},
                 {u"options"_s, u"-c search_path=app"_s},
                 {u"sslrootcert"_s, u"/home/alex/My Certs/ca.pem"_s}};

    // WHEN QPSQL turns the options into a conninfo string (';' becomes ' ') and libpq reads it back
    const nt::Result<QString> options = p.connectOptions();
    QVERIFY(options.ok());
    const QString conninfo = QString(options.value()).replace(u';', u' ');
    const nt::Result<ConnectionProfile> back = ConnectionProfile::fromConninfo(conninfo);

    // THEN every value arrives unchanged (our key=value parser follows libpq's rules)
    QVERIFY2(back.ok(), qPrintable(back.error().message));
    QCOMPARE(back.value().options, p.options);
}

void tst_ConnectionProfile::shouldRefuseSemicolonInConnectOptions()
{
    ConnectionProfile p;
    p.host = u"localhost"_s;
    p.password = u"Secr3t;Pw"_s;
    QVERIFY(p.connectOptions().ok()); // the password is not part of the options

    p.options.insert(u"options"_s, u"-c search_path=a;b"_s);
    const Error error = p.connectOptions().error();
    QCOMPARE(error.kind, Error::Kind::InvalidInput);
    QVERIFY2(error.message.contains(u"The value of options contains \";\""_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"Secr3t"_s));
}

void tst_ConnectionProfile::shouldRoundTripThroughUrl_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("neon console url") << u"postgresql://alex:AbC123dEf@"_s + NeonHost +
                                             u"/neondb?sslmode=require&channel_binding=require"_s;
    QTest::newRow("every special character")
        << u"host=db.example.com port=6543 user='al ex@home' password='p@s:s/w?o#r%d&x=y\\'z' "
           u"dbname='my todos/2026?' application_name='Neon Todo & co' options='-c a=b'"_s;
    QTest::newRow("ipv6 with port") << u"postgresql://alex:pw@[2001:db8::1]:5433/todo"_s;
    QTest::newRow("ipv6 with zone") << u"host=fe80::1%eth0 dbname=todo"_s;
    QTest::newRow("unix socket with user") << u"host=/var/run/postgresql user=alex password=pw dbname=x"_s;
    QTest::newRow("no host at all") << u"user=alex dbname=x"_s;
    QTest::newRow("hostaddr and statement timeout")
        << u"host=db.example.com hostaddr=10.0.0.5 statement_timeout=2500"_s;
    QTest::newRow("unicode") << u"postgresql://%C3%A9l%C3%A8ve:%E2%82%AC@localhost/caf%C3%A9"_s;
}

void tst_ConnectionProfile::shouldRoundTripThroughUrl()
{
    QFETCH(QString, text);

    // GIVEN a parsed profile
    const ConnectionProfile original = parsed(text);
    QVERIFY(original != ConnectionProfile{});

    // WHEN it is written as a URL with its password and read back
    const QString url = original.toUrl(true);
    const nt::Result<ConnectionProfile> back = ConnectionProfile::fromUrl(url);

    // THEN nothing was lost or changed
    QVERIFY2(back.ok(), qPrintable(back.error().message + u" in "_s + url));
    QCOMPARE(back.value(), original);
}

void tst_ConnectionProfile::shouldLeavePasswordOutOfUrlUnlessAsked()
{
    const ConnectionProfile p =
        parsed(u"postgresql://alex:p%40ss%2Fw0rd@"_s + NeonHost + u"/neondb?sslmode=require"_s);
    QCOMPARE(p.toUrl(), u"postgresql://alex@"_s + NeonHost + u"/neondb?sslmode=require"_s);
    QCOMPARE(p.toUrl(true), u"postgresql://alex:p%40ss%2Fw0rd@"_s + NeonHost + u"/neondb?sslmode=require"_s);

    ConnectionProfile socket;
    socket.user = u"alex"_s;
    socket.password = u"Secr3tPw"_s;
    socket.database = u"x"_s;
    QCOMPARE(socket.toUrl(), u"postgresql:///x?user=alex"_s);
    QVERIFY(!socket.toUrl().contains(u"Secr3tPw"_s));
}

void tst_ConnectionProfile::shouldShowDisplayNameWithoutPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("neon") << u"postgresql://alex:AbC123dEf@"_s + NeonHost + u"/neondb"_s
                          << u"alex@"_s + NeonHost + u":5432/neondb"_s;
    QTest::newRow("ipv6 in brackets")
        << u"postgresql://alex:pw@[::1]:5433/todo"_s << u"alex@[::1]:5433/todo"_s;
    QTest::newRow("no user") << u"host=localhost dbname=todo password=pw"_s << u"localhost:5432/todo"_s;
    QTest::newRow("unix socket") << u"host=/var/run/postgresql dbname=x user=alex"_s
                                 << u"alex@/var/run/postgresql:5432/x"_s;
    QTest::newRow("no host") << u"user=alex dbname=x"_s << u"alex@local socket:5432/x"_s;
}

void tst_ConnectionProfile::shouldShowDisplayNameWithoutPassword()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const ConnectionProfile p = parsed(text);
    QCOMPARE(p.displayName(), expected);
    if (!p.password.isEmpty())
        QVERIFY(!p.displayName().contains(p.password));
}

void tst_ConnectionProfile::shouldListBuiltInNames()
{
    QCOMPARE(ConnectionProfile::builtInNames(),
             (QStringList{u"development"_s, u"staging"_s, u"production"_s}));
}

QTEST_GUILESS_MAIN(tst_ConnectionProfile)
#include "tst_connectionprofile.moc"
