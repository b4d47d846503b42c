#include "importfixtures.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace nt::test;

// neon-todo-cli as a script sees it: a real process, real databases, exit codes.
class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void shouldDocumentEveryCommand();
    void shouldRejectUnknownCommandWithUsageCode();
    void shouldMigrateAndReportStatus_data() { addDriverColumn(); addDriverRows(); }
    void shouldMigrateAndReportStatus();
    void shouldSayWhyAProfileIsMissing();
    void shouldImportFromTheCommandLine_data() { addDriverColumn(); addDriverRows(); }
    void shouldImportFromTheCommandLine();

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
    };
    Run cli(const QStringList &args, const QString &databaseUrl = {});
    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_Cli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

tst_Cli::Run tst_Cli::cli(const QStringList &args, const QString &databaseUrl)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A home of its own: no real settings, no real local database.
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("NEON_TODO_DATABASE_URL"));
    if (!databaseUrl.isEmpty())
        env.insert(QStringLiteral("NEON_TODO_DATABASE_URL"), databaseUrl);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(NEON_TODO_CLI), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void tst_Cli::shouldDocumentEveryCommand()
{
    const Run r = cli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *command : {"migrate status", "migrate up", "profile list", "profile show", "profile set",
                                "profile use", "profile remove", "add TITLE", "list", "doctor", "--profile", "--url",
                                "--local", "--version", "NEON_TODO_DATABASE_URL", "Exit codes"})
        QVERIFY2(r.out.contains(QString::fromUtf8(command)), command);
    const Run v = cli({QStringLiteral("--version")});
    QCOMPARE(v.code, 0);
    QCOMPARE(v.out.trimmed(), QStringLiteral("neon-todo-cli " NEON_TODO_VERSION));
}

void tst_Cli::shouldRejectUnknownCommandWithUsageCode()
{
    const Run r = cli({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("Unknown command \"frobnicate\"")));
    const Run o = cli({QStringLiteral("--frob"), QStringLiteral("list")});
    QCOMPARE(o.code, 2);
    QVERIFY(o.err.contains(QStringLiteral("Unknown option --frob")));
}

void tst_Cli::shouldMigrateAndReportStatus()
{
    QFETCH(Driver, driver);
    // GIVEN a fresh database (the CLI is pointed at it the way scripts do)
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    QStringList target;
    QString url;
    if (driver == Driver::SQLite)
        target = {QStringLiteral("--local"), m_home->filePath(QStringLiteral("data/cli.sqlite3"))};
    else
        url = db.profile().toUrl(true);

    // WHEN status runs before and after "migrate up"
    const Run before = cli(target + QStringList{QStringLiteral("migrate"), QStringLiteral("status")}, url);
    const Run up = cli(target + QStringList{QStringLiteral("migrate"), QStringLiteral("up")}, url);
    const Run after = cli(target + QStringList{QStringLiteral("migrate"), QStringLiteral("status")}, url);
    const Run again = cli(target + QStringList{QStringLiteral("migrate"), QStringLiteral("up")}, url);

    // THEN the versions are listed with their state, and secrets never appear
    QCOMPARE(up.code, 0);
    QCOMPARE(after.code, 0);
    QVERIFY2(after.out.contains(QRegularExpression(QStringLiteral("0001 +todos_and_lists +applied"))), qPrintable(after.out));
    QVERIFY(after.out.contains(QStringLiteral("applied")));
    QVERIFY(after.out.contains(QStringLiteral("Up to date.")));
    QVERIFY(again.out.contains(QStringLiteral("Nothing to do")));
    if (driver == Driver::PostgreSQL) {
        // Before: the remote database is empty, so everything is pending.
        QCOMPARE(before.code, 0);
        QVERIFY2(before.out.contains(QStringLiteral("pending")), qPrintable(before.out));
        QVERIFY(after.out.contains(QStringLiteral("(PostgreSQL)")));
        const QString password = db.profile().password;
        QVERIFY(!password.isEmpty());
        for (const Run &r : {before, up, after, again})
            QVERIFY(!r.out.contains(password) && !r.err.contains(password));
    } else {
        QVERIFY(after.out.contains(QStringLiteral("(SQLite)")));
    }
}

void tst_Cli::shouldSayWhyAProfileIsMissing()
{
    const Run r = cli({QStringLiteral("--profile"), QStringLiteral("staging"), QStringLiteral("list")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("staging")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("profile set")), qPrintable(r.err));
}

void tst_Cli::shouldImportFromTheCommandLine()
{
    QFETCH(Driver, driver);
    // GIVEN an old SQLModel todo file and a fresh database
    const QString file = m_home->filePath(QStringLiteral("old-todos.db"));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 12), QString());
    ScratchDatabase db(driver);
    NT_REQUIRE(db);
    QStringList target;
    QString url;
    if (driver == Driver::SQLite)
        target = {QStringLiteral("--local"), m_home->filePath(QStringLiteral("data/cli-import.sqlite3"))};
    else
        url = db.profile().toUrl(true);
    // WHEN it is imported twice, the first time as a dry run
    const Run dry = cli(target + QStringList{QStringLiteral("import"), file, QStringLiteral("--dry-run"), QStringLiteral("--json")}, url);
    const Run first = cli(target + QStringList{QStringLiteral("import"), file, QStringLiteral("--json")}, url);
    const Run second = cli(target + QStringList{QStringLiteral("import"), file, QStringLiteral("--json")}, url);
    // THEN the dry run writes nothing, the import brings all 12, and the re-run brings none twice
    auto json = [](const Run &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); };
    QCOMPARE(dry.code, 0);
    QCOMPARE(json(dry).value(QStringLiteral("imported")).toInt(), 12);
    QCOMPARE(first.code, 0);
    QCOMPARE(json(first).value(QStringLiteral("imported")).toInt(), 12);
    QVERIFY(json(first).value(QStringLiteral("verified")).toBool());
    QCOMPARE(json(second).value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(json(second).value(QStringLiteral("already_there")).toInt(), 12);
    // AND a path that is not there is a usage error that says so
    const Run missing = cli(target + QStringList{QStringLiteral("import"), m_home->filePath(QStringLiteral("nope.db"))}, url);
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("There is no file")), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
