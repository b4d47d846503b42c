#pragma once

#include "result.h"

#include <QString>

namespace nt {

// Sends the outbox's waiting changes (lists and todos) to the server, exactly once (see
// docs/offline-sync.md and sql/postgres/0004).
//
// One statement, so one round trip, per batch: sync_push() locks the device's ledger row, skips
// the changes the server already applied (a push whose COMMIT went through but whose answer was
// lost), decides each field (a field only this device changed is written; a field both sides
// changed goes to the later edit, ties to the larger device id, and the value that lost is written
// to the conflict log), and moves the ledger on, all in one transaction. Only after its answer are
// the entries acknowledged locally.
class OutboxPush
{
public:
    OutboxPush(QString remoteConnection, QString localConnection);

    struct Outcome
    {
        int batches = 0;
        int sent = 0;      // entries the server applied
        int skipped = 0;   // entries the server had already applied
        int updated = 0;   // rows changed on the server
        int inserted = 0;  // rows made on the server
        int conflicts = 0; // values that lost, now in the conflict log
        int revived = 0;   // rows deleted elsewhere that an edit here brought back
    };
    Result<Outcome> run(int batchSize = 500) const;

private:
    QString m_remote;
    QString m_local;
};

} // namespace nt
