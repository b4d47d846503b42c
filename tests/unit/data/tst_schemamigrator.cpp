#include "schemamigrator.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace nt;
using namespace nt::test;

namespace {

Result<qint64> scalar(const QString &connection, const QString &sql)
{
    auto q = SqlExec::run(QSqlDatabase::database(connection), sql);
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error::make(Error::Kind::Database, QStringLiteral("no row"));
    return q.value().value(0).toLongLong();
}

qint64 appliedCount(const QString &connection)
{
    auto n = scalar(connection, QStringLiteral("SELECT count(*) FROM schema_migrations"));
    return n ? n.value() : -1;
}

bool tableExists(Driver driver, const QString &connection, const QString &table)
{
    // The table name is a constant of the test.
    const QString sql = driver == Driver::SQLite
        ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'").arg(table)
        : QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '%1'").arg(table);
    auto n = scalar(connection, sql);
    return n && n.value() == 1;
}

Migration migration(int version, const QString &name, const QString &sql)
{
    return SchemaMigrator::fromFile(QStringLiteral("%1_%2.sql").arg(version, 4, 10, QLatin1Char('0')).arg(name), sql.toUtf8());
}

// A migration that takes a moment on either driver, so two migrators overlap.
QString slowStatement(Driver driver)
{
    return driver == Driver::PostgreSQL
        ? QStringLiteral("SELECT pg_sleep(0.3)")
        : QStringLiteral("CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT i FROM n");
}

} // namespace

class tst_SchemaMigrator : public QObject
{
    Q_OBJECT
private slots:
    void shouldCarryMigrationsForBothDialects();
    void shouldCreateSchemaOnFreshDatabase_data() { addDriverColumn(); addDriverRows(); }
    void shouldCreateSchemaOnFreshDatabase();
    void shouldDoNothingWhenRunAgain_data() { addDriverColumn(); addDriverRows(); }
    void shouldDoNothingWhenRunAgain();
    void shouldRefuseTamperedChecksum_data() { addDriverColumn(); addDriverRows(); }
    void shouldRefuseTamperedChecksum();
    void shouldRefuseNewerDatabase_data() { addDriverColumn(); addDriverRows(); }
    void shouldRefuseNewerDatabase();
    void shouldRollBackFailedMigration_data() { addDriverColumn(); addDriverRows(); }
    void shouldRollBackFailedMigration();
    void shouldSerialiseConcurrentMigrators_data() { addDriverColumn(); addDriverRows(); }
    void shouldSerialiseConcurrentMigrators();
    void shouldEnforceTodoRules_data() { addDriverColumn(); addDriverRows(); }
    void shouldEnforceTodoRules();
};

void tst_SchemaMigrator::shouldCarryMigrationsForBothDialects()
{
    const auto pg = SchemaMigrator::bundled(SqlDialect::PostgreSQL);
    const auto lite = SchemaMigrator::bundled(SqlDialect::SQLite);
    QVERIFY(!pg.isEmpty());
    // Both dialects move in step: the same versions with the same names.
    QCOMPARE(pg.size(), lite.size());
    for (qsizetype i = 0; i < pg.size(); ++i) {
        QCOMPARE(pg.at(i).version, int(i + 1));
        QCOMPARE(pg.at(i).version, lite.at(i).version);
        QCOMPARE(pg.at(i).name, lite.at(i).name);
        QCOMPARE(pg.at(i).checksum.size(), 64);
    }
}

void tst_SchemaMigrator::shouldCreateSchemaOnFreshDatabase()
{
    QFETCH(Driver, driver);
    // GIVEN an empty database
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    SchemaMigrator migrator(db.connectionName());
    auto before = migrator.status();
    QVERIFY2(before.ok(), qPrintable(before.error().toString()));
    for (const auto &s : before.value())
        QCOMPARE(s.status, MigrationState::Status::Pending);

    // WHEN it is migrated
    auto applied = migrator.migrate();

    // THEN every bundled migration is applied and recorded, and the tables exist
    QVERIFY2(applied.ok(), qPrintable(applied.error().toString()));
    QCOMPARE(applied.value(), migrator.latestVersion());
    QCOMPARE(appliedCount(db.connectionName()), qint64(migrator.latestVersion()));
    QVERIFY(tableExists(driver, db.connectionName(), QStringLiteral("todos")));
    QVERIFY(tableExists(driver, db.connectionName(), QStringLiteral("lists")));
    auto after = migrator.status();
    QVERIFY(after.ok());
    for (const auto &s : after.value()) {
        QCOMPARE(s.status, MigrationState::Status::Applied);
        QVERIFY(s.appliedAt.isValid());
        QCOMPARE(s.appVersion, QStringLiteral(NEON_TODO_VERSION));
    }
}

