#include "connectionmanager.h"
#include "importer.h"
#include "importfixtures.h"
#include "knownapps.h"
#include "mappingguesser.h"
#include "schemamigrator.h"
#include "sourceinspector.h"
#include "sourcesnapshot.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "todorepository.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace nt;
using namespace nt::test;

namespace {

// A fresh, migrated target on the row's driver (SQLite = importing while offline).
struct Target
{
    explicit Target(Driver driver) : db(driver, QStringLiteral("import"))
    {
        if (db.isValid())
            if (auto m = SchemaMigrator(db.connectionName()).migrate(); !m)
                error = m.error().toString();
    }
    bool ok() const { return db.isValid() && error.isEmpty(); }
    QString why() const { return db.isValid() ? error : db.error(); }
    qint64 count() const { return TodoRepository(db.connectionName()).count().value(); }
    ScratchDatabase db;
    QString error;
};

struct Source
{
    explicit Source(const QString &path)
    {
        auto opened = SourceSnapshot::open(path);
        if (!opened) {
            error = opened.error().toString();
            return;
        }
        snapshot = std::move(opened).value();
        const auto tables = SourceInspector(*snapshot).tables();
        plan = KnownApps::recognise(tables).value_or(MappingGuesser::guess(tables));
    }
    Result<ImportReport> importInto(const Target &target, const ImportOptions &options = {}) const
    {
        return Importer::run(snapshot->connectionName(), snapshot->fingerprint(), plan, target.db.connectionName(), options);
    }
    std::unique_ptr<SourceSnapshot> snapshot;
    ImportPlan plan;
    QString error;
};

} // namespace

class tst_Import : public QObject
{
    Q_OBJECT
private slots:
    void shouldImportOnceAndNothingTwice_data() { addDriverColumn(); addDriverRows(); }
    void shouldImportOnceAndNothingTwice();
    void shouldRejectRowsWithReasonsAndImportTheRest_data() { addDriverColumn(); addDriverRows(); }
    void shouldRejectRowsWithReasonsAndImportTheRest();
    void shouldLeaveTargetUntouchedWhenCancelled_data() { addDriverColumn(); addDriverRows(); }
    void shouldLeaveTargetUntouchedWhenCancelled();
    void shouldKeepRowsThatRepeatAKey_data() { addDriverColumn(); addDriverRows(); }
    void shouldKeepRowsThatRepeatAKey();
    void shouldFailVerificationWhenAStoredRowDiffers_data();
    void shouldFailVerificationWhenAStoredRowDiffers();
    void shouldLeaveTargetUntouchedWhenTheServerStops_data();
    void shouldLeaveTargetUntouchedWhenTheServerStops();
    void shouldImportKnownApps_data();
    void shouldImportKnownApps();

private:
    QTemporaryDir m_dir;
};

void tst_Import::shouldImportOnceAndNothingTwice()
{
    QFETCH(Driver, driver);
    // GIVEN the seed app's SQLModel file and an empty target
    const QString file = m_dir.filePath(QStringLiteral("once-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 50), QString());
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    QCOMPARE(source.plan.table, QStringLiteral("todo"));
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));

    // WHEN it is imported
    auto first = source.importInto(target);

    // THEN every row is there, verified against the source
    QVERIFY2(first.ok(), qPrintable(first.error().toString()));
    QCOMPARE(first.value().read, qint64(50));
    QCOMPARE(first.value().imported, qint64(50));
    QVERIFY2(first.value().verified, qPrintable(first.value().verification));
    QCOMPARE(target.count(), qint64(50));
    const auto rows = TodoRepository(target.db.connectionName()).list().value();
    const auto seventh = std::find_if(rows.cbegin(), rows.cend(), [](const Todo &t) { return t.title == QStringLiteral("Todo 7"); });
    QVERIFY(seventh != rows.cend());
    QCOMPARE(seventh->notes, QStringLiteral("Notes for todo 7"));
    QVERIFY(!seventh->completed);

    // AND running the same import again brings nothing twice, and says so
    Source again(file);
    auto second = again.importInto(target);
    QVERIFY2(second.ok(), qPrintable(second.error().toString()));
    QCOMPARE(second.value().imported, qint64(0));
    QCOMPARE(second.value().alreadyThere, qint64(50));
    QCOMPARE(target.count(), qint64(50));
}

