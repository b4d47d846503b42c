// Offline mode with the real models and controller, through the fault proxy: the window starts on
// the mirror and switches to Neon; a write that finds the connection gone (reset, refused, stalled)
// is made on the mirror instead and sent once when Neon is back; changes survive kill -9; two
// desktops that both worked offline end up agreeing with each other and with the database.
#include "connectionmanager.h"
#include "faultproxy.h"
#include "mirrorpull.h"
#include "outbox.h"
#include "schemamigrator.h"
#include "sqlexec.h"
#include "synccontroller.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

// One desktop: its own mirror file, model and controller, talking to the database through a proxy.
struct Desktop
{
    Desktop(const QString &prefix, const ConnectionProfile &server, const QString &mirror, int deadlineMs = 2000)
        : connections(prefix), sync(&connections, &todos), proxy(FaultProxy::targetOf(TestStack::ownerUrl()))
    {
        if (!proxy.start())
            return;
        profile = server;
        profile.port = proxy.port(); // the host name stays: verify-full still checks it
        connections.setOperationDeadline(deadlineMs);
        ok = !sync.useProfile(profile, mirror);
    }
    bool online() const { return sync.state() == SyncController::State::Online; }
    bool onMirror() const { return todos.connectionName() == connections.localName(); }
    qint64 waiting() const { return Outbox(connections.localName()).count().value(); }
    QStringList titles() const
    {
        QStringList t;
        for (int r = 0; r < todos.rowCount(); ++r)
            t << todos.todoAt(r).title;
        t.sort();
        return t;
    }

    ConnectionManager connections;
    TodoListModel todos;
    SyncController sync;
    FaultProxy proxy;
    ConnectionProfile profile;
    bool ok = false;
};

// What the database holds, read on a connection of the test's own (not through any proxy).
std::optional<Todo> stored(const ScratchDatabase &db, const QUuid &id)
{
    auto row = TodoRepository(db.connectionName()).find(id);
    return row ? row.value() : std::nullopt;
}

// Every todo, all fields a person sees, in a comparable form.
QStringList everything(const QString &connection)
{
    QStringList rows;
    const auto todos = TodoRepository(connection).list();
    if (!todos)
        return {todos.error().toString()};
    for (const Todo &t : todos.value())
        rows << u"%1|%2|%3|%4|%5|%6"_s.arg(t.id.toString(), t.title, t.notes)
                    .arg(t.completed)
                    .arg(t.priority)
                    .arg(t.position, 0, 'g', 17);
    rows.sort();
    return rows;
}

constexpr int ConnectWait = 20000;

// The schema, as the first app to connect would make it.
bool migrated(const ScratchDatabase &db)
{
    return SchemaMigrator(db.connectionName()).migrate().ok();
}

} // namespace

class tst_OfflineMode : public QObject
{
    Q_OBJECT

private slots:
    void shouldStartOnTheMirrorAndSwitchToNeon();
    void shouldFallBackWithTheEditMadeOnTheMirror_data();
    void shouldFallBackWithTheEditMadeOnTheMirror();
    void shouldKeepWaitingChangesAcrossKillAndSendThemAfterRestart();
    void shouldMakeTwoDesktopsAgreeAfterBothWorkedOffline();
};

void tst_OfflineMode::shouldStartOnTheMirrorAndSwitchToNeon()
{
    ScratchDatabase db(Driver::PostgreSQL, u"start"_s);
    NT_REQUIRE(db);
    QTemporaryDir dir;
    const QString mirror = dir.filePath(u"mirror.sqlite3"_s);
    QVERIFY(migrated(db));
    QVERIFY(TodoRepository(db.connectionName()).add(Todo::titled(u"From Neon"_s)).ok());
    {
        Desktop first(u"first-"_s, db.profile(), mirror);
        QVERIFY(first.ok);
        QTRY_VERIFY_WITH_TIMEOUT(first.online(), ConnectWait);
        QCOMPARE(first.titles(), QStringList{u"From Neon"_s});
    }
    // WHEN the app starts again with Neon slow to answer
    Desktop again(u"again-"_s, db.profile(), mirror);
    again.proxy.setColdStart(1500);
    QVERIFY(again.ok);
    // THEN the window shows the mirror's copy at once, and then Neon's rows
    QVERIFY(again.onMirror());
    QCOMPARE(again.sync.state(), SyncController::State::Connecting);
    QCOMPARE(again.titles(), QStringList{u"From Neon"_s});
    QTRY_VERIFY_WITH_TIMEOUT(again.online(), ConnectWait);
    QVERIFY(!again.onMirror());
    QCOMPARE(again.titles(), QStringList{u"From Neon"_s});
}

void tst_OfflineMode::shouldFallBackWithTheEditMadeOnTheMirror_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("reset") << u"reset"_s;
    QTest::newRow("refused") << u"refused"_s;
    QTest::newRow("stalled past the deadline") << u"stalled"_s;
}

