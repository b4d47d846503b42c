// bench_todos: the performance benchmark of issue 3. It prints what it measured and asserts nothing
// about speed (speed goals are checked by reading its recorded output, never by timed test asserts).
//
// For every list size (--rows) and every driver (--drivers) it seeds a fresh database and measures:
//   seed          inserting the N todos (one transaction, multi-row INSERTs of 500 rows; one sample)
//   load          TodoListModel::setConnection on a fresh model: one SELECT, every row built in memory
//   sort          attaching a TodoFilterModel to the loaded model (its initial manual-order sort)
//   search        TodoFilterModel::setSearchText for each prefix of "pay rent" as typed; the first
//                 keystroke (which fills the model's search-text cache) is kept apart from the rest
//   search+view   the same keystrokes with a shown TodoView (the app's view and delegate) on the
//                 filter: setSearchText, pending events, then a synchronous repaint of the viewport
//   add, edit title, toggle complete, delete (tombstone), bulk complete 100 selected todos: one
//                 call on TodoListModel with a TodoFilterModel and a shown TodoView attached, as in
//                 the window, including the view's relayout and repaint afterwards
//   statement only  add and delete through TodoRepository alone: the database's share of the above
//   round trips   PostgreSQL only: statements the server executed for the scratch database during
//                 one operation, from pg_stat_statements (as tst_todolistmodel counts them)
// and, on SQLite, starts the real neon-todo (--local-database on the seeded file) until it reports
// its first painted list: milliseconds from just before QProcess::start, and its RSS at that moment.
//
// Run on PostgreSQL through the test stack: tests/testlib/pg-test-stack.sh run -- build/tests/bench/bench_todos

#include "benchcommon.h"
#include "connectionmanager.h"
#include "schemamigrator.h"
#include "sqlexec.h"
#include "statementcounter.h"
#include "testdatabase.h"
#include "tododelegate.h"
#include "todofiltermodel.h"
#include "todolistmodel.h"
#include "todorepository.h"
#include "todoview.h"
#include "uuids.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#ifndef NEON_TODO_BENCH_APP
#define NEON_TODO_BENCH_APP ""
#endif

namespace nt::bench {

using test::Driver;

// The samples of one measurement (milliseconds, or MiB for memory, or statements for round trips).
class Samples
{
public:
    void add(double value) { m_values.append(value); }
    bool isEmpty() const { return m_values.isEmpty(); }
    int count() const { return int(m_values.size()); }
    double median() const { return bench::median(m_values); }
    // Nearest rank: the smallest sample that at least 95 % of the samples do not exceed.
    double p95() const
    {
        const QList<double> s = sorted();
        return s.at(std::max<qsizetype>(0, qsizetype(std::ceil(0.95 * double(s.size()))) - 1));
    }
    double max() const { return sorted().constLast(); }

private:
    QList<double> sorted() const
    {
        QList<double> s = m_values;
        std::sort(s.begin(), s.end());
        return s;
    }
    QList<double> m_values;
};

struct Options
{
    QList<int> rows{10000, 100000};
    int iterations = 50;
    int loadRuns = 10;
    int startupRuns = 10;
    QList<Driver> drivers{Driver::SQLite, Driver::PostgreSQL};
    QString app;
    bool smoke = false;
};

// What the program prints: per list size, one line per measurement, one column group per driver.
class Report
{
public:
    struct Entry
    {
        Samples value;
        Samples trips;
    };

    void add(int rows, const QString &label, Driver driver, const Samples &value, const Samples &trips = {})
    {
        auto &labels = m_order[rows];
        if (!labels.contains(label))
            labels << label;
        m_entries[rows][label][int(driver)] = Entry{value, trips};
    }

    const Entry *find(int rows, const QString &label, Driver driver) const
    {
        const auto size = m_entries.find(rows);
        if (size == m_entries.end())
            return nullptr;
        const auto line = size->second.find(label);
        if (line == size->second.end())
            return nullptr;
        const auto entry = line->second.find(int(driver));
        return entry == line->second.end() ? nullptr : &entry->second;
    }

