#include "importer.h"

#include "importreader.h"
#include "postgresloader.h"
#include "sqldialect.h"
#include "sqliteloader.h"

#include <QElapsedTimer>
#include <QSqlDatabase>

namespace nt {

namespace {

template <typename Loader>
Result<ImportReport> load(Loader &loader, ImportReader &reader, qint64 total, const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    QElapsedTimer clock;
    clock.start();
    if (Error e = loader.begin(options.targetList))
        return e;
    if (Error e = reader.open())
        return e;
    while (auto row = reader.next()) {
        ++report.read;
        report.warnings += row->warnings.size();
        if (row->rejected()) {
            report.rejected << *row;
            continue;
        }
        if (Error e = loader.add(*row))
            return e;
        if (report.read % 2000 == 0) {
            if (options.cancelled && options.cancelled()) {
                loader.cancel();
                report.cancelled = true;
                report.elapsedMs = clock.elapsed();
                return report;
            }
            if (options.progress)
                options.progress(report.read, total);
        }
    }
    if (Error e = reader.error(); e.isError()) {
        loader.cancel();
        return e;
    }
    if (options.cancelled && options.cancelled()) {
        loader.cancel();
        report.cancelled = true;
        report.elapsedMs = clock.elapsed();
        return report;
    }
    auto outcome = loader.finish(options.dryRun);
    if (!outcome)
        return outcome.error();
    report.imported = outcome.value().inserted;
    report.alreadyThere = outcome.value().alreadyThere;
    report.verified = outcome.value().verified;
    report.verification = outcome.value().verification;
    report.elapsedMs = clock.elapsed();
    if (options.progress)
        options.progress(report.read, total);
    return report;
}

} // namespace

Result<ImportReport> Importer::run(const QString &snapshotConnection, const QString &fingerprint, const ImportPlan &plan,
                                   const QString &targetConnection, const ImportOptions &options)
{
    if (plan.table.isEmpty() || !plan.mapping(ImportField::Title))
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("Choose the table with your todos and the column that holds their titles."));
    ImportReader reader(snapshotConnection, plan, fingerprint);
    auto total = reader.count();
    if (!total)
        return total.error();
    switch (dialectOf(QSqlDatabase::database(targetConnection, false))) {
    case SqlDialect::PostgreSQL: {
        PostgresLoader loader(targetConnection);
        return load(loader, reader, total.value(), options);
    }
    case SqlDialect::SQLite: {
        SqliteLoader loader(targetConnection);
        return load(loader, reader, total.value(), options);
    }
    case SqlDialect::Unsupported:
        break;
    }
    return Error::make(Error::Kind::Connection, QStringLiteral("Importing needs a connected database."));
}

} // namespace nt