void tst_OfflineMode::shouldFallBackWithTheEditMadeOnTheMirror()
{
    QFETCH(QString, fault);
    ScratchDatabase db(Driver::PostgreSQL, u"fallback"_s);
    NT_REQUIRE(db);
    QTemporaryDir dir;
    Desktop desk(u"fb-"_s, db.profile(), dir.filePath(u"mirror.sqlite3"_s), 1500);
    QVERIFY(desk.ok);
    QTRY_VERIFY_WITH_TIMEOUT(desk.online(), ConnectWait);
    auto added = desk.todos.add(Todo::titled(u"Book flights"_s));
    QVERIFY(added.ok());
    const QUuid id = added.value().id;
    QSignalSpy failed(&desk.todos, &TodoListModel::writeFailed);

    // WHEN the connection goes and the person renames the todo
    if (fault == u"reset"_s) {
        QVERIFY(desk.proxy.setRefuse(true)); // the reopen after the reset is refused too
        desk.proxy.resetAll();
    } else if (fault == u"refused"_s) {
        QVERIFY(desk.proxy.setRefuse(true));
        desk.proxy.resetAll();
        QTest::qWait(100);
    } else {
        desk.proxy.setStalled(true);
    }
    const Error e = desk.todos.update(id, TodoPatch{.title = u"Book flights to Lisbon"_s});

    // THEN the edit is made on the mirror, nothing failed, and it waits to be sent
    QVERIFY2(!e, qPrintable(e.toString()));
    QCOMPARE(failed.count(), 0);
    QVERIFY(desk.onMirror());
    QCOMPARE(desk.sync.state(), SyncController::State::Offline);
    QCOMPARE(desk.todos.todo(id)->title, u"Book flights to Lisbon"_s);
    QCOMPARE(desk.waiting(), qint64(1));
    QTRY_COMPARE(desk.sync.pendingChanges(), qint64(1));
    QCOMPARE(stored(db, id)->title, u"Book flights"_s);
    // More work offline: an add and a delete
    auto offlineAdd = desk.todos.add(Todo::titled(u"Pack"_s));
    QVERIFY(offlineAdd.ok());
    QVERIFY(!desk.todos.update(id, TodoPatch{.priority = 3}));

    // WHEN Neon is back and the person presses Retry now
    desk.proxy.setStalled(false);
    QVERIFY(desk.proxy.setRefuse(false));
    desk.sync.retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(desk.online(), ConnectWait);
    // THEN every change is in Neon exactly once, and the window is on Neon again
    QVERIFY(!desk.onMirror());
    QCOMPARE(desk.waiting(), qint64(0));
    QCOMPARE(desk.sync.pendingChanges(), qint64(0));
    const auto after = stored(db, id);
    QCOMPARE(after->title, u"Book flights to Lisbon"_s);
    QCOMPARE(after->priority, 3);
    QCOMPARE(TodoRepository(db.connectionName()).count().value(), qint64(2));
    QCOMPARE(desk.titles(), (QStringList{u"Book flights to Lisbon"_s, u"Pack"_s}));
    // A stalled rename may have reached the server before the cut; applied again it is the same
    // value, so nothing is logged as a conflict.
    auto conflicts = SqlExec::run(QSqlDatabase::database(db.connectionName(), false), u"SELECT count(*) FROM sync_conflicts"_s);
    QVERIFY(conflicts && conflicts.value().next());
    QCOMPARE(conflicts.value().value(0).toInt(), 0);
}

void tst_OfflineMode::shouldKeepWaitingChangesAcrossKillAndSendThemAfterRestart()
{
    ScratchDatabase db(Driver::PostgreSQL, u"killed"_s);
    NT_REQUIRE(db);
    QTemporaryDir dir;
    const QString mirror = dir.filePath(u"mirror.sqlite3"_s);
    QUuid id;
    {
        Desktop desk(u"before-"_s, db.profile(), mirror);
        QVERIFY(desk.ok);
        QTRY_VERIFY_WITH_TIMEOUT(desk.online(), ConnectWait);
        auto added = desk.todos.add(Todo::titled(u"Water plants"_s));
        QVERIFY(added.ok());
        id = added.value().id;
    }
    // An app working offline on the mirror makes two changes, then is killed (SIGKILL) in the middle
    // of a third. The child uses the mirror only: no threads, no network.
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ConnectionManager own(u"child-"_s);
        if (own.openLocal(mirror))
            _exit(3);
        TodoListModel model;
        if (model.setConnection(own.localName()))
            _exit(4);
        if (model.update(id, TodoPatch{.notes = u"twice a week"_s}) || !model.add(Todo::titled(u"Buy soil"_s)))
            _exit(5);
        QSqlDatabase::database(own.localName(), false).transaction();
        (void)model.update(id, TodoPatch{.priority = 3});
        ::kill(::getpid(), SIGKILL);
        _exit(6);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, qPrintable(u"child status %1"_s.arg(status)));

    // WHEN the app starts again
    Desktop restarted(u"after-"_s, db.profile(), mirror);
    QVERIFY(restarted.ok);
    // THEN the two changes were still waiting, and are sent; the third never happened
    QCOMPARE(restarted.sync.pendingChanges(), qint64(2));
    QTRY_VERIFY_WITH_TIMEOUT(restarted.online(), ConnectWait);
    QCOMPARE(restarted.waiting(), qint64(0));
    QCOMPARE(stored(db, id)->notes, u"twice a week"_s);
    QCOMPARE(stored(db, id)->priority, 0);
    QCOMPARE(TodoRepository(db.connectionName()).count().value(), qint64(2));
    QCOMPARE(restarted.titles(), (QStringList{u"Buy soil"_s, u"Water plants"_s}));
}

