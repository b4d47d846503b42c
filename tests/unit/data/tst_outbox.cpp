// The offline outbox on a real SQLite file: with the journal on, a write and its recorded change
// live or die together, also when the process is killed in the middle; copies of the server's rows
// are not recorded; numbers only grow; the device id stays.
#include "connectionmanager.h"
#include "mirrorpull.h"
#include "outbox.h"
#include "sqlexec.h"
#include "todorepository.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace nt;
using namespace Qt::StringLiterals;

class tst_Outbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shouldRecordTheChangeWithItsWrite();
    void shouldRecordNothingWhenTheWriteFails();
    void shouldRecordOnlyChangedFieldsWithTheServersVersion();
    void shouldNotRecordCopiesOfServerRowsOrWhenOff();
    void shouldKeepBothOrNeitherWhenKilledMidway();
    void shouldNumberChangesUpwardsAndNeverReuse();
    void shouldKeepOneDeviceId();

private:
    // Adds a todo through the repository; the journal records it. Returns the entry's number.
    static Result<qint64> addRecorded(const QString &connection, const QString &title)
    {
        auto added = TodoRepository(connection).add(Todo::titled(title));
        if (!added)
            return added.error();
        auto q = SqlExec::run(QSqlDatabase::database(connection, false),
                              u"SELECT max(seq) FROM outbox WHERE entity_id = :id"_s, {{u"id"_s, added.value().id}});
        if (!q)
            return q.error();
        return q.value().next() && !q.value().value(0).isNull() ? Result<qint64>(q.value().value(0).toLongLong())
                                                                : Error::make(Error::Kind::NotFound, u"not recorded"_s);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConnectionManager> m_connections;
    QString m_path;
};

void tst_Outbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"local.sqlite3"_s);
    m_connections = std::make_unique<ConnectionManager>(u"outbox-"_s);
    QVERIFY(!m_connections->openLocal(m_path));
    QVERIFY(!Outbox(m_connections->localName()).setJournal(true));
}

void tst_Outbox::cleanup()
{
    m_connections.reset();
    m_dir.reset();
}

void tst_Outbox::shouldRecordTheChangeWithItsWrite()
{
    const QString local = m_connections->localName();
    auto seq = addRecorded(local, u"Buy milk"_s);
    QVERIFY2(seq.ok(), qPrintable(seq.ok() ? QString() : seq.error().toString()));
    QCOMPARE(TodoRepository(local).count().value(), qint64(1));
    auto pending = Outbox(local).pending();
    QVERIFY(pending.ok());
    QCOMPARE(pending.value().size(), 1);
    QCOMPARE(pending.value().at(0).seq, seq.value());
    QCOMPARE(pending.value().at(0).fields.value(u"title"_s).toString(), u"Buy milk"_s);
    QCOMPARE(pending.value().at(0).entityId, TodoRepository(local).list().value().at(0).id);
    QVERIFY(pending.value().at(0).changedAt.isValid());
}

void tst_Outbox::shouldRecordNothingWhenTheWriteFails()
{
    const QString local = m_connections->localName();
    QVERIFY(addRecorded(local, u"kept"_s).ok());
    // A write the database refuses (a blank title breaks the table's CHECK).
    const Error failed = SqlExec::exec(QSqlDatabase::database(local, false),
                                       u"INSERT INTO todos (id, title) VALUES (:id, '   ')"_s, {{u"id"_s, Uuids::createV7()}});
    QVERIFY(failed);
    QCOMPARE(Outbox(local).count().value(), qint64(1));
    QCOMPARE(TodoRepository(local).count().value(), qint64(1));
}

void tst_Outbox::shouldKeepBothOrNeitherWhenKilledMidway()
{
    // A child process records two changes, then is killed (SIGKILL) after its third write but
    // before that write's change is recorded and committed.
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ConnectionManager own(u"child-"_s);
        if (own.openLocal(m_path))
            _exit(3);
        for (const QString &title : {u"one"_s, u"two"_s})
            if (!addRecorded(own.localName(), title))
                _exit(4);
        // The third write is made (and, by the trigger, recorded) but its transaction never commits.
        QSqlDatabase db = QSqlDatabase::database(own.localName(), false);
        if (!db.transaction())
            _exit(5);
        if (!TodoRepository(own.localName()).add(Todo::titled(u"three"_s)))
            _exit(6);
        ::kill(::getpid(), SIGKILL);
        _exit(7); // not reached
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, qPrintable(u"child status %1"_s.arg(status)));

    // THEN after "restart" the two recorded changes wait, with their todos, and the third is in neither
    m_connections.reset();
    m_connections = std::make_unique<ConnectionManager>(u"restart-"_s);
    QVERIFY(!m_connections->openLocal(m_path));
    const QString local = m_connections->localName();
    QCOMPARE(Outbox(local).count().value(), qint64(2));
    const auto stored = TodoRepository(local).list();
    QVERIFY(stored.ok());
    QStringList titles;
    for (const Todo &t : stored.value())
        titles << t.title;
    titles.sort();
    QCOMPARE(titles, (QStringList{u"one"_s, u"two"_s}));
}