    void print(const Options &options) const
    {
        const bool pg = options.drivers.contains(Driver::PostgreSQL);
        const bool lite = options.drivers.contains(Driver::SQLite);
        for (const auto &[rows, labels] : m_order) {
            out() << "\n### " << QLocale(QLocale::English).toString(rows) << " todos\n\n"
                  << "| measurement | runs |";
            if (lite)
                out() << " SQLite median | p95 | max |";
            if (pg)
                out() << " PostgreSQL median | p95 | max | PG round trips |";
            out() << "\n| --- | --- |" << (lite ? " ---: | ---: | ---: |" : "")
                  << (pg ? " ---: | ---: | ---: | ---: |" : "") << '\n';
            for (const QString &label : labels) {
                const Entry *l = find(rows, label, Driver::SQLite);
                const Entry *p = find(rows, label, Driver::PostgreSQL);
                const int runs = l ? l->value.count() : (p ? p->value.count() : 0);
                out() << "| " << label << " | " << runs << " |";
                if (lite)
                    out() << cells(l);
                if (pg)
                    out() << cells(p) << ' ' << trips(p) << " |";
                out() << '\n';
            }
        }
        out().flush();
    }

private:
    static QString number(double v)
    {
        return QString::number(v, 'f', v < 10 ? 2 : (v < 100 ? 1 : 0));
    }
    static QString cells(const Entry *e)
    {
        if (!e || e->value.isEmpty())
            return QStringLiteral(" – | – | – |");
        return QLatin1Char(' ') + number(e->value.median()) + QStringLiteral(" | ") + number(e->value.p95())
            + QStringLiteral(" | ") + number(e->value.max()) + QStringLiteral(" |");
    }
    static QString trips(const Entry *e)
    {
        if (!e || e->trips.isEmpty())
            return QStringLiteral("–");
        const QString median = QString::number(e->trips.median());
        return e->trips.max() == e->trips.median() ? median
                                                   : median + QStringLiteral(" (max ") + QString::number(e->trips.max())
                + QLatin1Char(')');
    }

