#include "faultproxyengine.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace nt::test {

namespace {

// Closing a socket with SO_LINGER {on, 0} sends a RST instead of a FIN.
void resetOnClose(QTcpSocket *socket)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return;
    const linger hard{1, 0};
    ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
}

int msUntil(qint64 deltaNs)
{
    return int((deltaNs + 999999) / 1000000);
}

} // namespace

FaultProxyEngine::FaultProxyEngine(FaultProxy::Target target, FaultProxy::Counters *counters)
    : m_target(std::move(target)), m_counters(counters)
{
    m_clock.start();
}

FaultProxyEngine::~FaultProxyEngine()
{
    resetAll();
}

bool FaultProxyEngine::listen(quint16 port)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &FaultProxyEngine::accept);
    }
    if (m_server->isListening())
        return true;
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error = QStringLiteral("The fault proxy could not listen on 127.0.0.1:%1: %2")
                      .arg(port)
                      .arg(m_server->errorString());
        return false;
    }
    m_error.clear();
    return true;
}

void FaultProxyEngine::stopListening()
{
    if (m_server)
        m_server->close();
}

bool FaultProxyEngine::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 FaultProxyEngine::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void FaultProxyEngine::setColdStart(int ms)
{
    m_coldStartNs = qint64(ms) * 1000000;
    m_wakeAtNs.reset();
}

void FaultProxyEngine::setStalled(bool stalled)
{
    m_stalled = stalled;
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        if (!link->dead)
            pump(link, link->up);
        if (!link->dead)
            pump(link, link->down);
    }
}

void FaultProxyEngine::resetAll()
{
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        link->dead = true;
        for (QTcpSocket *socket : {link->client, link->server}) {
            resetOnClose(socket);
            socket->abort();
        }
        finish(link);
    }
}

void FaultProxyEngine::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        ++m_counters->accepted;
        Link *link = makeLink(client);
        // The first connection after a suspend wakes the database; all wait until it is awake.
        if (!m_wakeAtNs)
            m_wakeAtNs = now() + m_coldStartNs;
        const qint64 waitNs = *m_wakeAtNs - now();
        if (waitNs <= 0)
            connectUpstream(link);
        else
            QTimer::singleShot(msUntil(waitNs), Qt::PreciseTimer, link,
                               [this, link] { connectUpstream(link); });
    }
}

FaultProxyEngine::Link *FaultProxyEngine::makeLink(QTcpSocket *client)
{
    auto *link = new Link(this);
    m_links.append(link);
    ++m_counters->live;
    client->setParent(link);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    link->client = client;
    link->server = new QTcpSocket(link);
    link->up.from = link->down.to = link->client;
    link->down.from = link->up.to = link->server;
    for (Direction *dir : {&link->up, &link->down}) {
        dir->timer = new QTimer(link);
        dir->timer->setSingleShot(true);
        dir->timer->setTimerType(Qt::PreciseTimer);
        connect(dir->timer, &QTimer::timeout, link, [this, link, dir] { pump(link, *dir); });
        connect(dir->from, &QTcpSocket::readyRead, link, [this, link, dir] { receive(link, *dir); });
        connect(dir->from, &QTcpSocket::disconnected, link, [this, link, dir] { closed(link, *dir); });
    }
    connect(link->server, &QTcpSocket::bytesWritten, link,
            [this](qint64 n) { m_counters->clientToServer += quint64(n); });
    connect(link->client, &QTcpSocket::bytesWritten, link,
            [this](qint64 n) { m_counters->serverToClient += quint64(n); });
    connect(link->server, &QTcpSocket::connected, link, [this, link] {
        link->server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        link->upstreamConnected = true;
        pump(link, link->up);
    });
    // The server could not be reached: the client sees its connection closed.
    connect(link->server, &QTcpSocket::errorOccurred, link, [this, link] {
        if (link->dead || link->upstreamConnected)
            return;
        link->dead = true;
        link->client->abort();
        finish(link);
    });
    return link;
}

void FaultProxyEngine::connectUpstream(Link *link)
{
    if (link->dead)
        return;
    link->server->connectToHost(m_target.host, m_target.port);
}

void FaultProxyEngine::receive(Link *link, Direction &dir)
{
    if (link->dead)
        return;
    const QByteArray data = dir.from->readAll();
    if (data.isEmpty())
        return;
    dir.queue.push_back({now() + m_latencyNs, data, false});
    pump(link, dir);
}

void FaultProxyEngine::closed(Link *link, Direction &dir)
{
    if (link->dead || dir.fromClosed)
        return;
    receive(link, dir);
    dir.fromClosed = true;
    dir.queue.push_back({now() + m_latencyNs, {}, true});
    pump(link, dir);
}

// Writes every chunk that is due, in order, and arms the timer for the next one.
void FaultProxyEngine::pump(Link *link, Direction &dir)
{
    if (link->dead || dir.ended)
        return;
    if (m_stalled) {
        dir.timer->stop();
        return;
    }
    // Bytes for a server not yet connected (cold start) wait; the client's close ends the attempt.
    const bool waitingForServer = dir.to == link->server && !link->upstreamConnected;
    while (!dir.queue.empty()) {
        const Chunk &chunk = dir.queue.front();
        const qint64 t = now();
        if (chunk.dueNs > t) {
            dir.timer->start(msUntil(chunk.dueNs - t));
            return;
        }
        if (chunk.end) {
            dir.ended = true;
            dir.queue.clear();
            if (waitingForServer)
                dir.to->abort();
            else
                dir.to->disconnectFromHost();
            finishIfDone(link);
            return;
        }
        if (waitingForServer)
            return;
        if (m_dropReplies && dir.to == link->client)
            m_counters->dropped += quint64(chunk.data.size());
        else if (dir.to->state() == QAbstractSocket::ConnectedState)
            dir.to->write(chunk.data);
        dir.queue.pop_front();
    }
}

void FaultProxyEngine::finishIfDone(Link *link)
{
    if (link->dead)
        return;
    const bool serverGone = !link->upstreamConnected || link->down.ended;
    if (link->up.ended && serverGone) {
        link->dead = true;
        finish(link);
    }
}

void FaultProxyEngine::finish(Link *link)
{
    if (!m_links.removeOne(link))
        return;
    --m_counters->live;
    link->up.timer->stop();
    link->down.timer->stop();
    link->deleteLater();
}

} // namespace nt::test
