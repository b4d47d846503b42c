// Pulling the server's changes into the local mirror: everything arrives once, tombstones too, and
// a transaction that took its change number early but committed late is not skipped.
#include "connectionmanager.h"
#include "listrepository.h"
#include "mirrorpull.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "todorepository.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

class tst_MirrorPull : public QObject
{
    Q_OBJECT

private slots:
    void shouldCopyEveryChangeOnce();
    void shouldNotSkipATransactionThatCommittedLate();

private:
    struct Devices
    {
        ScratchDatabase server{Driver::PostgreSQL, u"mirror"_s};
        QTemporaryDir dir;
        ConnectionManager connections{u"mirror-"_s};
        QString why;
        Devices()
        {
            if (!server.isValid())
                why = server.error();
            else if (Error e = connections.openRemote(server.profile()))
                why = e.toString();
            else if (Error e = connections.openLocal(dir.filePath(u"local.sqlite3"_s)))
                why = e.toString();
        }
        QString remote() const { return connections.remoteName(); }
        QString local() const { return connections.localName(); }
        Result<MirrorPull::Outcome> pull() const { return MirrorPull(remote(), local()).run(); }
    };
    static QStringList titles(const QString &connection)
    {
        QStringList out;
        const auto rows = TodoRepository(connection).list();
        for (const Todo &t : rows.value())
            out << t.title;
        out.sort();
        return out;
    }
};

void tst_MirrorPull::shouldCopyEveryChangeOnce()
{
    Devices d;
    QVERIFY2(d.why.isEmpty(), qPrintable(d.why));
    ListInfo home;
    home.name = u"Home"_s;
    auto list = ListRepository(d.remote()).add(home);
    QVERIFY(list.ok());
    Todo milk = Todo::titled(u"Buy milk"_s);
    milk.listId = list.value().id;
    auto added = TodoRepository(d.remote()).add(milk);
    QVERIFY(added.ok());
    QVERIFY(TodoRepository(d.remote()).add(Todo::titled(u"Call Anna"_s)).ok());

    auto first = d.pull();
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first.value().lists, 1);
    QCOMPARE(first.value().todos, 2);
    QCOMPARE(titles(d.local()), (QStringList{u"Buy milk"_s, u"Call Anna"_s}));
    const auto copy = TodoRepository(d.local()).find(added.value().id).value();
    QVERIFY(copy);
    QCOMPARE(copy->listId, list.value().id);
    QCOMPARE(copy->createdAt, added.value().createdAt);
    QCOMPARE(copy->version, added.value().version);

    // Nothing new: nothing copied. A change and a deletion: exactly those.
    QCOMPARE(d.pull().value().todos, 0);
    QVERIFY(TodoRepository(d.remote()).update(added.value().id, added.value().version, TodoPatch{.completed = true}).ok());
    auto calls = TodoRepository(d.remote()).list().value();
    const Todo anna = calls.at(0).title == u"Call Anna"_s ? calls.at(0) : calls.at(1);
    QVERIFY(TodoRepository(d.remote()).update(anna.id, anna.version, TodoPatch{.deleted = true}).ok());
    auto second = d.pull();
    QVERIFY(second.ok());
    QCOMPARE(second.value().todos, 2);
    QVERIFY(TodoRepository(d.local()).find(added.value().id).value()->completed);
    QVERIFY(TodoRepository(d.local()).find(anna.id).value()->deletedAt.isValid()); // the tombstone came
    QCOMPARE(titles(d.local()), (QStringList{u"Buy milk"_s}));
}

void tst_MirrorPull::shouldNotSkipATransactionThatCommittedLate()
{
    Devices d;
    QVERIFY2(d.why.isEmpty(), qPrintable(d.why));
    const QString slow = d.server.openAnother(u"slow"_s);
    QVERIFY(!slow.isEmpty());
    QSqlDatabase slowDb = QSqlDatabase::database(slow, false);

    // A transaction takes its change number first and stays open ...
    QVERIFY(slowDb.transaction());
    Todo late = Todo::titled(u"late"_s);
    auto lateRow = TodoRepository(slow).add(late);
    QVERIFY(lateRow.ok());
    // ... while another writes and commits after it.
    auto early = TodoRepository(d.remote()).add(Todo::titled(u"early"_s));
    QVERIFY(early.ok());
    auto changeNo = [&](const QUuid &id, const QString &connection) {
        auto q = SqlExec::run(QSqlDatabase::database(connection, false), u"SELECT change_no FROM todos WHERE id = :id"_s,
                              {{u"id"_s, id}});
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    };
    const qint64 lateNo = changeNo(lateRow.value().id, slow);
    const qint64 earlyNo = changeNo(early.value().id, d.remote());
    QVERIFY2(lateNo > 0 && earlyNo > lateNo, "the late transaction must hold the smaller change number");

    auto first = d.pull();
    QVERIFY(first.ok());
    QCOMPARE(titles(d.local()), (QStringList{u"early"_s})); // the open transaction is not visible yet
    QVERIFY(slowDb.commit());

    // A pull of "change_no > the highest seen" would now skip it (its number is below early's).
    auto second = d.pull();
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QCOMPARE(titles(d.local()), (QStringList{u"early"_s, u"late"_s}));
    QCOMPARE(second.value().todos, 1); // early again is not copied twice
}

QTEST_GUILESS_MAIN(tst_MirrorPull)
#include "tst_mirrorpull.moc"