    std::map<int, QStringList> m_order;
    std::map<int, std::map<QString, std::map<int, Entry>>> m_entries;
};

// The measurement labels, also used to find the numbers that the goals are judged on.
namespace Label {
const QString Seed = QStringLiteral("seed N todos (once)");
const QString Load = QStringLiteral("load (setConnection, fresh model)");
const QString Sort = QStringLiteral("filter attach (initial sort)");
const QString FirstKey = QStringLiteral("search: first keystroke");
const QString NextKeys = QStringLiteral("search: later keystrokes");
const QString ClearSearch = QStringLiteral("search: clear (all rows back)");
const QString ViewKeys = QStringLiteral("search + view repaint: keystroke");
const QString Add = QStringLiteral("add");
const QString Edit = QStringLiteral("edit (title)");
const QString Toggle = QStringLiteral("toggle (complete)");
const QString Delete = QStringLiteral("delete (tombstone)");
const QString Bulk = QStringLiteral("bulk (complete 100 selected)");
const QString RepoAdd = QStringLiteral("add: statement only (TodoRepository)");
const QString RepoDelete = QStringLiteral("delete: statement only (TodoRepository)");
const QString FirstPaint = QStringLiteral("app: first painted list from process start");
const QString Rss = QStringLiteral("app: RSS at first paint (MiB)");
} // namespace Label

// Realistic todo text, the same on every run (fixed seed).
class TextMaker
{
public:
    QString title()
    {
        static const QStringList verbs{
            QStringLiteral("Pay"),    QStringLiteral("Call"),     QStringLiteral("Buy"),     QStringLiteral("Email"),
            QStringLiteral("Book"),   QStringLiteral("Review"),   QStringLiteral("Fix"),     QStringLiteral("Clean"),
            QStringLiteral("Plan"),   QStringLiteral("Write"),    QStringLiteral("Read"),    QStringLiteral("Order"),
            QStringLiteral("Renew"),  QStringLiteral("Schedule"), QStringLiteral("Cancel"),  QStringLiteral("Update"),
            QStringLiteral("Prepare"), QStringLiteral("Send"),    QStringLiteral("Check"),   QStringLiteral("Pick up")};
        static const QStringList objects{
            QStringLiteral("rent"),          QStringLiteral("the dentist"),       QStringLiteral("groceries"),
            QStringLiteral("the quarterly report"), QStringLiteral("train tickets"), QStringLiteral("the bike brakes"),
            QStringLiteral("the garage"),    QStringLiteral("the team offsite"),  QStringLiteral("a thank-you note"),
            QStringLiteral("chapter 4"),     QStringLiteral("printer toner"),     QStringLiteral("the passport"),
            QStringLiteral("a haircut"),     QStringLiteral("the gym membership"), QStringLiteral("the release notes"),
            QStringLiteral("the invoice"),   QStringLiteral("Anna's birthday gift"), QStringLiteral("the water bill"),
            QStringLiteral("the car insurance"), QStringLiteral("the kitchen tap")};
        static const QStringList tails{
            QStringLiteral("before Friday"),    QStringLiteral("with Anna"),          QStringLiteral("for next week"),
            QStringLiteral("and file the receipt"), QStringLiteral("after lunch"),    QStringLiteral("(again)"),
            QStringLiteral("if it is still open"), QStringLiteral("for the Berlin trip"), QStringLiteral("on the way home"),
            QStringLiteral("and tell Sam"),     QStringLiteral("first thing Monday"), QStringLiteral("online")};
        QString t = pick(verbs) + QLatin1Char(' ') + pick(objects);
        if (m_random.bounded(2) == 0 || t.size() < 20)
            t += QLatin1Char(' ') + pick(tails);
        while (t.size() < 20)
            t += QLatin1Char(' ') + pick(tails);
        if (t.size() > 60)
            t = t.left(60).trimmed();
        return t;
    }
    QString notes()
    {
        static const QStringList sentences{
            QStringLiteral("Ask about the discount they mentioned last time."),
            QStringLiteral("Reference number is in the email from March."),
            QStringLiteral("Needs the blue folder from the second drawer."),
            QStringLiteral("Anna said the afternoon works better for her."),
            QStringLiteral("Compare the two offers before deciding anything."),
            QStringLiteral("Door code 4711, second floor on the left.")};
        QString n;
        const int count = 1 + int(m_random.bounded(3));
        for (int i = 0; i < count; ++i)
            n += (i ? QStringLiteral(" ") : QString()) + pick(sentences);
        return n;
    }
    int bounded(int high) { return int(m_random.bounded(high)); }

private:
    QString pick(const QStringList &from) { return from.at(m_random.bounded(int(from.size()))); }
    QRandomGenerator m_random{20260115};
};

Error seed(const QString &connectionName, int count, TextMaker &text)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.transaction())
        return SqlExec::fromSqlError(db.lastError(), QStringLiteral("Could not begin the seeding transaction."));
    auto fail = [&db](const Error &e) {
        db.rollback();
        return e;
    };
    QList<QUuid> lists;
    for (const char *name : {"Home", "Work", "Errands", "Side project", "Family"}) {
        lists << Uuids::createV7();
        if (Error e = SqlExec::exec(db, QStringLiteral("INSERT INTO lists (id, name, position) VALUES (:id, :name, :pos)"),
                                    {{QStringLiteral("id"), lists.constLast()},
                                     {QStringLiteral("name"), QString::fromLatin1(name)},
                                     {QStringLiteral("pos"), double(lists.size())}}))
            return fail(e);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = now.addDays(-365);
    constexpr int Chunk = 500; // rows per INSERT
    for (int first = 0; first < count; first += Chunk) {
        const int n = std::min(Chunk, count - first);
        QVariantMap values;
        QStringList tuples;
        for (int j = 0; j < n; ++j) {
            const int i = first + j;
            const QString k = QString::number(j);
            tuples << QStringLiteral("(:id%1, :title%1, :notes%1, :due%1, :allday%1, :prio%1, :list%1, :pos%1, "
                                     ":created%1, :created%1)")
                          .arg(k);
            // Creation times spread over the last year, in insertion order (ids are v7 of that time).
            const QDateTime created = start.addMSecs(qint64(i) * 365LL * 86400000LL / std::max(count, 1));
            QDateTime due;
            bool allDay = false;
            if (text.bounded(10) < 3) { // ~30 % have a due date, half of them all-day
                allDay = text.bounded(2) == 0;
                const QDate day = now.date().addDays(text.bounded(90) - 30);
                due = allDay ? QDateTime(day, QTime(0, 0), QTimeZone::utc())
                             : QDateTime(day, QTime(8 + text.bounded(10), 30 * text.bounded(2)), QTimeZone::utc());
            }
            values.insert(QStringLiteral("id") + k, Uuids::createV7(created));
            values.insert(QStringLiteral("title") + k, text.title());
            values.insert(QStringLiteral("notes") + k, text.bounded(5) == 0 ? text.notes() : QStringLiteral(""));
            values.insert(QStringLiteral("due") + k, due);
            values.insert(QStringLiteral("allday") + k, allDay);
            values.insert(QStringLiteral("prio") + k, text.bounded(10) < 6 ? 0 : 1 + text.bounded(3));
            values.insert(QStringLiteral("list") + k, text.bounded(10) < 6 ? lists.at(text.bounded(5)) : QUuid());
            values.insert(QStringLiteral("pos") + k, double(i + 1));
            values.insert(QStringLiteral("created") + k, created);
        }
        // The values are written into the statement text (SqlExec's escaping) on both drivers. On
        // PostgreSQL SqlExec does that anyway. On SQLite binding 5,000 values to one statement is
        // quadratic: Qt rewrites the positional placeholders as named ones for QSQLite, and SQLite looks
        // each name up in a linear list (35 s instead of 2 s for 100,000 todos).
        auto insert = SqlExec::inlineValues(db,
                                            QStringLiteral("INSERT INTO todos (id, title, notes, due_at, due_all_day, "
                                                           "priority, list_id, position, created_at, updated_at) VALUES ")
                                                + tuples.join(QStringLiteral(", ")),
                                            values);
        if (!insert)
            return fail(insert.error());
        if (Error e = SqlExec::exec(db, insert.value()))
            return fail(e);
    }
    if (!db.commit())
        return fail(SqlExec::fromSqlError(db.lastError(), QStringLiteral("Could not commit the seeded todos.")));
    // Leave the database as a person's would be: the WAL folded into the file (SQLite), hint bits set
    // and statistics gathered (PostgreSQL).
    return SqlExec::exec(db, dialectOf(db) == SqlDialect::SQLite ? QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")
                                                                  : QStringLiteral("VACUUM ANALYZE todos"));
}

