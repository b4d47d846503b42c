#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace nt {

// One change made while offline, as it waits for the server.
struct OutboxEntry
{
    enum class Entity { Todo, List };
    qint64 seq = 0;                   // this device's number for the change (set when recorded)
    Entity entity = Entity::Todo;
    QUuid entityId;
    QJsonObject fields;               // the changed fields and their new values
    std::optional<qint64> baseVersion; // the version the change was made on; none for a new row
    QDateTime changedAt;              // UTC, when the person made it
};

// The changes made on the local database while it mirrors a Neon database, waiting to be pushed.
//
// Promises:
// - While the journal is on, every write to a list or a todo records its changed fields here, by
//   trigger (sql/sqlite/0004), in the write's own transaction: after a crash (kill -9 included)
//   either both are there or neither is, whatever made the write.
// - Copies of the server's rows are written inside pauseJournal() and are not recorded.
// - Sequence numbers only grow, per device, and are never reused (also after acknowledge()).
// - The device's id is made once per local database and kept in it.
class Outbox
{
public:
    explicit Outbox(QString localConnectionName);

    // Turns recording on (the file mirrors a Neon database) or off (it is the embedded database).
    // Turning it on makes the device id, so it exists before the first change is recorded.
    Error setJournal(bool on) const;
    Result<bool> isJournaling() const;
    // Inside a transaction the caller has begun: the writes until resumeJournal() (or the end of
    // the transaction) are copies of the server's rows, not changes to send.
    Error pauseJournal() const;
    Error resumeJournal() const;

    // The oldest waiting changes, in sequence order.
    Result<QList<OutboxEntry>> pending(int limit = 500) const;
    Result<qint64> count() const;
    // The server has applied every change up to `seq`: they stop waiting.
    Error acknowledge(qint64 seq) const;

    // This device's id (a UUIDv7 made on first use).
    Result<QUuid> clientId() const;

private:
    QString m_connection;
};

} // namespace nt
