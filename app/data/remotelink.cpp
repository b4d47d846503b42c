#include "remotelink.h"

#include "connectionerror.h"
#include "postgresdirect.h"

#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace nt::RemoteLink {

namespace {

QMutex settingsLock;
QHash<QString, int> deadlines;
QHash<QString, int> budgets; // reconnect budgets
Observer observer;
std::atomic<int> reopens{0};

// One thread for the whole process, started on first use: it sleeps until the earliest expiry and
// shuts down the socket of a statement still running then.
class Watchdog
{
public:
    static Watchdog &instance()
    {
        static Watchdog dog;
        return dog;
    }

    quint64 arm(int socket, int milliseconds)
    {
        // A duplicate of the socket: libpq may close its own descriptor inside a failing call, and
        // the number could then be reused by another connection before the ticket is disarmed.
        // shutdown() on the duplicate acts on the same connection; its number stays ours.
        const int own = ::fcntl(socket, F_DUPFD_CLOEXEC, 0);
        if (own < 0)
            return 0;
        std::lock_guard lock(m_mutex);
        const quint64 ticket = ++m_next;
        m_entries.emplace(ticket, Entry{own, Clock::now() + std::chrono::milliseconds(milliseconds), false});
        m_wake.notify_one();
        return ticket;
    }

    // Returns whether the watchdog fired for this ticket.
    bool disarm(quint64 ticket)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(ticket);
        if (it == m_entries.end())
            return false;
        const bool fired = it->second.fired;
        ::close(it->second.socket);
        m_entries.erase(it);
        return fired;
    }

    bool fired(quint64 ticket)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(ticket);
        return it != m_entries.end() && it->second.fired;
    }

    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    using Clock = std::chrono::steady_clock;
    struct Entry
    {
        int socket;
        Clock::time_point expiry;
        bool fired;
    };

    Watchdog() : m_thread([this] { run(); }) {}

    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            auto next = Clock::time_point::max();
            const auto now = Clock::now();
            for (auto &[ticket, e] : m_entries) {
                if (e.fired)
                    continue;
                if (e.expiry <= now) {
                    // The statement is still running past its deadline: end it. recv() in the
                    // blocked libpq call returns at once, and the connection reads as closed.
                    ::shutdown(e.socket, SHUT_RDWR);
                    e.fired = true;
                } else if (e.expiry < next) {
                    next = e.expiry;
                }
            }
            if (next == Clock::time_point::max())
                m_wake.wait(lock);
            else
                m_wake.wait_until(lock, next);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<quint64, Entry> m_entries;
    quint64 m_next = 0;
    bool m_stop = false;
    std::thread m_thread;
};

// Whether libpq's connection is still good, from what has already arrived (no round trip).
bool looksAlive(pg_conn *conn)
{
    if (PQstatus(conn) != CONNECTION_OK)
        return false;
    // A server that closed the connection (Neon's suspend sends 57P01 first) has left the message
    // and the end of the stream in the socket: reading them turns the status bad.
    // One read may stop after the message, before the end of the stream: read while there is more.
    for (int reads = 0; reads < 8; ++reads) {
        pollfd readable{PQsocket(conn), POLLIN, 0};
        if (readable.fd < 0)
            return false;
        int ready = 0;
        do
            ready = ::poll(&readable, 1, 0);
        while (ready < 0 && errno == EINTR);
        if (ready < 0)
            return false;
        if (!(readable.revents & (POLLIN | POLLHUP | POLLERR)))
            break;
        if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK)
            return false;
    }
    return PQstatus(conn) == CONNECTION_OK;
}

} // namespace

void setDeadline(const QString &connectionName, int milliseconds)
{
    QMutexLocker lock(&settingsLock);
    if (milliseconds > 0)
        deadlines.insert(connectionName, milliseconds);
    else
        deadlines.remove(connectionName);
}

void setReconnectBudget(const QString &connectionName, int milliseconds)
{
    QMutexLocker lock(&settingsLock);
    if (milliseconds > 0)
        budgets.insert(connectionName, milliseconds);
    else
        budgets.remove(connectionName);
}

int reconnectBudget(const QString &connectionName)
{
    QMutexLocker lock(&settingsLock);
    return budgets.value(connectionName, 0);
}

int deadline(const QString &connectionName)
{
    QMutexLocker lock(&settingsLock);
    return deadlines.value(connectionName, 0);
}

void setObserver(Observer o)
{
    QMutexLocker lock(&settingsLock);
    observer = std::move(o);
}

namespace {

QHash<QString, bool> inTransactionByName; // guarded by settingsLock

void rememberTransaction(const QString &name, bool inTransaction)
{
    QMutexLocker lock(&settingsLock);
    if (inTransaction)
        inTransactionByName.insert(name, true);
    else
        inTransactionByName.remove(name);
}

bool takeRememberedTransaction(const QString &name)
{
    QMutexLocker lock(&settingsLock);
    return inTransactionByName.take(name);
}

} // namespace

QString lostTransactionMessage()
{
    return QStringLiteral(
        "The connection to the database was lost in the middle of a change; nothing of that change "
        "was saved. Try again.");
}

QString reopenFailedPrefix()
{
    return QStringLiteral("The connection to the database was lost and could not be opened again: ");
}

int reopenCount()
{
    return reopens.load();
}

