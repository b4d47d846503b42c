#include "connectiondoctor.h"

#include "connectionerror.h"
#include "connectionmanager.h"
#include "netprobe.h"
#include "postgresprobe.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

using Status = DoctorCheck::Status;

struct Step
{
    const char *id;
    const char *title;
};

// The checks in the order they run; each needs the ones before it.
constexpr Step Steps[] = {
    {"dns", "DNS"},
    {"tcp", "TCP"},
    {"tls", "TLS"},
    {"authentication", "Authentication"},
    {"server_version", "Server version"},
    {"schema", "Schema"},
    {"round_trip", "Round trip"},
    {"pooler", "Pooler"},
};

// libpq's reason on one line, without its "connection to server at ... failed: " preamble (the
// address is in the TCP check already).
QString libpqReason(const QString &text)
{
    static const QRegularExpression preamble(u"^connection to server at .*? failed: "_s);
    static const QRegularExpression spaces(u"\\s+"_s);
    return text.trimmed().section(u'\n', 0, 0).remove(preamble).replace(spaces, u" "_s).trimmed();
}

QString where(const ConnectionProfile &p, const QString &address)
{
    const QString target = address.contains(u':') ? u'[' + address + u']' : address;
    return target + u':' + QString::number(p.port);
}

// The names a certificate is for, shortened for one line.
QString certificateNames(const QStringList &names)
{
    constexpr qsizetype Shown = 4;
    QString text = names.mid(0, Shown).join(u", "_s);
    if (names.size() > Shown)
        text += u" and %1 more"_s.arg(names.size() - Shown);
    return text;
}

QString certificateFacts(const TlsCertificate &c, const QString &host)
{
    QStringList parts;
    parts << (c.matchesHost ? u"certificate for %1"_s.arg(host)
                            : u"certificate for %1, NOT for %2"_s.arg(certificateNames(c.names), host));
    if (!c.issuer.isEmpty())
        parts << u"issued by %1"_s.arg(c.issuer);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (c.notAfter.isValid() && c.notAfter < now)
        parts << u"EXPIRED on %1"_s.arg(c.notAfter.toString(u"yyyy-MM-dd"_s));
    else if (c.notBefore.isValid() && c.notBefore > now)
        parts << u"NOT valid before %1"_s.arg(c.notBefore.toString(u"yyyy-MM-dd"_s));
    else if (c.notAfter.isValid())
        parts << u"valid until %1"_s.arg(c.notAfter.toString(u"yyyy-MM-dd"_s));
    parts << (c.verifyError.isEmpty() ? u"chain verified"_s
                                      : u"chain not verified (%1)"_s.arg(c.verifyError));
    return parts.join(u", "_s);
}

// What to do when the connection is encrypted but the server's identity is not (fully) checked.
QString weakTlsAdvice(const QString &sslMode, bool chainVerified, const ConnectionProfile &profile)
{
    QString why;
    if (sslMode == u"verify-ca" || chainVerified)
        why = u"sslmode=%1 checks who signed the server's certificate, not that it is for this host"_s.arg(
            sslMode);
    else
        why = u"sslmode=%1 encrypts the connection but does not check that the server is the one you meant, "
              u"so someone on the network could stand in between"_s.arg(sslMode);
    QString what = u"Use sslmode=verify-full: change sslmode in the connection string"_s;
    if (profile.isNeon())
        what += u", or remove it (for Neon hosts the app then uses verify-full)"_s;
    return why + u". "_s + what + u'.';
}

} // namespace

QString DoctorCheck::word(Status status)
{
    switch (status) {
    case Status::Pass:
        return u"PASS"_s;
    case Status::Warn:
        return u"WARN"_s;
    case Status::Fail:
        return u"FAIL"_s;
    case Status::Skip:
        return u"SKIP"_s;
    }
    return {};
}

QString ConnectionDoctor::milliseconds(double ms)
{
    if (ms < 10)
        return QString::number(ms, 'f', 1) + u" ms"_s;
    return QString::number(qRound64(ms)) + u" ms"_s;
}

ConnectionDoctor::ConnectionDoctor(ConnectionProfile profile) : m_profile(std::move(profile))
{
    const int seconds = m_profile.option(u"connect_timeout"_s).toInt();
    if (seconds <= 0)
        m_profile.options.insert(u"connect_timeout"_s, u"10"_s);
    m_timeoutMs = (seconds > 0 ? seconds : 10) * 1000;
}

void ConnectionDoctor::add(const QString &id, Status status, const QString &found, const QString &advice)
{
    DoctorCheck check;
    check.id = id;
    for (const Step &step : Steps) {
        if (id == QLatin1String(step.id))
            check.title = QString::fromLatin1(step.title);
    }
    check.status = status;
    check.found = found;
    check.advice = advice;
    m_checks << check;
    if (m_onCheck)
        m_onCheck(check);
}

