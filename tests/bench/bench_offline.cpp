// bench_offline: what offline mode costs (issue 6), through the fault proxy with added latency,
// against the test stack's direct endpoint and its PgBouncer (transaction mode). The app's own
// pieces are wired as main.cpp wires them: a ConnectionManager, a TodoListModel and a SyncController
// with a mirror file of its own.
//
// 1. Sync: N changes made offline through the model on the mirror (adds, edits of title, notes, due
//    date and priority, completes, deletes), then
//      reconnect   from "work offline" turned off to the controller being Online: connect, push,
//                  pull, switch; the outbox is empty and the model is on Neon
//      push alone  OutboxPush::run on the open remote connection, with N changes waiting
//      reconnect with nothing waiting: the same without changes (the share that is not the push)
// 2. Switching to offline: one edit (TodoListModel::update, what the window calls) while Neon is
//    reset, refusing or stalled; the time the calling thread was blocked in that call, where the
//    edit ended up (the mirror, or Neon after a reopen) and whether the model shows it.
// Statements come from pg_stat_statements (counted on the direct endpoint; top-level statements,
// so a push batch is one). Prints a Markdown table and the goals in words; asserts nothing about
// time. --smoke: small and quick, proves it runs to the end.
#include "benchcommon.h"
#include "connectionmanager.h"
#include "faultproxy.h"
#include "outbox.h"
#include "outboxpush.h"
#include "statementcounter.h"
#include "synccontroller.h"
#include "testdatabase.h"
#include "todolistmodel.h"
#include "todorepository.h"
#include "utctime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace nt;
using namespace nt::test;
using nt::bench::Measure;
using nt::bench::out;
using nt::bench::progress;
using namespace Qt::StringLiterals;

namespace {

struct SyncRow
{
    QString name;
    Measure m;
    QString note;
};

struct SwitchRow
{
    QString endpoint;
    QString fault;
    int deadlineMs = 0;
    Measure m;
    int onMirror = 0;  // runs that ended on the mirror
    int onNeon = 0;    // runs where the edit was saved on Neon (the connection reopened)
    int editShown = 0; // runs where the model shows the edit afterwards
};

struct Options
{
    int latency = 50;
    int changes = 1000;
    int runs = 3;
    int switchRuns = 5;
    int seed = 300;
    QList<int> stallDeadlines{ConnectionManager::DefaultOperationDeadlineMs, 2000};
};

// Runs the event loop until `done` holds or `timeoutMs` passed. Returns whether it holds.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!done())
            QThread::usleep(500);
    }
    return true;
}

// The changes a person makes offline, in a fixed mix: 25 % adds, 20 % title edits, 10 % notes,
// 10 % due dates, 10 % priorities, 15 % completes, 10 % deletes, on random todos of the list.
QString makeChanges(TodoListModel &model, int n, QRandomGenerator &rng, int run, Measure &perWrite)
{
    for (int i = 0; i < n; ++i) {
        const int kind = int(rng.bounded(100));
        QElapsedTimer timer;
        timer.start();
        if (kind < 25 || model.rowCount() < 20) {
            Todo t = Todo::titled(u"Offline %1.%2: buy something for the weekend"_s.arg(run).arg(i));
            if (!model.add(t))
                return u"offline add failed"_s;
        } else {
            const Todo &target = model.todoAt(int(rng.bounded(model.rowCount())));
            TodoPatch patch;
            if (kind < 45)
                patch.title = u"Renamed offline %1.%2"_s.arg(run).arg(i);
            else if (kind < 55)
                patch.notes = u"Notes written on the train, change %1"_s.arg(i);
            else if (kind < 65)
                patch.dueAt = UtcTime::now().addDays(int(rng.bounded(30)));
            else if (kind < 75)
                patch.priority = int(rng.bounded(Todo::MaxPriority + 1));
            else if (kind < 90)
                patch.completed = !target.completed;
            else
                patch.deleted = true;
            if (Error e = model.update(target.id, patch))
                return u"offline edit failed: "_s + e.toString();
        }
        perWrite.ms << double(timer.nsecsElapsed()) / 1e6;
    }
    return {};
}

QString frozenNote(const QList<double> &frozen)
{
    const double most = frozen.isEmpty() ? 0 : *std::max_element(frozen.begin(), frozen.end());
    return u"event loop blocked at most %1 ms (median of the runs' longest %2 ms)"_s.arg(most, 0, 'f', 0).arg(
        bench::median(frozen), 0, 'f', 0);
}

