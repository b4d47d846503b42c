#pragma once

#include "result.h"

#include <QString>

namespace nt {

// Sends the outbox's waiting todo changes to the server, exactly once (see docs/offline-sync.md).
//
// Per batch, one transaction of four round trips: BEGIN; the device's ledger row upserted and
// locked, returning the last sequence number the server applied for it; the batch's changes
// (those above that number, merged per todo in sequence order) applied together with the new
// number in one statement; COMMIT. Only after the COMMIT's answer are the entries acknowledged
// locally. A batch whose COMMIT went through but whose answer was lost is sent again and skipped by
// the ledger. Fields a change does not name keep their server value (different fields edited on
// two devices both survive). The same field edited on both sides is not resolved yet: the push's
// value is written (the conflict rule and log come with the offline mode).
class OutboxPush
{
public:
    OutboxPush(QString remoteConnection, QString localConnection);

    struct Outcome
    {
        int batches = 0;
        int sent = 0;    // entries sent in batches that committed
        int skipped = 0; // entries the server had already applied
        int updated = 0; // todos changed on the server
        int inserted = 0;
    };
    Result<Outcome> run(int batchSize = 500) const;

private:
    QString m_remote;
    QString m_local;
};

} // namespace nt
