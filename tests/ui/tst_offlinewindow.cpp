// The window in offline mode, driven offscreen through the fault proxy: Neon refuses, the person
// adds a todo anyway, the banner says what waits, Retry now sends it; Work offline and back; the
// conflict log shows a replaced value and Put back restores it. Screenshots of the banner and the
// log land in build/screenshots/.
#include "conflictlog.h"
#include "connectionmanager.h"
#include "faultproxy.h"
#include "mainwindow.h"
#include "quickaddbar.h"
#include "schemamigrator.h"
#include "sidebarmodel.h"
#include "synccontroller.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int ConnectWait = 20000;

void screenshot(QWidget *w, const QString &name)
{
    QDir().mkpath(QStringLiteral(NEON_TODO_SCREENSHOT_DIR));
    w->grab().save(QStringLiteral(NEON_TODO_SCREENSHOT_DIR "/%1.png").arg(name));
}

} // namespace

class tst_OfflineWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void shouldShowWhatWaitsAndSendItOnRetry();
    void shouldPutBackAValueFromTheConflictLog();
};

void tst_OfflineWindow::shouldShowWhatWaitsAndSendItOnRetry()
{
    ScratchDatabase db(Driver::PostgreSQL, u"offlineui"_s);
    NT_REQUIRE(db);
    QVERIFY(SchemaMigrator(db.connectionName()).migrate().ok());
    QTemporaryDir dir;
    FaultProxy proxy(FaultProxy::targetOf(TestStack::ownerUrl()));
    QVERIFY(proxy.start());
    ConnectionProfile profile = db.profile();
    profile.port = proxy.port();

    ConnectionManager connections(u"offui-"_s);
    connections.setOperationDeadline(2000);
    TodoListModel todos;
    SyncController sync(&connections, &todos);
    QVERIFY(!sync.useProfile(profile, dir.filePath(u"mirror.sqlite3"_s)));
    SidebarModel sidebar(&todos);
    MainWindow window(&connections, &todos, &sidebar);
    window.setSyncController(&sync);
    window.resize(1000, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(sync.state() == SyncController::State::Online, ConnectWait);
    auto *banner = window.findChild<QFrame *>(u"offlineBanner"_s);
    auto *text = window.findChild<QLabel *>(u"offlineText"_s);
    auto *action = window.findChild<QPushButton *>(u"offlineAction"_s);
    QVERIFY(banner && text && action);
    QVERIFY(!banner->isVisible());

    // WHEN Neon stops answering and the person adds a todo
    QVERIFY(proxy.setRefuse(true));
    proxy.resetAll();
    QLineEdit *quickAdd = window.findChild<QuickAddBar *>()->lineEdit();
    QTest::keyClicks(quickAdd, u"Call the plumber"_s);
    QTest::keyClick(quickAdd, Qt::Key_Return);
    // THEN it is in the list, and the banner says it waits
    QTRY_COMPARE(todos.rowCount(), 1);
    QCOMPARE(todos.todoAt(0).title, u"Call the plumber"_s);
    QTRY_VERIFY(banner->isVisible());
    QTRY_COMPARE(text->text(), u"Offline — 1 change(s) waiting"_s);
    QCOMPARE(action->text(), u"Retry now"_s);
    QVERIFY(!text->toolTip().isEmpty()); // why, in words
    screenshot(&window, u"offline-banner"_s);

    // WHEN Neon is back and the person clicks Retry now
    QVERIFY(proxy.setRefuse(false));
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(sync.state() == SyncController::State::Online, ConnectWait);
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(TodoRepository(db.connectionName()).count().value(), qint64(1));

    // Work offline by choice, and back
    auto *workOffline = window.findChild<QAction *>(u"actionWorkOffline"_s);
    QVERIFY(workOffline && workOffline->isEnabled());
    workOffline->trigger();
    QCOMPARE(sync.state(), SyncController::State::WorkingOffline);
    QVERIFY(banner->isVisible());
    QCOMPARE(text->text(), u"Working offline — 0 change(s) waiting"_s);
    QCOMPARE(action->text(), u"Go online"_s);
    QTest::mouseClick(action, Qt::LeftButton);
    QVERIFY(!workOffline->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(sync.state() == SyncController::State::Online, ConnectWait);
}

void tst_OfflineWindow::shouldPutBackAValueFromTheConflictLog()
{
    ScratchDatabase db(Driver::PostgreSQL, u"conflictui"_s);
    NT_REQUIRE(db);
    QVERIFY(SchemaMigrator(db.connectionName()).migrate().ok());
    QTemporaryDir dir;
    ConnectionManager connections(u"confui-"_s);
    TodoListModel todos;
    SyncController sync(&connections, &todos);
    QVERIFY(!sync.useProfile(db.profile(), dir.filePath(u"mirror.sqlite3"_s)));
    SidebarModel sidebar(&todos);
    MainWindow window(&connections, &todos, &sidebar);
    window.setSyncController(&sync);
    window.resize(1000, 640);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(sync.state() == SyncController::State::Online, ConnectWait);
    auto added = todos.add(Todo::titled(u"Buy paint"_s));
    QVERIFY(added.ok());
    const QUuid id = added.value().id;

    // This desktop changes the title offline; later another device changes it online.
    window.findChild<QAction *>(u"actionWorkOffline"_s)->trigger();
    QVERIFY(!todos.update(id, TodoPatch{.title = u"Buy blue paint"_s}));
    QTest::qWait(20);
    auto there = TodoRepository(db.connectionName()).find(id).value();
    QVERIFY(TodoRepository(db.connectionName()).update(id, there->version, TodoPatch{.title = u"Buy green paint"_s}).ok());
    window.findChild<QAction *>(u"actionWorkOffline"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(sync.state() == SyncController::State::Online, ConnectWait);
    QCOMPARE(todos.todo(id)->title, u"Buy green paint"_s); // the later edit

    // THEN the log shows the replaced title, and Put back makes it the title again
    window.findChild<QAction *>(u"actionConflictLog"_s)->trigger();
    auto *log = window.findChild<QDialog *>(u"conflictLog"_s);
    QVERIFY(log);
    QTRY_VERIFY(log->isVisible());
    auto *list = log->findChild<QTreeWidget *>(u"conflictList"_s);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(1), u"Buy green paint"_s);
    QCOMPARE(list->topLevelItem(0)->text(2), u"Title"_s);
    QCOMPARE(list->topLevelItem(0)->text(3), u"“Buy green paint”"_s);
    QCOMPARE(list->topLevelItem(0)->text(4), u"“Buy blue paint”"_s);
    screenshot(log, u"conflict-log"_s);
    auto *putBack = log->findChild<QPushButton *>(u"putBack"_s);
    QVERIFY(putBack->isEnabled());
    QTest::mouseClick(putBack, Qt::LeftButton);
    QCOMPARE(todos.todo(id)->title, u"Buy blue paint"_s);
    QCOMPARE(TodoRepository(db.connectionName()).find(id).value()->title, u"Buy blue paint"_s);
    QVERIFY(!putBack->isEnabled()); // put back once
    QVERIFY(ConflictLog(connections.remoteName()).list().value().at(0).restoredAt.isValid());
    // ... and it is an ordinary edit: undo brings the kept value back
    window.findChild<QAction *>(u"actionUndo"_s)->trigger();
    QCOMPARE(todos.todo(id)->title, u"Buy green paint"_s);
}

QTEST_MAIN(tst_OfflineWindow)
#include "tst_offlinewindow.moc"
