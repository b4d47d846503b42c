#pragma once

#include "result.h"

#include <QMap>
#include <QString>

namespace nt {

// Where the remote database is and how to reach it: one value parsed from a postgresql:// URL or a
// libpq "key=value" string. The password lives here only in memory; it is never written to settings.
class ConnectionProfile
{
public:
    // The environments every installation knows by name; users add their own beside them.
    static QStringList builtInNames(); // development, staging, production

    QString name;        // profile name ("development", "staging", "production", or the user's own)
    QString host;        // host name (used for TLS verification and SNI); empty = libpq default
    QString hostAddress; // libpq hostaddr: a numeric address that skips DNS (tests, odd networks)
    int port = 5432;
    QString database;
    QString user;
    QString password;    // memory only
    int statementTimeoutMs = 0; // 0 = server default
    // Every other libpq keyword, by name: sslmode, sslrootcert, channel_binding, connect_timeout,
    // keepalives, keepalives_idle, tcp_user_timeout, application_name, options, ...
    QMap<QString, QString> options;

    // A postgresql:// or postgres:// URL, or a libpq "key=value ..." string. Errors say which part is
    // wrong, in plain words, and never echo the password.
    static Result<ConnectionProfile> parse(const QString &text);
    static Result<ConnectionProfile> fromUrl(const QString &url);
    static Result<ConnectionProfile> fromConninfo(const QString &conninfo);

    bool isNeon() const;        // host ends with ".neon.tech"
    bool isNeonPooler() const;  // Neon's PgBouncer host: first label ends with "-pooler"
    QString neonEndpointId() const; // "ep-cool-name-123456" (no "-pooler"), empty when not Neon

    // Fills in what Neon recommends where the profile does not say otherwise: sslmode=verify-full
    // (also in place of require, prefer or allow, as the console writes them) with the system CA
    // bundle, channel_binding=require, connect_timeout=10. No-op for other hosts.
    void applyNeonDefaults();

    // The libpq options for QSqlDatabase::setConnectOptions(): "key='value';key='value'", quoted the
    // way libpq's conninfo parser expects. Host, port, database, user and password are not included
    // (QSqlDatabase has setters for them). Fails for a value QPSQL cannot pass on (one with ';').
    Result<QString> connectOptions() const;

    // The profile as a URL. The password is left out unless asked for (and then percent-encoded).
    QString toUrl(bool withPassword = false) const;

    // "user@host:port/database", for status bars and logs: never the password.
    QString displayName() const;

    QString option(const QString &key) const { return options.value(key); }
    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace nt
