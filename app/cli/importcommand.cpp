#include "importcommand.h"

#include "importer.h"
#include "knownapps.h"
#include "mappingguesser.h"
#include "rowconverter.h"
#include "sourceinspector.h"
#include "sourcesnapshot.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace nt {

namespace {

const QList<QPair<QString, ImportField>> &fieldNames()
{
    static const QList<QPair<QString, ImportField>> names{
        {QStringLiteral("key"), ImportField::SourceKey},       {QStringLiteral("title"), ImportField::Title},
        {QStringLiteral("notes"), ImportField::Notes},         {QStringLiteral("completed"), ImportField::Completed},
        {QStringLiteral("completed_at"), ImportField::CompletedAt}, {QStringLiteral("due"), ImportField::DueAt},
        {QStringLiteral("created"), ImportField::CreatedAt},   {QStringLiteral("updated"), ImportField::UpdatedAt},
        {QStringLiteral("priority"), ImportField::Priority},   {QStringLiteral("list"), ImportField::ListName},
    };
    return names;
}

QString csvField(QString value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

ImportCommand::ImportCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

QString ImportCommand::helpText()
{
    return QStringLiteral(
        "  import FILE [OPTIONS]    Bring the todos of an old SQLite todo file into the database (Neon, or\n"
        "                           the local database with --local). Running it again brings nothing twice.\n"
        "      --table T            Import from table T instead of the one that looks like todos.\n"
        "      --map F=COL,...      Read field F from column COL (fields: key, title, notes, completed,\n"
        "                           completed_at, due, created, updated, priority, list).\n"
        "      --dry-run            Do everything, verify, then roll back: nothing is written.\n"
        "      --verify             Accepted for scripts; every import is verified.\n"
        "      --rejects FILE.csv   Write the rows that could not be imported, with the reason.\n"
        "      --json               Print the result as JSON on stdout.\n");
}

int ImportCommand::fail(int code, const QString &message)
{
    m_err << "neon-todo-cli: " << message << Qt::endl;
    return code;
}

int ImportCommand::parse(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        QString map;
        if (a == QLatin1String("--table")) {
            if (!value(&m_table))
                return fail(2, QStringLiteral("--table needs a table name."));
        } else if (a == QLatin1String("--map")) {
            if (!value(&map))
                return fail(2, QStringLiteral("--map needs field=column pairs, e.g. --map title=name,notes=body."));
            m_maps << map.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (a == QLatin1String("--rejects")) {
            if (!value(&m_rejectsPath))
                return fail(2, QStringLiteral("--rejects needs a file name, e.g. --rejects rejected.csv."));
        } else if (a == QLatin1String("--dry-run")) {
            m_dryRun = true;
        } else if (a == QLatin1String("--verify")) {
            // every import is verified
        } else if (a == QLatin1String("--json")) {
            m_json = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return fail(2, QStringLiteral("Unknown option %1 for import. See neon-todo-cli --help.").arg(a));
        } else if (m_file.isEmpty()) {
            m_file = a;
        } else {
            return fail(2, QStringLiteral("Give one file to import."));
        }
    }
    if (m_file.isEmpty())
        return fail(2, QStringLiteral("Give the file to import, e.g. neon-todo-cli import ~/old/todo_app_local.db"));
    return -1;
}

int ImportCommand::run(const QString &targetConnection)
{
    auto snapshot = SourceSnapshot::open(m_file);
    if (!snapshot)
        return fail(snapshot.error().kind == Error::Kind::NotFound ? 2 : 1, snapshot.error().message);
    const QList<SourceTable> tables = SourceInspector(*snapshot.value()).tables();
    ImportPlan plan = KnownApps::recognise(tables).value_or(MappingGuesser::guess(tables));
    if (!m_table.isEmpty()) {
        const auto it = std::find_if(tables.cbegin(), tables.cend(), [&](const SourceTable &t) { return t.name == m_table; });
        if (it == tables.cend())
            return fail(2, QStringLiteral("The file has no table named \"%1\".").arg(m_table));
        plan = MappingGuesser::guessFor(*it);
    }
    for (const QString &pair : m_maps) {
        const QString field = pair.section(QLatin1Char('='), 0, 0).trimmed();
        const QString column = pair.section(QLatin1Char('='), 1).trimmed();
        const auto known = std::find_if(fieldNames().cbegin(), fieldNames().cend(), [&](const auto &f) { return f.first == field; });
        if (known == fieldNames().cend() || column.isEmpty())
            return fail(2, QStringLiteral("Cannot use \"%1\" in --map: write field=column with one of the fields listed in --help.").arg(pair));
        plan.mappings.removeIf([&](const ColumnMapping &m) { return m.field == known->second; });
        plan.mappings << ColumnMapping{known->second, column, {}, ValueEncoding::Auto, 1.0};
    }
    if (plan.table.isEmpty())
        return fail(1, QStringLiteral("No table in this file looks like a todo list. Name one with --table."));
    if (!plan.mapping(ImportField::Title))
        return fail(1, QStringLiteral("No column of table \"%1\" looks like a title. Name one with --map title=COLUMN.").arg(plan.table));

    const bool terminal = isatty(STDERR_FILENO);
    ImportOptions options;
    options.dryRun = m_dryRun;
    QElapsedTimer clock;
    clock.start();
    options.progress = [&](qint64 done, qint64 total) {
        if (!terminal)
            return;
        const double seconds = std::max(0.001, clock.elapsed() / 1000.0);
        const double rate = done / seconds;
        const qint64 left = rate > 0 ? qint64((total - done) / rate) : 0;
        m_err << QStringLiteral("\r%1 / %2 rows  %3 rows/s  %4 s left   ").arg(done).arg(total).arg(qint64(rate)).arg(left) << Qt::flush;
    };
    auto report = Importer::run(snapshot.value()->connectionName(), snapshot.value()->fingerprint(), plan, targetConnection, options);
    if (terminal)
        m_err << Qt::endl;
    if (!report) {
        const Error e = report.error();
        const bool connection = e.kind == Error::Kind::Connection || e.kind == Error::Kind::Timeout;
        return fail(connection ? 3 : 1, e.toString());
    }
    const ImportReport &r = report.value();

    if (!m_rejectsPath.isEmpty()) {
        QFile csv(m_rejectsPath);
        if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return fail(1, QStringLiteral("Could not write %1: %2").arg(m_rejectsPath, csv.errorString()));
        QTextStream s(&csv);
        s << "source_key,reason,title\n";
        for (const ImportRow &row : r.rejected)
            s << csvField(row.sourceKey) << ',' << csvField(row.rejectReason) << ',' << csvField(row.todo.title) << '\n';
    }

    if (m_json) {
        QJsonArray rejected;
        for (const ImportRow &row : r.rejected)
            rejected.append(QJsonObject{{QStringLiteral("source_key"), row.sourceKey}, {QStringLiteral("reason"), row.rejectReason}});
        const QJsonObject json{{QStringLiteral("file"), m_file},
                               {QStringLiteral("table"), plan.table},
                               {QStringLiteral("known_app"), plan.knownApp},
                               {QStringLiteral("read"), r.read},
                               {QStringLiteral("imported"), r.imported},
                               {QStringLiteral("already_there"), r.alreadyThere},
                               {QStringLiteral("rejected"), rejected},
                               {QStringLiteral("warnings"), r.warnings},
                               {QStringLiteral("verified"), r.verified},
                               {QStringLiteral("dry_run"), r.dryRun},
                               {QStringLiteral("elapsed_ms"), r.elapsedMs}};
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        m_out << "From " << m_file << ", table " << plan.table
              << (plan.knownApp.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(plan.knownApp)) << Qt::endl;
        m_out << (r.dryRun ? "Would import:  " : "Imported:      ") << r.imported << Qt::endl
              << "Already there: " << r.alreadyThere << Qt::endl
              << "Rejected:      " << r.rejected.size() << Qt::endl;
        for (const ImportRow &row : r.rejected.mid(0, 20))
            m_out << "  row " << row.sourceKey << ": " << row.rejectReason << Qt::endl;
        if (r.rejected.size() > 20)
            m_out << "  … and " << r.rejected.size() - 20 << " more (--rejects FILE.csv writes them all)" << Qt::endl;
        m_out << "Warnings:      " << r.warnings << Qt::endl
              << "Verified:      " << (r.verified ? "yes — " : "no — ") << r.verification << Qt::endl;
        if (r.dryRun)
            m_out << "Dry run: nothing was written." << Qt::endl;
    }
    return r.rejected.isEmpty() ? 0 : SomeRowsRejected;
}

} // namespace nt
