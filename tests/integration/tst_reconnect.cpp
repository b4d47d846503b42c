// A connection closed under the app (Neon suspending its compute sends 57P01, exactly what
// pg_terminate_backend does) is noticed and reopened before the next statement, which then runs
// once; failures that reopening cannot fix are reported, not retried forever.
#include "connectionmanager.h"
#include "remotelink.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

class tst_Reconnect : public QObject
{
    Q_OBJECT

private slots:
    void shouldReopenTransparentlyAfterSuspend();
    void shouldReadAgainAfterSuspendWithoutLosingRows();
    void shouldGiveUpWithinTheDeadlineWhenTheServerIsGone();
    void shouldNeverReopenInTheMiddleOfATransaction();

private:
    // Every other backend of the scratch database is terminated, as Neon's suspend does.
    static void suspend(const ScratchDatabase &db)
    {
        auto killed = SqlExec::run(QSqlDatabase::database(db.connectionName(), false),
                                   u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                   "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s);
        QVERIFY2(killed.ok(), qPrintable(killed.error().toString()));
        QVERIFY(killed.value().next());
        // Through PgBouncer the app may share the very server connection that runs this.
        if (!TestStack::throughPooler())
            QVERIFY2(killed.value().value(0).toInt() >= 1, "the app's connection should have been terminated");
        QTest::qWait(200); // the FATAL message and the close reach the app's socket
    }
};

void tst_Reconnect::shouldReopenTransparentlyAfterSuspend()
{
    ScratchDatabase db(Driver::PostgreSQL, u"suspend"_s);
    NT_REQUIRE(db);
    ConnectionManager connections(u"suspend-"_s);
    QVERIFY(!connections.openRemote(db.profile()));
    QVERIFY(!connections.setActive(connections.remoteName()));
    TodoListModel model;
    QVERIFY(!model.setConnection(connections.remoteName()));
    QVERIFY(model.add(Todo::titled(u"before the suspend"_s)).ok());
    QSignalSpy reconnecting(&connections, &ConnectionManager::remoteReconnecting);
    QSignalSpy reconnected(&connections, &ConnectionManager::remoteReconnected);
    QSignalSpy failed(&model, &TodoListModel::writeFailed);
    const int reopensBefore = RemoteLink::reopenCount();

    suspend(db);

    // WHEN the person adds and edits right after
    auto added = model.add(Todo::titled(u"after the suspend"_s));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QVERIFY(!model.update(added.value().id, TodoPatch{.priority = 2}));

    // THEN nothing failed, each change happened once, and the direct endpoint was reopened once
    // (through the pooler, PgBouncer itself opens a new server connection: the app's stays).
    QCOMPARE(failed.count(), 0);
    QCOMPARE(TodoRepository(connections.remoteName()).count().value(), qint64(2));
    QCOMPARE(TodoRepository(connections.remoteName()).find(added.value().id).value()->priority, 2);
    if (!TestStack::throughPooler()) {
        QCOMPARE(RemoteLink::reopenCount(), reopensBefore + 1);
        QCOMPARE(reconnecting.count(), 1);
        QCOMPARE(reconnected.count(), 1);
        QVERIFY(!reconnected.at(0).at(0).value<Error>());
    }
}

void tst_Reconnect::shouldReadAgainAfterSuspendWithoutLosingRows()
{
    ScratchDatabase db(Driver::PostgreSQL, u"reload"_s);
    NT_REQUIRE(db);
    ConnectionManager connections(u"reload-"_s);
    QVERIFY(!connections.openRemote(db.profile()));
    TodoListModel model;
    QVERIFY(!model.setConnection(connections.remoteName()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(model.add(Todo::titled(u"todo %1"_s.arg(i))).ok());
    suspend(db);
    // The large read goes through libpq directly: it reopens too.
    QVERIFY(!model.reload());
    QCOMPARE(model.rowCount(), 3);
}

void tst_Reconnect::shouldGiveUpWithinTheDeadlineWhenTheServerIsGone()
{
    ScratchDatabase db(Driver::PostgreSQL, u"gone"_s);
    NT_REQUIRE(db);
    ConnectionManager connections(u"gone-"_s);
    connections.setOperationDeadline(2000);
    QVERIFY(!connections.openRemote(db.profile()));
    QSignalSpy reconnected(&connections, &ConnectionManager::remoteReconnected);
    // The database disappears for good (the connection is terminated as part of it).
    ScratchDatabase admin(Driver::PostgreSQL, u"admin"_s);
    NT_REQUIRE(admin);
    const QString name = db.profile().database;
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(admin.connectionName(), false),
                           u"ALTER DATABASE %1 CONNECTION LIMIT 0"_s.arg(name)));
    suspend(db);
    QElapsedTimer timer;
    timer.start();
    const Error e = SqlExec::exec(QSqlDatabase::database(connections.remoteName(), false), u"SELECT 1"_s);
    const qint64 took = timer.elapsed();
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(admin.connectionName(), false),
                           u"ALTER DATABASE %1 CONNECTION LIMIT -1"_s.arg(name)));
    if (TestStack::throughPooler()) {
        // PgBouncer still holds the server connection that ran the termination (new ones are what
        // the limit refuses): it serves the statement, and the app's connection was never closed.
        QVERIFY2(!e, qPrintable(e.toString()));
        QCOMPARE(reconnected.count(), 0);
        return;
    }
    QVERIFY2(e, "the statement should have failed");
    QCOMPARE(e.kind, Error::Kind::Connection);
    QVERIFY2(e.message.contains(u"too many open connections"_s), qPrintable(e.message));
    QVERIFY2(took < 2000 + 1500, qPrintable(u"gave up after %1 ms"_s.arg(took)));
    QCOMPARE(reconnected.count(), 1);
    QVERIFY(reconnected.at(0).at(0).value<Error>());
}

void tst_Reconnect::shouldNeverReopenInTheMiddleOfATransaction()
{
    ScratchDatabase db(Driver::PostgreSQL, u"midtx"_s);
    NT_REQUIRE(db);
    ConnectionManager connections(u"midtx-"_s);
    QVERIFY(!connections.openRemote(db.profile()));
    QSqlDatabase remote = QSqlDatabase::database(connections.remoteName(), false);
    const QString name = connections.remoteName();

    // GIVEN a transaction with one write in it
    QVERIFY(remote.transaction());
    QVERIFY(TodoRepository(name).add(Todo::titled(u"first half"_s)).ok());
    // WHEN the connection is closed under it and the second write comes
    suspend(db);
    auto second = TodoRepository(name).add(Todo::titled(u"second half"_s));
    // THEN that write fails and says the change was lost, instead of running on a new connection
    // outside the transaction (where it would be saved alone, and COMMIT would "succeed")
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, Error::Kind::Connection);
    QVERIFY2(second.error().message.contains(u"nothing of that change was saved"_s), qPrintable(second.error().message));
    remote.rollback();
    // AND the next statement opens a new connection; neither half is stored
    auto count = TodoRepository(name).count();
    QVERIFY2(count.ok(), qPrintable(count.ok() ? QString() : count.error().toString()));
    QCOMPARE(count.value(), qint64(0));
}

QTEST_GUILESS_MAIN(tst_Reconnect)
#include "tst_reconnect.moc"