// Statements PostgreSQL executed for one database so far (pg_stat_statements, read from the stack's
// postgres database so that reading does not count itself). -1 when unavailable.
double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Starts the real app `runs` times (plus one warm-up run that is not counted) on the SQLite file.
struct Startup
{
    Samples ms;
    Samples rssMiB;
    int rowsShown = -1;
    QString error;
};

Startup measureStartup(const QString &app, const QString &databasePath, int runs)
{
    Startup result;
    QTemporaryDir home;
    for (const char *dir : {"home", "config", "data", "cache", "runtime"})
        QDir(home.path()).mkpath(QString::fromLatin1(dir));
    QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NEON_TODO_DATABASE_URL"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("NEON_TODO_REPORT_STARTUP"), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), home.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    static const QRegularExpression line(QStringLiteral("first-paint-epoch-ms (\\d+) rss-kb (-?\\d+) rows (-?\\d+)"));
    for (int run = -1; run < runs; ++run) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch(); // just before QProcess::start
        process.start(app, {QStringLiteral("--local-database"), databasePath});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            result.error = QStringLiteral("the app did not report its first paint within 60 s");
            return result;
        }
        const QString output = QString::fromUtf8(process.readAllStandardOutput());
        const auto match = line.match(output);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !match.hasMatch()) {
            result.error = QStringLiteral("the app exited with %1 without a first-paint line: %2")
                               .arg(process.exitCode())
                               .arg(QString::fromUtf8(process.readAllStandardError()).left(500));
            return result;
        }
        if (run < 0)
            continue; // warm-up: loads the libraries into the page cache
        result.ms.add(double(match.captured(1).toLongLong() - startedAt));
        result.rssMiB.add(double(match.captured(2).toLongLong()) / 1024.0);
        result.rowsShown = match.captured(3).toInt();
    }
    return result;
}

// The search text as typed, one keystroke at a time.
QStringList keystrokes()
{
    const QString word = QStringLiteral("pay rent");
    QStringList typed;
    for (qsizetype i = 1; i <= word.size(); ++i)
        typed << word.left(i);
    return typed;
}

// A view like the window's list, shown offscreen; settle() lets it lay out and paint.
struct ShownView
{
    explicit ShownView(QAbstractItemModel *model)
    {
        view.setModel(model);
        view.setItemDelegate(new TodoDelegate(&view));
        view.resize(800, 600);
        view.show();
        settle();
    }
    void settle()
    {
        QCoreApplication::processEvents();
        view.viewport()->repaint();
    }
    TodoView view;
};

