#pragma once

#include "result.h"

#include <QString>

namespace nt {

// Brings the local mirror up to date with the server: every list and todo (tombstones included)
// changed since the last pull is copied into the local database.
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
    };
    Result<Outcome> run() const;

private:
    QString m_remote;
    QString m_local;
};

} // namespace nt
