// bench_import: the import benchmark of issue 4 ("How fast"). It prints what it measured and checks
// the goals in words; it asserts nothing about speed (the smoke test only proves that every method
// still runs to the end and loads every row). See IMPORT.md beside this file for the recorded table.
//
// It generates an N-row SQLModel-style SQLite file (the seed backend's `todo` table, one INSERT ...
// SELECT over a recursive CTE in one transaction), then, against the PostgreSQL test stack, measures
// for each of --runs rounds (methods interleaved, so that load from other programs spreads evenly):
//   importer  SourceSnapshot + inspection + plan once, then Importer::run into a fresh migrated
//             database (the real todos table: UUID primary key, change-stamping trigger, row-level
//             security, indexes). Wall time of Importer::run; peak RSS of this process during it.
//   \copy     the limit: the same rows already converted (ImportReader over the same snapshot, written
//             once as COPY text: the values the importer sends, which it sends in binary) loaded by
//             `psql -c "\copy todos (...) FROM 'file'"` into another fresh migrated database (with
//             FORCE ROW LEVEL SECURITY lifted there: COPY FROM is refused under RLS). Wall time and
//             peak RSS of that psql process alone (see measureChild).
//   pgloader  `pgloader FILE.load` (LOAD DATABASE FROM sqlite:///... INTO postgresql://...) from the
//             same SQLite file into a fresh empty database, where it creates its own tables from the
//             SQLite schema (its defaults); TLS with sslmode=require and the stack's CA as
//             SSL_CERT_FILE. Wall time and peak RSS of the pgloader process alone.
// Each database is dropped again after its round. Medians of the rounds are printed, and the
// importer's server-side phases (pg_stat_statements).
//
// Run: tests/bench/run-import-bench.sh [--rows N] [--runs K] (it starts the test stack for it).

#include "benchcommon.h"
#include "connectionmanager.h"
#include "copytext.h"
#include "importer.h"
#include "importreader.h"
#include "knownapps.h"
#include "mappingguesser.h"
#include "schemamigrator.h"
#include "sourceinspector.h"
#include "sourcesnapshot.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "utctime.h"
#include "uuids.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace nt::bench {

using test::Driver;
using test::ScratchDatabase;
using test::TestStack;