class DriverBench
{
public:
    DriverBench(const Options &options, int rows, Driver driver, Report &report)
        : m_options(options), m_rows(rows), m_driver(driver), m_report(report), m_db(driver, QStringLiteral("bench"))
    {
    }

    // Empty on success, else what went wrong.
    QString run()
    {
        if (!m_db.isValid())
            return m_db.error();
        if (auto migrated = SchemaMigrator(m_db.connectionName()).migrate(); !migrated)
            return migrated.error().toString();
        step(QStringLiteral("seeding"));
        TextMaker text;
        QElapsedTimer timer;
        timer.start();
        if (Error e = seed(m_db.connectionName(), m_rows, text))
            return e.toString();
        Samples seedMs;
        seedMs.add(elapsedMs(timer));
        m_report.add(m_rows, Label::Seed, m_driver, seedMs);

        if (m_driver == Driver::PostgreSQL) {
            m_counter = std::make_unique<test::StatementCounter>(m_db);
            if (!m_counter->error().isEmpty())
                return m_counter->error();
            if (m_counter->executed() < 0)
                return QStringLiteral("pg_stat_statements cannot be read in the stack's postgres database");
        }
        if (m_driver == Driver::SQLite && !m_options.app.isEmpty()) {
            step(QStringLiteral("starting the app"));
            const Startup s = measureStartup(m_options.app, m_db.sqlitePath(), m_options.startupRuns);
            if (!s.error.isEmpty())
                return s.error;
            if (s.rowsShown != m_rows)
                return QStringLiteral("the app showed %1 rows, expected %2").arg(s.rowsShown).arg(m_rows);
            m_report.add(m_rows, Label::FirstPaint, m_driver, s.ms);
            m_report.add(m_rows, Label::Rss, m_driver, s.rssMiB);
        }
        step(QStringLiteral("loading and searching"));
        if (QString e = loadAndSearch(); !e.isEmpty())
            return e;
        step(QStringLiteral("operations"));
        return operations(text);
    }

private:
    void step(const QString &what)
    {
        static QElapsedTimer clock;
        if (!clock.isValid())
            clock.start();
        progress() << QString::number(double(clock.elapsed()) / 1000, 'f', 1) << " s  " << test::driverName(m_driver)
                   << ' ' << m_rows << ": " << what << Qt::endl;
    }

    // Load, initial sort and typed search on a fresh model each run.
    QString loadAndSearch()
    {
        Samples load, loadTrips, sort, first, next, searchTrips, clear, view;
        const QStringList typed = keystrokes();
        for (int run = 0; run < m_options.loadRuns; ++run) {
            TodoListModel model;
            const qint64 beforeLoad = m_counter ? m_counter->executed() : 0;
            QElapsedTimer timer;
            timer.start();
            if (Error e = model.setConnection(m_db.connectionName()))
                return e.toString();
            load.add(elapsedMs(timer));
            if (m_counter)
                loadTrips.add(double(m_counter->executed() - beforeLoad));
            if (model.rowCount() != m_rows)
                return QStringLiteral("loaded %1 rows, expected %2").arg(model.rowCount()).arg(m_rows);

            TodoFilterModel filter;
            timer.restart();
            filter.setSourceModel(&model);
            (void)filter.rowCount(); // a view's first question: makes a lazy proxy build its mapping
            sort.add(elapsedMs(timer));
            const qint64 beforeSearch = m_counter ? m_counter->executed() : 0;
            for (qsizetype k = 0; k < typed.size(); ++k) {
                timer.restart();
                filter.setSearchText(typed.at(k));
                (void)filter.rowCount();
                (k == 0 ? first : next).add(elapsedMs(timer));
            }
            if (m_counter)
                searchTrips.add(double(m_counter->executed() - beforeSearch)); // for the whole word
            if (filter.rowCount() >= m_rows)
                return QStringLiteral("the search for “%1” found %2 of %3 rows").arg(typed.constLast()).arg(filter.rowCount()).arg(m_rows);
            timer.restart();
            filter.setSearchText({});
            (void)filter.rowCount();
            clear.add(elapsedMs(timer));

            if (run == 0) {
                // The same keystrokes with the list shown (cache already filled by the run above).
                ShownView shown(&filter);
                for (int repeat = 0; repeat < 3; ++repeat) {
                    for (const QString &text : typed) {
                        timer.restart();
                        filter.setSearchText(text);
                        shown.settle();
                        view.add(elapsedMs(timer));
                    }
                    filter.setSearchText({});
                    shown.settle();
                }
            }
        }
        m_report.add(m_rows, Label::Load, m_driver, load, loadTrips);
        m_report.add(m_rows, Label::Sort, m_driver, sort);
        m_report.add(m_rows, Label::FirstKey, m_driver, first, searchTrips);
        m_report.add(m_rows, Label::NextKeys, m_driver, next, searchTrips);
        m_report.add(m_rows, Label::ClearSearch, m_driver, clear);
        m_report.add(m_rows, Label::ViewKeys, m_driver, view);
        return {};
    }

