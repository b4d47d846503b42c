#pragma once

#include "listinfo.h"
#include "result.h"
#include "todo.h"

#include <QString>

namespace nt {

// Brings the local mirror up to date with the server: every list, todo (tombstones included) and
// conflict log entry changed since the last pull is copied into the local database.
//
// Complete under concurrent writers: rows are asked for by their writing transaction
// (change_xid >= W), where W is the oldest transaction still running when the previous pull read
// the table (pg_snapshot_xmin of that statement's own snapshot). A transaction that took its change
// number early and committed late is still caught; some rows come twice, and copying a row that is
// already there changes nothing (by version). See docs/offline-sync.md.
// One statement per table on the server; the local side is one SQLite transaction.
class MirrorPull
{
public:
    MirrorPull(QString remoteConnection, QString localConnection);

    struct Outcome
    {
        int lists = 0; // rows copied (new or newer)
        int todos = 0;
        int conflicts = 0; // entries of the conflict log
    };
    Result<Outcome> run() const;

    // The rows an online write returned, copied into the local mirror the same way (so falling back
    // never shows a stale list). One local transaction each.
    static Error storeTodos(const QString &localConnection, const QList<Todo> &todos);
    static Error storeLists(const QString &localConnection, const QList<ListInfo> &lists);

private:
    QString m_remote;
    QString m_local;
};

} // namespace nt
