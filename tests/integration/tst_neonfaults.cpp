// The app against a network that misbehaves the way Neon's does, through the fault proxy: a reset
// connection, a compute that has to wake up, a peer that stalls, and the silence an idle window
// owes a compute that wants to suspend.
#include "connectionmanager.h"
#include "faultproxy.h"
#include "remotelink.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

class tst_NeonFaults : public QObject
{
    Q_OBJECT

private slots:
    void shouldCarryOnAfterAResetConnection();
    void shouldSayWakingWhileTheComputeStarts();
    void shouldStopWaitingForAStalledServerAtTheDeadline();
    void shouldSendNothingWhileTheWindowIsIdle();

private:
    struct Setup
    {
        ScratchDatabase db{Driver::PostgreSQL, u"faults"_s};
        FaultProxy proxy{FaultProxy::targetOf(TestStack::ownerUrl())};
        ConnectionProfile profile; // the scratch database, through the proxy
        QString why;

        Setup()
        {
            if (!db.isValid()) {
                why = db.error();
                return;
            }
            if (!proxy.start()) {
                why = proxy.errorString();
                return;
            }
            profile = db.profile();
            profile.port = proxy.port(); // the host name stays: verify-full still checks it
        }
    };
};

void tst_NeonFaults::shouldCarryOnAfterAResetConnection()
{
    Setup s;
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    ConnectionManager connections(u"reset-"_s);
    QVERIFY(!connections.openRemote(s.profile));
    TodoListModel model;
    QVERIFY(!model.setConnection(connections.remoteName()));
    QVERIFY(model.add(Todo::titled(u"before"_s)).ok());
    QSignalSpy failed(&model, &TodoListModel::writeFailed);

    s.proxy.resetAll(); // Wi-Fi drops, a NAT forgets the connection
    QTest::qWait(100);

    QVERIFY(model.add(Todo::titled(u"after"_s)).ok());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(TodoRepository(connections.remoteName()).count().value(), qint64(2));
}

void tst_NeonFaults::shouldSayWakingWhileTheComputeStarts()
{
    Setup s;
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    s.proxy.setColdStart(ConnectionManager::WakingNoticeMs + 1500);
    ConnectionManager connections(u"cold-"_s);
    QSignalSpy waking(&connections, &ConnectionManager::remoteWaking);
    QSignalSpy ready(&connections, &ConnectionManager::remoteReady);
    QSignalSpy failed(&connections, &ConnectionManager::remoteFailed);
    QElapsedTimer timer;
    timer.start();
    connections.connectRemote(s.profile);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).value<Error>().toString()));
    QCOMPARE(waking.count(), 1); // "Waking the database…" instead of an error
    QVERIFY(timer.elapsed() >= ConnectionManager::WakingNoticeMs + 1500);
    QVERIFY(connections.isRemoteActive());

    // Awake now: connecting again says nothing about waking.
    ConnectionManager again(u"warm-"_s);
    QSignalSpy wakingAgain(&again, &ConnectionManager::remoteWaking);
    QSignalSpy readyAgain(&again, &ConnectionManager::remoteReady);
    again.connectRemote(s.profile);
    QTRY_COMPARE_WITH_TIMEOUT(readyAgain.count(), 1, 10000);
    QCOMPARE(wakingAgain.count(), 0);
}

void tst_NeonFaults::shouldStopWaitingForAStalledServerAtTheDeadline()
{
    Setup s;
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    constexpr int Deadline = 2000;
    ConnectionManager connections(u"stall-"_s);
    connections.setOperationDeadline(Deadline);
    QVERIFY(!connections.openRemote(s.profile));
    TodoListModel model;
    QVERIFY(!model.setConnection(connections.remoteName()));
    auto added = model.add(Todo::titled(u"stays as stored"_s));
    QVERIFY(added.ok());
    QSignalSpy failed(&model, &TodoListModel::writeFailed);

    // The peer keeps the connection open and acknowledges, but never answers.
    s.proxy.setStalled(true);
    QElapsedTimer blocked;
    blocked.start();
    const Error e = model.update(added.value().id, TodoPatch{.title = u"typed during the stall"_s});
    const qint64 took = blocked.elapsed();
    s.proxy.setStalled(false);

    // The calling (GUI) thread waited no longer than the deadline, plus a little.
    QVERIFY2(took >= Deadline - 100 && took < Deadline + 1000, qPrintable(u"blocked for %1 ms"_s.arg(took)));
    QCOMPARE(e.kind, Error::Kind::Timeout);
    QVERIFY2(e.message.contains(u"did not answer within 2 seconds"_s), qPrintable(e.message));
    QCOMPARE(failed.count(), 1);
    // The row still shows what was stored before.
    QCOMPARE(model.todo(added.value().id)->title, u"stays as stored"_s);
    // The statement the stall held back may still reach the server when the stall ends (nobody can
    // know): reading again, on a new connection, shows whichever is stored, and nothing else.
    const Error reloaded = model.reload();
    QVERIFY2(!reloaded, qPrintable(reloaded.toString()));
    auto stored = TodoRepository(connections.remoteName()).find(added.value().id);
    QVERIFY(stored.ok() && stored.value());
    QVERIFY2(stored.value()->title == u"stays as stored"_s || stored.value()->title == u"typed during the stall"_s,
             qPrintable(stored.value()->title));
    QCOMPARE(model.todo(added.value().id)->title, stored.value()->title);
}

void tst_NeonFaults::shouldSendNothingWhileTheWindowIsIdle()
{
    Setup s;
    QVERIFY2(s.why.isEmpty(), qPrintable(s.why));
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"NEON_TODO_DATABASE_URL"_s, s.profile.toUrl(true));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(NEON_TODO_APP), {});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    auto stop = qScopeGuard([&app] {
        app.terminate();
        if (!app.waitForFinished(5000))
            app.kill();
        app.waitForFinished(5000);
    });

    // Started: it connected (probe and the window's connection) and loaded; then traffic stops.
    QTRY_VERIFY_WITH_TIMEOUT(s.proxy.connectionsAccepted() >= 2, 30000);
    quint64 last = ~0ULL;
    QElapsedTimer quiet;
    quiet.start();
    QElapsedTimer limit;
    limit.start();
    while (quiet.elapsed() < 3000 && limit.elapsed() < 30000) {
        const quint64 now = s.proxy.bytesClientToServer() + s.proxy.bytesServerToClient();
        if (now != last) {
            last = now;
            quiet.restart();
        }
        QTest::qWait(100);
    }
    QVERIFY2(quiet.elapsed() >= 3000, "the app never went quiet after starting");
    QVERIFY(s.proxy.liveConnections() >= 1); // the window's connection is open

    // WHEN the window sits idle for a minute
    s.proxy.resetCounters();
    QTest::qWait(60000);

    // THEN not one byte went either way, the connection was kept, and the app is still running
    QCOMPARE(s.proxy.bytesClientToServer(), quint64(0));
    QCOMPARE(s.proxy.bytesServerToClient(), quint64(0));
    QCOMPARE(s.proxy.connectionsAccepted(), 0);
    QVERIFY(s.proxy.liveConnections() >= 1);
    QCOMPARE(app.state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(tst_NeonFaults)
#include "tst_neonfaults.moc"
