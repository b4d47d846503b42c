// Sending the changes made offline: once, even when the answer is lost and the same batch is sent
// again; fields only one side changed all survive; a field both sides changed goes to the later
// edit (ties to the larger device id) and the value that lost is in the conflict log; an edit
// brings back a todo deleted elsewhere; lists travel too.
#include "connectionmanager.h"
#include "listrepository.h"
#include "mirrorpull.h"
#include "outbox.h"
#include "outboxpush.h"
#include "sqlexec.h"
#include "statementcounter.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"
#include "utctime.h"
#include "uuids.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

// One device: a remote connection to the scratch database and a local mirror file with the
// journal on, as the app has them.
struct Device
{
    Device(const QString &prefix, const ScratchDatabase &server, const QString &file) : connections(prefix)
    {
        ok = !connections.openRemote(server.profile()) && !connections.openLocal(file)
            && !Outbox(connections.localName()).setJournal(true);
    }
    QString remote() const { return connections.remoteName(); }
    QString local() const { return connections.localName(); }
    // The server's row copied into the mirror, as a pull or an online write leaves it.
    bool mirror(const QUuid &id) const
    {
        auto row = TodoRepository(remote()).find(id);
        return row && row.value() && !MirrorPull::storeTodos(local(), {*row.value()});
    }
    Result<OutboxPush::Outcome> push() const { return OutboxPush(remote(), local()).run(); }
    QUuid clientId() const { return Outbox(local()).clientId().value(); }

    ConnectionManager connections;
    bool ok = false;
};

struct Conflict
{
    QString field;
    QString kept;
    QString lost;
};

QList<Conflict> conflictsOf(const QString &remote, const QUuid &id)
{
    QList<Conflict> found;
    auto q = SqlExec::run(QSqlDatabase::database(remote, false),
                          u"SELECT field, kept_value::text, lost_value::text FROM sync_conflicts WHERE entity_id = :id "
                          "ORDER BY created_at, field"_s,
                          {{u"id"_s, id}});
    while (q && q.value().next())
        found << Conflict{q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toString()};
    return found;
}

QString describe(const Error &e)
{
    return e.toString();
}

} // namespace

class tst_OutboxPush : public QObject
{
    Q_OBJECT

private slots:
    void shouldSendEveryChangeOnceEvenWhenTheAnswerIsLost();
    void shouldKeepFieldsAnotherDeviceChanged();
    void shouldLetTheLaterEditWinAndLogTheOther();
    void shouldBreakTiesByDeviceId();
    void shouldBringBackATodoDeletedElsewhere();
    void shouldSendListsBeforeTheTodosInThem();
    void shouldLeaveTheMirrorAsTheServerHasItWhenThePushChangesNothing();
    void shouldNotLetAWindowWriteOverAPulledChangeItNeverShowed();
};

void tst_OutboxPush::shouldSendEveryChangeOnceEvenWhenTheAnswerIsLost()
{
    ScratchDatabase server(Driver::PostgreSQL, u"push"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"local.sqlite3"_s);
    const QString copy = dir.filePath(u"before-push.sqlite3"_s);
    QUuid milk;
    QUuid anna;
    {
        Device device(u"push-"_s, server, file);
        QVERIFY(device.ok);
        // Offline: two todos made, one completed and renamed (4 changes in the outbox)
        auto m = TodoRepository(device.local()).add(Todo::titled(u"Buy milk"_s));
        Todo a = Todo::titled(u"Call Anna"_s);
        a.priority = 2;
        auto added = TodoRepository(device.local()).add(a);
        QVERIFY(m.ok() && added.ok());
        milk = m.value().id;
        anna = added.value().id;
        QVERIFY(TodoRepository(device.local()).update(milk, 1, TodoPatch{.completed = true}).ok());
        QVERIFY(TodoRepository(device.local()).update(milk, 2, TodoPatch{.title = u"Buy oat milk; 50% off '\\\"--"_s}).ok());
        QCOMPARE(Outbox(device.local()).count().value(), qint64(4));
        // The device's state just before the push: what it would still have if the answer to the
        // push never came (the outbox not yet acknowledged).
        QSqlDatabase::database(device.local(), false).close();
        QVERIFY(QFile::copy(file, copy));
        QVERIFY(QSqlDatabase::database(device.local(), false).open());

        const StatementCounter counter(server);
        const qint64 before = counter.executed();
        auto pushed = device.push();
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : describe(pushed.error())));
        QCOMPARE(pushed.value().sent, 4);
        QCOMPARE(pushed.value().inserted, 2);
        QCOMPARE(pushed.value().batches, 1);
        QCOMPARE(pushed.value().conflicts, 0);
        QCOMPARE(counter.executed() - before, qint64(1)); // one statement, one round trip per batch
        QCOMPARE(Outbox(device.local()).count().value(), qint64(0));
    }
    auto check = [&](const QString &remote, qint64 *version) {
        const auto stored = TodoRepository(remote).find(milk).value();
        QVERIFY(stored);
        QCOMPARE(stored->title, u"Buy oat milk; 50% off '\\\"--"_s); // the later change of the same field
        QVERIFY(stored->completed);
        QVERIFY(stored->completedAt.isValid());
        QCOMPARE(TodoRepository(remote).find(anna).value()->priority, 2);
        QCOMPARE(TodoRepository(remote).count().value(), qint64(2));
        *version = stored->version;
    };

    // WHEN the device comes back with the outbox as it was (the answer was lost) and pushes again
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::copy(copy, file));
    Device again(u"again-"_s, server, file);
    QVERIFY(again.ok);
    QCOMPARE(Outbox(again.local()).count().value(), qint64(4));
    qint64 version = 0;
    check(again.remote(), &version);
    if (QTest::currentTestFailed())
        return;
    auto repeated = again.push();
    QVERIFY(repeated.ok());
    // THEN nothing is applied twice: all four are recognised, the server's rows are untouched
    QCOMPARE(repeated.value().skipped, 4);
    QCOMPARE(repeated.value().sent, 0);
    qint64 versionAfter = 0;
    check(again.remote(), &versionAfter);
    QCOMPARE(versionAfter, version);
    QCOMPARE(Outbox(again.local()).count().value(), qint64(0));
}

