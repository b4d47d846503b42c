#include "connectionerror.h"

#include "remotelink.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace nt {

namespace {

bool has(const QString &lower, const char *needle)
{
    return lower.contains(QLatin1String(needle));
}

} // namespace

Error describeConnectionFailure(const QString &nativeMessage, const QString &sqlState,
                                const ConnectionProfile &profile)
{
    const QString text = nativeMessage.trimmed();
    const QString lower = text.toLower();
    const QString where = profile.displayName();
    // The line that says what happened: libpq prefixes "connection to server at ... failed: ".
    QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    auto make = [&](Error::Kind kind, const QString &message) {
        return Error::make(kind, message, firstLine, sqlState);
    };

    // Authentication (libpq, PostgreSQL 28P01, PgBouncer's "SASL authentication failed").
    if (has(lower, "no password supplied") || has(lower, "fe_sendauth: no password"))
        return make(
            Error::Kind::Authentication,
            QCoreApplication::translate(
                "ConnectionError", "%1 asks for a password. Enter it, or save it in the connection profile.")
                .arg(where));
    if (sqlState == QLatin1String("28P01") || has(lower, "password authentication failed") ||
        has(lower, "sasl authentication failed"))
        // PostgreSQL does not say whether the role exists (that would help someone guessing).
        return make(Error::Kind::Authentication,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "The password for the role “%1” was not accepted, or there is no such "
                        "role. Copy the connection string again from the Neon console "
                        "(Connect), or reset the role's password there.")
                        .arg(profile.user));
    if (has(lower, "channel binding"))
        return make(
            Error::Kind::Authentication,
            QCoreApplication::translate(
                "ConnectionError",
                "%1 did not offer SCRAM channel binding, which this profile requires. Neon offers it on both "
                "endpoints; another server may need channel_binding=prefer.")
                .arg(where));
    // Neon's proxy: no endpoint id at all (the client sent no server name, SNI) ...
    if (has(lower, "endpoint id is not specified"))
        return make(
            Error::Kind::InvalidInput,
            QCoreApplication::translate("ConnectionError",
                                        "Neon could not tell which database you mean: the connection did not "
                                        "send the host name. Use the host name exactly as the Neon console "
                                        "shows it (not an IP address)."));
    // ... or an endpoint id it does not know (or the project was deleted).
    if (has(lower, "endpoint") && (has(lower, "not found") || has(lower, "could not be found")))
        return make(
            Error::Kind::NotFound,
            QCoreApplication::translate("ConnectionError",
                                        "Neon has no endpoint “%1”. Check the host name: copy the connection "
                                        "string again from the Neon console.")
                .arg(profile.host));
    // The server's own words, quoted name and all: a host name may contain "role" or "database".
    static const QRegularExpression noRole(QStringLiteral("\\brole \"[^\"]*\" does not exist"));
    static const QRegularExpression noDatabase(QStringLiteral("\\bdatabase \"[^\"]*\" does not exist"));
    if (noRole.match(lower).hasMatch())
        return make(Error::Kind::Authentication,
                    QCoreApplication::translate("ConnectionError",
                                                "There is no role “%1” on %2. Check the user name in the "
                                                "connection string, or create the role "
                                                "in the Neon console (Roles).")
                        .arg(profile.user, profile.host));
    if (sqlState == QLatin1String("3D000") || noDatabase.match(lower).hasMatch())
        return make(Error::Kind::NotFound,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "There is no database “%1” on %2. Check the database name, or create it "
                        "in the Neon console (Databases).")
                        .arg(profile.database, profile.host));
    // TLS: the server refuses plain connections, or the certificate does not check out.
    if (has(lower, "ssl off") || has(lower, "no encryption") || has(lower, "ssl required") ||
        has(lower, "connection is insecure") || has(lower, "ssl is required") ||
        has(lower, "sslmode=require"))
        return make(Error::Kind::Tls,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "%1 accepts encrypted connections only. Set sslmode to verify-full (the "
                        "default for Neon) in the connection profile.")
                        .arg(where));
    if (has(lower, "does not match host name"))
        return make(Error::Kind::Tls,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "The server's certificate is not for “%1”: someone may be in the way, or the "
                        "host name is wrong. Use the host name exactly as the Neon console shows it.")
                        .arg(profile.host));
    if (has(lower, "certificate verify failed") || has(lower, "root certificate file") ||
        has(lower, "self-signed") || has(lower, "unable to get local issuer") || has(lower, "certificate"))
        return make(Error::Kind::Tls,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "The server's certificate for “%1” is not signed by an authority this "
                        "computer trusts. Neon's certificates are signed by authorities in "
                        "the system's certificate bundle, which the app uses for Neon hosts "
                        "unless sslrootcert says otherwise: check the sslrootcert setting.")
                        .arg(profile.host));
    if (has(lower, "server does not support ssl"))
        return make(Error::Kind::Tls,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "%1 does not offer encryption, and this profile requires it. Neon always "
                        "does: check the host name and port.")
                        .arg(where));
    // The network.
    if (has(lower, "could not translate host name") || has(lower, "name or service not known") ||
        has(lower, "temporary failure in name resolution"))
        return make(Error::Kind::Connection,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "The name “%1” could not be found. Check the host name, and that this "
                        "computer is online.")
                        .arg(profile.host));
    if (has(lower, "connection refused"))
        return make(Error::Kind::Connection,
                    QCoreApplication::translate(
                        "ConnectionError", "%1 refused the connection. Check the host name and port; if they "
                                           "are right, the server is not accepting connections now.")
                        .arg(where));
    if (has(lower, "timeout expired") || has(lower, "timed out") || sqlState == QLatin1String("57014"))
        return make(Error::Kind::Timeout,
                    QCoreApplication::translate("ConnectionError",
                                                "%1 did not answer in time. Check your network; a Neon "
                                                "compute that was asleep can also take a "
                                                "few seconds to wake: try again.")
                        .arg(where));
    if (sqlState == QLatin1String("53300") || has(lower, "too many connections") ||
        has(lower, "remaining connection slots are reserved") || has(lower, "too many clients") ||
        has(lower, "no more connections allowed"))
        return make(Error::Kind::Connection,
                    QCoreApplication::translate(
                        "ConnectionError",
                        "%1 has too many open connections. Close other programs that use this "
                        "database, or use the pooled endpoint (host name with -pooler).")
                        .arg(where));
    // Neon: the compute is starting, or could not be started.
    if (has(lower, "compute") &&
        (has(lower, "starting") || has(lower, "wake") || has(lower, "couldn't connect")))
        return make(
            Error::Kind::Connection,
            QCoreApplication::translate(
                "ConnectionError",
                "The Neon database is waking up and did not answer yet. Try again in a few seconds."));
    if (has(lower, "server closed the connection unexpectedly") || has(lower, "connection reset") ||
        has(lower, "terminating connection"))
        return make(
            Error::Kind::Connection,
            QCoreApplication::translate(
                "ConnectionError",
                "%1 closed the connection while it was being made. Check your network, and try again.")
                .arg(where));
    if (firstLine.isEmpty())
        firstLine = text;
    return make(
        Error::Kind::Connection,
        QCoreApplication::translate("ConnectionError",
                                    "Could not connect to %1. Check the connection profile and your network.")
            .arg(where));
}

