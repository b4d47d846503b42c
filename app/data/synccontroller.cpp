#include "synccontroller.h"

#include "connectionmanager.h"
#include "mirrorpull.h"
#include "outbox.h"
#include "sqlexec.h"
#include "todolistmodel.h"
#include "uuids.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>

namespace nt {

namespace {

// Failures that trying again in a while will not mend: the person has to change something.
bool worthRetrying(const Error &e)
{
    return e.kind == Error::Kind::Connection || e.kind == Error::Kind::Timeout || e.kind == Error::Kind::Database;
}

} // namespace

SyncController::SyncController(ConnectionManager *connections, TodoListModel *todos, QObject *parent)
    : QObject(parent), m_connections(connections), m_todos(todos)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::connectNow);
    m_pendingTimer.setSingleShot(true);
    m_pendingTimer.setInterval(0); // one count for a burst of changes
    connect(&m_pendingTimer, &QTimer::timeout, this, &SyncController::refreshPending);

    // The model follows whichever connection is active.
    connect(m_connections, &ConnectionManager::activeChanged, m_todos, &TodoListModel::setConnection);
    connect(m_connections, &ConnectionManager::remoteReady, this, [this] {
        m_nextRetryMs = FirstRetryMs;
        m_lastProblem.clear();
        setState(State::Online);
        refreshPending();
        emit synced(m_workerOutcome);
    });
    connect(m_connections, &ConnectionManager::remoteFailed, this, [this](const Error &e) {
        if (m_state != State::Connecting && m_state != State::Offline)
            return;
        m_lastProblem = e.message;
        setState(State::Offline);
        if (worthRetrying(e))
            scheduleRetry();
    });
    // Local writes while offline add to the outbox: count it again after any change.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_todos, signal, &m_pendingTimer, qOverload<>(&QTimer::start));
    connect(m_todos, &QAbstractItemModel::dataChanged, &m_pendingTimer, qOverload<>(&QTimer::start));
    connect(m_todos, &TodoListModel::reloaded, this, &SyncController::pullAfterReload);
}

QString SyncController::mirrorPathFor(const ConnectionProfile &profile)
{
    // One mirror per database and role: the pooled host name is the direct one plus "-pooler".
    QString host = profile.host.toLower();
    host.replace(QStringLiteral("-pooler."), QStringLiteral("."));
    const QByteArray key = QStringLiteral("%1@%2:%3/%4")
                               .arg(profile.user, host)
                               .arg(profile.port > 0 ? profile.port : 5432)
                               .arg(profile.database)
                               .toUtf8();
    const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("mirrors/%1.sqlite3").arg(name));
}

Error SyncController::useProfile(const ConnectionProfile &profile, const QString &mirrorPath)
{
    m_retry.stop();
    m_connections->cancelConnect();
    m_profile = profile;
    const QString path = mirrorPath.isEmpty() ? mirrorPathFor(profile) : mirrorPath;
    const QString local = m_connections->localName();
    if (m_connections->localPath() != path || !QSqlDatabase::contains(local)) {
        if (Error e = m_connections->openLocal(path))
            return e;
    }
    if (Error e = Outbox(local).setJournal(true))
        return e;
    m_todos->setOfflineSupport({local, [this](const Error &why) { return fallBack(why); }});
    // A failed reopen gives up after 3 s: the mirror is waiting, no need to wait the whole deadline.
    m_connections->setReconnectBudget(3000);
    m_connections->setSyncSteps({
        [this](const QString &remote, const QString &localPath) { return syncOnWorker(remote, localPath); },
        [this] { return pushLeftovers(); },
    });
    // The window shows the mirror at once.
    if (m_connections->activeName() == local)
        m_todos->setConnection(local);
    else if (Error e = m_connections->setActive(local))
        return e;
    setState(State::Connecting);
    refreshPending();
    connectNow();
    return {};
}

Error SyncController::useLocalOnly(const QString &path)
{
    m_retry.stop();
    m_connections->cancelConnect();
    m_todos->setOfflineSupport({});
    m_connections->setSyncSteps({});
    setState(State::LocalOnly);
    const QString wanted = path.isEmpty() ? ConnectionManager::defaultLocalPath() : path;
    const QString local = m_connections->localName();
    if (m_connections->localPath() != wanted || !QSqlDatabase::contains(local)) {
        if (Error e = m_connections->openLocal(wanted))
            return e;
    }
    if (m_connections->activeName() == local)
        m_todos->setConnection(local);
    else if (Error e = m_connections->setActive(local))
        return e;
    return {};
}

