#pragma once

#include "connectionprofile.h"
#include "tlscertificate.h"

#include <QMap>
#include <QString>

#include <optional>

namespace nt {

// One connection attempt through libpq, step by step, so that a failure says where it stopped: in
// the TLS handshake, or at the login after it. What the handshake established (protocol, cipher, the
// server's certificate) is read as soon as it is done, before the login can fail. For the doctor;
// the app's own connections go through QPSQL.
struct PostgresProbe
{
    bool connected = false;
    bool tls = false; // a TLS session was established (the handshake finished)
    bool timedOut = false;
    QString error;    // libpq's message when it failed; libpq never puts the password in it
    double ms = 0;    // from the start until connected or failed
    QString protocol; // "TLSv1.3"
    QString cipher;   // "TLS_AES_256_GCM_SHA384"
    std::optional<TlsCertificate> certificate;
    // The libpq settings in effect, defaults and PG* environment variables included (sslmode,
    // sslrootcert, channel_binding, ...). Never the password.
    QMap<QString, QString> settings;
    bool usedPassword = false;
    int serverVersion = 0; // PQserverVersion: 150020 for 15.20

    // Connects with everything the profile says (password included), `overrides` replacing libpq
    // settings, within `timeoutMs`; then disconnects. Sends no statement.
    static PostgresProbe run(const ConnectionProfile &profile, int timeoutMs,
                             const QMap<QString, QString> &overrides = {});
};

} // namespace nt