void tst_OutboxPush::shouldKeepFieldsAnotherDeviceChanged()
{
    ScratchDatabase server(Driver::PostgreSQL, u"fields"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"fields-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    auto todo = TodoRepository(device.remote()).add(Todo::titled(u"Plan trip"_s));
    QVERIFY(todo.ok());
    QVERIFY(device.mirror(todo.value().id));
    // Online elsewhere: the notes. Offline here: the priority.
    QVERIFY(TodoRepository(device.remote()).update(todo.value().id, 1, TodoPatch{.notes = u"Lisbon"_s}).ok());
    QVERIFY(TodoRepository(device.local()).update(todo.value().id, 1, TodoPatch{.priority = 3}).ok());
    auto pushed = device.push();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().updated, 1);
    QCOMPARE(pushed.value().conflicts, 0);
    const auto stored = TodoRepository(device.remote()).find(todo.value().id).value();
    QCOMPARE(stored->notes, u"Lisbon"_s);
    QCOMPARE(stored->priority, 3);
    QCOMPARE(stored->title, u"Plan trip"_s);
    QVERIFY(conflictsOf(device.remote(), todo.value().id).isEmpty());
}

void tst_OutboxPush::shouldLetTheLaterEditWinAndLogTheOther()
{
    ScratchDatabase server(Driver::PostgreSQL, u"later"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"later-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    auto early = TodoRepository(device.remote()).add(Todo::titled(u"Offline edit is later"_s));
    auto late = TodoRepository(device.remote()).add(Todo::titled(u"Online edit is later"_s));
    QVERIFY(early.ok() && late.ok());
    QVERIFY(device.mirror(early.value().id) && device.mirror(late.value().id));

    // First todo: edited online, then (later) offline. Second: offline, then (later) online.
    QVERIFY(TodoRepository(device.remote()).update(early.value().id, 1, TodoPatch{.title = u"online A"_s}).ok());
    QTest::qWait(20);
    QVERIFY(TodoRepository(device.local()).update(early.value().id, 1, TodoPatch{.title = u"offline A"_s}).ok());
    QVERIFY(TodoRepository(device.local()).update(late.value().id, 1, TodoPatch{.title = u"offline B"_s}).ok());
    QTest::qWait(20);
    QVERIFY(TodoRepository(device.remote()).update(late.value().id, 1, TodoPatch{.title = u"online B"_s}).ok());

    auto pushed = device.push();
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : describe(pushed.error())));
    QCOMPARE(pushed.value().conflicts, 2);
    QCOMPARE(TodoRepository(device.remote()).find(early.value().id).value()->title, u"offline A"_s);
    QCOMPARE(TodoRepository(device.remote()).find(late.value().id).value()->title, u"online B"_s);
    // The values that lost are in the log, each with the one that was kept
    const auto a = conflictsOf(device.remote(), early.value().id);
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.at(0).field, u"title"_s);
    QCOMPARE(a.at(0).kept, u"\"offline A\""_s);
    QCOMPARE(a.at(0).lost, u"\"online A\""_s);
    const auto b = conflictsOf(device.remote(), late.value().id);
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.at(0).kept, u"\"online B\""_s);
    QCOMPARE(b.at(0).lost, u"\"offline B\""_s);

    // The mirror follows: the pull brings the server's rows and the log
    auto pulled = MirrorPull(device.remote(), device.local()).run();
    QVERIFY(pulled.ok());
    QCOMPARE(pulled.value().conflicts, 2);
    QCOMPARE(TodoRepository(device.local()).find(late.value().id).value()->title, u"online B"_s);
    QCOMPARE(Outbox(device.local()).count().value(), qint64(0));
}