void tst_Import::shouldRejectRowsWithReasonsAndImportTheRest()
{
    QFETCH(Driver, driver);
    const QString file = m_dir.filePath(QStringLiteral("blank-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 10), QString());
    {
        // Two rows whose titles are blank in the old file.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blank-writer"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        const Error e = SqlExec::exec(db, QStringLiteral("UPDATE todo SET title = '  ' WHERE id IN (3, 8)"));
        db.close();
        QVERIFY2(!e, qPrintable(e.toString()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blank-writer"));
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));
    auto report = source.importInto(target);
    QVERIFY2(report.ok(), qPrintable(report.error().toString()));
    QCOMPARE(report.value().imported, qint64(8));
    QCOMPARE(report.value().rejected.size(), 2);
    for (const ImportRow &r : report.value().rejected) {
        QVERIFY(r.sourceKey == QStringLiteral("3") || r.sourceKey == QStringLiteral("8"));
        QVERIFY2(r.rejectReason.contains(QStringLiteral("title"), Qt::CaseInsensitive), qPrintable(r.rejectReason));
    }
    QCOMPARE(target.count(), qint64(8));
}

void tst_Import::shouldLeaveTargetUntouchedWhenCancelled()
{
    QFETCH(Driver, driver);
    const QString file = m_dir.filePath(QStringLiteral("cancel-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 6000), QString());
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));
    // WHEN the person cancels part way (after the first progress report)
    bool cancel = false;
    ImportOptions options;
    options.progress = [&](qint64 done, qint64) { cancel = done >= 2000; };
    options.cancelled = [&] { return cancel; };
    auto report = source.importInto(target, options);
    // THEN the import says it was cancelled and the target is exactly as it was
    QVERIFY2(report.ok(), qPrintable(report.error().toString()));
    QVERIFY(report.value().cancelled);
    QCOMPARE(target.count(), qint64(0));
    // AND running it again completes with every row once
    auto again = Source(file).importInto(target);
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value().imported, qint64(6000));
    QCOMPARE(target.count(), qint64(6000));
}

void tst_Import::shouldImportKnownApps_data()
{
    QTest::addColumn<Driver>("driver");
    QTest::addColumn<QString>("app");
    for (const Driver d : {Driver::SQLite, Driver::PostgreSQL})
        for (const QString &app : {KnownApps::Joplin, KnownApps::Thunderbird, KnownApps::Things3})
            QTest::addRow("%s %s", d == Driver::SQLite ? "sqlite" : "postgres", qPrintable(app)) << d << app;
}

void tst_Import::shouldImportKnownApps()
{
    QFETCH(Driver, driver);
    QFETCH(QString, app);
    const QString path = m_dir.filePath(QStringLiteral("%1-%2.db").arg(app.at(0)).arg(int(driver)));
    const QString made = app == KnownApps::Joplin        ? ImportFixtures::joplinFile(path)
                         : app == KnownApps::Thunderbird ? ImportFixtures::thunderbirdFile(path)
                                                         : ImportFixtures::thingsFile(path);
    QCOMPARE(made, QString());
    const QString &file = path;
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    QCOMPARE(source.plan.knownApp, app);
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));
    auto report = source.importInto(target);
    QVERIFY2(report.ok(), qPrintable(report.error().toString()));
    QVERIFY(report.value().imported > 0);
    QVERIFY2(report.value().verified, qPrintable(report.value().verification));
    QCOMPARE(target.count(), report.value().imported);
}

void tst_Import::shouldKeepRowsThatRepeatAKey()
{
    QFETCH(Driver, driver);
    // GIVEN a table without a primary key where two rows share an id and a creation time
    const QString file = m_dir.filePath(QStringLiteral("dupes-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::duplicateKeysFile(file), QString());
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));
    // WHEN it is imported, twice
    auto first = Source(file).importInto(target);
    auto second = Source(file).importInto(target);
    // THEN all three rows arrive (the repeat with a warning), and the re-run brings none twice
    QVERIFY2(first.ok(), qPrintable(first.error().toString()));
    QCOMPARE(first.value().imported, qint64(3));
    QVERIFY(first.value().warnings >= 1);
    QVERIFY2(second.ok(), qPrintable(second.error().toString()));
    QCOMPARE(second.value().imported, qint64(0));
    QCOMPARE(second.value().alreadyThere, qint64(3));
    QCOMPARE(target.count(), qint64(3));
}

