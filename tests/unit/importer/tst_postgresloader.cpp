#include "importids.h"
#include "postgresloader.h"
#include "schemamigrator.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "todorepository.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

QDateTime utcMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

ImportRow row(int n, const QString &title)
{
    ImportRow r;
    r.sourceKey = QString::number(n);
    r.todo.id = ImportIds::todoId(u"todo"_s, r.sourceKey, {}, u"loader-test"_s);
    r.todo.title = title;
    r.todo.createdAt = utc(2026, 1, 15, 10, 20, 30, 123).addSecs(n);
    return r;
}

// Rows whose values are hard to carry: every character COPY escapes, text that looks like an
// escape, characters outside the BMP, times before 1970 and at both ends of the years a converted
// time can have, NULL times, every priority, lists with odd names, and rows big enough to need
// several COPY messages.
QList<ImportRow> awkwardRows()
{
    QList<ImportRow> rows;
    ImportRow a = row(1, u"Tab\there, back\\slash, \\N and \\t as text"_s);
    a.todo.notes = u"line 1\nline 2\r\nline 3\rend\\"_s;
    a.todo.completed = true;
    a.todo.completedAt = utcMs(-1); // 1969-12-31 23:59:59.999
    a.todo.dueAt = utc(2024, 2, 29);
    a.todo.dueAllDay = true;
    a.todo.priority = 3;
    a.todo.createdAt = utc(1, 1, 1);
    a.todo.updatedAt = utc(9999, 12, 31, 23, 59, 59, 999);
    a.listName = u"Home\tand \\ work"_s;
    rows << a;

    ImportRow b = row(2, u"Ünïcödé 🍎 ‘quotes’ \"double\" 'single' \u2028"_s);
    b.todo.priority = 1;
    b.todo.dueAt = utc(2026, 2, 3, 18, 0, 0, 1);
    b.listName = u"  Home\tand \\ work  "_s; // the same list, by its trimmed name
    rows << b;

    ImportRow c = row(3, u"No list, no notes"_s);
    c.todo.priority = 2;
    c.todo.completedAt = utc(1899, 12, 31, 23, 59, 59, 999); // kept as given, even when not done
    rows << c;

    QString big;
    while (big.size() < 90000)
        big += u"\\\t\n\r🍏 ä x "_s;
    for (int n = 4; n < 40; ++n) {
        ImportRow d = row(n, u"Big %1"_s.arg(n));
        d.todo.notes = big.left(90000 + n);
        d.listName = n % 2 ? u"Odd"_s : QString();
        rows << d;
    }
    return rows;
}

struct Target
{
    Target() : db(Driver::PostgreSQL, u"loader"_s)
    {
        if (db.isValid())
            if (auto m = SchemaMigrator(db.connectionName()).migrate(); !m)
                error = m.error().toString();
    }
    bool ok() const { return db.isValid() && error.isEmpty(); }
    QString why() const { return db.isValid() ? error : db.error(); }
    ScratchDatabase db;
    QString error;
};

// A target shared by two accounts (database roles): a connection for Alice and one for Bob.
struct SharedTarget : Target
{
    SharedTarget()
    {
        if (Target::ok())
            error = db.addConnection(alice, TestStack::aliceUrl()) + db.addConnection(bob, TestStack::bobUrl());
    }
    ~SharedTarget()
    {
        for (const QString &name : {alice, bob}) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
    const QString alice = db.connectionName() + u"-alice"_s;
    const QString bob = db.connectionName() + u"-bob"_s;
};

Result<LoadOutcome> load(const QString &connection, const QList<ImportRow> &rows, bool dryRun = false,
                         const QUuid &targetList = {}, qint64 chunkRows = PostgresLoader::DefaultChunkRows)
{
    PostgresLoader loader(connection, chunkRows);
    if (Error e = loader.begin(targetList))
        return e;
    for (const ImportRow &r : rows)
        if (Error e = loader.add(r))
            return e;
    return loader.finish(dryRun);
}

qint64 count(const QString &connection)
{
    const auto n = TodoRepository(connection).count();
    return n ? n.value() : -1;
}

} // namespace

