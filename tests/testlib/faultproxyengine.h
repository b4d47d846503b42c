#pragma once

#include "faultproxy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <deque>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace nt::test {

// FaultProxy's forwarding, on the proxy's thread: every member is called on that thread only.
// FaultProxy documents the behaviour; this class keeps the connections and the waiting bytes.
class FaultProxyEngine : public QObject
{
public:
    FaultProxyEngine(FaultProxy::Target target, FaultProxy::Counters *counters);
    ~FaultProxyEngine() override;

    // Listens on 127.0.0.1:port (0: any free port). False with errorString() when it cannot.
    bool listen(quint16 port);
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const { return m_error; }

    void setLatency(int ms) { m_latencyNs = qint64(ms) * 1000000; }
    void setColdStart(int ms);
    void suspend() { m_wakeAtNs.reset(); }
    void setStalled(bool stalled);
    void setDropReplies(bool drop) { m_dropReplies = drop; }
    void resetAll();

private:
    struct Chunk
    {
        qint64 dueNs = 0;
        QByteArray data;
        bool end = false; // the sending side closed: close the receiving side once this is due
    };
    // One direction of one connection: what `from` sent that is not yet written to `to`.
    struct Direction
    {
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        std::deque<Chunk> queue;
        QTimer *timer = nullptr;
        bool fromClosed = false;
        bool ended = false; // the close has been passed on
    };
    // One accepted connection and its upstream connection. Owns both sockets and both timers.
    struct Link : QObject
    {
        using QObject::QObject;
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        Direction up;   // client to server
        Direction down; // server to client
        bool upstreamConnected = false;
        bool dead = false;
    };

    qint64 now() const { return m_clock.nsecsElapsed(); }
    void accept();
    Link *makeLink(QTcpSocket *client);
    void connectUpstream(Link *link);
    void receive(Link *link, Direction &dir);
    void closed(Link *link, Direction &dir);
    void pump(Link *link, Direction &dir);
    void finishIfDone(Link *link);
    void finish(Link *link);

    FaultProxy::Target m_target;
    FaultProxy::Counters *m_counters;
    QTcpServer *m_server = nullptr;
    QString m_error;
    QList<Link *> m_links;
    QElapsedTimer m_clock;
    qint64 m_latencyNs = 0;
    qint64 m_coldStartNs = 0;
    std::optional<qint64> m_wakeAtNs; // when the database is (or will be) awake; empty: suspended
    bool m_stalled = false;
    bool m_dropReplies = false;
};

} // namespace nt::test