void tst_SchemaMigrator::shouldDoNothingWhenRunAgain()
{
    QFETCH(Driver, driver);
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    SchemaMigrator migrator(db.connectionName());
    QVERIFY(migrator.migrate().ok());
    const QString stamp = QStringLiteral("SELECT max(applied_at) FROM schema_migrations");
    auto first = SqlExec::run(QSqlDatabase::database(db.connectionName()), stamp);
    QVERIFY(first.ok() && first.value().next());
    const QVariant firstStamp = first.value().value(0);

    // WHEN migrate runs a second time
    auto again = migrator.migrate();

    // THEN it applies nothing and records nothing
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value(), 0);
    QCOMPARE(appliedCount(db.connectionName()), qint64(migrator.latestVersion()));
    auto second = SqlExec::run(QSqlDatabase::database(db.connectionName()), stamp);
    QVERIFY(second.ok() && second.value().next());
    QCOMPARE(second.value().value(0), firstStamp);
}

void tst_SchemaMigrator::shouldRefuseTamperedChecksum()
{
    QFETCH(Driver, driver);
    // GIVEN a database whose record of migration 1 does not match the app's file
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    const QList<Migration> first{migration(1, QStringLiteral("one"), QStringLiteral("CREATE TABLE one (x integer)"))};
    QVERIFY(SchemaMigrator(db.connectionName(), first).migrate().ok());
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(db.connectionName()),
                           QStringLiteral("UPDATE schema_migrations SET checksum = :c WHERE version = 1"),
                           {{QStringLiteral("c"), QStringLiteral("0000")}}));

    // WHEN an app with a pending migration 2 migrates it
    const QList<Migration> both = first + QList<Migration>{migration(2, QStringLiteral("two"), QStringLiteral("CREATE TABLE two (x integer)"))};
    SchemaMigrator migrator(db.connectionName(), both);
    auto result = migrator.migrate();

    // THEN it is refused with a Schema error that names the migration, and migration 2 is not applied
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Schema);
    QVERIFY2(result.error().message.contains(QStringLiteral("differs")), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QStringLiteral("Nothing was changed")));
    QVERIFY(!tableExists(driver, db.connectionName(), QStringLiteral("two")));
    QCOMPARE(appliedCount(db.connectionName()), qint64(1));
    auto states = migrator.status();
    QVERIFY(states.ok());
    QCOMPARE(states.value().at(0).status, MigrationState::Status::Changed);
}

void tst_SchemaMigrator::shouldRefuseNewerDatabase()
{
    QFETCH(Driver, driver);
    // GIVEN a database migrated by a newer app (it has migration 2, this app knows only 1)
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    const QList<Migration> newer{migration(1, QStringLiteral("one"), QStringLiteral("CREATE TABLE one (x integer)")),
                                 migration(2, QStringLiteral("two"), QStringLiteral("CREATE TABLE two (x integer)"))};
    QVERIFY(SchemaMigrator(db.connectionName(), newer).migrate().ok());

    // WHEN the older app migrates
    SchemaMigrator older(db.connectionName(), newer.mid(0, 1));
    auto result = older.migrate();

    // THEN it is refused and says to update the app; nothing was written
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Schema);
    QVERIFY2(result.error().message.contains(QStringLiteral("newer version of Neon Todo")), qPrintable(result.error().message));
    QCOMPARE(appliedCount(db.connectionName()), qint64(2));
    auto states = older.status();
    QVERIFY(states.ok());
    QCOMPARE(states.value().size(), 2);
    QCOMPARE(states.value().at(1).status, MigrationState::Status::Unknown);
}

