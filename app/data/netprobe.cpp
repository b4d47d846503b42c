#include "netprobe.h"

#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nt::NetProbe {

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

bool isNumericAddress(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(AF_INET, bytes.constData(), buffer) == 1 ||
           inet_pton(AF_INET6, bytes.constData(), buffer) == 1;
}

Lookup resolve(const QString &host, int port)
{
    Lookup result;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    QElapsedTimer timer;
    timer.start();
    const int rc =
        getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &found);
    result.ms = elapsedMs(timer);
    if (rc != 0) {
        result.error = QString::fromLocal8Bit(rc == EAI_SYSTEM ? std::strerror(errno) : gai_strerror(rc));
        return result;
    }
    for (const addrinfo *a = found; a; a = a->ai_next) {
        char text[NI_MAXHOST];
        if (getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) != 0)
            continue;
        const QString address = QString::fromLatin1(text);
        if (!result.addresses.contains(address))
            result.addresses << address;
    }
    freeaddrinfo(found);
    if (result.addresses.isEmpty())
        result.error = QStringLiteral("no addresses");
    return result;
}

Connection connectTcp(const QString &address, int port, int timeoutMs)
{
    Connection result;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo *target = nullptr;
    if (getaddrinfo(address.toLatin1().constData(), QByteArray::number(port).constData(), &hints, &target) !=
            0 ||
        !target) {
        result.error = QStringLiteral("%1 is not a numeric address").arg(address);
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    const int fd = ::socket(target->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        result.error = QString::fromLocal8Bit(std::strerror(errno));
        freeaddrinfo(target);
        return result;
    }
    int error = 0;
    if (::connect(fd, target->ai_addr, target->ai_addrlen) != 0) {
        error = errno;
        if (error == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int ready;
            do {
                const int left = int(qMax<qint64>(0, timeoutMs - timer.elapsed()));
                ready = ::poll(&p, 1, left);
            } while (ready < 0 && errno == EINTR);
            if (ready == 0) {
                result.timedOut = true;
                error = ETIMEDOUT;
            } else {
                socklen_t length = sizeof error;
                if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
                    error = errno;
            }
        }
    }
    freeaddrinfo(target);
    result.ms = elapsedMs(timer);
    if (error != 0) {
        ::close(fd);
        result.refused = error == ECONNREFUSED;
        result.timedOut = result.timedOut || error == ETIMEDOUT;
        result.error = result.timedOut ? QStringLiteral("no answer within %1 s").arg(timeoutMs / 1000.0)
                                       : QString::fromLocal8Bit(std::strerror(error));
        return result;
    }
    // Blocking from here on, for whoever reads and writes next.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    result.fd = fd;
    return result;
}

void close(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

} // namespace nt::NetProbe
