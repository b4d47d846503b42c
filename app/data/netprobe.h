#pragma once

#include <QString>
#include <QStringList>

namespace nt::NetProbe {

// The first two steps of reaching a database server, each on its own so that a failure says which
// one failed: looking the name up, and opening a TCP connection. Blocking; for the doctor.

struct Lookup
{
    QStringList addresses; // numeric, in the order the system's resolver gave them, without repeats
    QString error;         // the resolver's words; empty on success
    double ms = 0;
};
// Resolves `host` the way libpq does (any family, stream sockets). Bounded only by the system
// resolver's own timeouts.
Lookup resolve(const QString &host, int port);

struct Connection
{
    int fd = -1;          // the open socket (blocking), or -1; the caller closes it
    QString error;        // what went wrong, in the system's words; empty on success
    bool refused = false; // nothing listens there (ECONNREFUSED)
    bool timedOut = false;
    double ms = 0;
};
// Opens a TCP connection to a numeric address within `timeoutMs`.
Connection connectTcp(const QString &address, int port, int timeoutMs);
void close(int fd);

// Whether `text` is a numeric IPv4 or IPv6 address.
bool isNumericAddress(const QString &text);

} // namespace nt::NetProbe