    // Times one write and counts its statements; false when the write failed.
    bool timed(Samples &ms, Samples &trips, const std::function<bool()> &op, ShownView *shown)
    {
        const qint64 before = m_counter ? m_counter->executed() : 0;
        QElapsedTimer timer;
        timer.start();
        const bool ok = op();
        if (shown)
            shown->settle();
        ms.add(elapsedMs(timer));
        if (m_counter)
            trips.add(double(m_counter->executed() - before));
        return ok;
    }

    QString operations(TextMaker &text)
    {
        TodoListModel model;
        if (Error e = model.setConnection(m_db.connectionName()))
            return e.toString();
        TodoFilterModel filter;
        filter.setSourceModel(&model);
        ShownView shown(&filter);
        // Each iteration completes or deletes 102 open todos.
        if (m_rows < m_options.iterations * 110)
            return QStringLiteral("%1 todos are too few for %2 iterations (at least 110 each)")
                .arg(m_rows)
                .arg(m_options.iterations);
        Samples addMs, addTrips, editMs, editTrips, toggleMs, toggleTrips, deleteMs, deleteTrips, bulkMs, bulkTrips;
        Samples repoAddMs, repoAddTrips, repoDeleteMs, repoDeleteTrips;
        const TodoRepository repository(m_db.connectionName());
        // A random open todo (completing and deleting only ever shrink the set of open ones).
        auto openRow = [&]() {
            for (;;) {
                const int row = text.bounded(int(model.rowCount()));
                if (!model.todoAt(row).completed)
                    return row;
            }
        };
        for (int i = 0; i < m_options.iterations; ++i) {
            Todo added = Todo::titled(text.title());
            added.priority = text.bounded(4);
            if (!timed(addMs, addTrips, [&] { return model.add(added).ok(); }, &shown))
                return QStringLiteral("add failed");

            // Edits go through TodoListModel::update, where the window's undo commands send them.
            const QUuid edited = model.todoAt(openRow()).id;
            const QString title = text.title() + QStringLiteral(" #") + QString::number(i);
            if (!timed(editMs, editTrips, [&] { return !model.update(edited, TodoPatch{.title = title}); }, &shown))
                return QStringLiteral("edit failed");

            const QUuid toggled = model.todoAt(openRow()).id;
            if (!timed(toggleMs, toggleTrips, [&] { return !model.update(toggled, TodoPatch{.completed = true}); }, &shown))
                return QStringLiteral("toggle failed");

            const QUuid doomed = model.todoAt(openRow()).id;
            if (!timed(deleteMs, deleteTrips, [&] { return !model.update(doomed, TodoPatch{.deleted = true}); }, &shown))
                return QStringLiteral("delete failed");

            QList<QUuid> selected;
            while (selected.size() < 100) {
                const QUuid id = model.todoAt(openRow()).id;
                if (!selected.contains(id))
                    selected << id;
            }
            TodoPatch complete;
            complete.completed = true;
            if (!timed(bulkMs, bulkTrips, [&] { return !model.updateMany(selected, complete); }, &shown))
                return QStringLiteral("bulk complete failed");

            // For comparison, the database's share: the same statements through TodoRepository alone
            // (on a todo the model never sees, so that the model stays current).
            Todo bare = Todo::titled(text.title());
            Todo stored;
            if (!timed(repoAddMs, repoAddTrips,
                       [&] {
                           auto r = repository.add(bare);
                           if (r.ok())
                               stored = r.value();
                           return r.ok();
                       },
                       nullptr))
                return QStringLiteral("add through the repository failed");
            if (!timed(repoDeleteMs, repoDeleteTrips,
                       [&] {
                           auto r = repository.update(stored.id, stored.version, TodoPatch{.deleted = true});
                           return r.ok() && r.value().status == TodoRepository::Outcome::Status::Updated;
                       },
                       nullptr))
                return QStringLiteral("delete through the repository failed");
        }
        m_report.add(m_rows, Label::Add, m_driver, addMs, addTrips);
        m_report.add(m_rows, Label::Edit, m_driver, editMs, editTrips);
        m_report.add(m_rows, Label::Toggle, m_driver, toggleMs, toggleTrips);
        m_report.add(m_rows, Label::Delete, m_driver, deleteMs, deleteTrips);
        m_report.add(m_rows, Label::Bulk, m_driver, bulkMs, bulkTrips);
        m_report.add(m_rows, Label::RepoAdd, m_driver, repoAddMs, repoAddTrips);
        m_report.add(m_rows, Label::RepoDelete, m_driver, repoDeleteMs, repoDeleteTrips);
        return {};
    }