void SyncController::connectNow()
{
    m_retry.stop();
    if (m_state == State::WorkingOffline || m_state == State::LocalOnly)
        return;
    m_workerOutcome = {};
    m_connections->connectRemote(m_profile);
}

void SyncController::scheduleRetry()
{
    m_retry.start(m_nextRetryMs);
    m_nextRetryMs = std::min(m_nextRetryMs * 2, LongestRetryMs);
}

void SyncController::retryNow()
{
    if (m_state == State::LocalOnly || m_state == State::Online)
        return;
    if (m_state == State::WorkingOffline)
        setState(State::Offline);
    m_nextRetryMs = FirstRetryMs;
    connectNow();
}

void SyncController::setWorkOffline(bool offline)
{
    if (m_state == State::LocalOnly)
        return;
    if (!offline) {
        if (m_state == State::WorkingOffline) {
            setState(State::Offline);
            retryNow();
        }
        return;
    }
    m_retry.stop();
    m_connections->cancelConnect();
    setState(State::WorkingOffline);
    m_connections->setActive(m_connections->localName());
}

bool SyncController::fallBack(const Error &why)
{
    if (m_state == State::LocalOnly)
        return false;
    m_lastProblem = why.message;
    if (Error e = m_connections->setActive(m_connections->localName()))
        return false;
    if (m_state == State::Online || m_state == State::Connecting)
        setState(State::Offline);
    if (!m_retry.isActive() && m_state == State::Offline)
        scheduleRetry();
    m_pendingTimer.start();
    return true;
}

void SyncController::refreshPending()
{
    if (m_state == State::LocalOnly || !QSqlDatabase::contains(m_connections->localName()))
        return;
    auto count = Outbox(m_connections->localName()).count();
    const qint64 n = count ? count.value() : m_pending;
    if (n == m_pending)
        return;
    m_pending = n;
    emit pendingChanged(n);
}

void SyncController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

Error SyncController::syncOnWorker(const QString &remoteConnection, const QString &localPath)
{
    // A connection of this thread's own to the mirror file (WAL: the window's connection keeps
    // reading and writing meanwhile; writes wait for each other, up to the busy timeout).
    const QString local = QStringLiteral("sync-") + Uuids::toText(Uuids::createV7());
    Error result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), local);
        db.setDatabaseName(localPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            result = Error::make(Error::Kind::Io, tr("Could not open this computer's copy of your todos."),
                                 db.lastError().text());
        } else {
            result = SqlExec::exec(db, QStringLiteral("PRAGMA synchronous=FULL"));
            OutboxPush::Outcome pushed;
            if (!result) {
                auto outcome = OutboxPush(remoteConnection, local).run();
                if (outcome)
                    pushed = outcome.value();
                else
                    result = outcome.error();
            }
            if (!result) {
                auto pulled = MirrorPull(remoteConnection, local).run();
                if (!pulled)
                    result = pulled.error();
            }
            m_workerOutcome = pushed; // read on the controller's thread after the worker finished
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(local);
    return result;
}

Error SyncController::pushLeftovers()
{
    // Changes made on the mirror while the worker was pushing: sent now, before the switch, so
    // Neon shows them. Usually none, which costs no round trip.
    const QString local = m_connections->localName();
    auto waiting = Outbox(local).count();
    if (!waiting)
        return waiting.error();
    if (waiting.value() > 0) {
        auto outcome = OutboxPush(m_connections->remoteName(), local).run();
        if (!outcome)
            return outcome.error();
        m_workerOutcome.batches += outcome.value().batches;
        m_workerOutcome.sent += outcome.value().sent;
        m_workerOutcome.skipped += outcome.value().skipped;
        m_workerOutcome.updated += outcome.value().updated;
        m_workerOutcome.inserted += outcome.value().inserted;
        m_workerOutcome.conflicts += outcome.value().conflicts;
        m_workerOutcome.revived += outcome.value().revived;
    }
    m_skipNextPull = true; // the worker has just pulled
    return {};
}

void SyncController::pullAfterReload(const QString &connection)
{
    if (m_state == State::LocalOnly || connection != m_connections->remoteName())
        return;
    if (m_skipNextPull) {
        m_skipNextPull = false;
        return;
    }
    // A refresh from Neon: the mirror follows (only what changed since the last pull).
    auto pulled = MirrorPull(m_connections->remoteName(), m_connections->localName()).run();
    if (!pulled && m_todos->fallBackAfter(pulled.error()))
        return;
}

} // namespace nt