class tst_PostgresLoader : public QObject
{
    Q_OBJECT
private slots:
    void shouldStoreEveryValueAsConverted_data() { addChunkRows(); }
    void shouldStoreEveryValueAsConverted();
    void shouldPutEveryRowIntoTheTargetList();
    void shouldCountRowsAlreadyThere_data() { addChunkRows(); }
    void shouldCountRowsAlreadyThere();
    void shouldLeaveNothingAfterADryRun();
    void shouldRefuseRowsAnotherAccountImported();
    void shouldGiveEachAccountListsOfItsOwn();
    void shouldFailVerificationWhenAStoredRowDiffers_data();
    void shouldFailVerificationWhenAStoredRowDiffers();
    void shouldLeaveTargetUntouchedWhenCancelledWithAChunkRunning();

private:
    // The rows go over in chunks; these cut the 39 awkward rows in one, ten and 39 chunks.
    static void addChunkRows()
    {
        QTest::addColumn<qint64>("chunkRows");
        QTest::newRow("one chunk") << PostgresLoader::DefaultChunkRows;
        QTest::newRow("chunks of 4") << qint64(4);
        QTest::newRow("a chunk per row") << qint64(1);
    }
};

void tst_PostgresLoader::shouldStoreEveryValueAsConverted()
{
    QFETCH(qint64, chunkRows);
    // GIVEN an empty target and rows with awkward values
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QList<ImportRow> rows = awkwardRows();

    // WHEN they are loaded
    auto outcome = load(target.db.connectionName(), rows, false, {}, chunkRows);

    // THEN every row is there, verified, with exactly the values it was given
    QVERIFY2(outcome, qPrintable(outcome.error().toString()));
    QCOMPARE(outcome.value().inserted, qint64(rows.size()));
    QCOMPARE(outcome.value().alreadyThere, qint64(0));
    QVERIFY2(outcome.value().verified, qPrintable(outcome.value().verification));
    auto stored = TodoRepository(target.db.connectionName()).list();
    QVERIFY2(stored, qPrintable(stored.error().toString()));
    QCOMPARE(stored.value().size(), rows.size());
    QHash<QUuid, Todo> byId;
    for (const Todo &t : stored.value())
        byId.insert(t.id, t);
    double lastPosition = 0;
    for (const ImportRow &r : rows) { // created in this order, so positioned in it
        const Todo &want = r.todo;
        QVERIFY(byId.contains(want.id));
        const Todo &got = byId.value(want.id);
        QCOMPARE(got.title, want.title);
        QCOMPARE(got.notes, want.notes);
        QCOMPARE(got.completed, want.completed);
        QCOMPARE(got.completedAt, want.completedAt);
        QCOMPARE(got.dueAt, want.dueAt);
        QCOMPARE(got.dueAllDay, want.dueAllDay);
        QCOMPARE(got.priority, want.priority);
        QCOMPARE(got.createdAt, want.createdAt);
        QCOMPARE(got.updatedAt, want.updatedAt.isValid() ? want.updatedAt : want.createdAt);
        QCOMPARE(got.listId, r.listName.trimmed().isEmpty() ? QUuid() : ImportIds::listId(r.listName));
        QVERIFY(got.position > lastPosition);
        lastPosition = got.position;
    }
    // AND the lists are named as in the source, once each
    auto lists = SqlExec::run(QSqlDatabase::database(target.db.connectionName()), u"SELECT name FROM lists ORDER BY name"_s);
    QVERIFY2(lists, qPrintable(lists.error().toString()));
    QStringList names;
    while (lists.value().next())
        names << lists.value().value(0).toString();
    QCOMPARE(names, (QStringList{u"Home\tand \\ work"_s, u"Odd"_s}));
}

void tst_PostgresLoader::shouldPutEveryRowIntoTheTargetList()
{
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QUuid list = QUuid::fromString(u"0190a000-0000-7000-8000-00000000000b"_s);
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(target.db.connectionName()),
                           u"INSERT INTO lists (id, name) VALUES (:id, 'Imported')"_s, {{u"id"_s, list}}));
    auto outcome = load(target.db.connectionName(), awkwardRows(), false, list);
    QVERIFY2(outcome, qPrintable(outcome.error().toString()));
    QVERIFY2(outcome.value().verified, qPrintable(outcome.value().verification));
    const auto stored = TodoRepository(target.db.connectionName()).list().value();
    QCOMPARE(stored.size(), awkwardRows().size());
    for (const Todo &t : stored)
        QCOMPARE(t.listId, list);
    auto lists = SqlExec::run(QSqlDatabase::database(target.db.connectionName()), u"SELECT count(*) FROM lists"_s);
    QVERIFY(lists && lists.value().next());
    QCOMPARE(lists.value().value(0).toInt(), 1); // the source's list names made none
}