void tst_OutboxPush::shouldBreakTiesByDeviceId()
{
    ScratchDatabase server(Driver::PostgreSQL, u"ties"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device one(u"tie1-"_s, server, dir.filePath(u"one.sqlite3"_s));
    Device two(u"tie2-"_s, server, dir.filePath(u"two.sqlite3"_s));
    QVERIFY(one.ok && two.ok);
    auto todo = TodoRepository(one.remote()).add(Todo::titled(u"Tie"_s));
    QVERIFY(todo.ok());
    QVERIFY(one.mirror(todo.value().id) && two.mirror(todo.value().id));
    // Both devices change the title offline at the very same millisecond.
    for (const Device *d : {&one, &two})
        QVERIFY(!SqlExec::exec(QSqlDatabase::database(d->local(), false),
                               u"UPDATE todos SET title = :title, updated_at = '2026-11-22T09:00:00.000Z', "
                               "version = version + 1 WHERE id = :id"_s,
                               {{u"title"_s, d == &one ? u"from one"_s : u"from two"_s}, {u"id"_s, todo.value().id}}));
    const QString winner = one.clientId().toString() > two.clientId().toString() ? u"from one"_s : u"from two"_s;
    const QString loser = winner == u"from one"_s ? u"from two"_s : u"from one"_s;
    QVERIFY(one.push().ok());
    QVERIFY(two.push().ok());
    QCOMPARE(TodoRepository(one.remote()).find(todo.value().id).value()->title, winner);
    const auto log = conflictsOf(one.remote(), todo.value().id);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).lost, u"\"%1\""_s.arg(loser));
}

void tst_OutboxPush::shouldBringBackATodoDeletedElsewhere()
{
    ScratchDatabase server(Driver::PostgreSQL, u"revive"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"revive-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    auto todo = TodoRepository(device.remote()).add(Todo::titled(u"Renew passport"_s));
    QVERIFY(todo.ok());
    QVERIFY(device.mirror(todo.value().id));
    QVERIFY(TodoRepository(device.remote()).update(todo.value().id, 1, TodoPatch{.deleted = true}).ok());
    QVERIFY(TodoRepository(device.local()).update(todo.value().id, 1, TodoPatch{.notes = u"Photo booth on 5th"_s}).ok());
    auto pushed = device.push();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().revived, 1);
    const auto stored = TodoRepository(device.remote()).find(todo.value().id).value();
    QVERIFY(!stored->deletedAt.isValid());
    QCOMPARE(stored->notes, u"Photo booth on 5th"_s);
    const auto log = conflictsOf(device.remote(), todo.value().id);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).field, u"deleted_at"_s);
    QCOMPARE(log.at(0).kept, u"null"_s);
    QVERIFY(log.at(0).lost != u"null"_s);
}

void tst_OutboxPush::shouldSendListsBeforeTheTodosInThem()
{
    ScratchDatabase server(Driver::PostgreSQL, u"lists"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"lists-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    ListInfo list;
    list.name = u"Groceries"_s;
    auto made = ListRepository(device.local()).add(list);
    QVERIFY(made.ok());
    Todo t = Todo::titled(u"Apples"_s);
    t.listId = made.value().id;
    QVERIFY(TodoRepository(device.local()).add(t).ok());
    QVERIFY(ListRepository(device.local()).rename(made.value().id, u"Shopping"_s).ok());
    auto pushed = device.push();
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : describe(pushed.error())));
    QCOMPARE(pushed.value().inserted, 2);
    const auto lists = ListRepository(device.remote()).list().value();
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.at(0).name, u"Shopping"_s);
    const auto todos = TodoRepository(device.remote()).list().value();
    QCOMPARE(todos.size(), 1);
    QCOMPARE(todos.at(0).listId, made.value().id);
}