    const Options &m_options;
    int m_rows;
    Driver m_driver;
    Report &m_report;
    test::ScratchDatabase m_db;
    std::unique_ptr<test::StatementCounter> m_counter;
};

// The goals of issue 3, judged on the recorded numbers.
void printGoals(const Report &report, const Options &options)
{
    struct Goal
    {
        QString what;
        int rows;
        QString label;
        Driver driver;
        double limit;
        bool useMax; // judged on the worst sample rather than the median
    };
    const QList<Goal> goals{
        {QStringLiteral("10,000 todos: first painted list ≤ 250 ms from process start (SQLite, median)"), 10000,
         Label::FirstPaint, Driver::SQLite, 250, false},
        {QStringLiteral("100,000 todos: load ≤ 300 ms (SQLite, median)"), 100000, Label::Load, Driver::SQLite, 300, false},
        {QStringLiteral("100,000 todos: load ≤ 300 ms (PostgreSQL, median)"), 100000, Label::Load, Driver::PostgreSQL,
         300, false},
        {QStringLiteral("100,000 todos: search keystroke ≤ 50 ms (every later keystroke: max)"), 100000,
         Label::NextKeys, Driver::SQLite, 50, true},
        {QStringLiteral("100,000 todos: search keystroke ≤ 50 ms (first keystroke: median)"), 100000, Label::FirstKey,
         Driver::SQLite, 50, false},
        {QStringLiteral("100,000 todos: search keystroke ≤ 50 ms (with the view repainted: max)"), 100000,
         Label::ViewKeys, Driver::SQLite, 50, true},
        {QStringLiteral("100,000 todos: memory ≤ 100 MB (RSS of the app with the list shown, median)"), 100000,
         Label::Rss, Driver::SQLite, 100, false},
    };
    out() << "\n### Goals\n\n";
    const bool any = std::any_of(goals.begin(), goals.end(), [&options](const Goal &g) {
        return options.rows.contains(g.rows) && options.drivers.contains(g.driver);
    });
    if (!any) {
        out() << "No goal applies to the sizes of this run (the goals are about 10,000 and 100,000 todos).\n";
        return;
    }
    out() << "| goal | measured | result |\n| --- | ---: | --- |\n";
    for (const Goal &g : goals) {
        if (!options.rows.contains(g.rows) || !options.drivers.contains(g.driver))
            continue;
        const auto *e = report.find(g.rows, g.label, g.driver);
        if (!e || e->value.isEmpty()) {
            out() << "| " << g.what << " | not measured | – |\n";
            continue;
        }
        const double v = g.useMax ? e->value.max() : e->value.median();
        const QString unit = g.label == Label::Rss ? QStringLiteral(" MiB") : QStringLiteral(" ms");
        out() << "| " << g.what << " | " << QString::number(v, 'f', 1) << unit << " | "
              << (v <= g.limit ? "PASS" : "MISS") << " |\n";
    }
    out().flush();
}

} // namespace nt::bench

