#include "connectionmanager.h"
#include "connectionprofile.h"
#include "faultproxy.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <memory>

#include <poll.h>
#include <sys/socket.h>

using namespace nt;
using namespace nt::test;

namespace {

// PostgreSQL's SSLRequest: length 8, code 80877103. A server with TLS answers with the single byte 'S'.
const QByteArray sslRequest = QByteArray::fromHex("0000000804d2162f");

// A QPSQL connection of the test thread, closed and removed when it goes out of scope.
class Connection
{
public:
    Connection(const QString &url, const QString &name) : m_name(name)
    {
        auto parsed = ConnectionProfile::parse(url);
        if (!parsed) {
            m_error = parsed.error().message;
            return;
        }
        if (Error e = ConnectionManager::addPostgres(name, parsed.value())) {
            m_error = e.toString();
            return;
        }
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // The first column of the first row of `sql`, or the error text in `error`.
    QVariant value(const QString &sql, QString *error = nullptr) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next()) {
            if (error)
                *error = q.lastError().text();
            return {};
        }
        return q.value(0);
    }

private:
    QString m_name;
    QString m_error;
};

} // namespace

// The fault proxy between the suite and the test stack (the direct server, or PgBouncer when the
// suite runs as *_pooler): every fault it offers, provoked for real through QPSQL and libpq.
class tst_FaultProxy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void shouldRewriteOnlyThePortOfAUrl_data();
    void shouldRewriteOnlyThePortOfAUrl();
    void shouldForwardQueriesBothWays();
    void shouldDelayEveryChunkByTheLatency();
    void shouldDelayOnlyTheFirstConnectionOfAColdStart();
    void shouldRefuseNewConnectionsButKeepOpenOnes();
    void shouldResetEveryLiveConnection();
    void shouldStallWithoutDroppingOrClosing();
    void shouldRunTheStatementButDropItsReply();
    void shouldCountBytesAndConnections();

private:
    QString proxiedUrl() const { return m_proxy->url(TestStack::ownerUrl()); }

    FaultProxy::Target m_target;
    std::unique_ptr<FaultProxy> m_proxy;
};

void tst_FaultProxy::initTestCase()
{
    QVERIFY2(TestStack::whyUnavailable().isEmpty(), qPrintable(TestStack::whyUnavailable()));
    m_target = FaultProxy::targetOf(TestStack::ownerUrl());
    QVERIFY(m_target.isValid());
}

void tst_FaultProxy::init()
{
    m_proxy = std::make_unique<FaultProxy>(m_target);
    QVERIFY2(m_proxy->start(), qPrintable(m_proxy->errorString()));
    QVERIFY(m_proxy->port() != 0);
}

void tst_FaultProxy::cleanup()
{
    m_proxy.reset();
}

void tst_FaultProxy::shouldRewriteOnlyThePortOfAUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("neon-style") << QStringLiteral(
                                       "postgresql://u:p%40ss@ep-a-1.us-east-2.aws.neon.tech:5432/neon_todo"
                                       "?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=/tmp/x/ca.crt")
                                << QStringLiteral(
                                       "postgresql://u:p%40ss@ep-a-1.us-east-2.aws.neon.tech:40000/neon_todo"
                                       "?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=/tmp/x/ca.crt");
    QTest::newRow("no port") << QStringLiteral("postgresql://u@db.example/app")
                             << QStringLiteral("postgresql://u@db.example:40000/app");
    QTest::newRow("no path") << QStringLiteral("postgres://db.example:6543")
                             << QStringLiteral("postgres://db.example:40000");
    QTest::newRow("query only") << QStringLiteral("postgresql://h:1?sslmode=require")
                                << QStringLiteral("postgresql://h:40000?sslmode=require");
    QTest::newRow("ipv6") << QStringLiteral("postgresql://u@[::1]:5432/db")
                          << QStringLiteral("postgresql://u@[::1]:40000/db");
    QTest::newRow("encoded colon in password")
        << QStringLiteral("postgresql://u:a%3Ab@h:5/d") << QStringLiteral("postgresql://u:a%3Ab@h:40000/d");
    QTest::newRow("several hosts") << QStringLiteral("postgresql://a:1,b:2/db") << QString();
    QTest::newRow("no host") << QStringLiteral("postgresql:///db") << QString();
    QTest::newRow("not a url") << QStringLiteral("host=h port=5") << QString();
}

