#include "connectionmanager.h"
#include "schemamigrator.h"
#include "sidebarmodel.h"
#include "sqlexec.h"
#include "statementcounter.h"
#include "testdatabase.h"
#include "todofiltermodel.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace nt;
using namespace nt::test;

namespace {

// A migrated scratch database with a model on it, plus the model's testers.
struct Fixture
{
    explicit Fixture(Driver driver) : db(driver)
    {
        if (!db.isValid())
            return;
        auto migrated = SchemaMigrator(db.connectionName()).migrate();
        if (!migrated)
            error = migrated.error().toString();
        model.setConnection(db.connectionName());
        filter.setSourceModel(&model);
    }
    bool ok() const { return db.isValid() && error.isEmpty(); }
    QString why() const { return db.isValid() ? error : db.error(); }

    ScratchDatabase db;
    QString error;
    TodoListModel model;
    TodoFilterModel filter;
    QAbstractItemModelTester modelTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester filterTester{&filter, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

Todo titled(const QString &title, int priority = 0)
{
    Todo t = Todo::titled(title);
    t.priority = priority;
    return t;
}

QStringList titles(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, TodoListModel::TitleColumn).data().toString();
    return out;
}

} // namespace

class tst_TodoListModel : public QObject
{
    Q_OBJECT
private slots:
    void shouldEditToggleDeleteAndRestore_data() { addDriverColumn(); addDriverRows(); }
    void shouldEditToggleDeleteAndRestore();
    void shouldRefuseBlankTitleAndKeepStoredValue_data() { addDriverColumn(); addDriverRows(); }
    void shouldRefuseBlankTitleAndKeepStoredValue();
    void shouldShowConflictInsteadOfOverwriting_data() { addDriverColumn(); addDriverRows(); }
    void shouldShowConflictInsteadOfOverwriting();
    void shouldApplyReloadAsDifference_data() { addDriverColumn(); addDriverRows(); }
    void shouldApplyReloadAsDifference();
    void shouldBulkEditInOneStatement_data() { addDriverColumn(); addDriverRows(); }
    void shouldBulkEditInOneStatement();
    void shouldSearchHostileTextLiterally_data();
    void shouldSearchHostileTextLiterally();
    void shouldSortByEveryKey_data() { addDriverColumn(); addDriverRows(); }
    void shouldSortByEveryKey();
    void shouldCountSmartListsAndLists_data() { addDriverColumn(); addDriverRows(); }
    void shouldCountSmartListsAndLists();
    void shouldCostOneStatementPerWrite();
};

void tst_TodoListModel::shouldEditToggleDeleteAndRestore()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    // GIVEN three todos
    for (const char *t : {"one", "two", "three"})
        QVERIFY(f.model.add(titled(QString::fromUtf8(t))).ok());
    QCOMPARE(titles(f.filter), (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
    const QUuid twoId = f.model.todoAt(1).id;
    const qint64 twoVersion = f.model.todoAt(1).version;

    // WHEN the second is renamed, completed and the first deleted
    QVERIFY(f.model.setData(f.model.index(1, TodoListModel::TitleColumn), QStringLiteral("two, renamed")));
    QVERIFY(f.model.setData(f.model.index(1, TodoListModel::TitleColumn), Qt::Checked, Qt::CheckStateRole));
    const QUuid oneId = f.model.todoAt(0).id;
    QVERIFY(!f.model.update(oneId, TodoPatch{.deleted = true}));

    // THEN the model shows it, versions went up, and a fresh read of the database agrees
    QCOMPARE(f.model.rowCount(), 2);
    const Todo two = *f.model.todo(twoId);
    QCOMPARE(two.title, QStringLiteral("two, renamed"));
    QVERIFY(two.completed);
    QVERIFY(two.completedAt.isValid());
    QCOMPARE(two.version, twoVersion + 2);
    auto stored = TodoRepository(f.db.connectionName()).list();
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 2); // in storage order: find the renamed one by id
    const auto storedTwo = std::find_if(stored.value().cbegin(), stored.value().cend(), [&](const Todo &t) { return t.id == twoId; });
    QVERIFY(storedTwo != stored.value().cend());
    QCOMPARE(storedTwo->title, QStringLiteral("two, renamed"));
    QCOMPARE(storedTwo->completedAt, two.completedAt);
    QCOMPARE(storedTwo->version, two.version);

    // AND the deleted one comes back with undo's patch
    QVERIFY(!f.model.update(oneId, TodoPatch{.deleted = false}));
    QCOMPARE(f.model.rowCount(), 3);
    QCOMPARE(titles(f.filter).first(), QStringLiteral("one"));
}

void tst_TodoListModel::shouldRefuseBlankTitleAndKeepStoredValue()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    QVERIFY(f.model.add(titled(QStringLiteral("keep me"))).ok());
    QSignalSpy failed(&f.model, &TodoListModel::writeFailed);
    // WHEN the title is cleared
    QVERIFY(!f.model.setData(f.model.index(0, TodoListModel::TitleColumn), QStringLiteral("   ")));
    // THEN the person is told why, and the row and the database keep the old title
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).value<Error>().message.contains(QStringLiteral("title")));
    QCOMPARE(f.model.index(0, 0).data().toString(), QStringLiteral("keep me"));
    QCOMPARE(TodoRepository(f.db.connectionName()).list().value().first().title, QStringLiteral("keep me"));
}