int main(int argc, char *argv[])
{
    using namespace nt::bench;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_todos"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Neon Todo performance benchmark (issue 3). Prints a table; "
                                                    "asserts nothing about timings."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("List sizes, comma separated (default 10000,100000)."), QStringLiteral("N,..."));
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"), QStringLiteral("Runs of each write operation (default 50)."), QStringLiteral("K"));
    const QCommandLineOption loadRunsOption(QStringLiteral("load-runs"), QStringLiteral("Runs of load and search (default 10)."), QStringLiteral("K"));
    const QCommandLineOption startupRunsOption(QStringLiteral("startup-runs"), QStringLiteral("App starts per size (default 10)."), QStringLiteral("K"));
    const QCommandLineOption driversOption(QStringLiteral("drivers"), QStringLiteral("sqlite,postgres (default both)."), QStringLiteral("LIST"));
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The neon-todo binary for the startup measurement (default: the one built with this benchmark; \"\" skips it)."), QStringLiteral("PATH"));
    const QCommandLineOption smokeOption(QStringLiteral("smoke"), QStringLiteral("Tiny sizes and 3 iterations: proves the benchmark runs."));
    parser.addOptions({rowsOption, iterationsOption, loadRunsOption, startupRunsOption, driversOption, appOption, smokeOption});
    parser.process(app);

    Options options;
    options.app = QString::fromUtf8(NEON_TODO_BENCH_APP);
    if (parser.isSet(smokeOption)) {
        options.smoke = true;
        options.rows = {1000};
        options.iterations = 3;
        options.loadRuns = 2;
        options.startupRuns = 2;
    }
    auto positive = [&parser](const QCommandLineOption &option, int &into) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        into = parser.value(option).toInt(&ok);
        return ok && into > 0;
    };
    bool valid = positive(iterationsOption, options.iterations) && positive(loadRunsOption, options.loadRuns)
        && positive(startupRunsOption, options.startupRuns);
    if (parser.isSet(rowsOption)) {
        options.rows.clear();
        for (const QString &n : parser.value(rowsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            options.rows << n.trimmed().toInt(&ok);
            valid = valid && ok && options.rows.constLast() > 0;
        }
    }
    if (parser.isSet(driversOption)) {
        options.drivers.clear();
        for (const QString &d : parser.value(driversOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (d.trimmed() == QLatin1String("sqlite"))
                options.drivers << nt::test::Driver::SQLite;
            else if (d.trimmed() == QLatin1String("postgres"))
                options.drivers << nt::test::Driver::PostgreSQL;
            else
                valid = false;
        }
    }
    if (parser.isSet(appOption))
        options.app = parser.value(appOption);
    if (!valid || options.rows.isEmpty() || options.drivers.isEmpty()) {
        progress() << "bench_todos: invalid options; see --help." << Qt::endl;
        return 2;
    }
    if (options.drivers.contains(nt::test::Driver::PostgreSQL)) {
        if (const QString why = nt::test::TestStack::whyUnavailable(); !why.isEmpty()) {
            progress() << "bench_todos: PostgreSQL was asked for but is not available. " << why << Qt::endl;
            return 2;
        }
    }
    if (!options.app.isEmpty() && !QFileInfo(options.app).isExecutable()) {
        progress() << "bench_todos: no app at " << options.app << " (pass --app PATH, or --app \"\" to skip startup)."
                   << Qt::endl;
        return 2;
    }

    Report report;
    for (const int rows : options.rows) {
        for (const nt::test::Driver driver : options.drivers) {
            const QString error = DriverBench(options, rows, driver, report).run();
            if (!error.isEmpty()) {
                progress() << "bench_todos: " << nt::test::driverName(driver) << " with " << rows
                           << " todos failed: " << error << Qt::endl;
                return 1;
            }
        }
    }

    // Other work on the machine shows in the timings: the load average says how much there was.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2)
        : QStringLiteral("unknown");
    const QString tz = qEnvironmentVariableIsSet("TZ") ? QStringLiteral("TZ=") + qEnvironmentVariable("TZ")
                                                       : QStringLiteral("TZ unset");
    out() << "## bench_todos " << QDateTime::currentDateTime().toString(Qt::ISODate) << " on "
          << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " CPUs, Qt " << qVersion() << ", "
          << tz << "; iterations " << options.iterations << ", load/search runs " << options.loadRuns
          << ", app starts " << (options.app.isEmpty() ? 0 : options.startupRuns) << " (SQLite)"
          << (options.smoke ? " (smoke)" : "") << "; load average at the end " << load << '\n'
          << "\nTimes in ms; round trips are statements PostgreSQL executed per operation (median, max).\n";
    report.print(options);
    printGoals(report, options);
    out() << "\nbench_todos: table complete\n";
    out().flush();
    return 0;
}