void tst_PostgresLoader::shouldCountRowsAlreadyThere()
{
    QFETCH(qint64, chunkRows);
    // GIVEN rows loaded once
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    QList<ImportRow> rows = awkwardRows();
    QVERIFY(load(target.db.connectionName(), rows.mid(0, 10)));
    // WHEN they are loaded again with more (in chunks of 4, the third holds old and new rows)
    auto again = load(target.db.connectionName(), rows, false, {}, chunkRows);
    // THEN only the new ones are written, the others are counted
    QVERIFY2(again, qPrintable(again.error().toString()));
    QCOMPARE(again.value().staged, qint64(rows.size()));
    QCOMPARE(again.value().inserted, qint64(rows.size() - 10));
    QCOMPARE(again.value().alreadyThere, qint64(10));
    QVERIFY2(again.value().verified, qPrintable(again.value().verification));
    QCOMPARE(count(target.db.connectionName()), qint64(rows.size()));
}

void tst_PostgresLoader::shouldLeaveNothingAfterADryRun()
{
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    auto outcome = load(target.db.connectionName(), awkwardRows(), true);
    QVERIFY2(outcome, qPrintable(outcome.error().toString()));
    QCOMPARE(outcome.value().inserted, qint64(awkwardRows().size()));
    QVERIFY2(outcome.value().verified, qPrintable(outcome.value().verification));
    QCOMPARE(count(target.db.connectionName()), qint64(0));
    // AND the connection is ready for the next statement (no transaction left open)
    auto q = SqlExec::run(QSqlDatabase::database(target.db.connectionName()), u"SELECT count(*) FROM lists"_s);
    QVERIFY2(q, qPrintable(q.error().toString()));
    QVERIFY(q.value().next());
    QCOMPARE(q.value().value(0).toInt(), 0);
}

void tst_PostgresLoader::shouldRefuseRowsAnotherAccountImported()
{
    // GIVEN a database shared by two accounts, where Alice imported a file
    SharedTarget target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QString &alice = target.alice;
    const QString &bob = target.bob;
    const QList<ImportRow> rows = awkwardRows().mid(2, 5);
    auto first = load(alice, rows);
    QVERIFY2(first, qPrintable(first.error().toString()));

    // WHEN Bob imports the same file (the same ids, rows he cannot see)
    auto second = load(bob, rows);

    // THEN his import stops with a message that says why, nothing of his is written and
    // Alice's rows are as they were
    QVERIFY(!second);
    QVERIFY2(second.error().message.contains(u"another account"_s), qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(u"Nothing was imported"_s), qPrintable(second.error().message));
    QCOMPARE(count(bob), qint64(0));
    QCOMPARE(count(alice), qint64(rows.size()));

}

void tst_PostgresLoader::shouldGiveEachAccountListsOfItsOwn()
{
    // GIVEN a database shared by two accounts, where Alice imported todos in the lists "Odd" and
    // "Home\tand \\ work"
    SharedTarget target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QString &alice = target.alice;
    const QString &bob = target.bob;
    const QList<ImportRow> rows = awkwardRows();
    QVERIFY(load(alice, rows));

    // WHEN Bob imports other todos in lists of the same names, in chunks
    QList<ImportRow> his;
    for (const ImportRow &r : rows) {
        ImportRow mine = r;
        mine.todo.id = ImportIds::todoId(u"todo"_s, r.sourceKey, {}, u"bob's own file"_s);
        his << mine;
    }
    auto outcome = load(bob, his, false, {}, 4);

    // THEN he sees lists of those names, and each of his todos is in the one he sees
    QVERIFY2(outcome, qPrintable(outcome.error().toString()));
    auto listed = [](const QString &connection) {
        QStringList names;
        auto q = SqlExec::run(QSqlDatabase::database(connection),
                              u"SELECT l.name, count(t.id) FROM lists l LEFT JOIN todos t ON t.list_id = l.id "
                              "GROUP BY l.name ORDER BY l.name"_s);
        while (q && q.value().next())
            names << q.value().value(0).toString() + u": "_s + q.value().value(1).toString();
        return names;
    };
    const QStringList expected{u"Home\tand \\ work: 2"_s, u"Odd: 18"_s};
    QCOMPARE(listed(bob), expected);
    auto orphans = SqlExec::run(QSqlDatabase::database(bob),
                                u"SELECT count(*) FROM todos t WHERE t.list_id IS NOT NULL"
                                " AND NOT EXISTS (SELECT FROM lists l WHERE l.id = t.list_id)"_s);
    QVERIFY(orphans && orphans.value().next());
    QCOMPARE(orphans.value().value(0).toInt(), 0);
    // AND Alice's lists and todos are as they were
    QCOMPARE(listed(alice), expected);

}