void tst_TodoListModel::shouldShowConflictInsteadOfOverwriting()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    // GIVEN a todo loaded on this device and on another one (a second connection)
    QVERIFY(f.model.add(titled(QStringLiteral("Buy milk"))).ok());
    const QString other = f.db.openAnother(QStringLiteral("other-device"));
    QVERIFY2(!other.isEmpty(), qPrintable(f.db.error()));
    TodoListModel otherModel;
    QVERIFY(!otherModel.setConnection(other));
    QCOMPARE(otherModel.rowCount(), 1);

    // WHEN the other device renames it first, and then this device edits its stale copy
    QVERIFY(otherModel.setData(otherModel.index(0, 0), QStringLiteral("Buy oat milk")));
    QSignalSpy conflicts(&f.model, &TodoListModel::conflictDetected);
    const bool saved = f.model.setData(f.model.index(0, 0), QStringLiteral("Buy milk and eggs"));

    // THEN nothing is overwritten: the conflict carries both values
    QVERIFY(!saved);
    QCOMPARE(conflicts.count(), 1);
    const auto conflict = conflicts.at(0).at(0).value<TodoConflict>();
    QCOMPARE(conflict.theirs.title, QStringLiteral("Buy oat milk"));
    QCOMPARE(conflict.mine.title.value_or(QString()), QStringLiteral("Buy milk and eggs"));
    QCOMPARE(TodoRepository(f.db.connectionName()).list().value().first().title, QStringLiteral("Buy oat milk"));

    // AND choosing "keep mine" saves it over their version, explicitly
    f.model.acceptTheirs(conflict.theirs);
    QCOMPARE(f.model.index(0, 0).data().toString(), QStringLiteral("Buy oat milk"));
    QVERIFY(!f.model.update(conflict.theirs.id, conflict.mine));
    QCOMPARE(TodoRepository(f.db.connectionName()).list().value().first().title, QStringLiteral("Buy milk and eggs"));
}

void tst_TodoListModel::shouldApplyReloadAsDifference()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    for (const char *t : {"a", "b", "c", "d"})
        QVERIFY(f.model.add(titled(QString::fromUtf8(t))).ok());
    // GIVEN a view's hold on "c" (selection, open editor) and changes made by another device
    QPersistentModelIndex held(f.model.index(2, 0));
    const QUuid cId = f.model.todoAt(2).id;
    const QString other = f.db.openAnother(QStringLiteral("other"));
    TodoRepository remote(other);
    QVERIFY(remote.update(f.model.todoAt(0).id, f.model.todoAt(0).version, TodoPatch{.deleted = true}).ok());
    QVERIFY(remote.update(cId, f.model.todoAt(2).version, TodoPatch{.title = QStringLiteral("c, edited")}).ok());
    QVERIFY(remote.add(titled(QStringLiteral("e"))).ok());
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);

    // WHEN the model reloads
    QVERIFY(!f.model.reload());

    // THEN it changed row by row, never by reset, and the held row still points at "c"
    QCOMPARE(reset.count(), 0);
    QVERIFY(held.isValid());
    QCOMPARE(held.data(TodoListModel::IdRole).toUuid(), cId);
    QCOMPARE(held.data().toString(), QStringLiteral("c, edited"));
    QCOMPARE(titles(f.filter), (QStringList{QStringLiteral("b"), QStringLiteral("c, edited"), QStringLiteral("d"),
                                            QStringLiteral("e")}));
}

