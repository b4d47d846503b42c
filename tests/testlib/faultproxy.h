#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace nt::test {

class FaultProxyEngine;

// A TCP proxy between a test's client and the test stack (PostgreSQL or its PgBouncer) that can
// misbehave the way a network and a Neon endpoint do: latency, a cold start, refusal, resets and
// stalls. It listens on 127.0.0.1 on a free port and forwards each accepted connection to the target.
//
// The forwarding runs on a thread of its own, so a test thread blocked in a synchronous libpq call
// (QSqlDatabase::open, QSqlQuery::exec) still gets its bytes through. Every method may be called from
// any thread; each change has taken effect when the call returns.
// Destroying the proxy resets every connection it still carries.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QString host; // a name or a numeric address
        quint16 port = 0;
        bool isValid() const { return !host.isEmpty() && port != 0; }
    };
    // Where a postgresql:// URL leads: its hostaddr when it has one, else its host; and its port
    // (5432 when it names none). Invalid when the text is not such a URL.
    static Target targetOf(const QString &postgresUrl);

    explicit FaultProxy(Target target, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Starts listening. False (see errorString()) when no port could be had or the target is invalid.
    bool start();
    QString errorString() const;
    // The port the proxy listens on (0 before start()). It stays the same for the proxy's life.
    quint16 port() const;
    Target target() const { return m_target; }

    // The same postgresql:// URL with only its port changed to the proxy's: the host name stays, so
    // sslmode=verify-full still checks the Neon-style name (hostaddr must then point at 127.0.0.1).
    // Empty when the URL has no host part to rewrite.
    QString url(const QString &baseUrl) const;
    // The rewriting itself, for any port.
    static QString withPort(const QString &baseUrl, quint16 port);

    // Each chunk read from either side is written to the other side `ms` after it arrived, in the
    // order the chunks arrived. Chunks already waiting keep the time they were given.
    void setLatency(int ms);
    // The database is suspended: the next connection accepted wakes it, which takes `ms`. Until it is
    // awake the client's connection is accepted at once but nothing is forwarded (its bytes wait);
    // every connection accepted while it wakes waits for the same moment. Once awake, connections are
    // forwarded at once until the next setColdStart() or resetColdStart().
    void setColdStart(int ms);
    // Suspends the database again, with the last cold start set.
    void resetColdStart();
    // While on, new connections are refused (the listening socket is closed, so a client gets a real
    // "connection refused"); connections already open carry on. Turning it off listens on the same
    // port again; false when that port could not be had (see errorString()).
    bool setRefuse(bool refuse);
    // Ends every live connection with a TCP reset on both sides (the client and the server each see
    // "connection reset by peer"); bytes still waiting in the proxy are dropped.
    void resetAll();
    // While on, nothing is forwarded in either direction, but the connections stay open and whatever
    // arrives is kept; turning it off delivers it, in order, and forwarding carries on.
    void setStalled(bool stalled);
    // While on, the server's bytes are thrown away, the client's still reach the server: a statement
    // runs (and commits) but its answer never arrives, as when the network goes right after the
    // server sent it. The client waits until its own deadline cuts the connection, or until
    // resetAll(). Turning it off forwards what the server sends from then on.
    void setDropReplies(bool drop);

    // Bytes written to the server (client to server) and to the client (server to client), and the
    // connections accepted, since start() or resetCounters().
    quint64 bytesClientToServer() const { return m_counters.clientToServer.load(); }
    quint64 bytesServerToClient() const { return m_counters.serverToClient.load(); }
    // Bytes the server sent that setDropReplies() threw away.
    quint64 bytesDropped() const { return m_counters.dropped.load(); }
    int connectionsAccepted() const { return m_counters.accepted.load(); }
    void resetCounters();
    // Connections currently carried (accepted and not yet closed on both sides).
    int liveConnections() const { return m_counters.live.load(); }

    // Shared with the forwarding thread, which does the counting.
    struct Counters
    {
        std::atomic<quint64> clientToServer{0};
        std::atomic<quint64> serverToClient{0};
        std::atomic<quint64> dropped{0};
        std::atomic<int> accepted{0};
        std::atomic<int> live{0};
    };

private:
    // Runs `work` on the proxy's thread and returns when it has run.
    void runOnProxyThread(const std::function<void()> &work) const;

    Target m_target;
    Counters m_counters;
    QThread *m_thread = nullptr;
    FaultProxyEngine *m_engine = nullptr;
    quint16 m_port = 0;
};

} // namespace nt::test