Error describeStatementFailure(const Error &error)
{
    // Already in plain words: RemoteLink's deadline, and its failures before anything was sent.
    if (error.kind == Error::Kind::Timeout || error.message == RemoteLink::lostTransactionMessage() ||
        error.message.startsWith(RemoteLink::reopenFailedPrefix()))
        return error;
    const QString state = error.sqlState;
    const QString lower = error.detail.toLower();
    auto make = [&](Error::Kind kind, const QString &message) {
        return Error::make(kind, message, error.detail, state);
    };
    if (state == QLatin1String("42501") && has(lower, "row-level security"))
        return make(
            Error::Kind::Permission,
            QCoreApplication::translate("ConnectionError",
                                        "The database refused the change: the todo belongs to another role. "
                                        "Sign in as the role that created it."));
    if (state == QLatin1String("42501"))
        return make(
            Error::Kind::Permission,
            QCoreApplication::translate(
                "ConnectionError",
                "The database role has no permission for this. Ask the project's owner to grant it."));
    if (isConnectionLost(error))
        return make(Error::Kind::Connection,
                    QCoreApplication::translate(
                        "ConnectionError", "The connection to the database was lost before it answered, so "
                                           "whether the change was saved is not known: look again once it is "
                                           "back."));
    return error;
}

Error withContext(const Error &cause, const QString &what)
{
    const Error why = describeStatementFailure(cause);
    switch (why.kind) {
    case Error::Kind::Connection:
    case Error::Kind::Timeout:
    case Error::Kind::Permission:
    case Error::Kind::Authentication:
    case Error::Kind::Tls:
        return Error::make(why.kind, what + QLatin1Char(' ') + why.message, why.detail, why.sqlState);
    default:
        return Error::make(why.kind, what, why.detail, why.sqlState);
    }
}

bool isConnectionLost(const Error &error)
{
    const QString &state = error.sqlState;
    if (state == QLatin1String("57P01") || state == QLatin1String("57P02") ||
        state == QLatin1String("57P03") || state.startsWith(QLatin1String("08")))
        return true;
    const QString lower = error.detail.toLower();
    return has(lower, "server closed the connection") || has(lower, "closed unexpectedly") ||
           has(lower, "connection reset") || has(lower, "no connection to the server") ||
           has(lower, "terminating connection") || has(lower, "could not receive data") ||
           has(lower, "could not send data") || has(lower, "ssl syscall error") || has(lower, "ssl error") ||
           has(lower, "connection to server was lost") || has(lower, "the database operation took too long");
}

} // namespace nt
