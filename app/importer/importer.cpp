#include "importer.h"

#include "importreader.h"
#include "postgresloader.h"
#include "sqldialect.h"
#include "sqliteloader.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QSqlDatabase>

namespace nt {

namespace {

constexpr int BatchRows = 2000; // rows read, converted and handed over at a time

// Up to BatchRows rows as read from the file.
QList<ImportReader::SourceRow> readBatch(ImportReader &reader)
{
    QList<ImportReader::SourceRow> batch;
    batch.reserve(BatchRows);
    while (batch.size() < BatchRows) {
        auto row = reader.read();
        if (!row)
            break;
        batch.append(std::move(*row));
    }
    return batch;
}

// Reading the file and writing the rows stay in this thread (each connection belongs to the thread
// that opened it); converting, most of the work, runs in a thread of its own, one batch behind the
// reading. At most two batches are in memory at a time, plus the chunk the loader is filling
// (PostgresLoader sends 50,000 rows at a time, and its INSERT runs while the next chunk is read).
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
    auto stop = [&] {
        loader.cancel();
        report.cancelled = true;
        report.elapsedMs = clock.elapsed();
        return report;
    };
    QThreadPool converting;
    converting.setMaxThreadCount(1);
    QFuture<QList<ImportRow>> converted;
    bool pending = false;
    for (;;) {
        QList<ImportReader::SourceRow> batch = readBatch(reader);
        if (pending) {
            const QList<ImportRow> rows = converted.result();
            pending = false;
            for (const ImportRow &row : rows) {
                ++report.read;
                report.warnings += row.warnings.size();
                if (row.rejected())
                    report.rejected << row;
                else if (Error e = loader.add(row))
                    return e;
            }
            if (options.cancelled && options.cancelled())
                return stop();
            if (options.progress && !batch.isEmpty())
                options.progress(report.read, total);
        }
        if (batch.isEmpty())
            break;
        converted = QtConcurrent::run(&converting, [&reader, batch = std::move(batch)] {
            QList<ImportRow> rows;
            rows.reserve(batch.size());
            for (const ImportReader::SourceRow &source : batch)
                rows.append(reader.convert(source));
            return rows;
        });
        pending = true;
    }
    if (Error e = reader.error(); e.isError()) {
        loader.cancel();
        return e;
    }
    if (options.cancelled && options.cancelled())
        return stop();
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
