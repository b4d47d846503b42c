#pragma once

#include "importtypes.h"
#include "result.h"

#include <QHash>
#include <QSet>

namespace nt {

// Loads converted rows into the local SQLite database (an import while offline; sync pushes them
// later) in ONE transaction, with the same promises as PostgresLoader: all or nothing, ids already
// there are counted not doubled, and every inserted row is read back and compared with the
// source's checksum before COMMIT. Verification runs a chunk at a time, so memory stays flat.
class SqliteLoader
{
public:
    explicit SqliteLoader(QString connectionName);
    ~SqliteLoader();
    SqliteLoader(const SqliteLoader &) = delete;
    SqliteLoader &operator=(const SqliteLoader &) = delete;

    Error begin(const QUuid &targetList = {});
    Error add(const ImportRow &row);
    Result<LoadOutcome> finish(bool dryRun);
    void cancel();

private:
    Error verifyPending();
    Error failure(const QString &what, const Error &cause);

    QString m_connectionName;
    QUuid m_targetList;
    QSet<QUuid> m_lists;                 // list ids made or seen in this run
    QHash<QUuid, QByteArray> m_pending;  // inserted, not yet verified: id -> expected checksum
    LoadOutcome m_outcome;
    qint64 m_matching = 0;
    double m_position = 0;               // the last position before the import (importPosition)
    bool m_inTransaction = false;
};

} // namespace nt