// One endpoint: every measurement, or an error text.
QString measureEndpoint(bool pooled, const Options &o, QList<SyncRow> &syncRows, QList<SwitchRow> &switchRows,
                        QStringList &mismatches)
{
    const QString where = pooled ? u"pooled"_s : u"direct"_s;
    qputenv("NEON_TODO_TEST_ENDPOINT", pooled ? "pooler" : "direct");
    ScratchDatabase db(Driver::PostgreSQL, u"offbench"_s);
    if (!db.isValid())
        return db.error();
    {
        // Migrated and given some todos directly (not measured): the list a person has before
        // going offline.
        ConnectionManager setup(u"offbench-setup-"_s);
        if (Error e = setup.openRemote(db.profile(), true))
            return e.toString();
        TodoRepository todos(setup.remoteName());
        for (int i = 0; i < o.seed; ++i)
            if (!todos.add(Todo::titled(u"Seeded todo %1"_s.arg(i))))
                return u"seeding failed"_s;
    }
    const StatementCounter counter(db);
    if (!counter.error().isEmpty())
        return counter.error();
    FaultProxy proxy(FaultProxy::targetOf(TestStack::ownerUrl()));
    if (!proxy.start())
        return proxy.errorString();
    proxy.setLatency(o.latency);
    ConnectionProfile profile = db.profile();
    profile.port = proxy.port();

    QTemporaryDir dir;
    ConnectionManager connections(u"offbench-"_s);
    TodoListModel model;
    SyncController controller(&connections, &model);
    QString failure;
    QObject::connect(&connections, &ConnectionManager::remoteFailed, &controller,
                     [&failure](const Error &e) { failure = e.toString(); });
    auto online = [&] { return controller.state() == SyncController::State::Online; };
    auto waitOnline = [&](const QString &what) -> QString {
        if (!waitUntil([&] { return online() || !failure.isEmpty(); }, 120000))
            return what + u": not online after 120 s"_s;
        if (!failure.isEmpty())
            return what + u": "_s + failure;
        return {};
    };
    if (Error e = controller.useProfile(profile, dir.filePath(u"mirror.sqlite3"_s)))
        return e.toString();
    if (QString e = waitOnline(u"first connect"_s); !e.isEmpty())
        return e;
    if (model.rowCount() != o.seed)
        return u"the model shows %1 todos, not %2"_s.arg(model.rowCount()).arg(o.seed);

    const QString local = connections.localName();
    auto outboxCount = [&]() -> qint64 {
        auto c = Outbox(local).count();
        return c ? c.value() : -1;
    };
    QRandomGenerator rng(6);
    Measure offlineWrite, reconnect, pushAlone, reconnectEmpty;
    QList<double> frozenFull, frozenEmpty; // per reconnect: the longest the event loop was blocked
    QList<double> entries; // outbox entries waiting at each reconnect
    int batches = 0;
    quint64 bytesUp = 0;
    // How long the calling thread is blocked from `start` until the controller is Online.
    auto timedReconnect = [&](Measure &m, QList<double> &frozen) -> QString {
        failure.clear();
        const qint64 before = counter.executed();
        QElapsedTimer timer;
        timer.start();
        double ms = -1;
        // The longest stretch in which the event loop did not run: what the window freezes for
        // (up to the switch, which happens inside the last stretch).
        QElapsedTimer sinceTick;
        sinceTick.start();
        double longest = 0;
        const QMetaObject::Connection c = QObject::connect(
            &controller, &SyncController::stateChanged, &controller, [&](SyncController::State s) {
                if (s == SyncController::State::Online && ms < 0) {
                    ms = double(timer.nsecsElapsed()) / 1e6;
                    longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
                }
            });
        QTimer tick;
        tick.setInterval(2);
        QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
            if (ms < 0)
                longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
            sinceTick.restart();
        });
        tick.start();
        controller.setWorkOffline(false);
        const QString e = waitOnline(u"reconnect"_s);
        tick.stop();
        QObject::disconnect(c);
        frozen << longest;
        if (!e.isEmpty())
            return e;
        m.ms << ms;
        m.statements << counter.executed() - before;
        if (outboxCount() != 0)
            return u"the outbox still holds %1 changes after the reconnect"_s.arg(outboxCount());
        if (model.connectionName() != connections.remoteName())
            return u"the model is not on Neon after the reconnect"_s;
        return {};
    };

    // Switching to the mirror by choice: the local share of every fallback (the model loads the
    // mirror as a difference).
    Measure workOffline;
    auto timedWorkOffline = [&] {
        QElapsedTimer timer;
        timer.start();
        controller.setWorkOffline(true);
        workOffline.ms << double(timer.nsecsElapsed()) / 1e6;
    };
    for (int run = 0; run < o.runs; ++run) {
        progress() << where << ": sync run " << run + 1 << '/' << o.runs << Qt::endl;
        // a) N changes offline, then back online: the whole reconnect.
        timedWorkOffline();
        if (!model.isOnMirror())
            return u"work offline did not switch to the mirror"_s;
        if (QString e = makeChanges(model, o.changes, rng, 2 * run, offlineWrite); !e.isEmpty())
            return e;
        // An edit that sets a field to the value it has records nothing, so a few changes fewer.
        entries << double(outboxCount());
        if (entries.constLast() < o.changes * 0.9)
            return u"the outbox holds %1 changes of the %2 made"_s.arg(entries.constLast()).arg(o.changes);
        if (QString e = timedReconnect(reconnect, frozenFull); !e.isEmpty())
            return e;

        // b) N changes offline, pushed alone on the open remote connection.
        timedWorkOffline();
        if (QString e = makeChanges(model, o.changes, rng, 2 * run + 1, offlineWrite); !e.isEmpty())
            return e;
        entries << double(outboxCount());
        {
            proxy.resetCounters();
            const qint64 before = counter.executed();
            QElapsedTimer timer;
            timer.start();
            auto pushed = OutboxPush(connections.remoteName(), local).run();
            pushAlone.ms << double(timer.nsecsElapsed()) / 1e6;
            pushAlone.statements << counter.executed() - before;
            if (!pushed)
                return u"push failed: "_s + pushed.error().toString();
            batches = pushed.value().batches;
            bytesUp = proxy.bytesClientToServer();
            if (outboxCount() != 0)
                return u"the outbox is not empty after the push"_s;
        }
        // c) Back online with nothing waiting.
        if (QString e = timedReconnect(reconnectEmpty, frozenEmpty); !e.isEmpty())
            return e;
    }
    const QString n = QString::number(o.changes);
    syncRows << SyncRow{where + u": offline write on the mirror (one change)"_s, offlineWrite,
                        u"no network; outbox entries per run: median %1"_s.arg(bench::median(entries))}
             << SyncRow{where + u": switch to the mirror by choice (setWorkOffline(true))"_s, workOffline,
                        u"no network: the model loads the mirror"_s}
             << SyncRow{where + u": reconnect with %1 changes waiting (connect, push, pull, switch)"_s.arg(n), reconnect,
                        frozenNote(frozenFull)}
             << SyncRow{where + u": push alone (OutboxPush::run, %1 changes)"_s.arg(n), pushAlone,
                        u"%1 batch(es), %2 KiB sent"_s.arg(batches).arg(double(bytesUp) / 1024, 0, 'f', 0)}
             << SyncRow{where + u": reconnect with nothing waiting"_s, reconnectEmpty, frozenNote(frozenEmpty)};

    {
        // After the reconnects the mirror should be a copy of Neon: rows whose version differs.
        auto mirrored = TodoRepository(local).list();
        if (!mirrored)
            return mirrored.error().toString();
        int differ = 0;
        for (const Todo &t : mirrored.value()) {
            const auto onNeon = model.todo(t.id);
            differ += !onNeon || onNeon->version != t.version ? 1 : 0;
        }
        mismatches << u"%1: %2 of %3 todos on the mirror differ from Neon's version after the sync runs"_s.arg(where)
                          .arg(differ)
                          .arg(mirrored.value().size());
    }
    // 2. Switching to offline: one edit while Neon is reset, refusing or stalled.
    struct Fault
    {
        QString name;
        int deadlineMs;
    };
    QList<Fault> faults{{u"reset"_s, connections.operationDeadline()}, {u"refusal"_s, connections.operationDeadline()}};
    for (int d : o.stallDeadlines)
        faults << Fault{u"stall"_s, d};
    for (const Fault &f : faults) {
        if (f.deadlineMs != connections.operationDeadline()) {
            // The deadline applies from the next open of "remote".
            connections.setOperationDeadline(f.deadlineMs);
            controller.setWorkOffline(true);
            failure.clear();
            controller.setWorkOffline(false);
            if (QString e = waitOnline(u"reconnect for a new deadline"_s); !e.isEmpty())
                return e;
        }
        SwitchRow row{where, f.name, f.deadlineMs, {}, 0, 0, 0};
        const int runs = f.name == u"stall"_s && f.deadlineMs > 4000 ? std::max(1, o.switchRuns / 2) : o.switchRuns;
        for (int run = 0; run < runs; ++run) {
            progress() << where << ": " << f.name << " (deadline " << f.deadlineMs << " ms) " << run + 1 << '/' << runs
                       << Qt::endl;
            if (!online()) {
                failure.clear();
                controller.retryNow();
                if (QString e = waitOnline(u"before a fault"_s); !e.isEmpty())
                    return e;
            }
            // Let the connection settle (nothing in flight), as a person's edit finds it.
            waitUntil([] { return false; }, 50);
            const QUuid id = model.todoAt(int(rng.bounded(model.rowCount()))).id;
            const qint64 versionBefore = model.todo(id)->version;
            const QString title = u"Edited while Neon was away (%1 %2)"_s.arg(f.name).arg(run);
            if (f.name == u"reset"_s) {
                proxy.resetAll();
            } else if (f.name == u"refusal"_s) {
                if (!proxy.setRefuse(true))
                    return proxy.errorString();
                proxy.resetAll();
            } else {
                proxy.setStalled(true);
            }
            const qint64 before = counter.executed();
            QElapsedTimer timer;
            timer.start();
            const Error e = model.update(id, TodoPatch{.title = title});
            row.m.ms << double(timer.nsecsElapsed()) / 1e6;
            row.m.statements << counter.executed() - before;
            if (f.name == u"refusal"_s && !proxy.setRefuse(false))
                return proxy.errorString();
            if (f.name == u"stall"_s)
                proxy.setStalled(false);
            if (model.isOnMirror())
                ++row.onMirror;
            else if (!e)
                ++row.onNeon;
            if (const auto t = model.todo(id); t && t->title == title)
                ++row.editShown;
            else {
                const auto onMirror = TodoRepository(local).find(id);
                const auto onNeon = TodoRepository(connections.remoteName()).find(id);
                progress() << "  the edit is not shown: " << e.toString() << "; version before "
                           << versionBefore << ", on the mirror now "
                           << (onMirror && onMirror.value() ? onMirror.value()->version : -1) << ", on Neon now "
                           << (onNeon && onNeon.value() ? onNeon.value()->version : -1) << Qt::endl;
            }
        }
        switchRows << row;
    }
    // Back online before the scratch database goes (the edits made offline reach it).
    if (!online()) {
        failure.clear();
        controller.retryNow();
        if (QString e = waitOnline(u"at the end"_s); !e.isEmpty())
            return e;
    }
    return {};
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

