// Sending the changes made offline: once, even when the answer to a COMMIT is lost and the same
// batch is sent again; fields a change does not name keep what another device wrote.
#include "connectionmanager.h"
#include "outbox.h"
#include "outboxpush.h"
#include "sqlexec.h"
#include "statementcounter.h"
#include "testdatabase.h"
#include "todorepository.h"
#include "utctime.h"
#include "uuids.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

class tst_OutboxPush : public QObject
{
    Q_OBJECT

private slots:
    void shouldSendEveryChangeOnceEvenWhenTheAnswerIsLost();
    void shouldKeepFieldsAnotherDeviceChanged();

private:
    // A change recorded the way offline writes record them (the local write itself is not needed here).
    static qint64 record(const QString &local, const QUuid &id, const QJsonObject &fields)
    {
        OutboxEntry e;
        e.entityId = id;
        e.fields = fields;
        e.changedAt = UtcTime::now();
        auto seq = Outbox(local).recordWith(e, [] { return Error{}; });
        return seq ? seq.value() : -1;
    }
};

void tst_OutboxPush::shouldSendEveryChangeOnceEvenWhenTheAnswerIsLost()
{
    ScratchDatabase server(Driver::PostgreSQL, u"push"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"local.sqlite3"_s);
    const QString copy = dir.filePath(u"before-push.sqlite3"_s);
    const QUuid milk = Uuids::createV7();
    const QUuid anna = Uuids::createV7();
    {
        ConnectionManager device(u"push-"_s);
        QVERIFY(!device.openRemote(server.profile()));
        QVERIFY(!device.openLocal(file));
        QVERIFY(record(device.localName(), milk, {{u"title"_s, u"Buy milk"_s}}) > 0);
        QVERIFY(record(device.localName(), anna, {{u"title"_s, u"Call Anna"_s}, {u"priority"_s, 2}}) > 0);
        QVERIFY(record(device.localName(), milk, {{u"completed"_s, true}, {u"completed_at"_s, u"2026-11-21T10:00:00.000Z"_s}}) > 0);
        QVERIFY(record(device.localName(), milk, {{u"title"_s, u"Buy oat milk; 50% off '\\\"--"_s}}) > 0);
        // The device's state just before the push: what it would still have if the answer to the
        // push's COMMIT never came (the outbox not yet acknowledged).
        QSqlDatabase::database(device.localName(), false).close();
        QVERIFY(QFile::copy(file, copy));
        QVERIFY(QSqlDatabase::database(device.localName(), false).open());

        const StatementCounter counter(server);
        const qint64 before = counter.executed();
        auto pushed = OutboxPush(device.remoteName(), device.localName()).run();
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
        QCOMPARE(pushed.value().sent, 4);
        QCOMPARE(pushed.value().inserted, 2);
        QCOMPARE(pushed.value().batches, 1);
        QCOMPARE(counter.executed() - before, qint64(4)); // BEGIN, ledger, apply, COMMIT: 4 round trips
        QCOMPARE(Outbox(device.localName()).count().value(), qint64(0));
    }
    auto check = [&](const QString &remote, qint64 *version) {
        const auto stored = TodoRepository(remote).find(milk).value();
        QVERIFY(stored);
        QCOMPARE(stored->title, u"Buy oat milk; 50% off '\\\"--"_s); // the later change of the same field
        QVERIFY(stored->completed);
        QCOMPARE(stored->completedAt, QDateTime(QDate(2026, 11, 21), QTime(10, 0), QTimeZone::utc()));
        QCOMPARE(TodoRepository(remote).find(anna).value()->priority, 2);
        QCOMPARE(TodoRepository(remote).count().value(), qint64(2));
        *version = stored->version;
    };

    // WHEN the device comes back with the outbox as it was (the answer was lost) and pushes again
    QVERIFY(QFile::remove(file));
    QVERIFY(QFile::copy(copy, file));
    ConnectionManager again(u"again-"_s);
    QVERIFY(!again.openRemote(server.profile()));
    QVERIFY(!again.openLocal(file));
    QCOMPARE(Outbox(again.localName()).count().value(), qint64(4));
    qint64 version = 0;
    check(again.remoteName(), &version);
    if (QTest::currentTestFailed())
        return;
    auto repeated = OutboxPush(again.remoteName(), again.localName()).run();
    QVERIFY(repeated.ok());
    // THEN nothing is applied twice: all four are recognised, the server's rows are untouched
    QCOMPARE(repeated.value().skipped, 4);
    QCOMPARE(repeated.value().sent, 0);
    qint64 versionAfter = 0;
    check(again.remoteName(), &versionAfter);
    QCOMPARE(versionAfter, version);
    QCOMPARE(Outbox(again.localName()).count().value(), qint64(0));
}

void tst_OutboxPush::shouldKeepFieldsAnotherDeviceChanged()
{
    ScratchDatabase server(Driver::PostgreSQL, u"fields"_s);
    NT_REQUIRE(server);
    QTemporaryDir dir;
    ConnectionManager device(u"fields-"_s);
    QVERIFY(!device.openRemote(server.profile()));
    QVERIFY(!device.openLocal(dir.filePath(u"local.sqlite3"_s)));
    auto todo = TodoRepository(device.remoteName()).add(Todo::titled(u"Plan trip"_s));
    QVERIFY(todo.ok());
    // Another device changes the notes; this one (offline) changed the priority.
    QVERIFY(TodoRepository(device.remoteName()).update(todo.value().id, todo.value().version, TodoPatch{.notes = u"Lisbon"_s}).ok());
    QVERIFY(record(device.localName(), todo.value().id, {{u"priority"_s, 3}}) > 0);
    auto pushed = OutboxPush(device.remoteName(), device.localName()).run();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().updated, 1);
    const auto stored = TodoRepository(device.remoteName()).find(todo.value().id).value();
    QCOMPARE(stored->notes, u"Lisbon"_s);
    QCOMPARE(stored->priority, 3);
    QCOMPARE(stored->title, u"Plan trip"_s);
}

QTEST_GUILESS_MAIN(tst_OutboxPush)
#include "tst_outboxpush.moc"