void tst_TodoListModel::shouldBulkEditInOneStatement()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    QList<QUuid> ids;
    for (int i = 0; i < 5; ++i) {
        auto t = f.model.add(titled(QStringLiteral("todo %1").arg(i)));
        QVERIFY(t.ok());
        ids << t.value().id;
    }
    // WHEN four are completed and moved to high priority at once
    TodoPatch patch;
    patch.completed = true;
    patch.priority = 3;
    QVERIFY(!f.model.updateMany(ids.mid(0, 4), patch));
    // THEN exactly those four changed, in the model and in the database
    auto stored = TodoRepository(f.db.connectionName()).list();
    QVERIFY(stored.ok());
    int completed = 0;
    for (const Todo &t : stored.value()) {
        completed += t.completed ? 1 : 0;
        QCOMPARE(t.priority, t.id == ids.last() ? 0 : 3);
        QCOMPARE(f.model.todo(t.id)->completed, t.completed);
    }
    QCOMPARE(completed, 4);
}

void tst_TodoListModel::shouldSearchHostileTextLiterally_data()
{
    QTest::addColumn<Driver>("driver");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    const QList<QPair<QString, QStringList>> rows{
        {QStringLiteral("'%_\\\"; DROP TABLE todos;--"), {}},
        {QStringLiteral("%"), {QStringLiteral("50% off")}},
        {QStringLiteral("_"), {QStringLiteral("snake_case")}},
        {QStringLiteral("' OR '1'='1"), {}},
        {QStringLiteral("\\"), {QStringLiteral("back\\slash")}},
        {QStringLiteral("MILK"), {QStringLiteral("Buy milk")}},
        {QStringLiteral("buy  milk"), {QStringLiteral("Buy milk")}},
        {QStringLiteral("notes-only"), {QStringLiteral("Call Anna")}},
        {QStringLiteral("anna NOTES-ONLY"), {QStringLiteral("Call Anna")}}, // one word in the title, one in the notes
        {QStringLiteral("äPFEL"), {QStringLiteral("Äpfel kaufen")}},
    };
    for (const Driver d : {Driver::SQLite, Driver::PostgreSQL})
        for (const auto &[search, expected] : rows)
            QTest::addRow("%s: %s", d == Driver::SQLite ? "sqlite" : "postgres", qPrintable(search)) << d << search << expected;
}

void tst_TodoListModel::shouldSearchHostileTextLiterally()
{
    QFETCH(Driver, driver);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    for (const char *t : {"Buy milk", "50% off", "snake_case", "back\\slash", "Äpfel kaufen"})
        QVERIFY(f.model.add(titled(QString::fromUtf8(t))).ok());
    Todo anna = titled(QStringLiteral("Call Anna"));
    anna.notes = QStringLiteral("about the notes-only thing");
    QVERIFY(f.model.add(anna).ok());
    // WHEN the search box gets the text
    f.filter.setSearchText(search);
    // THEN exactly the rows containing it literally remain, and the table is untouched
    QCOMPARE(titles(f.filter), expected);
    QCOMPARE(TodoRepository(f.db.connectionName()).count().value(), qint64(6));
    f.filter.setSearchText({});
    QCOMPARE(f.filter.rowCount(), 6);
}

void tst_TodoListModel::shouldSortByEveryKey()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    const QDateTime base(QDate(2030, 1, 10), QTime(12, 0), QTimeZone::utc());
    struct Row { const char *title; int priority; int dueDays; };
    for (const Row &r : {Row{"banana", 1, 3}, Row{"Apple 10", 3, -1}, Row{"apple 9", 0, 1}, Row{"cherry", 2, -2}}) {
        Todo t = titled(QString::fromUtf8(r.title), r.priority);
        if (r.dueDays >= 0)
            t.dueAt = base.addDays(r.dueDays);
        QVERIFY(f.model.add(t).ok());
        QTest::qWait(2); // distinct creation times
    }
    using K = TodoFilterModel::SortKey;
    const QList<QPair<K, QStringList>> expectations{
        {K::Manual, {QStringLiteral("banana"), QStringLiteral("Apple 10"), QStringLiteral("apple 9"), QStringLiteral("cherry")}},
        {K::Due, {QStringLiteral("apple 9"), QStringLiteral("banana"), QStringLiteral("Apple 10"), QStringLiteral("cherry")}},
        {K::Priority, {QStringLiteral("Apple 10"), QStringLiteral("cherry"), QStringLiteral("banana"), QStringLiteral("apple 9")}},
        {K::Created, {QStringLiteral("cherry"), QStringLiteral("apple 9"), QStringLiteral("Apple 10"), QStringLiteral("banana")}},
        {K::Title, {QStringLiteral("apple 9"), QStringLiteral("Apple 10"), QStringLiteral("banana"), QStringLiteral("cherry")}},
    };
    for (const auto &[key, order] : expectations) {
        f.filter.setSortKey(key);
        QCOMPARE(titles(f.filter), order);
    }
}

