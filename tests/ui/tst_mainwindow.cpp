#include "connectionmanager.h"
#include "mainwindow.h"
#include "sidebarmodel.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QProcess>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void shouldShowEmptyListOnFreshDatabase();
    void shouldListTodosOfTheActiveDatabase();
    void shouldStartWithNoConfigurationAtAll();
};

void tst_MainWindow::shouldShowEmptyListOnFreshDatabase()
{
    // GIVEN a brand-new local database
    QTemporaryDir dir;
    ConnectionManager connections(QStringLiteral("ui-empty-"));
    QVERIFY(!connections.openLocal(dir.filePath(QStringLiteral("todos.sqlite3"))));
    TodoListModel todos;
    todos.setConnection(connections.activeName());
    SidebarModel sidebar(&todos);
    // WHEN the window shows
    MainWindow window(&connections, &todos, &sidebar);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // THEN it says the list is empty, and which database it is on
    auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Nothing to do")));
    auto *where = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(where);
    QCOMPARE(where->text(), QStringLiteral("Local database"));
}

void tst_MainWindow::shouldListTodosOfTheActiveDatabase()
{
    QTemporaryDir dir;
    ConnectionManager connections(QStringLiteral("ui-list-"));
    QVERIFY(!connections.openLocal(dir.filePath(QStringLiteral("todos.sqlite3"))));
    for (const char *title : {"Renew passport", "Book flights"})
        QVERIFY(TodoRepository(connections.localName()).add(Todo::titled(QString::fromUtf8(title))).ok());
    TodoListModel todos;
    todos.setConnection(connections.activeName());
    SidebarModel sidebar(&todos);
    MainWindow window(&connections, &todos, &sidebar);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.findChild<QAbstractItemView *>(QStringLiteral("todoList"));
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("Renew passport"));
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
}

void tst_MainWindow::shouldStartWithNoConfigurationAtAll()
{
    // GIVEN a home folder with nothing in it (a fresh machine) and no database URL
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("NEON_TODO_DATABASE_URL"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    QProcess app;
    app.setProcessEnvironment(env);
    // WHEN neon-todo starts
    app.start(QStringLiteral(NEON_TODO_GUI));
    QVERIFY(app.waitForStarted());
    // THEN it creates its local database and keeps running (showing the empty list) until closed
    const QString database = home.filePath(QStringLiteral(".local/share/neon-todo/neon-todo/neon-todo.sqlite3"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(database), 10000);
    QTest::qWait(500);
    QCOMPARE(app.state(), QProcess::Running);
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(!app.readAllStandardError().contains("Error"), "no errors at start");
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