void tst_PostgresLoader::shouldFailVerificationWhenAStoredRowDiffers_data()
{
    // What a target could do to one row as it is written, in the seventh chunk of four rows: a
    // BEFORE trigger changes the row the INSERT stores; an AFTER trigger changes it once stored.
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("detail");
    QTest::newRow("before: title") << u"BEFORE"_s << u"NEW.title := NEW.title || '!'"_s << u"The 39 imported rows read back differ"_s;
    QTest::newRow("before: created 1 ms") << u"BEFORE"_s << u"NEW.created_at := NEW.created_at + interval '1 millisecond'"_s
                                          << u"The 39 imported rows read back differ"_s;
    QTest::newRow("before: one more row") << u"BEFORE"_s
                                          << u"INSERT INTO todos (id, title) VALUES (gen_random_uuid(), 'Extra')"_s
                                          << u"40 rows were written, but 39"_s;
    QTest::newRow("before: tombstone") << u"BEFORE"_s << u"NEW.deleted_at := NEW.created_at"_s << u"The 39 imported rows read back differ"_s;
    QTest::newRow("after: notes") << u"AFTER"_s << u"UPDATE todos SET notes = notes || ' ' WHERE id = NEW.id"_s
                                  << u"The 39 imported rows read back differ"_s;
}

void tst_PostgresLoader::shouldFailVerificationWhenAStoredRowDiffers()
{
    QFETCH(QString, when);
    QFETCH(QString, change);
    QFETCH(QString, detail);
    // GIVEN a target that changes the row titled "Big 27"
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QSqlDatabase db = QSqlDatabase::database(target.db.connectionName());
    QVERIFY(!SqlExec::exec(db, u"CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                               "IF NEW.title = 'Big 27' THEN %1; END IF; RETURN NEW; END $$"_s.arg(change)));
    QVERIFY(!SqlExec::exec(db, u"CREATE TRIGGER tamper %1 INSERT ON todos FOR EACH ROW EXECUTE FUNCTION tamper()"_s.arg(when)));

    // WHEN the rows are loaded in chunks of four
    auto outcome = load(target.db.connectionName(), awkwardRows(), false, {}, 4);

    // THEN the import fails, saying what it found, and nothing is there
    QVERIFY(!outcome);
    QVERIFY2(outcome.error().message.contains(u"did not match the source"_s), qPrintable(outcome.error().message));
    QVERIFY2(outcome.error().message.contains(u"Nothing was imported"_s), qPrintable(outcome.error().message));
    QVERIFY2(outcome.error().detail.startsWith(detail), qPrintable(outcome.error().detail));
    QCOMPARE(count(target.db.connectionName()), qint64(0));
}

void tst_PostgresLoader::shouldLeaveTargetUntouchedWhenCancelledWithAChunkRunning()
{
    // GIVEN a load in chunks of four, with some chunks sent and the last one's INSERT still running
    Target target;
    QVERIFY2(target.ok(), qPrintable(target.why()));
    const QList<ImportRow> rows = awkwardRows();
    {
        PostgresLoader loader(target.db.connectionName(), 4);
        QVERIFY(!loader.begin());
        for (const ImportRow &r : rows.mid(0, 21)) // five chunks sent; the sixth is half full
            QVERIFY(!loader.add(r));

        // WHEN the person cancels
        loader.cancel();
    }

    // THEN nothing is there, and the connection takes the same rows again, each once
    QCOMPARE(count(target.db.connectionName()), qint64(0));
    auto again = load(target.db.connectionName(), rows, false, {}, 4);
    QVERIFY2(again, qPrintable(again.error().toString()));
    QCOMPARE(again.value().inserted, qint64(rows.size()));
    QCOMPARE(count(target.db.connectionName()), qint64(rows.size()));
}

QTEST_GUILESS_MAIN(tst_PostgresLoader)
#include "tst_postgresloader.moc"