void tst_TodoListModel::shouldCountSmartListsAndLists()
{
    QFETCH(Driver, driver);
    Fixture f(driver);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    SidebarModel sidebar(&f.model);
    QAbstractItemModelTester tester(&sidebar, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(sidebar.rowCount(), SidebarModel::SmartCount);
    auto groceries = sidebar.addList(QStringLiteral("Groceries"));
    QVERIFY(groceries.ok());
    const QDateTime now = QDateTime::currentDateTime();
    auto add = [&](const char *title, QDateTime due, bool allDay, bool inList, bool done) {
        Todo t = titled(QString::fromUtf8(title));
        t.dueAt = due;
        t.dueAllDay = allDay;
        t.completed = done;
        if (inList)
            t.listId = groceries.value().id;
        return f.model.add(t).ok();
    };
    const QDate today = now.date();
    QVERIFY(add("today", QDateTime(today, QTime(0, 0), QTimeZone::utc()), true, false, false));
    QVERIFY(add("overdue", QDateTime(today.addDays(-2), QTime(0, 0), QTimeZone::utc()), true, true, false));
    QVERIFY(add("upcoming", QDateTime(today.addDays(5), QTime(0, 0), QTimeZone::utc()), true, true, false));
    QVERIFY(add("done", {}, false, true, true));
    QVERIFY(add("plain", {}, false, false, false));
    // THEN every count is right once the coalesced recount ran
    auto count = [&](int row) { return sidebar.index(row).data(SidebarModel::CountRole).toInt(); };
    QTRY_COMPARE(count(0), 4); // All: open todos
    QCOMPARE(count(1), 1);     // Today
    QCOMPARE(count(2), 1);     // Upcoming
    QCOMPARE(count(3), 1);     // Overdue
    QCOMPARE(count(4), 1);     // Completed
    QCOMPARE(count(sidebar.rowOfList(groceries.value().id)), 2);
    QCOMPARE(f.model.index(f.model.rowOf(f.model.todoAt(1).id), TodoListModel::ListColumn).data().toString(),
             QStringLiteral("Groceries"));

    // WHEN the list is deleted, its todos go with it; restoring brings exactly them back
    QVERIFY(!sidebar.removeList(groceries.value().id));
    QCOMPARE(f.model.rowCount(), 2);
    QTRY_COMPARE(count(0), 2);
    QVERIFY(!sidebar.restoreList(groceries.value().id));
    QCOMPARE(f.model.rowCount(), 5);
    QTRY_COMPARE(count(sidebar.rowOfList(groceries.value().id)), 2);
}

void tst_TodoListModel::shouldCostOneStatementPerWrite()
{
    // PostgreSQL counts what it executed (pg_stat_statements, in the stack's postgres database).
    Fixture f(Driver::PostgreSQL);
    QVERIFY2(f.ok(), qPrintable(f.why()));
    const StatementCounter counter(f.db);
    QVERIFY2(counter.error().isEmpty(), qPrintable(counter.error()));
    auto executed = [&] { return counter.executed(); };
    auto measure = [&](const std::function<bool()> &op) {
        const qint64 before = executed();
        const bool ok = op();
        const qint64 after = executed();
        return ok ? after - before : -1;
    };

    QCOMPARE(measure([&] { return f.model.add(titled(QStringLiteral("counted"))).ok(); }), qint64(1));
    QCOMPARE(measure([&] { return f.model.setData(f.model.index(0, 0), QStringLiteral("edited")); }), qint64(1));
    QCOMPARE(measure([&] { return f.model.setData(f.model.index(0, 0), Qt::Checked, Qt::CheckStateRole); }), qint64(1));
    QCOMPARE(measure([&] { return !f.model.update(f.model.todoAt(0).id, TodoPatch{.deleted = true}); }), qint64(1));
    // and no statement was left prepared on the server
    auto prepared = SqlExec::run(QSqlDatabase::database(f.db.connectionName()),
                                 QStringLiteral("SELECT count(*) FROM pg_prepared_statements"));
    QVERIFY(prepared.ok() && prepared.value().next());
    QCOMPARE(prepared.value().value(0).toInt(), 0);
}

QTEST_MAIN(tst_TodoListModel)
#include "tst_todolistmodel.moc"
