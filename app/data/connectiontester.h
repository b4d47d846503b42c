#pragma once

#include "connectionprofile.h"
#include "error.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

template <typename T> class QFutureWatcher;

namespace nt {

// "Test connection" for a profile, off the calling thread.
//
// Promises:
// - test() returns at once. The work runs on a worker thread with a connection of its own (a unique
//   name, added with ConnectionManager::addPostgres and removed again before the worker ends), and
//   finished() is emitted on this object's thread.
// - Only the latest test is reported: a test() while another runs supersedes it (the older one runs
//   to its end, since libpq cannot be interrupted while connecting, and its result is dropped).
// - Nothing is written to the database: the checks only read (server version, one round trip, TLS,
//   the schema state).
// - A profile without connect_timeout gets 10 s, so a test always ends.
// - The destructor waits for tests still running.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    struct Report
    {
        Error error;           // None when the server answered and the schema is one this app can use
        QString serverVersion; // "15.20" (SHOW server_version, first word); empty when not connected
        int roundTripMs = -1;  // one "SELECT 1"; -1 when not connected
        bool tls = false;      // the connection is encrypted
        int appliedMigrations = 0;
        int pendingMigrations = 0;

        bool connected() const { return !serverVersion.isEmpty(); }
        // Plain words for a person: "Connected to PostgreSQL 15.20 over TLS (round trip 3 ms). Schema
        // up to date." or the error message. Never holds the password.
        QString summary() const;
    };

    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    void test(const ConnectionProfile &profile);
    bool isRunning() const;

    // The checks themselves, blocking, on the calling thread (the worker's body; also for the CLI).
    static Report run(const ConnectionProfile &profile);

signals:
    void finished(const nt::ConnectionTester::Report &report);

private:
    void onWatcherFinished(QFutureWatcher<Report> *watcher);

    QFutureWatcher<Report> *m_current = nullptr;
    QList<QFuture<Report>> m_running; // superseded ones too: the destructor waits for all
};

} // namespace nt