namespace {

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString samplesText(QList<double> values)
{
    std::sort(values.begin(), values.end());
    QStringList parts;
    for (const double v : values)
        parts << QString::number(v, 'f', 2);
    return parts.join(QStringLiteral(", "));
}

// ---- memory ------------------------------------------------------------------------------------

double maxRssMb(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

// Lets getrusage(RUSAGE_SELF).ru_maxrss start again from the current RSS (Linux 4.0+: writing 5 to
// clear_refs resets the process's RSS high-water mark), so that one phase's peak can be told apart
// from an earlier phase's. False when the kernel does not allow it.
// CPU seconds (user + system) this process has used so far: the importer's own work, which other
// programs on the machine slow down less than they slow down its wall time.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

// ---- child processes ---------------------------------------------------------------------------

struct ChildRun
{
    QString error;        // empty when it ran and exited 0
    double seconds = 0;   // wall time of the program alone
    double peakRssMb = 0; // its own peak RSS
};

// Why a helper process: Linux gives a child's ru_maxrss at least the RSS of the process it was
// forked from at the moment it execs (exec records the old address space's high-water mark), so a
// program started straight from this process would report this process's size when its own is
// smaller (psql). The helper is this same binary, started with --measure-child before any Qt code
// runs (a few MB); it starts the program, waits for it and writes "status seconds maxrss-KiB" of it
// (getrusage RUSAGE_CHILDREN: the program is its only child) to a file.
int measureChild(const char *resultPath, char **argv)
{
    timespec begin{}, end{};
    clock_gettime(CLOCK_MONOTONIC, &begin);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv, environ);
    int status = 0;
    if (spawned == 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    } else {
        fprintf(stderr, "bench_import: could not start %s: %s\n", argv[0], strerror(spawned));
        status = 127 << 8;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    FILE *result = fopen(resultPath, "w");
    if (!result)
        return 1;
    fprintf(result, "%d %.6f %ld\n", status, double(end.tv_sec - begin.tv_sec) + double(end.tv_nsec - begin.tv_nsec) / 1e9,
            children.ru_maxrss);
    fclose(result);
    return 0;
}

// Runs a program through the helper above, with stdout and stderr into `logPath`, stdin from
// /dev/null and `extraEnv` added to this process's environment (a password goes there, never into
// argv).
ChildRun runChild(const QStringList &arguments, const QString &logPath, const QList<QByteArray> &extraEnv = {})
{
    ChildRun result;
    const QString resultPath = logPath + QStringLiteral(".rusage");
    QFile::remove(resultPath);
    std::vector<QByteArray> args{QCoreApplication::applicationFilePath().toLocal8Bit(), QByteArrayLiteral("--measure-child"),
                                 resultPath.toLocal8Bit(), QByteArrayLiteral("--")};
    for (const QString &a : arguments)
        args.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore(extraEnv.cbegin(), extraEnv.cend());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    for (char **e = environ; *e; ++e) {
        const QByteArray entry(*e);
        const QByteArray key = entry.left(entry.indexOf('=') + 1);
        const bool overridden = std::any_of(extraEnv.cbegin(), extraEnv.cend(),
                                            [&key](const QByteArray &x) { return x.startsWith(key); });
        if (!overridden)
            envp.push_back(*e);
    }
    envp.push_back(nullptr);

    const QByteArray log = logPath.toLocal8Bit();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        result.error = QStringLiteral("could not start the helper: ") + QString::fromLocal8Bit(strerror(spawned));
        return result;
    }
    int helperStatus = 0;
    while (waitpid(pid, &helperStatus, 0) < 0 && errno == EINTR) {
    }
    QFile file(resultPath);
    int status = -1;
    long maxRssKb = 0;
    if (!file.open(QIODevice::ReadOnly)
        || sscanf(file.readAll().constData(), "%d %lf %ld", &status, &result.seconds, &maxRssKb) != 3) {
        result.error = QStringLiteral("the helper measuring %1 failed (log: %2)").arg(arguments.first(), logPath);
        return result;
    }
    result.peakRssMb = double(maxRssKb) / 1024.0;
    if (WIFSIGNALED(status))
        result.error = QStringLiteral("%1 was killed by signal %2").arg(arguments.first()).arg(WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0)
        result.error = QStringLiteral("%1 exited with status %2 (log: %3)").arg(arguments.first()).arg(WEXITSTATUS(status)).arg(logPath);
    return result;
}

QString tail(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

// ---- databases ---------------------------------------------------------------------------------

// One value from a statement on `connection`, as text; nullopt (and `error` set) when it fails.
std::optional<QString> scalar(const QString &connection, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    if (!q.exec(sql) || !q.next()) {
        if (error)
            *error = sql.left(60) + QStringLiteral(": ") + q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toString();
}

// A fresh database on the stack; migrated when asked (the app's schema), else empty (pgloader's).
struct Target
{
    explicit Target(bool migrated) : db(Driver::PostgreSQL, QStringLiteral("ibench"))
    {
        if (!db.isValid())
            error = db.error();
        else if (migrated)
            if (auto m = SchemaMigrator(db.connectionName()).migrate(); !m)
                error = m.error().toString();
    }
    ScratchDatabase db;
    QString error;
};

// Where the importer's time went on the server: pg_stat_statements' execution time of each of its
// statements in one scratch database, read from the stack's postgres database (where the view
// lives). The loader sends each chunk's rows when they are all converted, so COPY's time there is
// the server's own; the client reads and converts the next chunk while a chunk's INSERT runs.
struct Phases
{
    double staging = 0; // COPY import_staging FROM STDIN, every chunk
    double insert = 0;  // INSERT INTO lists ..., INSERT INTO todos ... SELECT, TRUNCATE (every chunk)
    double verify = 0;  // the sums of the staged rows' checksums (every chunk), reading back what was written
    double other = 0;   // BEGIN, CREATE TEMPORARY TABLE, SET LOCAL, the last position, COMMIT
};

std::optional<Phases> importPhases(const ScratchDatabase &db, QString *error)
{
    const QString name = db.connectionName() + QStringLiteral("-stats");
    ConnectionProfile stats = db.profile();
    const QString database = stats.database;
    stats.database = QStringLiteral("postgres");
    std::optional<Phases> phases;
    if (ConnectionManager::addPostgres(name, stats) || !QSqlDatabase::database(name).isOpen()) {
        *error = QStringLiteral("cannot open the postgres database for pg_stat_statements");
    } else {
        auto q = SqlExec::run(QSqlDatabase::database(name, false),
                              QStringLiteral("SELECT query, total_exec_time / 1000 FROM pg_stat_statements "
                                             "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :db)"),
                              {{QStringLiteral("db"), database}});
        if (!q) {
            *error = q.error().toString();
        } else {
            phases.emplace();
            while (q.value().next()) {
                const QString sql = q.value().value(0).toString();
                const double seconds = q.value().value(1).toDouble();
                if (sql.startsWith(QStringLiteral("COPY import_staging")))
                    phases->staging += seconds;
                else if (sql.contains(QStringLiteral("INSERT INTO import_check")))
                    phases->verify += seconds;
                else if (sql.contains(QStringLiteral("INSERT INTO todos")) || sql.contains(QStringLiteral("INSERT INTO lists"))
                         || sql.startsWith(QStringLiteral("TRUNCATE import_staging")))
                    phases->insert += seconds;
                else if (sql.contains(QStringLiteral("change_xid = pg_current_xact_id()")))
                    phases->verify += seconds;
                else if (!sql.contains(QStringLiteral("schema_migrations")) && !sql.startsWith(QStringLiteral("CREATE TABLE"))
                         && !sql.startsWith(QStringLiteral("CREATE INDEX")) && !sql.startsWith(QStringLiteral("CREATE SEQUENCE"))
                         && !sql.startsWith(QStringLiteral("CREATE FUNCTION")) && !sql.startsWith(QStringLiteral("CREATE TRIGGER"))
                         && !sql.startsWith(QStringLiteral("CREATE POLICY")) && !sql.startsWith(QStringLiteral("ALTER TABLE"))
                         && !sql.startsWith(QStringLiteral("GRANT")) && !sql.contains(QStringLiteral("count(*) FROM todos")))
                    phases->other += seconds;
            }
        }
    }
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
    return phases;
}

// ---- the source file ---------------------------------------------------------------------------

// The seed backend's SQLModel table (exactly as SQLAlchemy creates it; see ImportFixtures::
// sqlModelFile), filled by one INSERT ... SELECT over a recursive CTE in one transaction. Row n:
// a realistic title from word lists (20-60 characters), a description on two rows of three,
// completed on every second row, created 2026-01-15 10:20:30.123456 plus n minutes (naive text with
// microseconds), updated a minute later, a due date on every fourth row, priority n % 4 (NULL on
// every fifth row).
QString generate(const QString &path, qint64 rows)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    const QString name = QStringLiteral("ibench-generate");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        auto run = [&](const QString &sql) {
            if (error.isEmpty() && !q.exec(sql))
                error = sql.left(60) + QStringLiteral(": ") + q.lastError().text();
        };
        run(QStringLiteral("PRAGMA journal_mode = OFF"));
        run(QStringLiteral("PRAGMA synchronous = OFF"));
        run(QStringLiteral("PRAGMA cache_size = -65536")); // 64 MiB while building the title index
        run(QStringLiteral("CREATE TABLE todo (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR NOT NULL, \n\t"
                           "description VARCHAR, \n\tcompleted BOOLEAN NOT NULL, \n\tcreated_at DATETIME NOT "
                           "NULL, \n\tupdated_at DATETIME NOT NULL, \n\tdue_date DATETIME, \n\tpriority "
                           "INTEGER, \n\tPRIMARY KEY (id)\n)"));
        run(QStringLiteral("CREATE INDEX ix_todo_title ON todo (title)"));
        run(QStringLiteral("BEGIN"));
        run(QStringLiteral("CREATE TEMP TABLE verbs (i INTEGER PRIMARY KEY, w TEXT)"));
        run(QStringLiteral("CREATE TEMP TABLE objects (i INTEGER PRIMARY KEY, w TEXT)"));
        run(QStringLiteral("CREATE TEMP TABLE tails (i INTEGER PRIMARY KEY, w TEXT)"));
        run(QStringLiteral("CREATE TEMP TABLE sentences (i INTEGER PRIMARY KEY, w TEXT)"));
        run(QStringLiteral(
            "INSERT INTO verbs VALUES (0,'Pay'),(1,'Call'),(2,'Buy'),(3,'Email'),(4,'Book'),(5,'Review'),"
            "(6,'Fix'),(7,'Clean'),(8,'Plan'),(9,'Write'),(10,'Read'),(11,'Order'),(12,'Renew'),(13,'Schedule'),"
            "(14,'Cancel'),(15,'Update'),(16,'Prepare'),(17,'Send'),(18,'Check'),(19,'Pick up')"));
        run(QStringLiteral(
            "INSERT INTO objects VALUES (0,'rent'),(1,'the dentist'),(2,'groceries'),(3,'the quarterly report'),"
            "(4,'train tickets'),(5,'the bike brakes'),(6,'the garage'),(7,'the team offsite'),"
            "(8,'a thank-you note'),(9,'chapter 4'),(10,'printer toner'),(11,'the passport'),(12,'a haircut'),"
            "(13,'the gym membership'),(14,'the release notes'),(15,'the invoice'),(16,'Anna''s birthday gift'),"
            "(17,'the water bill'),(18,'the car insurance'),(19,'the kitchen tap')"));
        run(QStringLiteral(
            "INSERT INTO tails VALUES (0,'before Friday'),(1,'with Anna'),(2,'for next week'),"
            "(3,'and file the receipt'),(4,'after lunch'),(5,'(again)'),(6,'if it is still open'),"
            "(7,'for the Berlin trip'),(8,'on the way home'),(9,'and tell Sam'),(10,'first thing Monday')"));
        run(QStringLiteral(
            "INSERT INTO sentences VALUES (0,'Ask about the discount they mentioned last time.'),"
            "(1,'Reference number is in the email from March.'),(2,'Bring the blue folder.'),"
            "(3,'Compare at least three offers before deciding; the cheapest was not the best last year.'),"
            "(4,'Only if the weather is fine.'),(5,'Sam has the spare key.'),"
            "(6,'Check the old receipts first, they might still be under warranty.'),"
            "(7,'Remember: the office closes early on Fridays.')"));
        run(QStringLiteral(
                "INSERT INTO todo (id, title, description, completed, created_at, updated_at, due_date, priority) "
                "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < %1) "
                "SELECT n, "
                "  v.w || ' ' || o.w || CASE WHEN n % 3 = 1 THEN ' ' || t.w ELSE '' END, "
                "  CASE WHEN n % 3 = 0 THEN NULL ELSE 'Notes for todo ' || n || '. ' || s.w END, "
                "  n % 2 = 0, "
                "  strftime('%Y-%m-%d %H:%M:%S', 1768472430 + 60 * n, 'unixepoch') || '.123456', "
                "  strftime('%Y-%m-%d %H:%M:%S', 1768472430 + 60 * (n + 1), 'unixepoch') || '.123456', "
                "  CASE WHEN n % 4 = 0 THEN printf('2026-02-%02d 09:00:00.000000', n % 28 + 1) END, "
                "  CASE WHEN n % 5 = 0 THEN NULL ELSE n % 4 END "
                "FROM seq "
                "JOIN verbs v ON v.i = n % 20 JOIN objects o ON o.i = (n / 20) % 20 "
                "JOIN tails t ON t.i = (n / 7) % 11 JOIN sentences s ON s.i = (n / 3) % 8")
                .arg(rows));
        run(QStringLiteral("COMMIT"));
        if (error.isEmpty()) {
            const auto count = scalar(name, QStringLiteral("SELECT count(*) FROM todo"), &error);
            if (count && count->toLongLong() != rows)
                error = QStringLiteral("generated %1 rows instead of %2").arg(*count).arg(rows);
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// ---- the converted rows, for \copy -------------------------------------------------------------

const char *const CopyColumns =
    "id, title, notes, completed, completed_at, due_at, due_all_day, priority, created_at, updated_at, position";

// COPY text (PostgresLoader sends the same values in COPY's binary format).
using CopyText::appendField;
using CopyText::appendTime;

// Every row the importer would load, converted by the importer's own reader, in COPY text format.
// Position: the n-th row in creation order gets n (what the importer's INSERT gives into an empty
// table; the source's ids and creation times grow together).
QString writeConverted(const SourceSnapshot &snapshot, const ImportPlan &plan, const QString &path, qint64 *written)
{
    ImportReader reader(snapshot.connectionName(), plan, snapshot.fingerprint());
    if (Error e = reader.open())
        return e.toString();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    QByteArray buffer;
    qint64 n = 0;
    while (auto row = reader.next()) {
        if (row->rejected())
            continue;
        const Todo &t = row->todo;
        appendField(buffer, Uuids::toText(t.id));
        buffer += '\t';
        appendField(buffer, t.title);
        buffer += '\t';
        appendField(buffer, t.notes);
        buffer += t.completed ? "\tt\t" : "\tf\t";
        appendTime(buffer, t.completedAt);
        buffer += '\t';
        appendTime(buffer, t.dueAt);
        buffer += t.dueAllDay && t.dueAt.isValid() ? "\tt\t" : "\tf\t";
        buffer += QByteArray::number(t.priority);
        buffer += '\t';
        appendTime(buffer, t.createdAt);
        buffer += '\t';
        appendTime(buffer, t.updatedAt.isValid() ? t.updatedAt : t.createdAt);
        buffer += '\t';
        buffer += QByteArray::number(++n);
        buffer += '\n';
        if (buffer.size() >= (1 << 20)) {
            if (file.write(buffer) != buffer.size())
                return file.errorString();
            buffer.clear();
        }
    }
    if (Error e = reader.error(); e.isError())
        return e.toString();
    if (file.write(buffer) != buffer.size())
        return file.errorString();
    *written = n;
    return {};
}

// ---- measurements ------------------------------------------------------------------------------

struct Method
{
    QString name;
    QList<double> seconds;
    QList<double> rssMb;
    qint64 rows = 0;        // rows loaded (checked by count(*) after each run)
    QString rssNote;        // how the memory was measured
    QStringList notes;
    bool skipped = false;
    QList<Phases> phases;   // the importer only
    QList<double> cpuSeconds; // the importer only: this process's CPU time during Importer::run
};

struct Options
{
    qint64 rows = 1000000;
    int runs = 3;
    bool smoke = false;
    bool pgloader = true;
    QString workDir;
    QString psql;
};

class Bench
{
public:
    explicit Bench(Options options) : m_options(std::move(options)) {}

    int run();

private:
    QString importOnce(Method &m);
    QString copyOnce(Method &m);
    QString pgloaderOnce(Method &m);
    QString password() const;
    void print();

    Options m_options;
    QString m_dir;
    QString m_sourcePath;
    QString m_copyPath;
    std::unique_ptr<SourceSnapshot> m_snapshot;
    ImportPlan m_plan;
    Method m_importer{QStringLiteral("importer (Importer::run)"), {}, {}, 0, {}, {}, false, {}, {}};
    Method m_copy{QStringLiteral("psql \\copy of converted rows"), {}, {}, 0, {}, {}, false, {}, {}};
    Method m_pgloader{QStringLiteral("pgloader"), {}, {}, 0, {}, {}, false, {}, {}};
    double m_generateSeconds = 0;
    double m_snapshotSeconds = 0;
    double m_convertSeconds = 0;
    double m_processPeakBeforeImport = 0;
    QString m_pgloaderVersion;
};

QString Bench::password() const
{
    auto parsed = ConnectionProfile::parse(TestStack::ownerUrl());
    return parsed ? parsed.value().password : QString();
}

QString Bench::importOnce(Method &m)
{
    Target target(true);
    if (!target.error.isEmpty())
        return target.error;
    const bool reset = resetPeakRss();
    m.rssNote = reset ? QStringLiteral("this process during Importer::run (RUSAGE_SELF, high-water mark reset first)")
                      : QStringLiteral("this process so far (RUSAGE_SELF; includes generating the file)");
    QElapsedTimer clock;
    const double cpuBefore = cpuSeconds();
    clock.start();
    auto report = Importer::run(m_snapshot->connectionName(), m_snapshot->fingerprint(), m_plan,
                                target.db.connectionName());
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const double rss = maxRssMb(RUSAGE_SELF);
    if (!report)
        return report.error().toString();
    if (report.value().imported != m_options.rows || !report.value().verified)
        return QStringLiteral("imported %1 of %2 rows (%3 rejected); verification: %4")
            .arg(report.value().imported)
            .arg(m_options.rows)
            .arg(report.value().rejected.size())
            .arg(report.value().verification);
    QString error;
    const auto count = scalar(target.db.connectionName(), QStringLiteral("SELECT count(*) FROM todos"), &error);
    if (!count)
        return error;
    m.rows = count->toLongLong();
    m.seconds << seconds;
    m.rssMb << rss;
    m.cpuSeconds << cpu;
    if (auto phases = importPhases(target.db, &error))
        m.phases << *phases;
    else
        progress() << " (no phase times: " << error << ")";
    if (m.notes.isEmpty())
        m.notes << QStringLiteral("verified: ") + report.value().verification;
    return {};
}

QString Bench::copyOnce(Method &m)
{
    Target target(true);
    if (!target.error.isEmpty())
        return target.error;
    // PostgreSQL refuses COPY FROM into a table whose row-level security applies to the copying role
    // ("COPY FROM not supported with row-level security"; todos has FORCE ROW LEVEL SECURITY, which is
    // also why the importer COPYs into a staging table and then INSERTs ... SELECT). So for \copy
    // the owner is let past the policy on this scratch database: same role, same TLS connection, same
    // table, primary key, trigger and indexes; only the policy's per-row check (owner = current_user,
    // true for every row here, as owner defaults to current_user) is not evaluated.
    if (QSqlQuery q(QSqlDatabase::database(target.db.connectionName(), false));
        !q.exec(QStringLiteral("ALTER TABLE todos NO FORCE ROW LEVEL SECURITY")))
        return QStringLiteral("ALTER TABLE todos NO FORCE ROW LEVEL SECURITY: ") + q.lastError().text();
    QString error;
    const QString url = target.db.profile().toUrl(false); // the password goes through PGPASSWORD
    const QString command = QStringLiteral("\\copy todos (") + QLatin1String(CopyColumns) + QStringLiteral(") FROM '")
        + m_copyPath + QLatin1Char('\'');
    const ChildRun child = runChild({m_options.psql, QStringLiteral("-X"), QStringLiteral("-q"),
                                     QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url,
                                     QStringLiteral("-c"), command},
                                    m_dir + QStringLiteral("/psql.log"), {"PGPASSWORD=" + password().toUtf8()});
    if (!child.error.isEmpty())
        return child.error + QLatin1Char('\n') + tail(m_dir + QStringLiteral("/psql.log"), 5);
    const auto count = scalar(target.db.connectionName(), QStringLiteral("SELECT count(*) FROM todos"), &error);
    if (!count)
        return error;
    if (count->toLongLong() != m_options.rows)
        return QStringLiteral("\\copy loaded %1 of %2 rows").arg(*count).arg(m_options.rows);
    m.rows = count->toLongLong();
    m.seconds << child.seconds;
    m.rssMb << child.peakRssMb;
    m.rssNote = QStringLiteral("the psql process alone (RUSAGE_CHILDREN in a small helper process that starts it)");
    return {};
}

QString Bench::pgloaderOnce(Method &m)
{
    Target target(false);
    if (!target.error.isEmpty())
        return target.error;
    const ConnectionProfile p = target.db.profile();
    // pgloader 3.6.9 knows sslmode disable|allow|prefer|require only (no verify-full, no sslrootcert
    // parameter), and with require it checks the server's certificate chain against OpenSSL's default
    // trust store, which SSL_CERT_FILE points at the stack's own CA. SCRAM works. The password comes
    // from PGPASSWORD (never argv, never the load file).
    const QString into = QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=require")
                             .arg(p.user, p.hostAddress.isEmpty() ? p.host : p.hostAddress)
                             .arg(p.port)
                             .arg(p.database);
    const QString loadPath = m_dir + QStringLiteral("/pgloader.load");
    {
        QFile load(loadPath);
        if (!load.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return load.errorString();
        load.write((QStringLiteral("LOAD DATABASE\n    FROM sqlite://") + m_sourcePath + QStringLiteral("\n    INTO ")
                    + into + QStringLiteral(";\n"))
                       .toUtf8());
    }
    const QString log = m_dir + QStringLiteral("/pgloader.log");
    const ChildRun child = runChild({QStringLiteral("pgloader"), QStringLiteral("--root-dir"),
                                     m_dir + QStringLiteral("/pgloader-root"), loadPath},
                                    log,
                                    {"PGPASSWORD=" + password().toUtf8(),
                                     "SSL_CERT_FILE=" + TestStack::value(QStringLiteral("NEON_TODO_TEST_PG_CA")).toLocal8Bit()});
    if (!child.error.isEmpty())
        return child.error + QLatin1Char('\n') + tail(log, 8);
    QString error;
    const QString c = target.db.connectionName();
    const auto count = scalar(c, QStringLiteral("SELECT count(*) FROM todo"), &error);
    if (!count)
        return error + QLatin1Char('\n') + tail(log, 8);
    m.rows = count->toLongLong();
    m.seconds << child.seconds;
    m.rssMb << child.peakRssMb;
    m.rssNote = QStringLiteral("the pgloader process alone (likewise)");
    if (m.notes.isEmpty()) {
        // What it made of the SQLite types, and of row 4 (completed 1, a due date, priority 0).
        QSqlQuery q(QSqlDatabase::database(c, false));
        QStringList types;
        if (q.exec(QStringLiteral("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                                  "WHERE table_name = 'todo' ORDER BY ordinal_position")))
            while (q.next())
                types << q.value(0).toString() + QStringLiteral(" ") + q.value(1).toString()
                        + (q.value(2).toString() == QStringLiteral("NO") ? QStringLiteral(" not null") : QString());
        m.notes << QStringLiteral("pgloader's table: todo (") + types.join(QStringLiteral(", ")) + QLatin1Char(')');
        if (q.exec(QStringLiteral("SELECT completed::text, created_at::text, due_date::text, current_setting('TimeZone') "
                                  "FROM todo WHERE id = 4"))
            && q.next())
            m.notes << QStringLiteral("row 4 as pgloader stored it: completed %1, created_at %2, due_date %3 (session time zone %4); "
                                      "in the file: completed 1, created_at 2026-01-15 10:24:30.123456, due_date 2026-02-05 09:00:00.000000")
                           .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
        QStringList summary;
        QFile f(log);
        if (f.open(QIODevice::ReadOnly))
            for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
                if (line.contains(QStringLiteral("Total import time")) || line.contains(QStringLiteral(" todo "))
                    || line.contains(QStringLiteral("\"todo\"")) || line.contains(QStringLiteral("ERROR"))
                    || line.contains(QStringLiteral("WARNING")))
                    summary << line.simplified();
        m.notes << QStringLiteral("pgloader's summary lines: ") + summary.join(QStringLiteral(" / "));
    }
    return {};
}

int Bench::run()
{
    if (QString why = TestStack::whyUnavailable(); !why.isEmpty()) {
        progress() << "bench_import: " << why << '\n';
        return 2;
    }
    std::unique_ptr<QTemporaryDir> temp;
    if (m_options.workDir.isEmpty()) {
        temp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/neon-todo-ibench-XXXXXX"));
        if (!temp->isValid()) {
            progress() << "bench_import: cannot make a work folder: " << temp->errorString() << '\n';
            return 1;
        }
        m_dir = temp->path();
    } else {
        m_dir = QDir(m_options.workDir).absolutePath();
        QDir().mkpath(m_dir);
    }
    if (m_dir.contains(QLatin1Char('\'')) || m_dir.contains(QLatin1Char(';'))) {
        progress() << "bench_import: the work folder's path must not contain ' or ;\n";
        return 1;
    }
    m_sourcePath = m_dir + QStringLiteral("/todo_app_local.db");
    m_copyPath = m_dir + QStringLiteral("/converted.copy");

    if (m_options.pgloader && QStandardPaths::findExecutable(QStringLiteral("pgloader")).isEmpty()) {
        m_options.pgloader = false;
        m_pgloader.notes << QStringLiteral("pgloader is not installed (apt-get install -y pgloader): not measured");
    }
    if (m_options.pgloader) {
        const ChildRun v = runChild({QStringLiteral("pgloader"), QStringLiteral("--version")}, m_dir + QStringLiteral("/pgloader-version.log"));
        m_pgloaderVersion = tail(m_dir + QStringLiteral("/pgloader-version.log"), 3).simplified();
    }
    m_pgloader.skipped = !m_options.pgloader;

    // 1. The file.
    progress() << "generating " << number(m_options.rows) << " rows into " << m_sourcePath << " ...\n";
    progress().flush();
    QElapsedTimer clock;
    clock.start();
    if (QString e = generate(m_sourcePath, m_options.rows); !e.isEmpty()) {
        progress() << "bench_import: generating the file failed: " << e << '\n';
        return 1;
    }
    m_generateSeconds = double(clock.nsecsElapsed()) / 1e9;
    progress() << "  " << QString::number(m_generateSeconds, 'f', 1) << " s, "
               << QString::number(double(QFileInfo(m_sourcePath).size()) / 1048576.0, 'f', 0) << " MiB\n";

    // 2. Snapshot, inspection and plan: once, as the wizard does before the person clicks Import.
    clock.restart();
    auto opened = SourceSnapshot::open(m_sourcePath);
    if (!opened) {
        progress() << "bench_import: " << opened.error().toString() << '\n';
        return 1;
    }
    m_snapshot = std::move(opened).value();
    const auto tables = SourceInspector(*m_snapshot).tables();
    m_plan = KnownApps::recognise(tables).value_or(MappingGuesser::guess(tables));
    m_snapshotSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (m_plan.table != QStringLiteral("todo")) {
        progress() << "bench_import: the plan chose table '" << m_plan.table << "' instead of 'todo'\n";
        return 1;
    }
    progress() << "snapshot + inspection + plan: " << QString::number(m_snapshotSeconds, 'f', 1) << " s\n";

    // 3. The converted rows for \copy (before any measurement, so each round is the same).
    m_processPeakBeforeImport = maxRssMb(RUSAGE_SELF);
    clock.restart();
    qint64 converted = 0;
    if (QString e = writeConverted(*m_snapshot, m_plan, m_copyPath, &converted); !e.isEmpty()) {
        progress() << "bench_import: writing the converted rows failed: " << e << '\n';
        return 1;
    }
    m_convertSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (converted != m_options.rows) {
        progress() << "bench_import: converted " << converted << " rows instead of " << m_options.rows << '\n';
        return 1;
    }
    progress() << "converted rows for \\copy: " << QString::number(m_convertSeconds, 'f', 1) << " s, "
               << QString::number(double(QFileInfo(m_copyPath).size()) / 1048576.0, 'f', 0) << " MiB\n";

    // 4. The rounds.
    for (int r = 1; r <= m_options.runs; ++r) {
        struct Step
        {
            Method *method;
            QString (Bench::*once)(Method &);
        };
        QList<Step> steps{{&m_importer, &Bench::importOnce}, {&m_copy, &Bench::copyOnce}};
        if (m_options.pgloader)
            steps.append({&m_pgloader, &Bench::pgloaderOnce});
        for (const Step &s : steps) {
            progress() << "round " << r << "/" << m_options.runs << ": " << s.method->name << " ...";
            progress().flush();
            if (QString e = (this->*s.once)(*s.method); !e.isEmpty()) {
                progress() << "\nbench_import: " << s.method->name << " failed: " << e << '\n';
                return 1;
            }
            progress() << ' ' << QString::number(s.method->seconds.constLast(), 'f', 2) << " s, peak RSS "
                       << QString::number(s.method->rssMb.constLast(), 'f', 0) << " MB\n";
            progress().flush();
        }
    }
    print();
    if (!m_options.workDir.isEmpty())
        progress() << "files kept in " << m_dir << '\n';
    return 0;
}

void Bench::print()
{
    const double copySeconds = median(m_copy.seconds);
    auto rowOf = [&](const Method &m) {
        if (m.skipped)
            return QStringLiteral("| %1 | – | – | – | – | – | not measured |\n").arg(m.name);
        const double s = median(m.seconds);
        return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6x | %7 |\n")
            .arg(m.name, number(m.rows), QString::number(s, 'f', 2), number(qint64(double(m.rows) / s)),
                 QString::number(median(m.rssMb), 'f', 0), QString::number(s / copySeconds, 'f', 2),
                 samplesText(m.seconds));
    };
    out() << "\n### Import of " << number(m_options.rows) << " SQLModel rows into PostgreSQL (median of "
          << m_options.runs << (m_options.runs == 1 ? " run" : " runs") << ")\n\n"
          << "| method | rows | seconds | rows/s | peak RSS MB | ratio to \\copy | runs (s) |\n"
          << "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
          << rowOf(m_importer) << rowOf(m_copy) << rowOf(m_pgloader) << '\n';

    const double imp = median(m_importer.seconds);
    const double rss = m_importer.rssMb.isEmpty() ? 0 : *std::max_element(m_importer.rssMb.cbegin(), m_importer.rssMb.cend());
    auto verdict = [](bool ok) { return ok ? QStringLiteral("PASS") : QStringLiteral("MISS"); };
    out() << "Goals:\n"
          << "- importer within 1.2x of \\copy: " << QString::number(imp / copySeconds, 'f', 2) << "x -> "
          << verdict(imp <= 1.2 * copySeconds) << '\n';
    if (m_pgloader.skipped)
        out() << "- importer >= 2.5x faster than pgloader: not measured (pgloader not run)\n";
    else {
        const double pg = median(m_pgloader.seconds);
        out() << "- importer >= 2.5x faster than pgloader: " << QString::number(pg / imp, 'f', 2) << "x faster -> "
              << verdict(pg >= 2.5 * imp) << '\n';
    }
    out() << "- importer peak RSS <= 150 MB: " << QString::number(rss, 'f', 0) << " MB (highest of the runs) -> "
          << verdict(rss <= 150) << "\n\n";

    out() << "Notes:\n"
          << "- machine: " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
          << " cores; PostgreSQL test stack on loopback (TLS + SCRAM, fsync off)\n"
          << "- generating the file: " << QString::number(m_generateSeconds, 'f', 1)
          << " s (not measured above); snapshot + inspection + plan before Importer::run: "
          << QString::number(m_snapshotSeconds, 'f', 1) << " s (not in the importer's time); converting the rows for \\copy: "
          << QString::number(m_convertSeconds, 'f', 1) << " s (not in \\copy's time)\n"
          << "- peak RSS, importer: " << m_importer.rssNote << "; the bench process peaked at "
          << QString::number(m_processPeakBeforeImport, 'f', 0)
          << " MB before the first import, generating the file with a 64 MiB SQLite cache\n"
          << "- peak RSS, \\copy: " << m_copy.rssNote << "; pgloader: " << m_pgloader.rssNote << '\n';
    if (!m_importer.phases.isEmpty()) {
        auto phase = [this](double Phases::*member) {
            QList<double> values;
            for (const Phases &p : std::as_const(m_importer.phases))
                values << p.*member;
            return QString::number(median(values), 'f', 2);
        };
        out() << "- where the importer's time goes (server-side statement times, pg_stat_statements, median): "
              << "COPY of the chunks into the staging table " << phase(&Phases::staging)
              << " s; INSERT ... SELECT of the chunks into todos "
              << phase(&Phases::insert) << " s; verification (per-row checksums of the staged rows, summed; the same of the rows read back) "
              << phase(&Phases::verify)
              << " s; other statements " << phase(&Phases::other)
              << " s (the client reads and converts the next chunk while a chunk's INSERT runs)\n";
    }
    if (!m_importer.cpuSeconds.isEmpty())
        out() << "- the importer's own CPU time during Importer::run (this process, user + system; median): "
              << QString::number(median(m_importer.cpuSeconds), 'f', 2) << " s (" << samplesText(m_importer.cpuSeconds)
              << ")\n";
    if (!m_pgloaderVersion.isEmpty())
        out() << "- " << m_pgloaderVersion << "\n";
    for (const Method *m : {&m_importer, &m_copy, &m_pgloader})
        for (const QString &n : m->notes)
            out() << "- " << n << '\n';
    out().flush();
}

} // namespace

} // namespace nt::bench

int main(int argc, char *argv[])
{
    if (argc >= 5 && qstrcmp(argv[1], "--measure-child") == 0 && qstrcmp(argv[3], "--") == 0)
        return nt::bench::measureChild(argv[2], argv + 4);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_import"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The import benchmark of issue 4: this importer vs psql \\copy of the converted rows vs pgloader. "
        "Needs the PostgreSQL test stack: tests/bench/run-import-bench.sh [OPTIONS]."));
    parser.addHelpOption();
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Rows in the generated file (default 1000000)."),
                                  QStringLiteral("N"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Rounds of the three methods (default 3)."),
                                  QStringLiteral("K"));
    const QCommandLineOption smoke(QStringLiteral("smoke"), QStringLiteral("2,000 rows, one round: proves that it still runs."));
    const QCommandLineOption noPgloader(QStringLiteral("no-pgloader"), QStringLiteral("Skip pgloader."));
    const QCommandLineOption workDir(QStringLiteral("work-dir"),
                                     QStringLiteral("Keep the generated files in DIR (default: a temporary folder)."),
                                     QStringLiteral("DIR"));
    parser.addOptions({rows, runs, smoke, noPgloader, workDir});
    parser.process(app);

    nt::bench::Options options;
    if (parser.isSet(smoke)) {
        options.smoke = true;
        options.rows = 2000;
        options.runs = 1;
    }
    bool ok = true;
    if (parser.isSet(rows))
        options.rows = parser.value(rows).toLongLong(&ok);
    if (!ok || options.rows < 1) {
        nt::bench::progress() << "bench_import: --rows needs a positive number\n";
        return 1;
    }
    if (parser.isSet(runs))
        options.runs = parser.value(runs).toInt(&ok);
    if (!ok || options.runs < 1) {
        nt::bench::progress() << "bench_import: --runs needs a positive number\n";
        return 1;
    }
    options.pgloader = !parser.isSet(noPgloader);
    options.workDir = parser.value(workDir);
    const QString binDir = nt::test::TestStack::value(QStringLiteral("NEON_TODO_TEST_PG_BINDIR"));
    options.psql = !binDir.isEmpty() && QFileInfo(binDir + QStringLiteral("/psql")).isExecutable()
        ? binDir + QStringLiteral("/psql")
        : QStringLiteral("psql");
    return nt::bench::Bench(options).run();
}