void tst_OutboxPush::shouldLeaveTheMirrorAsTheServerHasItWhenThePushChangesNothing()
{
    // GIVEN two todos on the server, pulled into the mirror
    ScratchDatabase server(Driver::PostgreSQL, u"unchanged"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"unchanged-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    auto undone = TodoRepository(device.remote()).add(Todo::titled(u"Water the plants"_s));
    auto lost = TodoRepository(device.remote()).add(Todo::titled(u"Book flights"_s));
    QVERIFY(undone.ok() && lost.ok());
    QVERIFY(MirrorPull(device.remote(), device.local()).run().ok());

    // WHEN offline the first is completed and reopened (no change in the end), the second renamed
    // before a later online rename (so the push's value loses); then pushed and pulled
    QVERIFY(TodoRepository(device.local()).update(undone.value().id, 1, TodoPatch{.completed = true}).ok());
    QVERIFY(TodoRepository(device.local()).update(undone.value().id, 2, TodoPatch{.completed = false}).ok());
    QVERIFY(TodoRepository(device.local()).update(lost.value().id, 1, TodoPatch{.title = u"offline"_s}).ok());
    QTest::qWait(20);
    QVERIFY(TodoRepository(device.remote()).update(lost.value().id, 1, TodoPatch{.title = u"online"_s}).ok());
    QVERIFY(MirrorPull(device.remote(), device.local()).run().ok()); // the outbox keeps "offline" for now
    auto pushed = device.push();
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : describe(pushed.error())));
    QCOMPARE(pushed.value().updated, 0); // the server changed neither row
    QVERIFY(MirrorPull(device.remote(), device.local()).run().ok());

    // THEN the mirror has both rows as the server has them, and a write made there (what the
    // window does when it falls back) is saved, not a conflict
    for (const QUuid &id : {undone.value().id, lost.value().id}) {
        const auto mine = TodoRepository(device.local()).find(id).value();
        const auto theirs = TodoRepository(device.remote()).find(id).value();
        QVERIFY(mine && theirs);
        QCOMPARE(mine->title, theirs->title);
        QCOMPARE(mine->completed, theirs->completed);
        // The mirror numbers its own versions (see docs/offline-sync.md): the window writes with the
        // version it read from the mirror after falling back.
        auto written = TodoRepository(device.local()).update(id, mine->version, TodoPatch{.priority = 3});
        QVERIFY(written.ok());
        QCOMPARE(written.value().status, TodoRepository::Outcome::Status::Updated);
    }
    QCOMPARE(TodoRepository(device.local()).find(lost.value().id).value()->title, u"online"_s);
}

void tst_OutboxPush::shouldNotLetAWindowWriteOverAPulledChangeItNeverShowed()
{
    ScratchDatabase server(Driver::PostgreSQL, u"stale"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    Device device(u"stale-"_s, server, dir.filePath(u"local.sqlite3"_s));
    QVERIFY(device.ok);
    auto todo = TodoRepository(device.remote()).add(Todo::titled(u"Book hotel"_s));
    QVERIFY(todo.ok());
    const QUuid id = todo.value().id;
    QVERIFY(device.mirror(id));
    // GIVEN a window on the mirror that made two edits offline (the mirror counts to version 3) ...
    TodoListModel window;
    QVERIFY(!window.setConnection(device.local()));
    QVERIFY(!window.update(id, TodoPatch{.priority = 1}));
    QVERIFY(!window.update(id, TodoPatch{.notes = u"near the station"_s}));
    QCOMPARE(window.todo(id)->version, qint64(3));
    // ... while another device renamed the todo online (the server's version 2)
    QVERIFY(TodoRepository(device.remote()).update(id, 1, TodoPatch{.title = u"Book hotel in Porto"_s}).ok());
    // WHEN the edits are pushed (the server's version 3) and the rename pulled into the mirror in the
    // background, without the window reading the mirror again
    QVERIFY(device.push().ok());
    QCOMPARE(TodoRepository(device.remote()).find(id).value()->version, qint64(3));
    QVERIFY(MirrorPull(device.remote(), device.local()).run().ok());
    QCOMPARE(TodoRepository(device.local()).find(id).value()->title, u"Book hotel in Porto"_s);
    // THEN a rename in the window, which still shows the old title, is a conflict, not a silent
    // overwrite of a change the person never saw
    QSignalSpy conflicts(&window, &TodoListModel::conflictDetected);
    const Error e = window.update(id, TodoPatch{.title = u"Book hostel"_s});
    QCOMPARE(e.kind, Error::Kind::Conflict);
    QCOMPARE(conflicts.count(), 1);
    QCOMPARE(conflicts.at(0).at(0).value<TodoConflict>().theirs.title, u"Book hotel in Porto"_s);
    QCOMPARE(Outbox(device.local()).count().value(), qint64(0));
    QCOMPARE(TodoRepository(device.local()).find(id).value()->title, u"Book hotel in Porto"_s);
}

QTEST_GUILESS_MAIN(tst_OutboxPush)
#include "tst_outboxpush.moc"
