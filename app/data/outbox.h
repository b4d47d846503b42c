#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
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

// The changes made on the local database while offline (SQLite only), waiting to be pushed.
//
// Promises:
// - recordWith() makes the write and records its change in ONE SQLite transaction: after a crash
//   (kill -9 included) either both are there or neither is.
// - Sequence numbers only grow, per device, and are never reused (also after acknowledge()).
// - The device's id is made once per local database and kept in it.
class Outbox
{
public:
    explicit Outbox(QString localConnectionName);

    // Runs `write` (statements on the same connection) and records `entry` with it; if either
    // fails, neither happens. Returns the entry's sequence number.
    Result<qint64> recordWith(const OutboxEntry &entry, const std::function<Error()> &write) const;

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