void tst_Import::shouldFailVerificationWhenAStoredRowDiffers_data()
{
    // What a target could do to one row of the fifty as it is written (a trigger stands in for a
    // changed table, a lossy column or a rewriting rule): SQLite after the insert, PostgreSQL before.
    QTest::addColumn<Driver>("driver");
    QTest::addColumn<QStringList>("statements");
    auto sqlite = [](const char *title, const char *change) {
        return QStringList{QStringLiteral("CREATE TRIGGER tamper AFTER INSERT ON todos WHEN NEW.title = '%1' "
                                          "BEGIN UPDATE todos SET %2 WHERE id = NEW.id; END")
                               .arg(QLatin1String(title), QLatin1String(change))};
    };
    auto postgres = [](const char *title, const char *change) {
        return QStringList{QStringLiteral("CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                          "IF NEW.title = '%1' THEN %2; END IF; RETURN NEW; END $$")
                               .arg(QLatin1String(title), QLatin1String(change)),
                           QStringLiteral("CREATE TRIGGER tamper BEFORE INSERT ON todos FOR EACH ROW EXECUTE FUNCTION tamper()")};
    };
    QTest::newRow("sqlite title") << Driver::SQLite << sqlite("Todo 7", "title = 'Todo 7 (changed)'");
    QTest::newRow("sqlite due time 1 ms") << Driver::SQLite << sqlite("Todo 8", "due_at = substr(due_at, 1, 20) || '001Z'");
    QTest::newRow("sqlite priority") << Driver::SQLite << sqlite("Todo 7", "priority = 1");
    QTest::newRow("postgres title") << Driver::PostgreSQL << postgres("Todo 7", "NEW.title := 'Todo 7 (changed)'");
    QTest::newRow("postgres due time 1 ms") << Driver::PostgreSQL
                                            << postgres("Todo 8", "NEW.due_at := NEW.due_at + interval '1 millisecond'");
    QTest::newRow("postgres priority") << Driver::PostgreSQL << postgres("Todo 7", "NEW.priority := 1");
    QTest::newRow("postgres notes") << Driver::PostgreSQL << postgres("Todo 8", "NEW.notes := NEW.notes || ' '");
    QTest::newRow("postgres list") << Driver::PostgreSQL << postgres("Todo 8", "NEW.list_id := NULL");
    QTest::newRow("postgres deleted") << Driver::PostgreSQL << postgres("Todo 8", "NEW.deleted_at := NEW.created_at");
}

void tst_Import::shouldFailVerificationWhenAStoredRowDiffers()
{
    QFETCH(Driver, driver);
    QFETCH(QStringList, statements);
    // GIVEN a target that stores one row of the file differently from how it was sent
    const QString file = m_dir.filePath(QStringLiteral("tamper-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 50), QString());
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    Target target(driver);
    QVERIFY2(target.ok(), qPrintable(target.why()));
    QSqlQuery q(QSqlDatabase::database(target.db.connectionName()));
    // Every row goes into one list, so that list_id has a value to lose.
    const QUuid list = QUuid::fromString(QStringLiteral("0190a000-0000-7000-8000-00000000000a"));
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO lists (id, name) VALUES ('%1', 'Imported')").arg(list.toString(QUuid::WithoutBraces))),
             qPrintable(q.lastError().text()));
    for (const QString &statement : std::as_const(statements))
        QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    ImportOptions options;
    options.targetList = list;

    // WHEN it is imported
    auto report = source.importInto(target, options);

    // THEN the check finds that row, the import fails saying so, and the target is as it was
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("did not match the source")), qPrintable(report.error().message));
    QVERIFY2(report.error().message.contains(QStringLiteral("Nothing was imported")), qPrintable(report.error().message));
    // (SQLite compares each row with its source row; PostgreSQL the sums of their checksums.)
    const QString detail = driver == Driver::SQLite ? QStringLiteral("49 of 50 ")
                                                    : QStringLiteral("The 50 imported rows read back differ");
    QVERIFY2(report.error().detail.startsWith(detail), qPrintable(report.error().detail));
    QCOMPARE(target.count(), qint64(0));
}