void ConnectionDoctor::skipRest(const QString &failedTitle)
{
    for (const Step &step : Steps) {
        const QString id = QString::fromLatin1(step.id);
        const bool done =
            std::any_of(m_checks.cbegin(), m_checks.cend(), [&](const DoctorCheck &c) { return c.id == id; });
        if (!done)
            add(id, Status::Skip, u"not checked: %1 failed"_s.arg(failedTitle));
    }
}

QString ConnectionDoctor::directHost() const
{
    QString label = m_profile.host.section(u'.', 0, 0);
    if (label.endsWith(u"-pooler"))
        label.chop(7);
    const QString rest = m_profile.host.section(u'.', 1);
    return rest.isEmpty() ? label : label + u'.' + rest;
}

QList<DoctorCheck> ConnectionDoctor::run(const std::function<void(const DoctorCheck &)> &onCheck)
{
    m_checks.clear();
    m_onCheck = onCheck;
    if (!checkNetwork() || !checkTlsAndLogin())
        return m_checks;
    // The rest through the app's own driver (Qt's QPSQL), the way the app connects.
    ConnectionManager connections(u"doctor-"_s);
    if (Error e = connections.openRemote(m_profile, false)) {
        add(u"server_version"_s, Status::Fail,
            u"Qt's PostgreSQL driver, which the app uses, could not connect: %1"_s.arg(
                e.detail.isEmpty() ? e.message : e.detail),
            e.message);
        skipRest(u"Server version"_s);
        return m_checks;
    }
    checkDatabase(connections.remoteName());
    return m_checks;
}

// DNS and TCP. False when the connection cannot go further.
bool ConnectionDoctor::checkNetwork()
{
    const QString host = m_profile.host;
    if (m_profile.hostAddress.isEmpty() && (host.isEmpty() || host.startsWith(u'/'))) {
        add(u"dns"_s, Status::Skip, u"no host name: libpq's local socket, nothing to look up"_s);
        add(u"tcp"_s, Status::Skip, u"a local socket, not TCP"_s);
        return true;
    }

    QStringList addresses;
    if (!m_profile.hostAddress.isEmpty()) {
        add(u"dns"_s, Status::Skip,
            u"not looked up: the profile gives hostaddr=%1%2"_s.arg(
                m_profile.hostAddress,
                host.isEmpty()
                    ? QString()
                    : u" for %1 (TLS still checks the certificate against that name)"_s.arg(host)));
        addresses << m_profile.hostAddress;
    } else if (NetProbe::isNumericAddress(host)) {
        add(u"dns"_s, Status::Skip, u"%1 is an address: nothing to look up"_s.arg(host));
        addresses << host;
    } else {
        const NetProbe::Lookup lookup = NetProbe::resolve(host, m_profile.port);
        if (!lookup.error.isEmpty()) {
            add(u"dns"_s, Status::Fail,
                u"%1 could not be resolved: %2 (%3)"_s.arg(host, lookup.error, milliseconds(lookup.ms)),
                describeConnectionFailure(
                    u"could not translate host name \"%1\" to address: %2"_s.arg(host, lookup.error), {},
                    m_profile)
                    .message);
            skipRest(u"DNS"_s);
            return false;
        }
        add(u"dns"_s, Status::Pass,
            u"%1 is %2 (%3)"_s.arg(host, lookup.addresses.join(u", "_s), milliseconds(lookup.ms)));
        addresses = lookup.addresses;
    }

    // Like libpq: each address in turn until one answers.
    QStringList failures;
    NetProbe::Connection last;
    for (const QString &address : std::as_const(addresses)) {
        last = NetProbe::connectTcp(address, m_profile.port, m_timeoutMs);
        if (last.fd >= 0) {
            NetProbe::close(last.fd);
            add(u"tcp"_s, Status::Pass,
                u"connected to %1 in %2%3"_s.arg(
                    where(m_profile, address), milliseconds(last.ms),
                    failures.isEmpty() ? QString() : u" (before that: %1)"_s.arg(failures.join(u"; "_s))));
            return true;
        }
        failures << u"%1: %2"_s.arg(where(m_profile, address), last.error);
    }
    const QString libpqWords = last.refused    ? u"Connection refused"_s
                               : last.timedOut ? u"timeout expired"_s
                                               : last.error;
    add(u"tcp"_s, Status::Fail, failures.join(u"; "_s) + u" (" + milliseconds(last.ms) + u')',
        describeConnectionFailure(libpqWords, {}, m_profile).message);
    skipRest(u"TCP"_s);
    return false;
}

