// The offline outbox on a real SQLite file: a write and its recorded change live or die together,
// also when the process is killed in the middle; numbers only grow; the device id stays.
#include "connectionmanager.h"
#include "outbox.h"
#include "sqlexec.h"
#include "todorepository.h"
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
    void shouldKeepBothOrNeitherWhenKilledMidway();
    void shouldNumberChangesUpwardsAndNeverReuse();
    void shouldKeepOneDeviceId();

private:
    OutboxEntry entryFor(const QUuid &id, const QString &title) const
    {
        OutboxEntry e;
        e.entityId = id;
        e.fields = QJsonObject{{u"title"_s, title}};
        return e;
    }
    // Adds a todo through the repository, recorded in the outbox.
    Result<qint64> addRecorded(const QString &connection, const QString &title)
    {
        Todo t = Todo::titled(title);
        t.id = Uuids::createV7();
        return Outbox(connection).recordWith(entryFor(t.id, title), [&] {
            auto added = TodoRepository(connection).add(t);
            return added ? Error{} : added.error();
        });
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
    auto failed = Outbox(local).recordWith(entryFor(Uuids::createV7(), u"   "_s), [&] {
        return SqlExec::exec(QSqlDatabase::database(local, false),
                             u"INSERT INTO todos (id, title) VALUES (:id, '   ')"_s, {{u"id"_s, Uuids::createV7()}});
    });
    QVERIFY(!failed.ok());
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
        Todo t = Todo::titled(u"three"_s);
        t.id = Uuids::createV7();
        (void)Outbox(own.localName()).recordWith(entryFor(t.id, t.title), [&] {
            (void)TodoRepository(own.localName()).add(t);
            ::kill(::getpid(), SIGKILL); // the write is made, its change not yet recorded
            return Error{};
        });
        _exit(5); // not reached
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
