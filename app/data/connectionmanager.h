#pragma once

#include "connectionprofile.h"
#include "result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>

namespace nt {

// Owns the app's named database connections and says which one is active.
//
// - "local": the SQLite file (the embedded default and the offline fallback). Its folder is 0700,
//   the file 0600; WAL, synchronous=FULL, foreign keys on, a busy timeout.
// - "remote": PostgreSQL (Neon) through QPSQL.
// Connections are held by name only (QSqlDatabase::database(name) in the thread that uses them).
// Opening the remote database can take seconds (TLS, a Neon compute waking up), so connectRemote()
// first connects and migrates on a worker thread with a connection of its own, and only then opens
// "remote" on this thread, which is quick because the server is awake by then.
class ConnectionManager : public QObject
{
    Q_OBJECT
public:
    // `prefix` keeps the names apart when one process holds several managers (tests: two "devices").
    explicit ConnectionManager(QString prefix = {}, QObject *parent = nullptr);
    ~ConnectionManager() override;

    QString localName() const { return m_prefix + QStringLiteral("local"); }
    QString remoteName() const { return m_prefix + QStringLiteral("remote"); }

    // <AppDataLocation>/neon-todo.sqlite3
    static QString defaultLocalPath();

    // Opens (creating it when needed) and, unless told not to, migrates the local database. The
    // first connection opened becomes active.
    enum class Migrate { Yes, No };
    Error openLocal(const QString &path = {}, Migrate migrate = Migrate::Yes);
    QString localPath() const { return m_localPath; }

    // Blocking: opens "remote" for the profile on this thread, migrating first when asked.
    // For the CLI and tests; the GUI uses connectRemote().
    Error openRemote(const ConnectionProfile &profile, bool migrate = true);

    // Non-blocking: probes and migrates on a worker thread, then opens "remote" here and makes it
    // active. Ends in remoteReady() or remoteFailed(); a newer call supersedes a running one.
    void connectRemote(const ConnectionProfile &profile);
    bool isConnecting() const;
    // Stops waiting for a connectRemote() in flight: it ends in nothing (no signal, no switch).
    void cancelConnect();

    // What connectRemote() does between connecting and switching (offline sync, see SyncController):
    // - onWorker runs on the worker thread with the worker's own open remote connection (by name)
    //   and the local database's path (open a connection of your own to it);
    // - beforeSwitch runs here after "remote" is open, just before it becomes active.
    // Either failing ends the attempt in remoteFailed(); the active connection stays as it was.
    struct SyncSteps
    {
        std::function<Error(const QString &remoteConnection, const QString &localPath)> onWorker;
        std::function<Error()> beforeSwitch;
    };
    void setSyncSteps(SyncSteps steps) { m_sync = std::move(steps); }

    // Adds (does not open) a QPSQL connection configured from the profile. For worker threads and
    // tools that need a connection of their own; the caller removes it.
    static Error addPostgres(const QString &connectionName, const ConnectionProfile &profile);

    QString activeName() const { return m_active; }
    bool isRemoteActive() const { return !m_active.isEmpty() && m_active == remoteName(); }
    // Makes an open connection the active one; emits activeChanged when it changes.
    Error setActive(const QString &connectionName);
    // For the status bar: "Local database" or "Neon: host / database".
    QString activeDescription() const;
    ConnectionProfile remoteProfile() const { return m_remoteProfile; }
    // The profile "remote" is open with, password included: read from the open connection, held in
    // memory only, never stored. For a worker thread that opens a connection of its own to the same
    // database (the import). Call it from the thread that owns "remote"; empty when none is open.
    ConnectionProfile remoteProfileWithPassword() const;

    // The longest one statement on "remote" may take before the app stops waiting (RemoteLink's
    // watchdog cuts the connection); applies from the next openRemote(). 0 = no limit.
    void setOperationDeadline(int milliseconds) { m_operationDeadlineMs = milliseconds; }
    int operationDeadline() const { return m_operationDeadlineMs; }
    // How long a reopen of "remote" may keep trying before the statement fails (0 = the deadline);
    // applies from the next openRemote().
    void setReconnectBudget(int milliseconds) { m_reconnectBudgetMs = milliseconds; }
    static constexpr int DefaultOperationDeadlineMs = 8000;
    // After this long a connect that has not finished is announced as a compute waking up.
    static constexpr int WakingNoticeMs = 1500;

signals:
    void activeChanged(const QString &connectionName);
    void remoteConnecting(const QString &description);
    // Connecting takes longer than a warm server would: most likely a Neon compute starting.
    void remoteWaking(const QString &description);
    // "remote" was found closed (Neon suspended the compute, the network dropped) and is being
    // opened again; then reopened (error None) or not.
    void remoteReconnecting(const QString &description);
    void remoteReconnected(const nt::Error &outcome);
    void remoteReady();
    void remoteFailed(const nt::Error &error);

private:
    void closeAndRemove(const QString &name);

    QString m_prefix;
    QString m_active;
    QString m_localPath;
    ConnectionProfile m_remoteProfile;
    QFutureWatcher<Error> *m_probe = nullptr;
    quint64 m_probeGeneration = 0;
    int m_operationDeadlineMs = DefaultOperationDeadlineMs;
    int m_reconnectBudgetMs = 0;
    SyncSteps m_sync;
};

} // namespace nt
