#pragma once

#include "result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

#include <functional>

struct pg_conn;

namespace nt::RemoteLink {

// Keeps a QPSQL connection usable on a network and a server that come and go (Neon suspends an
// idle compute and closes its connections; Wi-Fi drops; a peer stops answering).
//
// - ensureOpen() runs before every statement: it reads what the server may have sent meanwhile
//   (no round trip) and, when the connection turns out closed (57P01 on suspend, a reset, a stall
//   the watchdog cut), opens it again with exponential backoff and jitter, within the connection's
//   deadline. A statement is never sent twice: only a connection found dead before sending is
//   reopened, so the statement then runs exactly once.
// - Deadline guards one statement: a watchdog thread shuts the socket down when the statement runs
//   longer than the connection's deadline. TCP keepalives and tcp_user_timeout do not notice a peer
//   that still acknowledges but never answers; this does, and the blocked call returns at once.
//
// Connections without a deadline are guarded by nothing but still reopened. ConnectionManager gives
// its "remote" connection one (the window's, and the CLI's); the importer's COPY runs on a
// connection of its own and has none. A connection closed inside a transaction is never reopened
// silently: the statement fails with lostTransactionMessage(), and the next one may reopen.

// The longest one statement (or one reopen) may take on this connection; 0 = no limit.
void setDeadline(const QString &connectionName, int milliseconds);
int deadline(const QString &connectionName);
// How long a reopen may keep trying before the statement fails (at most the deadline; 0 = the
// deadline). With an offline fallback waiting, failing early is better than waiting the full
// deadline for a server that refuses.
void setReconnectBudget(const QString &connectionName, int milliseconds);

// Told when a reconnect starts ("waking": true after the first attempt failed or took long) and ends.
struct Observer
{
    std::function<void(const QString &connectionName)> reconnecting;
    std::function<void(const QString &connectionName, const Error &outcome)> reconnected;
};
void setObserver(Observer observer);

// Before a statement: reopens `db` when its connection is gone. Only for QPSQL; a no-op otherwise.
Error ensureOpen(const QSqlDatabase &db);

// How many times connections were reopened in this process (for tests and the benchmark).
int reopenCount();

// The messages of the two failures ensureOpen() reports before anything was sent.
QString lostTransactionMessage();
QString reopenFailedPrefix();

// Guards one statement on `db` (see above). Cheap when the connection has no deadline.
class Deadline
{
public:
    explicit Deadline(const QSqlDatabase &db);
    ~Deadline();
    // The statement has its answer: stop guarding (what the caller does next is not the server's time).
    void finish();
    Deadline(const Deadline &) = delete;
    Deadline &operator=(const Deadline &) = delete;

    // Whether the watchdog cut the connection; then the statement's error is a timeout.
    bool expired() const;
    // The statement's error, rewritten as the timeout it is when the watchdog cut it.
    Error explain(const Error &statementError) const;

private:
    QString m_name;
    pg_conn *m_conn = nullptr;
    quint64 m_ticket = 0;
    int m_ms = 0;
    bool m_fired = false;
};

} // namespace nt::RemoteLink
