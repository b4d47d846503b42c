#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace nt {

// What a server's TLS certificate says, for a person checking a connection.
struct TlsCertificate
{
    QString subject;          // "CN=localhost" (RFC 2253)
    QString issuer;           // "CN=Neon Todo Test CA"
    QStringList names;        // the DNS names and addresses it is valid for (the CN when it lists none)
    QDateTime notBefore;      // UTC
    QDateTime notAfter;       // UTC
    bool matchesHost = false; // valid for the host name that was asked for
    QString verifyError;      // OpenSSL's words when the chain did not check out; empty when it did

    // From the OpenSSL SSL* of a finished handshake (libpq: PQsslStruct(conn, "OpenSSL")).
    static TlsCertificate fromSsl(void *ssl, const QString &host);

    // A handshake of its own with a PostgreSQL server (or a proxy in front of one) at `address`,
    // after the protocol's SSLRequest, with SNI for `host`, to read the certificate it presents; the
    // chain is checked against `caFile` when that file exists. Sends no user name and no password.
    // For saying why libpq refused a certificate (it keeps no certificate after a failed handshake).
    static Result<TlsCertificate> fetch(const QString &address, int port, const QString &host,
                                        const QString &caFile, int timeoutMs);
};

} // namespace nt