QString ms(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Neon Todo offline mode (issue 6): sync after offline changes, switching to offline. Prints a table; "
        "asserts nothing about timings."_s);
    parser.addHelpOption();
    const QCommandLineOption latencyOption(u"latency"_s, u"Added latency per packet and direction, ms (default 50)."_s, u"MS"_s);
    const QCommandLineOption changesOption(u"changes"_s, u"Changes made offline per run (default 1000)."_s, u"N"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Sync runs (default 3)."_s, u"N"_s);
    const QCommandLineOption switchRunsOption(u"switch-runs"_s, u"Runs per fault (default 5; half for a stall with a deadline over 4 s)."_s, u"N"_s);
    const QCommandLineOption deadlinesOption(u"stall-deadlines"_s, u"Operation deadlines for the stall, ms, comma-separated (default 8000,2000)."_s, u"LIST"_s);
    const QCommandLineOption endpointOption(u"endpoint"_s, u"direct, pooler or both (default both)."_s, u"WHICH"_s);
    const QCommandLineOption smokeOption(u"smoke"_s, u"50 changes, one run, 5 ms, a 1 s stall deadline: proves the benchmark runs."_s);
    parser.addOptions({latencyOption, changesOption, runsOption, switchRunsOption, deadlinesOption, endpointOption, smokeOption});
    parser.process(app);
    Options o;
    if (parser.isSet(latencyOption))
        o.latency = parser.value(latencyOption).toInt();
    if (parser.isSet(changesOption))
        o.changes = parser.value(changesOption).toInt();
    if (parser.isSet(runsOption))
        o.runs = parser.value(runsOption).toInt();
    if (parser.isSet(switchRunsOption))
        o.switchRuns = parser.value(switchRunsOption).toInt();
    if (parser.isSet(deadlinesOption)) {
        o.stallDeadlines.clear();
        for (const QString &d : parser.value(deadlinesOption).split(u',', Qt::SkipEmptyParts))
            o.stallDeadlines << d.toInt();
    }
    const QString endpoint = parser.isSet(endpointOption) ? parser.value(endpointOption) : u"both"_s;
    if (parser.isSet(smokeOption)) {
        o.latency = 5;
        o.changes = 50;
        o.runs = 1;
        o.switchRuns = 1;
        o.seed = 30;
        o.stallDeadlines = {1000};
    }
    const bool deadlinesOk = std::all_of(o.stallDeadlines.begin(), o.stallDeadlines.end(), [](int d) { return d > 0; });
    if (o.latency < 0 || o.changes < 1 || o.runs < 1 || o.switchRuns < 1 || !deadlinesOk
        || (endpoint != u"direct"_s && endpoint != u"pooler"_s && endpoint != u"both"_s)) {
        progress() << "bench_offline: --latency must be >= 0; --changes, --runs, --switch-runs and every stall "
                      "deadline >= 1; --endpoint direct, pooler or both"
                   << Qt::endl;
        return 2;
    }
    if (const QString why = TestStack::whyUnavailable(); !why.isEmpty()) {
        progress() << "bench_offline: " << why << Qt::endl;
        return 2;
    }
    // The mirror and settings of this run stay out of the person's own folders.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(u"config"_s).toUtf8());

    QList<SyncRow> syncRows;
    QList<SwitchRow> switchRows;
    QStringList mismatches;
    for (const bool pooled : {false, true}) {
        if ((pooled && endpoint == u"direct"_s) || (!pooled && endpoint == u"pooler"_s))
            continue;
        if (const QString e = measureEndpoint(pooled, o, syncRows, switchRows, mismatches); !e.isEmpty()) {
            progress() << "bench_offline: " << e << Qt::endl;
            return 1;
        }
    }

    const double trip = 2.0 * o.latency;
    out() << "## bench_offline " << QDateTime::currentDateTime().toString(Qt::ISODate) << " on "
          << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " CPUs; latency added "
          << o.latency << " ms per packet and direction (a round trip " << trip << " ms more); " << o.changes
          << " changes offline, " << o.runs << " sync runs; load average at the end " << loadAverage() << "\n\n";
    out() << "### Sync after working offline\n\n"
          << "| measurement | runs | median ms | max ms | statements (min-max) | round trips by time | note |\n"
          << "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n";
    for (const SyncRow &r : syncRows) {
        const bool local = r.note.startsWith(u"no network"_s);
        out() << "| " << r.name << " | " << r.m.ms.size() << " | "
              << QString::number(r.m.medianMs(), 'f', local ? 2 : 1) << " | "
              << QString::number(r.m.maxMs(), 'f', local ? 2 : 1) << " | "
              << (local ? u"–"_s : u"%1-%2"_s.arg(r.m.minStatements()).arg(r.m.maxStatements())) << " | "
              << (local || o.latency == 0 ? u"–"_s : QString::number(r.m.medianMs() / trip, 'f', 1)) << " | "
              << r.note << " |\n";
    }
    out() << '\n';
    for (const QString &m : mismatches)
        out() << "- " << m << '\n';
    out() << "\n### Switching to offline: one edit while Neon is away\n\n"
          << "Time the calling (GUI) thread was blocked in `TodoListModel::update`.\n\n"
          << "| endpoint | fault | deadline ms | runs | median ms | max ms | ended on the mirror | saved on Neon (reopened) | edit shown |\n"
          << "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (const SwitchRow &r : switchRows)
        out() << "| " << r.endpoint << " | " << r.fault << " | " << r.deadlineMs << " | " << r.m.ms.size() << " | "
              << ms(r.m.medianMs()) << " | " << ms(r.m.maxMs()) << " | " << r.onMirror << " | " << r.onNeon << " | "
              << r.editShown << " |\n";

    out() << "\n### Goals\n\n";
    for (const SyncRow &r : syncRows) {
        if (!r.name.contains(u"push alone"_s))
            continue;
        out() << "- " << r.name << ": median " << ms(r.m.medianMs()) << " ms, goal <= 2000 ms: "
              << (r.m.medianMs() <= 2000 ? "PASS" : "MISS") << '\n';
    }
    for (const SwitchRow &r : switchRows) {
        const int goal = r.fault == u"stall"_s ? r.deadlineMs : 3000;
        const bool kept = r.editShown == r.m.ms.size();
        out() << "- " << r.endpoint << ", " << r.fault << (r.fault == u"stall"_s ? u" (deadline %1 ms)"_s.arg(r.deadlineMs) : QString())
              << ": blocked at most " << ms(r.m.maxMs()) << " ms, goal <= " << goal << " ms with the edit kept: "
              << (r.m.maxMs() <= goal && kept ? "PASS" : "MISS");
        if (r.m.maxMs() > goal)
            out() << " (" << ms(r.m.maxMs() - goal) << " ms over)";
        if (!kept)
            out() << " (edit lost in " << r.m.ms.size() - r.editShown << " run(s))";
        out() << '\n';
    }
    out().flush();
    progress() << "bench_offline: table complete" << Qt::endl;
    return 0;
}