Error ensureOpen(const QSqlDatabase &constDb)
{
    if (!constDb.isValid() || constDb.driverName() != QLatin1String("QPSQL"))
        return {};
    // QPSQL reports a connection libpq found broken as not open (and then has no handle); one that
    // was never given a host is not ours to open.
    pg_conn *conn = PostgresDirect::connection(constDb);
    // Where the last statement left the connection: in a transaction, a reopened connection would
    // run the rest of it outside that transaction (and a COMMIT would "succeed" on nothing).
    bool inTransaction = false;
    if (conn) {
        const PGTransactionStatusType status = PQtransactionStatus(conn);
        inTransaction = status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
        if (looksAlive(conn)) {
            rememberTransaction(constDb.connectionName(), inTransaction);
            return {};
        }
    } else {
        if (constDb.hostName().isEmpty())
            return {};
        inTransaction = takeRememberedTransaction(constDb.connectionName());
    }
    if (inTransaction) {
        rememberTransaction(constDb.connectionName(), false); // the next statement may reopen
        return Error::make(Error::Kind::Connection, lostTransactionMessage(),
                           QStringLiteral("connection closed inside a transaction"), QStringLiteral("08006"));
    }

    QSqlDatabase db = constDb;
    const QString name = db.connectionName();
    int budget = deadline(name) > 0 ? deadline(name) : 30000;
    if (const int limit = reconnectBudget(name); limit > 0)
        budget = std::min(budget, limit);
    Observer watcher;
    {
        QMutexLocker lock(&settingsLock);
        watcher = observer;
    }
    if (watcher.reconnecting)
        watcher.reconnecting(name);
    QElapsedTimer spent;
    spent.start();
    // Backoff 250 ms, 500 ms, 1 s, 2 s, ... with ±25 % jitter, so that many clients woken by the
    // same event do not all knock at once; never past the budget.
    int delay = 250;
    Error last;
    const QString options = db.connectOptions();
    for (int attempt = 0;; ++attempt) {
        db.close();
        // No attempt may outlast what is left of the budget (a profile's connect_timeout, 10 s for
        // Neon, would otherwise let one attempt block past the deadline).
        const qint64 left = std::max<qint64>(budget - spent.elapsed(), 2000);
        QStringList bounded = options.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        bounded.removeIf(
            [](const QString &o) { return o.trimmed().startsWith(QLatin1String("connect_timeout")); });
        bounded << QStringLiteral("connect_timeout=%1").arg((left + 999) / 1000);
        db.setConnectOptions(bounded.join(QLatin1Char(';')));
        const bool opened = db.open();
        db.setConnectOptions(options);
        if (opened) {
            reopens.fetch_add(1);
            if (watcher.reconnected)
                watcher.reconnected(name, {});
            return {};
        }
        const QSqlError e = db.lastError();
        ConnectionProfile where;
        where.host = db.hostName();
        where.port = db.port();
        where.user = db.userName();
        where.database = db.databaseName();
        last = describeConnectionFailure(e.databaseText().isEmpty() ? e.driverText() : e.databaseText(),
                                         e.nativeErrorCode(), where);
        // Wrong password, unknown database and the like do not get better by trying again.
        if (last.kind == Error::Kind::Authentication || last.kind == Error::Kind::NotFound ||
            last.kind == Error::Kind::Tls)
            break;
        const int jittered = delay + int(QRandomGenerator::global()->bounded(delay / 2 + 1)) - delay / 4;
        if (spent.elapsed() + jittered >= budget)
            break;
        QThread::msleep(ulong(jittered));
        delay = std::min(delay * 2, 4000);
    }
    const Error outcome = Error::make(last.kind == Error::Kind::None ? Error::Kind::Connection : last.kind,
                                      reopenFailedPrefix() + last.message, last.detail, last.sqlState);
    if (watcher.reconnected)
        watcher.reconnected(name, outcome);
    return outcome;
}

Deadline::Deadline(const QSqlDatabase &db) : m_name(db.connectionName())
{
    m_conn = PostgresDirect::connection(db);
    m_ms = deadline(m_name);
    if (m_ms <= 0 || !m_conn || PQsocket(m_conn) < 0)
        return;
    m_ticket = Watchdog::instance().arm(PQsocket(m_conn), m_ms);
}

Deadline::~Deadline()
{
    finish();
}

void Deadline::finish()
{
    if (m_ticket) {
        m_fired = Watchdog::instance().disarm(m_ticket);
        m_ticket = 0;
    }
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK) {
        const PGTransactionStatusType status = PQtransactionStatus(m_conn);
        rememberTransaction(m_name, status == PQTRANS_INTRANS || status == PQTRANS_INERROR);
    }
    m_conn = nullptr;
}

bool Deadline::expired() const
{
    return m_fired || (m_ticket && Watchdog::instance().fired(m_ticket));
}

Error Deadline::explain(const Error &statementError) const
{
    if (!expired())
        return statementError;
    return Error::make(
        Error::Kind::Timeout,
        QStringLiteral("The database did not answer within %1 seconds, so the app stopped waiting. "
                       "Check your network and try again.")
            .arg(m_ms % 1000 == 0 ? QString::number(m_ms / 1000) : QString::number(m_ms / 1000.0, 'f', 1)),
        statementError.detail, statementError.sqlState);
}

} // namespace nt::RemoteLink
