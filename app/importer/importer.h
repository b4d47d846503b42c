#pragma once

#include "importtypes.h"
#include "result.h"

#include <functional>

namespace nt {

struct ImportOptions
{
    bool dryRun = false;                                   // do everything, then roll back
    QUuid targetList;                                      // every todo into this list
    std::function<void(qint64 done, qint64 total)> progress; // called every few thousand rows
    std::function<bool()> cancelled;                       // polled between rows
};

// Runs an import from a source snapshot into a target connection (PostgreSQL: COPY in one
// transaction; SQLite: the local database while offline). Rows that cannot be imported are
// rejected with a reason and listed in the report; they never stop the others. Cancel, a lost
// connection or a failed verification leave the target exactly as it was.
class Importer
{
public:
    static Result<ImportReport> run(const QString &snapshotConnection, const QString &fingerprint, const ImportPlan &plan,
                                    const QString &targetConnection, const ImportOptions &options = {});
};

} // namespace nt
