#include "connectionmanager.h"
#include "schemamigrator.h"
#include "testdatabase.h"
#include "todofiltermodel.h"
#include "todolistmodel.h"
#include "todorepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace nt::test;

class tst_ConnectionManager : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void shouldCreatePrivateLocalDatabase();
    void shouldStartOnLocalWhenNothingIsConfigured();
    void shouldSwitchWithAnOpenModel();
    void shouldConnectRemoteOffTheGuiThread();
    void shouldReportWrongPassword();
    void shouldRefuseSwitchingToClosedConnection();
};

void tst_ConnectionManager::shouldCreatePrivateLocalDatabase()
{
    // GIVEN a folder that does not exist yet
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/data/neon-todo.sqlite3"));
    ConnectionManager connections(QStringLiteral("perm-"));
    // WHEN the local database is opened
    const Error e = connections.openLocal(path);
    // THEN the folder is 0700, the file 0600, it is in WAL mode and migrated
    QVERIFY2(!e, qPrintable(e.toString()));
    const auto folderPerms = QFileInfo(QFileInfo(path).absolutePath()).permissions();
    const auto ownerDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QCOMPARE(folderPerms & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser), ownerDir);
    const auto filePerms = QFileInfo(path).permissions();
    QCOMPARE(filePerms & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSqlQuery mode(QSqlDatabase::database(connections.localName()));
    QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    auto states = SchemaMigrator(connections.localName()).status();
    QVERIFY(states.ok());
    for (const auto &s : states.value())
        QCOMPARE(s.status, MigrationState::Status::Applied);
}

void tst_ConnectionManager::shouldStartOnLocalWhenNothingIsConfigured()
{
    // GIVEN no path: the default place under the (test-mode) app data folder
    ConnectionManager connections(QStringLiteral("default-"));
    QSignalSpy active(&connections, &ConnectionManager::activeChanged);
    QVERIFY(!connections.openLocal());
    QVERIFY(connections.localPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QCOMPARE(connections.activeName(), connections.localName());
    QCOMPARE(active.count(), 1);
    QCOMPARE(connections.activeDescription(), QStringLiteral("Local database"));
    TodoListModel todos;
    QVERIFY(!todos.setConnection(connections.activeName()));
    QAbstractItemModelTester tester(&todos, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(todos.rowCount(), 0);
    QFile::remove(connections.localPath());
}

void tst_ConnectionManager::shouldSwitchWithAnOpenModel()
{
    // GIVEN a local database with two todos and a remote one with three
    QTemporaryDir dir;
    ConnectionManager connections(QStringLiteral("switch-"));
    QVERIFY(!connections.openLocal(dir.filePath(QStringLiteral("local.sqlite3"))));
    for (const char *title : {"local one", "local two"})
        QVERIFY(TodoRepository(connections.localName()).add(Todo::titled(QString::fromUtf8(title))).ok());
    ScratchDatabase remote(Driver::PostgreSQL);
    NT_REQUIRE(remote);
    const Error opened = connections.openRemote(remote.profile());
    QVERIFY2(!opened, qPrintable(opened.toString()));
    for (const char *title : {"remote one", "remote two", "remote three"})
        QVERIFY(TodoRepository(connections.remoteName()).add(Todo::titled(QString::fromUtf8(title))).ok());

    // and the models a view sees, following the active connection the way the app wires them
    TodoListModel todos;
    QVERIFY(!todos.setConnection(connections.activeName()));
    connect(&connections, &ConnectionManager::activeChanged, &todos, &TodoListModel::setConnection);
    TodoFilterModel filter;
    filter.setSourceModel(&todos);
    QAbstractItemModel *model = &filter;
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sourceTester(&todos, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    QSignalSpy active(&connections, &ConnectionManager::activeChanged);
    QSignalSpy reloaded(&todos, &TodoListModel::reloaded);

    // WHEN the active connection switches to the remote
    QVERIFY(!connections.setActive(connections.remoteName()));

    // THEN the signal fires once, and the same proxy now shows the remote rows
    QCOMPARE(active.count(), 1);
    QCOMPARE(active.at(0).at(0).toString(), connections.remoteName());
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(todos.connectionName(), connections.remoteName());
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("remote one"));
    QCOMPARE(model->index(0, 0).data(TodoListModel::CreatedRole).metaType().id(), QMetaType::QDateTime);
    QVERIFY(connections.isRemoteActive());
    QVERIFY(connections.activeDescription().startsWith(QStringLiteral("Neon: ")));

    // and back again
    QVERIFY(!connections.setActive(connections.localName()));
    QCOMPARE(active.count(), 2);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("local one"));

    // switching to the connection already active changes nothing
    QVERIFY(!connections.setActive(connections.localName()));
    QCOMPARE(active.count(), 2);
}

void tst_ConnectionManager::shouldConnectRemoteOffTheGuiThread()
{
    // GIVEN a fresh remote database and a manager running on the local one
    QTemporaryDir dir;
    ConnectionManager connections(QStringLiteral("async-"));
    QVERIFY(!connections.openLocal(dir.filePath(QStringLiteral("local.sqlite3"))));
    ScratchDatabase remote(Driver::PostgreSQL);
    NT_REQUIRE(remote);
    QSignalSpy ready(&connections, &ConnectionManager::remoteReady);
    QSignalSpy failed(&connections, &ConnectionManager::remoteFailed);
    QSignalSpy active(&connections, &ConnectionManager::activeChanged);

    // WHEN it connects in the background
    connections.connectRemote(remote.profile());

    // THEN the call returns at once (the local database stays active meanwhile), and later the
    // remote is migrated, opened and active
    QCOMPARE(connections.activeName(), connections.localName());
    QVERIFY(connections.isConnecting());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 30000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(connections.activeName(), connections.remoteName());
    QCOMPARE(active.count(), 1);
    auto states = SchemaMigrator(connections.remoteName()).status();
    QVERIFY(states.ok());
    for (const auto &s : states.value())
        QCOMPARE(s.status, MigrationState::Status::Applied);
    // no connection of the worker is left behind
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(QStringLiteral("probe-")), qPrintable(name));
}

void tst_ConnectionManager::shouldReportWrongPassword()
{
    ScratchDatabase remote(Driver::PostgreSQL);
    NT_REQUIRE(remote);
    ConnectionProfile profile = remote.profile();
    profile.password = QStringLiteral("not-the-password");
    ConnectionManager connections(QStringLiteral("wrongpw-"));
    QSignalSpy failed(&connections, &ConnectionManager::remoteFailed);
    connections.connectRemote(profile);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const Error e = failed.at(0).at(0).value<Error>();
    QCOMPARE(e.kind, Error::Kind::Authentication);
    QVERIFY2(e.message.contains(QStringLiteral("password")), qPrintable(e.message));
    QVERIFY(!e.toString().contains(QStringLiteral("not-the-password")));
    QVERIFY(connections.activeName().isEmpty());
}

void tst_ConnectionManager::shouldRefuseSwitchingToClosedConnection()
{
    ConnectionManager connections(QStringLiteral("closed-"));
    QSignalSpy active(&connections, &ConnectionManager::activeChanged);
    const Error e = connections.setActive(connections.remoteName());
    QCOMPARE(e.kind, Error::Kind::Connection);
    QCOMPARE(active.count(), 0);
}

QTEST_MAIN(tst_ConnectionManager)
#include "tst_connectionmanager.moc"
