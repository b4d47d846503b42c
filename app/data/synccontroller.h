#pragma once

#include "connectionprofile.h"
#include "outboxpush.h"
#include "result.h"

#include <QObject>
#include <QTimer>

namespace nt {

class ConnectionManager;
class TodoListModel;

// Offline mode: the window works on Neon while it answers and on the local mirror when it does
// not, and what was done offline reaches Neon exactly once. See docs/offline-sync.md.
//
// - useProfile() opens the profile's mirror (a local file of its own) at once, with the outbox's
//   journal on, and connects in the background. Before the window switches to Neon the waiting
//   changes are pushed and the server's changes pulled (on the worker), then anything written
//   meanwhile is pushed too (here), so the switch shows everything.
// - A read or write that finds the connection gone switches the window to the mirror (the model
//   then makes the same change there) and retries in the background: 5 s, doubling, at most 5 min.
// - workOffline(true) stays on the mirror until it is turned off; retryNow() tries at once.
// - While online, every refresh of the todos also pulls the server's changes into the mirror.
class SyncController : public QObject
{
    Q_OBJECT
public:
    enum class State {
        LocalOnly,   // no Neon profile: the embedded database
        Connecting,  // on the mirror, connecting (first start, or after a fallback)
        Online,      // on Neon
        Offline,     // on the mirror, Neon unreachable; retrying
        WorkingOffline, // on the mirror by choice
    };
    Q_ENUM(State)

    SyncController(ConnectionManager *connections, TodoListModel *todos, QObject *parent = nullptr);

    // The mirror file of a profile: <AppDataLocation>/mirrors/<hash of user, host, port, database>.
    // The direct and the pooled host of one Neon endpoint share it.
    static QString mirrorPathFor(const ConnectionProfile &profile);

    // Starts using `profile` (password included; held in memory only): the mirror at `mirrorPath`
    // (default: mirrorPathFor) becomes the local database and the window shows it at once.
    Error useProfile(const ConnectionProfile &profile, const QString &mirrorPath = {});

    State state() const { return m_state; }
    // The Neon database in use, briefly (the profile's name, else the database's); empty without one.
    QString profileDescription() const
    {
        return m_state == State::LocalOnly ? QString() : m_profile.name.isEmpty() ? m_profile.database : m_profile.name;
    }
    bool isOffline() const { return m_state == State::Offline || m_state == State::WorkingOffline; }
    qint64 pendingChanges() const { return m_pending; }
    // The reason of the last fallback or failed attempt, in plain words.
    QString lastProblem() const { return m_lastProblem; }
    // When the next automatic attempt is due (0 when none is scheduled).
    int retryDelayMs() const { return m_retry.isActive() ? m_retry.remainingTime() : 0; }

    // Back to the embedded database alone (no Neon profile): nothing is recorded or sent.
    Error useLocalOnly(const QString &path = {});

    void retryNow();
    void setWorkOffline(bool offline);

    // The window's model found the connection gone: switch to the mirror. Returns true when it did.
    bool fallBack(const Error &why);

    // Counts the outbox again (after local writes).
    void refreshPending();

    static constexpr int FirstRetryMs = 5000;
    static constexpr int LongestRetryMs = 5 * 60 * 1000;

signals:
    void stateChanged(nt::SyncController::State state);
    void pendingChanged(qint64 count);
    // After the changes made offline reached Neon.
    void synced(const nt::OutboxPush::Outcome &outcome);

private:
    void setState(State state);
    void connectNow();
    void scheduleRetry();
    Error syncOnWorker(const QString &remoteConnection, const QString &localPath);
    Error pushLeftovers();
    void pullAfterReload(const QString &connection);

    ConnectionManager *m_connections;
    TodoListModel *m_todos;
    ConnectionProfile m_profile;
    State m_state = State::LocalOnly;
    qint64 m_pending = 0;
    QString m_lastProblem;
    QTimer m_retry;
    int m_nextRetryMs = FirstRetryMs;
    QTimer m_pendingTimer;
    OutboxPush::Outcome m_workerOutcome; // written on the worker, read after it finished
    bool m_skipNextPull = false;
};

} // namespace nt