void tst_Outbox::shouldRecordOnlyChangedFieldsWithTheServersVersion()
{
    const QString local = m_connections->localName();
    // A row copied from the server at version 7 ...
    Todo server = Todo::titled(u"Plan trip"_s);
    server.id = Uuids::createV7();
    server.version = 7;
    server.position = 0.1; // not exact in binary: must travel without losing a digit
    server.createdAt = server.updatedAt = UtcTime::now();
    QVERIFY(!MirrorPull::storeTodos(local, {server}));
    QCOMPARE(Outbox(local).count().value(), qint64(0));
    // ... changed here twice
    QVERIFY(TodoRepository(local).update(server.id, 7, TodoPatch{.priority = 3}).ok());
    QVERIFY(TodoRepository(local).update(server.id, 8, TodoPatch{.title = u"Plan trip to Lisbon"_s, .position = 1.0 / 3}).ok());
    const auto entries = Outbox(local).pending().value();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).fields, (QJsonObject{{u"priority"_s, 3}}));
    QCOMPARE(entries.at(1).fields.keys(), (QStringList{u"position"_s, u"title"_s}));
    QCOMPARE(entries.at(1).fields.value(u"position"_s).toString().toDouble(), 1.0 / 3);
    // Both carry the version the server had, not the local one (8 after the first change)
    QCOMPARE(entries.at(0).baseVersion, std::optional<qint64>(7));
    QCOMPARE(entries.at(1).baseVersion, std::optional<qint64>(7));
    // A row made here has none
    QVERIFY(addRecorded(local, u"new"_s).ok());
    QCOMPARE(Outbox(local).pending().value().constLast().baseVersion, std::nullopt);
}

void tst_Outbox::shouldNotRecordCopiesOfServerRowsOrWhenOff()
{
    const QString local = m_connections->localName();
    Todo server = Todo::titled(u"From the server"_s);
    server.id = Uuids::createV7();
    server.createdAt = server.updatedAt = UtcTime::now();
    QVERIFY(!MirrorPull::storeTodos(local, {server}));
    server.title = u"Changed on the server"_s;
    server.version = 2;
    QVERIFY(!MirrorPull::storeTodos(local, {server}));
    QCOMPARE(TodoRepository(local).find(server.id).value()->title, u"Changed on the server"_s);
    QCOMPARE(Outbox(local).count().value(), qint64(0));
    // The pause ends with the copy's transaction: the next write is recorded again
    QVERIFY(addRecorded(local, u"mine"_s).ok());
    QCOMPARE(Outbox(local).count().value(), qint64(1));
    // With the journal off (the embedded database), nothing is recorded
    QVERIFY(!Outbox(local).setJournal(false));
    QVERIFY(TodoRepository(local).add(Todo::titled(u"not recorded"_s)).ok());
    QCOMPARE(Outbox(local).count().value(), qint64(1));
    QCOMPARE(Outbox(local).isJournaling().value(), false);
}

void tst_Outbox::shouldNumberChangesUpwardsAndNeverReuse()
{
    const QString local = m_connections->localName();
    const qint64 first = addRecorded(local, u"a"_s).value();
    const qint64 second = addRecorded(local, u"b"_s).value();
    QVERIFY(second > first);
    QVERIFY(!Outbox(local).acknowledge(second));
    QCOMPARE(Outbox(local).count().value(), qint64(0));
    const qint64 third = addRecorded(local, u"c"_s).value();
    QVERIFY2(third > second, "a number is never handed out twice, even after the outbox emptied");
    // acknowledge() only removes what the server has applied
    const qint64 fourth = addRecorded(local, u"d"_s).value();
    QVERIFY(!Outbox(local).acknowledge(third));
    auto left = Outbox(local).pending().value();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).seq, fourth);
}

void tst_Outbox::shouldKeepOneDeviceId()
{
    const QUuid id = Outbox(m_connections->localName()).clientId().value();
    QVERIFY(!id.isNull());
    QCOMPARE(Outbox(m_connections->localName()).clientId().value(), id);
    m_connections.reset();
    m_connections = std::make_unique<ConnectionManager>(u"again-"_s);
    QVERIFY(!m_connections->openLocal(m_path));
    QCOMPARE(Outbox(m_connections->localName()).clientId().value(), id);
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