void tst_FaultProxy::shouldRewriteOnlyThePortOfAUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(FaultProxy::withPort(url, 40000), expected);
}

void tst_FaultProxy::shouldForwardQueriesBothWays()
{
    // GIVEN the stack's URL pointed at the proxy
    const QString url = proxiedUrl();
    const auto direct = ConnectionProfile::parse(TestStack::ownerUrl());
    const auto proxied = ConnectionProfile::parse(url);
    QVERIFY(direct && proxied);
    QCOMPARE(proxied.value().host, direct.value().host);
    QCOMPARE(proxied.value().port, int(m_proxy->port()));
    QCOMPARE(FaultProxy::targetOf(url).port, m_proxy->port());

    // WHEN a connection opens through it (verify-full still checks the Neon-style name) and queries
    {
        Connection c(url, QStringLiteral("forward"));
        QVERIFY2(c.isOpen(), qPrintable(c.error()));
        QString error;
        QCOMPARE(c.value(QStringLiteral("SELECT current_database()"), &error).toString(),
                 direct.value().database);
        QCOMPARE(c.value(QStringLiteral("SELECT 40 + 2"), &error).toInt(), 42);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // THEN it went through the proxy, both ways, on one connection
        QCOMPARE(m_proxy->connectionsAccepted(), 1);
        QCOMPARE(m_proxy->liveConnections(), 1);
        QVERIFY(m_proxy->bytesClientToServer() > 0);
        QVERIFY(m_proxy->bytesServerToClient() > 0);
    }
    // and closing it on the client ends it in the proxy too
    QTRY_COMPARE(m_proxy->liveConnections(), 0);
}