void tst_SchemaMigrator::shouldRollBackFailedMigration()
{
    QFETCH(Driver, driver);
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    // GIVEN migration 2 whose second statement fails
    const QList<Migration> ms{migration(1, QStringLiteral("one"), QStringLiteral("CREATE TABLE one (x integer)")),
                              migration(2, QStringLiteral("two"), QStringLiteral("CREATE TABLE two (x integer);\nINSERT INTO no_such_table VALUES (1);"))};
    // WHEN it is migrated
    auto result = SchemaMigrator(db.connectionName(), ms).migrate();
    // THEN the error names the migration, migration 1 stays, and nothing of migration 2 remains
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("2 (two)")), qPrintable(result.error().message));
    QVERIFY(tableExists(driver, db.connectionName(), QStringLiteral("one")));
    QVERIFY(!tableExists(driver, db.connectionName(), QStringLiteral("two")));
    QCOMPARE(appliedCount(db.connectionName()), qint64(1));
}

void tst_SchemaMigrator::shouldSerialiseConcurrentMigrators()
{
    QFETCH(Driver, driver);
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    const QList<Migration> ms{
        migration(1, QStringLiteral("slow"), slowStatement(driver)),
        migration(2, QStringLiteral("counted"), QStringLiteral("CREATE TABLE runs (x integer); INSERT INTO runs VALUES (1)")),
        migration(3, QStringLiteral("also_counted"), QStringLiteral("INSERT INTO runs VALUES (2)")),
    };
    // GIVEN two processes' worth of migrators, each on its own connection and thread
    auto runOne = [&db, ms](const QString &name) -> Result<int> {
        if (QString e = db.addConnection(name); !e.isEmpty())
            return Error::make(Error::Kind::Connection, e);
        Result<int> r = SchemaMigrator(name, ms).migrate();
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
        return r;
    };
    // WHEN they migrate the same fresh database at once, on two threads of their own
    Result<int> ra = Error{};
    Result<int> rb = Error{};
    const QString nameA = db.connectionName() + QStringLiteral("-a");
    const QString nameB = db.connectionName() + QStringLiteral("-b");
    std::unique_ptr<QThread> a(QThread::create([&] { ra = runOne(nameA); }));
    std::unique_ptr<QThread> b(QThread::create([&] { rb = runOne(nameB); }));
    a->start();
    b->start();
    QVERIFY(a->wait(QDeadlineTimer(60000)));
    QVERIFY(b->wait(QDeadlineTimer(60000)));

    // THEN both succeed, and together they applied each migration exactly once
    QVERIFY2(ra.ok(), qPrintable(ra.error().toString()));
    QVERIFY2(rb.ok(), qPrintable(rb.error().toString()));
    QCOMPARE(ra.value() + rb.value(), 3);
    QCOMPARE(appliedCount(db.connectionName()), qint64(3));
    auto runs = scalar(db.connectionName(), QStringLiteral("SELECT count(*) FROM runs"));
    QVERIFY(runs.ok());
    QCOMPARE(runs.value(), qint64(2));
}

void tst_SchemaMigrator::shouldEnforceTodoRules()
{
    QFETCH(Driver, driver);
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    QVERIFY(SchemaMigrator(db.connectionName()).migrate().ok());
    const QSqlDatabase sql = QSqlDatabase::database(db.connectionName());
    const QString insert = QStringLiteral("INSERT INTO todos (id, title, priority) VALUES (:id, :title, :priority)");
    auto add = [&](const QString &title, int priority) {
        return SqlExec::exec(sql, insert, {{QStringLiteral("id"), Uuids::createV7()}, {QStringLiteral("title"), title}, {QStringLiteral("priority"), priority}});
    };
    QVERIFY(!add(QStringLiteral("Water the plants"), 2));
    QVERIFY2(add(QStringLiteral("  \t\n "), 0).isError(), "a blank title is refused");
    QVERIFY2(add(QString(501, QLatin1Char('x')), 0).isError(), "an over-long title is refused");
    QVERIFY2(add(QStringLiteral("ok"), 4).isError(), "priority above 3 is refused");
    QVERIFY2(add(QStringLiteral("ok"), -1).isError(), "negative priority is refused");
}

QTEST_GUILESS_MAIN(tst_SchemaMigrator)
#include "tst_schemamigrator.moc"