namespace {

// A PostgreSQL of this test's own (the shared one serves other suites running at the same time).
class PrivateStack
{
public:
    PrivateStack()
    {
        QProcess start;
        start.start(QStringLiteral(NEON_TODO_TEST_STACK_SCRIPT), {QStringLiteral("start"), m_dir.path()});
        if (!start.waitForFinished(90000) || start.exitCode() != 0) {
            m_error = QStringLiteral("could not start a private test stack: ") + QString::fromUtf8(start.readAllStandardError());
            return;
        }
        QFile env(m_dir.filePath(QStringLiteral("env")));
        if (!env.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("the private stack wrote no env file");
            return;
        }
        for (const QByteArray &line : env.readAll().split('\n'))
            if (const qsizetype eq = line.indexOf('='); eq > 0)
                m_values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    ~PrivateStack()
    {
        QProcess::execute(QStringLiteral(NEON_TODO_TEST_STACK_SCRIPT), {QStringLiteral("stop"), m_dir.path()});
    }
    QString error() const { return m_error; }
    QString value(const char *key) const { return m_values.value(QString::fromLatin1(key)); }

    // pg_ctl as the server's owner: "stop -m immediate" is a crash, "start" brings it back.
    bool pgCtl(const QStringList &args) const
    {
        QStringList command{value("NEON_TODO_TEST_PG_BINDIR") + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                            value("NEON_TODO_TEST_PG_DATADIR"), QStringLiteral("-w")};
        command += args;
        if (geteuid() == 0)
            command = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command;
        const QString program = geteuid() == 0 ? QStringLiteral("runuser") : command.takeFirst();
        QProcess p;
        p.setWorkingDirectory(QStringLiteral("/"));
        p.start(program, command);
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_values;
    QString m_error;
};

qint64 countTodos(const ConnectionProfile &profile, const QString &name)
{
    if (ConnectionManager::addPostgres(name, profile))
        return -1;
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::database(name);
        if (db.isOpen()) {
            const auto counted = TodoRepository(name).count();
            n = counted.ok() ? counted.value() : -2;
            if (!counted.ok())
                qWarning("count failed: %s", qPrintable(counted.error().toString()));
        } else {
            qWarning("could not reconnect: %s", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

void tst_Import::shouldLeaveTargetUntouchedWhenTheServerStops_data()
{
    // The rows go over in chunks of 50,000 (PostgresLoader::DefaultChunkRows), each INSERT running
    // on the server while the next chunk is read: stop before anything was sent, and while the
    // first chunk's INSERT runs.
    QTest::addColumn<qint64>("stopAt");
    QTest::newRow("while the first chunk is read") << qint64(2000);
    QTest::newRow("while the first chunk is written") << qint64(52000);
}

void tst_Import::shouldLeaveTargetUntouchedWhenTheServerStops()
{
    QFETCH(qint64, stopAt);
    // GIVEN a PostgreSQL of our own, migrated, and a file big enough to be stopped part way
    PrivateStack stack;
    QVERIFY2(stack.error().isEmpty(), qPrintable(stack.error()));
    const ConnectionProfile profile = ConnectionProfile::parse(stack.value("NEON_TODO_TEST_PG_URL")).value();
    const QString file = m_dir.filePath(QStringLiteral("crash.db"));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 60000), QString());
    const QString name = QStringLiteral("crash-target");
    QVERIFY(!ConnectionManager::addPostgres(name, profile));
    QVERIFY(QSqlDatabase::database(name).isOpen());
    // The test server runs with synchronous_commit off for speed, so a crash may drop the last
    // commits; the schema must survive this one.
    QVERIFY(!SqlExec::exec(QSqlDatabase::database(name), QStringLiteral("SET synchronous_commit = on")));
    QVERIFY(SchemaMigrator(name).migrate().ok());
    Source source(file);
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));

    // WHEN the server stops hard (pg_ctl stop -m immediate) while the rows are being sent
    bool stopped = false;
    ImportOptions options;
    options.progress = [&](qint64 done, qint64) {
        if (!stopped && done >= stopAt)
            stopped = stack.pgCtl({QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")});
    };
    auto crashed = Importer::run(source.snapshot->connectionName(), source.snapshot->fingerprint(), source.plan, name, options);
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);

    // THEN the import fails saying nothing was imported, and after a restart the table is empty
    QVERIFY(stopped);
    QVERIFY(!crashed.ok());
    QCOMPARE(crashed.error().kind, Error::Kind::Connection);
    QVERIFY2(crashed.error().message.contains(QStringLiteral("Nothing was imported")), qPrintable(crashed.error().message));
    QVERIFY(stack.pgCtl({QStringLiteral("-l"), stack.value("NEON_TODO_TEST_PG_DIR") + QStringLiteral("/restart.log"),
                         QStringLiteral("start")}));
    QCOMPARE(countTodos(profile, QStringLiteral("crash-count-1")), qint64(0));

    // AND running it again completes with no duplicates
    QVERIFY(!ConnectionManager::addPostgres(name, profile));
    QVERIFY(QSqlDatabase::database(name).isOpen());
    auto again = Importer::run(source.snapshot->connectionName(), source.snapshot->fingerprint(), source.plan, name);
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value().imported, qint64(60000));
    QCOMPARE(countTodos(profile, QStringLiteral("crash-count-2")), qint64(60000));
}

QTEST_GUILESS_MAIN(tst_Import)
#include "tst_import.moc"