void tst_FaultProxy::shouldDelayEveryChunkByTheLatency()
{
    // GIVEN an open connection through the proxy
    Connection c(proxiedUrl(), QStringLiteral("latency"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(c.value(QStringLiteral("SELECT 1")).toInt(), 1);
    const qint64 without = timer.elapsed();

    // WHEN 100 ms of latency is added
    m_proxy->setLatency(100);
    timer.restart();
    QString error;
    const QVariant one = c.value(QStringLiteral("SELECT 1"), &error);
    const qint64 with = timer.elapsed();

    // THEN one round trip takes at least 100 ms each way
    QVERIFY2(one.toInt() == 1, qPrintable(error));
    QVERIFY2(with >= 200, qPrintable(QStringLiteral("SELECT 1 took %1 ms with 100 ms latency (%2 ms without)")
                                         .arg(with)
                                         .arg(without)));

    // and a result of many chunks arrives whole and in order (TLS would fail on any reordering)
    m_proxy->setLatency(20);
    const QString big = c.value(QStringLiteral("SELECT repeat('ab', 500000)"), &error).toString();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(big.size(), 1000000);
    QCOMPARE(big, QStringLiteral("ab").repeated(500000));
    qInfo("SELECT 1: %lld ms without latency, %lld ms with 100 ms", without, with);
}

void tst_FaultProxy::shouldDelayOnlyTheFirstConnectionOfAColdStart()
{
    // GIVEN a database that takes 1.5 s to wake
    m_proxy->setColdStart(1500);

    // WHEN a client connects and sends PostgreSQL's SSLRequest
    QTcpSocket raw;
    QElapsedTimer timer;
    timer.start();
    raw.connectToHost(QStringLiteral("127.0.0.1"), m_proxy->port());
    // THEN the TCP connection is accepted at once
    QVERIFY(raw.waitForConnected(1000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(raw.write(sslRequest), qint64(sslRequest.size()));
    QVERIFY(raw.waitForBytesWritten(1000));
    // but nothing comes back for a while
    QVERIFY(!raw.waitForReadyRead(1000));
    QCOMPARE(m_proxy->bytesClientToServer(), quint64(0));
    // and the server's answer arrives once the database is awake
    QVERIFY(raw.waitForReadyRead(5000));
    const qint64 woke = timer.elapsed();
    QCOMPARE(raw.readAll(), QByteArray("S"));
    QVERIFY2(woke >= 1500, qPrintable(QStringLiteral("answered after %1 ms").arg(woke)));
    raw.abort();

    // WHEN another connection opens, THEN it is not delayed
    timer.restart();
    {
        Connection second(proxiedUrl(), QStringLiteral("cold-2"));
        QVERIFY2(second.isOpen(), qPrintable(second.error()));
    }
    const qint64 secondMs = timer.elapsed();
    QVERIFY2(secondMs < 1500, qPrintable(QStringLiteral("the second open took %1 ms").arg(secondMs)));

    // WHEN the database is suspended again, THEN the next open waits for it to wake
    m_proxy->resetColdStart();
    timer.restart();
    Connection third(proxiedUrl(), QStringLiteral("cold-3"));
    const qint64 thirdMs = timer.elapsed();
    QVERIFY2(third.isOpen(), qPrintable(third.error()));
    QVERIFY2(thirdMs >= 1500, qPrintable(QStringLiteral("the open after a suspend took %1 ms").arg(thirdMs)));
    qInfo("cold start 1500 ms: SSLRequest answered after %lld ms; open while awake %lld ms, after a suspend "
          "%lld ms",
          woke, secondMs, thirdMs);
}

void tst_FaultProxy::shouldRefuseNewConnectionsButKeepOpenOnes()
{
    // GIVEN one open connection
    Connection open(proxiedUrl(), QStringLiteral("refuse-open"));
    QVERIFY2(open.isOpen(), qPrintable(open.error()));

    // WHEN the proxy refuses
    QVERIFY(m_proxy->setRefuse(true));

    // THEN a new connection is refused by the operating system
    {
        Connection refused(proxiedUrl(), QStringLiteral("refuse-new"));
        QVERIFY(!refused.isOpen());
        QVERIFY2(refused.error().contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(refused.error()));
    }
    QCOMPARE(m_proxy->connectionsAccepted(), 1);
    // while the open one still answers
    QCOMPARE(open.value(QStringLiteral("SELECT 7")).toInt(), 7);

    // WHEN it accepts again, THEN connections open on the same port
    QVERIFY2(m_proxy->setRefuse(false), qPrintable(m_proxy->errorString()));
    Connection again(proxiedUrl(), QStringLiteral("refuse-again"));
    QVERIFY2(again.isOpen(), qPrintable(again.error()));
    QCOMPARE(m_proxy->connectionsAccepted(), 2);
}

void tst_FaultProxy::shouldResetEveryLiveConnection()
{
    // GIVEN two open connections, and a raw one that has had its answer to an SSLRequest
    Connection a(proxiedUrl(), QStringLiteral("reset-a"));
    Connection b(proxiedUrl(), QStringLiteral("reset-b"));
    QVERIFY2(a.isOpen() && b.isOpen(), qPrintable(a.error() + b.error()));
    QVERIFY(a.db().isOpen() && b.db().isOpen());
    QTcpSocket raw;
    raw.connectToHost(QStringLiteral("127.0.0.1"), m_proxy->port());
    QVERIFY(raw.waitForConnected(1000));
    raw.write(sslRequest);
    QVERIFY(raw.waitForReadyRead(5000));
    QCOMPARE(raw.readAll(), QByteArray("S"));
    QCOMPARE(m_proxy->liveConnections(), 3);

    // WHEN the proxy resets them
    m_proxy->resetAll();
    QCOMPARE(m_proxy->liveConnections(), 0);

    // THEN the raw client sees a TCP reset, not an orderly close (recv gives 0 for a FIN)
    pollfd readable{int(raw.socketDescriptor()), POLLIN, 0};
    QCOMPARE(::poll(&readable, 1, 2000), 1);
    char byte = 0;
    errno = 0;
    const ssize_t got = ::recv(int(raw.socketDescriptor()), &byte, 1, 0);
    const int recvError = errno;
    QCOMPARE(got, ssize_t(-1));
    QCOMPARE(recvError, ECONNRESET);
    raw.abort();
    // and the next query on each QPSQL connection fails, after which the connection says it is
    // closed (QPSQL's isOpen() asks libpq for the connection's status)
    for (const Connection *c : {&a, &b}) {
        QString error;
        QVERIFY(!c->value(QStringLiteral("SELECT 1"), &error).isValid());
        QVERIFY(!error.isEmpty());
        QVERIFY(!c->db().isOpen());
    }
    // and a new connection works
    Connection fresh(proxiedUrl(), QStringLiteral("reset-fresh"));
    QVERIFY2(fresh.isOpen(), qPrintable(fresh.error()));
    QCOMPARE(fresh.value(QStringLiteral("SELECT 3")).toInt(), 3);
}

void tst_FaultProxy::shouldStallWithoutDroppingOrClosing()
{
    // GIVEN an open connection and a stalled proxy
    Connection c(proxiedUrl(), QStringLiteral("stall"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    m_proxy->setStalled(true);
    const quint64 upBefore = m_proxy->bytesClientToServer();
    const quint64 downBefore = m_proxy->bytesServerToClient();

    // WHEN a query runs on this thread (blocking, as QSqlQuery does) and another thread unstalls the
    // proxy after one second; if the query still has not finished 10 s later, the connections are
    // reset so that the test ends.
    std::atomic<bool> finished = false;
    quint64 upDuringStall = 0;
    quint64 downDuringStall = 0;
    int liveDuringStall = 0;
    bool finishedDuringStall = false;
    std::unique_ptr<QThread> helper(QThread::create([&] {
        QThread::msleep(1000);
        finishedDuringStall = finished.load();
        upDuringStall = m_proxy->bytesClientToServer();
        downDuringStall = m_proxy->bytesServerToClient();
        liveDuringStall = m_proxy->liveConnections();
        m_proxy->setStalled(false);
        QElapsedTimer watchdog;
        watchdog.start();
        while (!finished.load() && watchdog.elapsed() < 10000)
            QThread::msleep(10);
        if (!finished.load())
            m_proxy->resetAll();
    }));
    helper->start();
    QElapsedTimer timer;
    timer.start();
    QString error;
    const QString result = c.value(QStringLiteral("SELECT repeat('s', 100000)"), &error).toString();
    const qint64 took = timer.elapsed();
    finished = true;
    helper->wait();

    // THEN nothing was forwarded while stalled, the connection stayed open, and the query finished
    // with the whole result once unstalled
    QVERIFY(!finishedDuringStall);
    QCOMPARE(upDuringStall, upBefore);
    QCOMPARE(downDuringStall, downBefore);
    QCOMPARE(liveDuringStall, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(result, QStringLiteral("s").repeated(100000));
    QVERIFY2(took >= 1000, qPrintable(QStringLiteral("the query took %1 ms").arg(took)));
    QVERIFY(m_proxy->bytesServerToClient() - downBefore >= 100000);
    qInfo("query stalled for 1000 ms finished after %lld ms", took);
}

void tst_FaultProxy::shouldRunTheStatementButDropItsReply()
{
    // GIVEN a connection through the proxy, one straight to the stack, and a table name no one uses
    Connection c(proxiedUrl(), QStringLiteral("drop"));
    Connection direct(TestStack::ownerUrl(), QStringLiteral("drop-direct"));
    QVERIFY2(c.isOpen() && direct.isOpen(), qPrintable(c.error() + direct.error()));
    const QString table = QStringLiteral("faultproxy_drop_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    m_proxy->setDropReplies(true);
    const quint64 downBefore = m_proxy->bytesServerToClient();

    // WHEN the client creates the table (autocommit) and another thread resets the connection after
    // one second, as the client's own deadline would
    std::atomic<bool> finished = false;
    bool finishedBeforeReset = false;
    quint64 droppedBeforeReset = 0;
    std::unique_ptr<QThread> helper(QThread::create([&] {
        QThread::msleep(1000);
        finishedBeforeReset = finished.load();
        droppedBeforeReset = m_proxy->bytesDropped();
        m_proxy->resetAll();
    }));
    helper->start();
    QString error;
    const QVariant answer = c.value(QStringLiteral("CREATE TABLE %1 (x int)").arg(table), &error);
    finished = true;
    helper->wait();
    m_proxy->setDropReplies(false);

    // THEN the client never got an answer and saw the connection fail ...
    QVERIFY(!finishedBeforeReset);
    QVERIFY(!answer.isValid());
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_proxy->bytesServerToClient(), downBefore);
    QVERIFY2(droppedBeforeReset > 0, "the server's answer should have reached the proxy and been dropped");
    // ... but the server ran and committed the statement
    QString checkError;
    const QVariant exists =
        direct.value(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(table), &checkError);
    QVERIFY2(checkError.isEmpty(), qPrintable(checkError));
    QVERIFY(direct.value(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table), &checkError).isNull());
    QVERIFY2(exists.toBool(), "the statement whose answer was dropped should have been committed");
    // and with the fault off, a new connection gets its answers again
    Connection fresh(proxiedUrl(), QStringLiteral("drop-fresh"));
    QVERIFY2(fresh.isOpen(), qPrintable(fresh.error()));
    QCOMPARE(fresh.value(QStringLiteral("SELECT 4")).toInt(), 4);
}

void tst_FaultProxy::shouldCountBytesAndConnections()
{
    // GIVEN a client that sends exactly PostgreSQL's 8-byte SSLRequest
    QTcpSocket raw;
    raw.connectToHost(QStringLiteral("127.0.0.1"), m_proxy->port());
    QVERIFY(raw.waitForConnected(1000));
    raw.write(sslRequest);
    QVERIFY(raw.waitForReadyRead(5000));
    QCOMPARE(raw.readAll(), QByteArray("S"));

    // THEN the proxy counts 8 bytes up, 1 byte down, one connection
    QTRY_COMPARE(m_proxy->bytesClientToServer(), quint64(8));
    QTRY_COMPARE(m_proxy->bytesServerToClient(), quint64(1));
    QCOMPARE(m_proxy->connectionsAccepted(), 1);
    raw.abort();

    // WHEN the counters are reset and a query of 100 000 characters runs on a new connection
    m_proxy->resetCounters();
    QCOMPARE(m_proxy->bytesClientToServer(), quint64(0));
    QCOMPARE(m_proxy->bytesServerToClient(), quint64(0));
    QCOMPARE(m_proxy->connectionsAccepted(), 0);
    Connection c(proxiedUrl(), QStringLiteral("count"));
    QVERIFY2(c.isOpen(), qPrintable(c.error()));
    const quint64 upAfterOpen = m_proxy->bytesClientToServer();
    const quint64 downAfterOpen = m_proxy->bytesServerToClient();
    const QString sql = QStringLiteral("SELECT repeat('c', 100000)");
    QCOMPARE(c.value(sql).toString().size(), 100000);

    // THEN the counts grow by at least the query's text up and the result down
    QCOMPARE(m_proxy->connectionsAccepted(), 1);
    QTRY_VERIFY(m_proxy->bytesServerToClient() - downAfterOpen >= 100000);
    QVERIFY(m_proxy->bytesClientToServer() - upAfterOpen >= quint64(sql.size()));
    QVERIFY(m_proxy->bytesClientToServer() - upAfterOpen < 100000);
}

QTEST_GUILESS_MAIN(tst_FaultProxy)
#include "tst_faultproxy.moc"
