#include "faultproxy.h"

#include "connectionprofile.h"
#include "faultproxyengine.h"

#include <QThread>

namespace nt::test {

FaultProxy::Target FaultProxy::targetOf(const QString &postgresUrl)
{
    if (!postgresUrl.startsWith(QLatin1String("postgresql://")) &&
        !postgresUrl.startsWith(QLatin1String("postgres://")))
        return {};
    auto parsed = ConnectionProfile::fromUrl(postgresUrl);
    if (!parsed)
        return {};
    const ConnectionProfile &p = parsed.value();
    const QString host = p.hostAddress.isEmpty() ? p.host : p.hostAddress;
    if (p.port <= 0 || p.port > 65535)
        return {};
    return {host, quint16(p.port)};
}

FaultProxy::FaultProxy(Target target, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("FaultProxy"));
    m_engine = new FaultProxyEngine(m_target, &m_counters);
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
}

FaultProxy::~FaultProxy()
{
    runOnProxyThread([this] {
        m_engine->resetAll();
        m_engine->stopListening();
    });
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void FaultProxy::runOnProxyThread(const std::function<void()> &work) const
{
    if (QThread::currentThread() == m_thread)
        work();
    else
        QMetaObject::invokeMethod(m_engine, work, Qt::BlockingQueuedConnection);
}

bool FaultProxy::start()
{
    if (!m_target.isValid())
        return false;
    bool ok = false;
    runOnProxyThread([&] {
        ok = m_engine->listen(0);
        m_port = m_engine->port();
    });
    resetCounters();
    return ok;
}

QString FaultProxy::errorString() const
{
    if (!m_target.isValid())
        return QStringLiteral("The fault proxy has no target: give it a host and a port.");
    QString error;
    runOnProxyThread([&] { error = m_engine->errorString(); });
    return error;
}

quint16 FaultProxy::port() const
{
    return m_port;
}

QString FaultProxy::url(const QString &baseUrl) const
{
    return withPort(baseUrl, m_port);
}

QString FaultProxy::withPort(const QString &baseUrl, quint16 port)
{
    const qsizetype schemeEnd = baseUrl.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return {};
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = baseUrl.size();
    for (QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = baseUrl.indexOf(c, authorityStart);
        if (at >= 0 && at < authorityEnd)
            authorityEnd = at;
    }
    const qsizetype at = baseUrl.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    const qsizetype hostStart = at >= authorityStart ? at + 1 : authorityStart;
    const QString hostAndPort = baseUrl.mid(hostStart, authorityEnd - hostStart);
    if (hostAndPort.contains(QLatin1Char(','))) // several hosts: which one to move is not clear
        return {};
    QString host;
    if (hostAndPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostAndPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return {};
        host = hostAndPort.left(close + 1);
    } else {
        host = hostAndPort.section(QLatin1Char(':'), 0, 0);
    }
    if (host.isEmpty())
        return {};
    return baseUrl.left(hostStart) + host + QLatin1Char(':') + QString::number(port) +
           baseUrl.mid(authorityEnd);
}

void FaultProxy::setLatency(int ms)
{
    runOnProxyThread([&] { m_engine->setLatency(qMax(0, ms)); });
}

void FaultProxy::setColdStart(int ms)
{
    runOnProxyThread([&] { m_engine->setColdStart(qMax(0, ms)); });
}

void FaultProxy::resetColdStart()
{
    runOnProxyThread([&] { m_engine->suspend(); });
}

bool FaultProxy::setRefuse(bool refuse)
{
    bool ok = true;
    runOnProxyThread([&] {
        if (refuse)
            m_engine->stopListening();
        else if (m_port != 0)
            ok = m_engine->listen(m_port);
    });
    return ok;
}

void FaultProxy::resetAll()
{
    runOnProxyThread([&] { m_engine->resetAll(); });
}

void FaultProxy::setStalled(bool stalled)
{
    runOnProxyThread([&] { m_engine->setStalled(stalled); });
}

void FaultProxy::setDropReplies(bool drop)
{
    runOnProxyThread([&] { m_engine->setDropReplies(drop); });
}

void FaultProxy::resetCounters()
{
    // On the proxy's thread, so that no write is half counted.
    runOnProxyThread([this] {
        m_counters.clientToServer = 0;
        m_counters.serverToClient = 0;
        m_counters.dropped = 0;
        m_counters.accepted = 0;
    });
}

} // namespace nt::test