// TLS and the login, on one libpq connection. False when the connection cannot go further.
bool ConnectionDoctor::checkTlsAndLogin()
{
    PostgresProbe probe = PostgresProbe::run(m_profile, m_timeoutMs);
    Error failure = probe.connected ? Error{} : describeConnectionFailure(probe.error, {}, m_profile);
    if (failure.kind == Error::Kind::Authentication && m_profile.password.isEmpty() && m_prompt) {
        const QString password = m_prompt();
        if (!password.isEmpty()) {
            m_profile.password = password;
            probe = PostgresProbe::run(m_profile, m_timeoutMs);
            failure = probe.connected ? Error{} : describeConnectionFailure(probe.error, {}, m_profile);
        }
    }
    const QString sslMode = probe.settings.value(u"sslmode"_s, u"prefer"_s);
    const QString host = m_profile.host.isEmpty() ? m_profile.hostAddress : m_profile.host;

    // TLS
    const bool loginStage =
        failure.kind == Error::Kind::Authentication || failure.kind == Error::Kind::NotFound;
    if (probe.tls) {
        QStringList found;
        found << QString(probe.protocol + u' ' + probe.cipher).trimmed();
        if (probe.certificate)
            found << certificateFacts(*probe.certificate, host);
        found << u"sslmode="_s + sslMode;
        if (probe.connected)
            found << channelBinding(probe);
        const bool nameChecked = probe.certificate && probe.certificate->matchesHost;
        if (sslMode == u"verify-full" && nameChecked)
            add(u"tls"_s, Status::Pass, found.join(u"; "_s));
        else
            add(u"tls"_s, Status::Warn, found.join(u"; "_s),
                weakTlsAdvice(sslMode, probe.certificate && probe.certificate->verifyError.isEmpty(),
                              m_profile));
    } else if (probe.connected || loginStage) {
        add(u"tls"_s, Status::Warn,
            u"not encrypted: sslmode=%1 and the server accepted a plain connection"_s.arg(sslMode),
            u"Anyone on the network between you and the server can read and change what is sent. Use "
            u"sslmode=verify-full in the connection string."_s);
    } else {
        QString found =
            u"no TLS session: "_s + (probe.timedOut ? u"no answer within %1"_s.arg(milliseconds(m_timeoutMs))
                                                    : libpqReason(probe.error));
        // libpq keeps nothing of a refused certificate: fetch it again to say what it is.
        const bool tlsRequired = sslMode == u"require" || sslMode.startsWith(u"verify-");
        if (tlsRequired && !probe.timedOut) {
            QString address = m_profile.hostAddress;
            if (address.isEmpty() && NetProbe::isNumericAddress(host))
                address = host;
            else if (address.isEmpty() && !host.isEmpty() && !host.startsWith(u'/'))
                address = NetProbe::resolve(host, m_profile.port).addresses.value(0);
            auto fetched = address.isEmpty()
                               ? Result<TlsCertificate>(Error::make(Error::Kind::Tls, {}))
                               : TlsCertificate::fetch(address, m_profile.port, host,
                                                       probe.settings.value(u"sslrootcert"_s), m_timeoutMs);
            if (fetched)
                found += u"; the server's "_s + certificateFacts(fetched.value(), host);
        }
        add(u"tls"_s, Status::Fail, found, failure.message);
        skipRest(u"TLS"_s);
        return false;
    }

    // Authentication
    if (!probe.connected) {
        add(u"authentication"_s, Status::Fail,
            probe.timedOut ? u"no answer to the login within %1"_s.arg(milliseconds(m_timeoutMs))
                           : libpqReason(probe.error),
            failure.message);
        skipRest(u"Authentication"_s);
        return false;
    }
    add(u"authentication"_s, Status::Pass,
        u"role %1 accepted for database %2 (%3; connected in %4)"_s.arg(
            m_profile.user, m_profile.database, probe.usedPassword ? u"password"_s : u"no password asked"_s,
            milliseconds(probe.ms)));
    m_serverVersion = probe.serverVersion;
    return true;
}

QString ConnectionDoctor::channelBinding(const PostgresProbe &probe)
{
    const QString mode = probe.settings.value(u"channel_binding"_s, u"prefer"_s);
    if (!probe.usedPassword)
        return u"no channel binding (no password was exchanged)"_s;
    if (mode == u"require")
        return u"channel binding in effect"_s;
    if (mode == u"disable")
        return u"channel binding off (channel_binding=disable)"_s;
    // libpq uses it when the server offers it, and does not say whether it did: ask for it once.
    const PostgresProbe required =
        PostgresProbe::run(m_profile, m_timeoutMs, {{u"channel_binding"_s, u"require"_s}});
    if (required.connected)
        return u"channel binding in effect (channel_binding=%1)"_s.arg(mode);
    if (required.error.contains(u"channel binding"_s, Qt::CaseInsensitive))
        return u"no channel binding: the server does not offer it (channel_binding=%1)"_s.arg(mode);
    return u"channel binding unknown (channel_binding=%1)"_s.arg(mode);
}

} // namespace nt
