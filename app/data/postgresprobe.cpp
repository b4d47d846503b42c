#include "postgresprobe.h"

#include <QElapsedTimer>

#include <libpq-fe.h>

#include <cerrno>
#include <poll.h>
#include <vector>

namespace nt {

namespace {

// The handshake is over once libpq has moved past it with TLS in use: from sending the startup
// packet (CONNECTION_MADE after TLS, then AWAITING_RESPONSE) to the end of the login.
bool handshakeDone(PGconn *conn)
{
    const ConnStatusType status = PQstatus(conn);
    return PQsslInUse(conn) && status != CONNECTION_SSL_STARTUP && status != CONNECTION_BAD &&
           status != CONNECTION_STARTED && status != CONNECTION_NEEDED;
}

QString text(const char *value)
{
    return value ? QString::fromUtf8(value) : QString();
}

} // namespace

PostgresProbe PostgresProbe::run(const ConnectionProfile &profile, int timeoutMs,
                                 const QMap<QString, QString> &overrides)
{
    QMap<QString, QString> settings = profile.options;
    auto set = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            settings.insert(QString::fromLatin1(key), value);
    };
    set("host", profile.host);
    set("hostaddr", profile.hostAddress);
    set("port", profile.port > 0 ? QString::number(profile.port) : QString());
    set("dbname", profile.database);
    set("user", profile.user);
    set("password", profile.password);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        settings.insert(it.key(), it.value());

    std::vector<QByteArray> storage;
    storage.reserve(size_t(settings.size()) * 2);
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        storage.push_back(it.key().toUtf8());
        keywords.push_back(storage.back().constData());
        storage.push_back(it.value().toUtf8());
        values.push_back(storage.back().constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    PostgresProbe result;
    QElapsedTimer timer;
    timer.start();
    PGconn *conn = PQconnectStartParams(keywords.data(), values.data(), 0);
    if (!conn) {
        result.error = QStringLiteral("libpq could not start a connection (out of memory)");
        return result;
    }
    auto captureTls = [&] {
        if (result.tls || !handshakeDone(conn))
            return;
        result.tls = true;
        result.protocol = text(PQsslAttribute(conn, "protocol"));
        result.cipher = text(PQsslAttribute(conn, "cipher"));
        if (void *ssl = PQsslStruct(conn, "OpenSSL"))
            result.certificate =
                TlsCertificate::fromSsl(ssl, profile.host.isEmpty() ? profile.hostAddress : profile.host);
    };

    PostgresPollingStatusType state =
        PQstatus(conn) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        captureTls();
        const qint64 left = timeoutMs - timer.elapsed();
        pollfd p{PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const int ready = left > 0 ? ::poll(&p, 1, int(left)) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            result.timedOut = true;
            break;
        }
        state = PQconnectPoll(conn);
    }
    captureTls();
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    result.connected = state == PGRES_POLLING_OK && PQstatus(conn) == CONNECTION_OK;
    if (result.timedOut)
        result.error = QStringLiteral("timeout expired");
    else if (!result.connected)
        result.error = text(PQerrorMessage(conn)).trimmed();

    if (PQconninfoOption *options = PQconninfo(conn)) {
        for (const PQconninfoOption *o = options; o->keyword; ++o) {
            if (o->val && qstrcmp(o->keyword, "password") != 0)
                result.settings.insert(QString::fromLatin1(o->keyword), QString::fromUtf8(o->val));
        }
        PQconninfoFree(options);
    }
    if (result.connected) {
        result.usedPassword = PQconnectionUsedPassword(conn) != 0;
        result.serverVersion = PQserverVersion(conn);
    }
    PQfinish(conn);
    return result;
}

} // namespace nt
