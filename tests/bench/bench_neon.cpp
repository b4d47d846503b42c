// bench_neon: what the app costs over a slow network (issue 5), through the fault proxy with added
// latency, against the test stack's direct endpoint and its PgBouncer (transaction mode):
//   connect      ConnectionManager::openRemote (TCP, TLS, SCRAM, QPSQL's own session statements)
//   start        after connect, until the window has its list: the todo model loads and the
//                sidebar reads the lists (what main.cpp wires together)
//   add, edit, toggle, delete   one TodoListModel call each
// For each: wall time (median, max) and the statements PostgreSQL executed (pg_stat_statements,
// counted on the direct endpoint). The goal is <= 2 round trips for start, 1 for each write.
// Prints a Markdown table; asserts nothing about time. --smoke: tiny, proves it runs.
#include "benchcommon.h"
#include "connectionmanager.h"
#include "faultproxy.h"
#include "sidebarmodel.h"
#include "statementcounter.h"
#include "testdatabase.h"
#include "todolistmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTextStream>

#include <algorithm>

using namespace nt;
using namespace nt::test;
using nt::bench::Measure;
using nt::bench::out;
using nt::bench::progress;
using namespace Qt::StringLiterals;

namespace {

struct Row
{
    QString name;
    Measure m;
};

// One endpoint: every measurement, or an error text.
QString measureEndpoint(bool pooled, int latencyMs, int runs, QList<Row> &rows)
{
    qputenv("NEON_TODO_TEST_ENDPOINT", pooled ? "pooler" : "direct");
    ScratchDatabase db(Driver::PostgreSQL, u"neonbench"_s);
    if (!db.isValid())
        return db.error();
    {
        // Migrated once, directly (not measured).
        ConnectionManager setup(u"bench-setup-"_s);
        if (Error e = setup.openRemote(db.profile(), true))
            return e.toString();
    }
    const StatementCounter counter(db);
    if (!counter.error().isEmpty())
        return counter.error();
    FaultProxy proxy(FaultProxy::targetOf(TestStack::ownerUrl()));
    if (!proxy.start())
        return proxy.errorString();
    proxy.setLatency(latencyMs);
    ConnectionProfile profile = db.profile();
    profile.port = proxy.port();

    Measure connect, start, add, edit, toggle, remove;
    auto timed = [&counter](Measure &m, const std::function<bool()> &op) {
        const qint64 before = counter.executed();
        QElapsedTimer timer;
        timer.start();
        const bool ok = op();
        m.ms << double(timer.nsecsElapsed()) / 1e6;
        m.statements << counter.executed() - before;
        return ok;
    };
    for (int run = 0; run < runs; ++run) {
        progress() << (pooled ? "pooled" : "direct") << ": run " << run + 1 << '/' << runs << Qt::endl;
        ConnectionManager connections(u"bench%1-"_s.arg(run));
        if (!timed(connect, [&] { return !connections.openRemote(profile, false); }))
            return u"could not connect through the proxy"_s;
        TodoListModel model;
        SidebarModel sidebar(&model);
        if (!timed(start, [&] { return !model.setConnection(connections.remoteName()) && model.rowCount() == run * 1; }))
            return u"the list did not load (%1 rows)"_s.arg(model.rowCount());
        QUuid id;
        if (!timed(add, [&] {
                auto added = model.add(Todo::titled(u"Bench todo %1"_s.arg(run)));
                id = added ? added.value().id : QUuid();
                return added.ok();
            }))
            return u"add failed"_s;
        if (!timed(edit, [&] { return !model.update(id, TodoPatch{.title = u"Bench todo %1, renamed"_s.arg(run)}); }))
            return u"edit failed"_s;
        if (!timed(toggle, [&] { return !model.update(id, TodoPatch{.completed = true}); }))
            return u"toggle failed"_s;
        // Deleting the todo just added would leave the list empty for the next start: delete and
        // bring back a second one instead, so every start loads `run` rows.
        auto spare = model.add(Todo::titled(u"Spare %1"_s.arg(run)));
        if (!spare)
            return u"add failed"_s;
        if (!timed(remove, [&] { return !model.update(spare.value().id, TodoPatch{.deleted = true}); }))
            return u"delete failed"_s;
    }
    const QString where = pooled ? u"pooled"_s : u"direct"_s;
    rows << Row{where + u": connect"_s, connect} << Row{where + u": start after connect (list shown)"_s, start}
         << Row{where + u": add"_s, add} << Row{where + u": edit (title)"_s, edit}
         << Row{where + u": toggle (complete)"_s, toggle} << Row{where + u": delete"_s, remove};
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Neon Todo over a slow network (issue 5). Prints a table; asserts nothing about timings."_s);
    parser.addHelpOption();
    const QCommandLineOption latencyOption(u"latency"_s, u"Added latency per packet and direction, ms (default 50)."_s, u"MS"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of every measurement (default 10)."_s, u"N"_s);
    const QCommandLineOption endpointOption(u"endpoint"_s, u"direct, pooler or both (default both)."_s, u"WHICH"_s);
    const QCommandLineOption smokeOption(u"smoke"_s, u"Two runs at 5 ms: proves the benchmark runs."_s);
    parser.addOptions({latencyOption, runsOption, endpointOption, smokeOption});
    parser.process(app);
    int latency = parser.isSet(latencyOption) ? parser.value(latencyOption).toInt() : 50;
    int runs = parser.isSet(runsOption) ? parser.value(runsOption).toInt() : 10;
    const QString endpoint = parser.isSet(endpointOption) ? parser.value(endpointOption) : u"both"_s;
    if (parser.isSet(smokeOption)) {
        latency = 5;
        runs = 2;
    }
    if (latency < 0 || runs < 1 || (endpoint != u"direct"_s && endpoint != u"pooler"_s && endpoint != u"both"_s)) {
        progress() << "bench_neon: --latency must be >= 0, --runs >= 1, --endpoint direct, pooler or both" << Qt::endl;
        return 2;
    }
    if (const QString why = TestStack::whyUnavailable(); !why.isEmpty()) {
        progress() << "bench_neon: " << why << Qt::endl;
        return 2;
    }

    QList<Row> rows;
    for (const bool pooled : {false, true}) {
        if ((pooled && endpoint == u"direct"_s) || (!pooled && endpoint == u"pooler"_s))
            continue;
        if (const QString e = measureEndpoint(pooled, latency, runs, rows); !e.isEmpty()) {
            progress() << "bench_neon: " << e << Qt::endl;
            return 1;
        }
    }

    out() << "## bench_neon " << QDateTime::currentDateTime().toString(Qt::ISODate) << " on "
          << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " CPUs; latency added "
          << latency << " ms per packet and direction (a round trip " << 2 * latency << " ms more); " << runs
          << " runs\n\n";
    out() << "| operation | runs | median ms | max ms | statements (min-max) | round trips by time |\n"
          << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
    for (const Row &r : rows) {
        const double trips = latency > 0 ? r.m.medianMs() / (2.0 * latency) : 0;
        out() << "| " << r.name << " | " << r.m.ms.size() << " | " << QString::number(r.m.medianMs(), 'f', 1) << " | "
              << QString::number(r.m.maxMs(), 'f', 1) << " | " << r.m.minStatements() << '-' << r.m.maxStatements()
              << " | " << (latency > 0 ? QString::number(trips, 'f', 1) : u"–"_s) << " |\n";
    }
    out() << "\nGoals: start after connect <= 2 round trips; add, edit, toggle, delete 1 each.\n";
    for (const Row &r : rows) {
        qint64 goal = r.name.endsWith(u"connect"_s) ? -1 : r.name.contains(u"start"_s) ? 2 : 1;
        if (goal < 0)
            continue;
        out() << "- " << r.name << ": " << r.m.maxStatements() << " statement(s) at most, goal " << goal << ": "
              << (r.m.maxStatements() <= goal ? "PASS" : "MISS") << '\n';
    }
    out().flush();
    progress() << "bench_neon: table complete" << Qt::endl;
    return 0;
}