void tst_OfflineMode::shouldMakeTwoDesktopsAgreeAfterBothWorkedOffline()
{
    ScratchDatabase db(Driver::PostgreSQL, u"desktops"_s);
    NT_REQUIRE(db);
    QTemporaryDir dir;
    QVERIFY(migrated(db));
    QList<QUuid> ids;
    for (const QString &title : {u"Plan trip"_s, u"Call Anna"_s, u"Old idea"_s})
        ids << TodoRepository(db.connectionName()).add(Todo::titled(title)).value().id;
    Desktop home(u"home-"_s, db.profile(), dir.filePath(u"home.sqlite3"_s));
    Desktop work(u"work-"_s, db.profile(), dir.filePath(u"work.sqlite3"_s));
    QVERIFY(home.ok && work.ok);
    QTRY_VERIFY_WITH_TIMEOUT(home.online() && work.online(), ConnectWait);

    // Both go offline and edit
    home.sync.setWorkOffline(true);
    work.sync.setWorkOffline(true);
    QVERIFY(home.onMirror() && work.onMirror());
    QVERIFY(!home.todos.update(ids[0], TodoPatch{.title = u"Plan trip to Lisbon"_s})); // different fields
    QVERIFY(!work.todos.update(ids[0], TodoPatch{.notes = u"May or June"_s}));
    QVERIFY(!home.todos.update(ids[1], TodoPatch{.priority = 1}));                    // the same field
    QTest::qWait(5);
    QVERIFY(!work.todos.update(ids[1], TodoPatch{.priority = 3}));                    // ... later
    QVERIFY(home.todos.add(Todo::titled(u"Renew passport"_s)).ok());
    QVERIFY(!work.todos.update(ids[2], TodoPatch{.deleted = true}));
    QCOMPARE(home.waiting(), qint64(3));
    QCOMPARE(work.waiting(), qint64(3));

    // Both come back (the one that edited last first), then both refresh
    work.sync.setWorkOffline(false);
    QTRY_VERIFY_WITH_TIMEOUT(work.online(), ConnectWait);
    home.sync.setWorkOffline(false);
    QTRY_VERIFY_WITH_TIMEOUT(home.online(), ConnectWait);
    QVERIFY(!home.todos.reload());
    QVERIFY(!work.todos.reload());

    // THEN both show the same, the database agrees, and the mirrors too
    const QStringList server = everything(db.connectionName());
    QCOMPARE(everything(home.connections.remoteName()), server);
    QCOMPARE(home.titles(), work.titles());
    QCOMPARE(home.titles(), (QStringList{u"Call Anna"_s, u"Plan trip to Lisbon"_s, u"Renew passport"_s}));
    QCOMPARE(everything(home.connections.localName()), server);
    QCOMPARE(everything(work.connections.localName()), server);
    const auto trip = stored(db, ids[0]);
    QCOMPARE(trip->title, u"Plan trip to Lisbon"_s);
    QCOMPARE(trip->notes, u"May or June"_s);
    QCOMPARE(stored(db, ids[1])->priority, 3);
    QVERIFY(stored(db, ids[2])->deletedAt.isValid());
    // The priority that lost is in the log
    auto log = SqlExec::run(QSqlDatabase::database(db.connectionName(), false),
                            u"SELECT field, lost_value::text, kept_value::text FROM sync_conflicts"_s);
    QVERIFY(log && log.value().next());
    QCOMPARE(log.value().value(0).toString(), u"priority"_s);
    QCOMPARE(log.value().value(1).toString(), u"1"_s);
    QCOMPARE(log.value().value(2).toString(), u"3"_s);
    QVERIFY(!log.value().next());
}

QTEST_GUILESS_MAIN(tst_OfflineMode)
#include "tst_offlinemode.moc"
