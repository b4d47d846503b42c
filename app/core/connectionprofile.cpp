#include "connectionprofile.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

const QString DefaultCaBundle = u"/etc/ssl/certs/ca-certificates.crt"_s; // Debian's system CA bundle

// libpq 15's connection keywords (PQconndefaults), plus our own statement_timeout.
const QSet<QString> &knownKeys()
{
    // clang-format off
    static const QSet<QString> keys{
        u"host"_s, u"hostaddr"_s, u"port"_s, u"dbname"_s, u"user"_s, u"password"_s, u"passfile"_s,
        u"channel_binding"_s, u"connect_timeout"_s, u"client_encoding"_s, u"options"_s,
        u"application_name"_s, u"fallback_application_name"_s, u"keepalives"_s,
        u"keepalives_idle"_s, u"keepalives_interval"_s, u"keepalives_count"_s,
        u"tcp_user_timeout"_s, u"replication"_s, u"gssencmode"_s, u"sslmode"_s, u"requiressl"_s,
        u"sslcompression"_s, u"sslcert"_s, u"sslkey"_s, u"sslpassword"_s, u"sslrootcert"_s,
        u"sslcrl"_s, u"sslcrldir"_s, u"sslsni"_s, u"requirepeer"_s, u"ssl_min_protocol_version"_s,
        u"ssl_max_protocol_version"_s, u"krbsrvname"_s, u"gsslib"_s, u"service"_s,
        u"target_session_attrs"_s, u"statement_timeout"_s};
    // clang-format on
    return keys;
}

// Keywords whose value is one word out of a fixed list (compared case-insensitively, stored lower case).
QStringList allowedValues(const QString &key)
{
    if (key == u"sslmode")
        return {u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    if (key == u"channel_binding" || key == u"gssencmode")
        return {u"disable"_s, u"prefer"_s, u"require"_s};
    if (key == u"target_session_attrs")
        return {u"any"_s, u"read-write"_s, u"read-only"_s, u"primary"_s, u"standby"_s, u"prefer-standby"_s};
    return {};
}

bool isCountKey(const QString &key)
{
    return key == u"connect_timeout" || key == u"keepalives" || key == u"keepalives_idle" ||
           key == u"keepalives_interval" || key == u"keepalives_count" || key == u"tcp_user_timeout";
}

// Digits only (no sign, no spaces), at most nine of them: fits an int.
std::optional<int> nonNegativeInt(const QString &text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    return text.toInt();
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// libpq's URI decoding: only %XX escapes ('+' stays '+'), and %00 is refused. Bytes are UTF-8.
std::optional<QString> percentDecode(const QString &text)
{
    const QByteArray in = text.toUtf8();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out.append(in[i]);
            continue;
        }
        if (i + 2 >= in.size())
            return std::nullopt;
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            return std::nullopt;
        out.append(char(hi * 16 + lo));
        i += 2;
    }
    return QString::fromUtf8(out);
}

QString percentEncode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

Error invalid(const QString &message)
{
    return Error::make(Error::Kind::InvalidInput, message);
}

const QString PercentHint = u" Characters such as @ : / ? # % in a user name or password must be "
                            u"percent-encoded (for example %40 for @ and %2F for /); the Neon console's "
                            u"copy button does this for you."_s;

Error multipleHostsError()
{
    return invalid(u"Several hosts (a comma-separated list) are not supported. Give a single host, for "
                   u"example the endpoint host shown in the Neon console."_s);
}

// Parsing state shared by the URL and the key=value parsers: the profile being filled in, and the parts
// of the raw text that may hold the password, so that no error message ever quotes them.
class Parser
{
public:
    explicit Parser(const QString &text) : m_isUrl(text.contains(u"://"))
    {
        // URL user info: after the first ':' behind "://", up to the last '@'.
        const qsizetype scheme = text.indexOf(u"://");
        const qsizetype at = text.lastIndexOf(u'@');
        if (scheme >= 0 && at > scheme) {
            const qsizetype colon = text.indexOf(u':', scheme + 3);
            if (colon >= 0 && colon < at)
                addSecret(text.mid(colon + 1, at - colon - 1));
        }
        // password=... (query parameter or keyword): up to the next "key=" that follows a space or '&'.
        static const QRegularExpression nextKey(u"(\\s+|&)[A-Za-z_]+\\s*="_s);
        qsizetype from = 0;
        while ((from = text.indexOf(u"password"_s, from, Qt::CaseInsensitive)) >= 0) {
            from += 8;
            const QRegularExpressionMatch m = nextKey.match(text, from);
            QString secret = text.mid(from, m.hasMatch() ? m.capturedStart() - from : -1).trimmed();
            if (secret.startsWith(u'='))
                secret = secret.mid(1).trimmed();
            addSecret(secret);
        }
    }

    ConnectionProfile profile;

    // `text` quoted for a message, or an empty string when it could be (part of) the password.
    QString quoted(const QString &text) const
    {
        if (text.isEmpty())
            return {};
        for (const QString &secret : m_secrets)
            if (secret.contains(text) || text.contains(secret))
                return {};
        return u'"' + text + u'"';
    }

    // Stores one keyword the way libpq would (a later value replaces an earlier one). An empty value
    // means "not set". Values are checked here so that mistakes show up when the profile is entered.
    Error set(const QString &key, const QString &value)
    {
        ConnectionProfile &p = profile;
        if (!knownKeys().contains(key)) {
            const QString shown = quoted(key);
            return invalid((shown.isEmpty() ? u"The connection string has a word that"_s : shown) +
                           u" is not a PostgreSQL connection setting. Check the spelling: settings "
                           u"are lower case, like sslmode or connect_timeout."_s);
        }
        if ((key == u"host" || key == u"hostaddr" || key == u"port") && value.contains(u','))
            return multipleHostsError();
        if (key == u"host") {
            p.host = value;
        } else if (key == u"hostaddr") {
            p.hostAddress = value;
        } else if (key == u"port") {
            const std::optional<int> port = nonNegativeInt(value);
            if (!value.isEmpty() && (!port || *port < 1 || *port > 65535))
                return invalid(u"The port must be a whole number from 1 to 65535 (PostgreSQL and Neon "
                               u"use 5432)."_s +
                               (m_isUrl ? PercentHint : QString()));
            p.port = value.isEmpty() ? 5432 : *port;
        } else if (key == u"dbname") {
            p.database = value;
        } else if (key == u"user") {
            p.user = value;
        } else if (key == u"password") {
            p.password = value;
        } else if (key == u"statement_timeout") {
            const std::optional<int> ms = nonNegativeInt(value);
            if (!value.isEmpty() && !ms)
                return invalid(u"statement_timeout must be a whole number of milliseconds (0 or more), "
                               u"for example statement_timeout=30000."_s);
            p.statementTimeoutMs = ms.value_or(0);
        } else if (value.isEmpty()) {
            p.options.remove(key);
        } else if (const QStringList allowed = allowedValues(key); !allowed.isEmpty()) {
            const QString lower = value.toLower();
            if (!allowed.contains(lower)) {
                const QString shown = quoted(value);
                return invalid(key + u" must be one of "_s + allowed.join(u", "_s) + u"; "_s +
                               (shown.isEmpty() ? u"the value given"_s : shown) + u" is not."_s +
                               (key == u"sslmode" ? u" Neon needs require or stricter; verify-full is "
                                                    u"the safest."_s
                                                  : QString()));
            }
            p.options.insert(key, lower);
        } else if (isCountKey(key) && !nonNegativeInt(value)) {
            return invalid(key + u" must be a whole number (0 or more), for example "_s + key +
                           (key == u"connect_timeout" ? u"=10 (seconds)."_s : u"=60."_s));
        } else {
            p.options.insert(key, value);
        }
        return {};
    }

private:
    void addSecret(const QString &raw)
    {
        if (raw.isEmpty())
            return;
        m_secrets << raw;
        const QString decoded = QUrl::fromPercentEncoding(raw.toUtf8());
        if (decoded != raw && !decoded.isEmpty())
            m_secrets << decoded;
    }

    bool m_isUrl;
    QStringList m_secrets;
};

Error emptyError()
{
    return invalid(u"The connection string is empty. Paste the postgresql:// URL from the Neon console, "
                   u"or a libpq string such as \"host=... dbname=... user=...\"."_s);
}

Error badPercent(const QString &part)
{
    return invalid(u"The "_s + part +
                   u" in the URL has broken percent-encoding: every % must be followed by two hex "
                   u"digits (and %00 is not allowed)."_s +
                   PercentHint);
}

QString normalizedHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.endsWith(u'.'))
        h.chop(1);
    return h;
}

QString firstLabel(const QString &host)
{
    const QString h = normalizedHost(host);
    return h.left(h.indexOf(u'.'));
}

bool isUrlDelimiter(QChar c, QStringView delimiters)
{
    return delimiters.contains(c);
}

} // namespace

QStringList ConnectionProfile::builtInNames()
{
    return {u"development"_s, u"staging"_s, u"production"_s};
}

Result<ConnectionProfile> ConnectionProfile::parse(const QString &text)
{
    QString t = text.trimmed();
    // What people paste besides the bare string: the Neon console's "psql '...'" snippet and .env
    // lines such as DATABASE_URL="postgresql://...".
    static const QRegularExpression psql(u"^psql\\s+"_s);
    static const QRegularExpression envLine(u"^[A-Za-z_][A-Za-z0-9_]*=(?=['\"]?postgres(ql)?://)"_s);
    t.remove(psql);
    t.remove(envLine);
    if (t.size() >= 2 && (t.front() == u'\'' || t.front() == u'"') && t.back() == t.front())
        t = t.mid(1, t.size() - 2).trimmed();
    if (t.isEmpty())
        return emptyError();
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.:-]*://"_s);
    return scheme.match(t).hasMatch() ? fromUrl(t) : fromConninfo(t);
}

Result<ConnectionProfile> ConnectionProfile::fromUrl(const QString &url)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return emptyError();
    Parser parser(text);
    const qsizetype schemeEnd = text.indexOf(u"://");
    const QString scheme = schemeEnd > 0 ? text.left(schemeEnd).toLower() : QString();
    if (scheme != u"postgresql" && scheme != u"postgres") {
        static const QRegularExpression schemeChars(u"^[a-z][a-z0-9+.:-]*$"_s);
        const QString shown =
            schemeChars.match(scheme).hasMatch() ? u"\""_s + scheme + u"://\""_s : u"This text"_s;
        return invalid(shown +
                       u" is not a PostgreSQL address. Use a URL that starts with postgresql:// "
                       u"or postgres://, as the Neon console shows it"_s +
                       (scheme.startsWith(u"jdbc:") ? u" (leave out the leading \"jdbc:\")."_s : u"."_s));
    }
    const QString rest = text.mid(schemeEnd + 3);
    const qsizetype size = rest.size();
    qsizetype pos = 0;

    // User info, found as libpq does: the first '@' before the first '/'.
    bool hasUserInfo = false;
    for (qsizetype i = 0; i < size && rest[i] != u'/'; ++i) {
        if (rest[i] == u'@') {
            const QString userInfo = rest.left(i);
            const qsizetype colon = userInfo.indexOf(u':');
            const std::optional<QString> user = percentDecode(userInfo.left(colon));
            if (!user)
                return badPercent(u"user name"_s);
            const std::optional<QString> password =
                percentDecode(colon < 0 ? QString() : userInfo.mid(colon + 1));
            if (!password)
                return badPercent(u"password"_s);
            parser.profile.user = *user;
            parser.profile.password = *password;
            hasUserInfo = true;
            pos = i + 1;
            break;
        }
    }

    // Host (an IPv6 address in brackets) and port.
    QString rawHost;
    if (pos < size && rest[pos] == u'[') {
        const qsizetype close = rest.indexOf(u']', pos);
        if (close < 0)
            return invalid(u"The IPv6 address in the URL has no closing \"]\". Write it in brackets, "
                           u"for example postgresql://user@[2001:db8::1]:5432/neondb."_s);
        rawHost = rest.mid(pos + 1, close - pos - 1);
        if (rawHost.isEmpty())
            return invalid(u"The brackets for an IPv6 address in the URL are empty. Put the address "
                           u"inside them, for example [::1]."_s);
        pos = close + 1;
        if (pos < size && !isUrlDelimiter(rest[pos], u":/?,"))
            return invalid(u"Something follows the \"]\" of the IPv6 address in the URL. Only \":port\", "
                           u"\"/database\" or \"?settings\" may come after it."_s);
    } else {
        const qsizetype start = pos;
        while (pos < size && !isUrlDelimiter(rest[pos], u":/?,"))
            ++pos;
        rawHost = rest.mid(start, pos - start);
    }
    if (pos < size && rest[pos] == u':') {
        const qsizetype start = ++pos;
        while (pos < size && !isUrlDelimiter(rest[pos], u"/?,"))
            ++pos;
        const QString rawPort = rest.mid(start, pos - start);
        const std::optional<QString> port = percentDecode(rawPort);
        if (!port || port->isEmpty()) {
            return invalid(u"The port after \":\" is missing or not a number. Give a whole number from "
                           u"1 to 65535, or leave out the \":\" to use 5432."_s +
                           (text.indexOf(u'@', schemeEnd) >= 0 ? PercentHint : QString()));
        }
        if (const Error e = parser.set(u"port"_s, *port))
            return e;
    }
    if (pos < size && rest[pos] == u',')
        return multipleHostsError();
    const std::optional<QString> host = percentDecode(rawHost);
    if (!host)
        return badPercent(u"host name"_s);
    parser.profile.host = *host;

    // Database: up to the query.
    if (pos < size && rest[pos] == u'/') {
        const qsizetype start = ++pos;
        while (pos < size && rest[pos] != u'?')
            ++pos;
        const std::optional<QString> db = percentDecode(rest.mid(start, pos - start));
        if (!db)
            return badPercent(u"database name"_s);
        parser.profile.database = *db;
    }

    // Query parameters: libpq keywords that override what came before. Unlike libpq, a raw '=' inside
    // a value is accepted (options=endpoint=ep-... is a common hand-written form).
    if (pos < size && rest[pos] == u'?') {
        const QStringList params = rest.mid(pos + 1).split(u'&', Qt::SkipEmptyParts);
        for (const QString &param : params) {
            const qsizetype eq = param.indexOf(u'=');
            const std::optional<QString> key = percentDecode(param.left(eq));
            if (!key)
                return badPercent(u"name of a query parameter"_s);
            if (eq < 0) {
                const QString shown = parser.quoted(*key);
                return invalid(u"A setting after \"?\" in the URL"_s +
                               (shown.isEmpty() ? QString() : u" ("_s + shown + u')') +
                               u" has no \"=\" and no value. Write settings as key=value joined by "
                               u"&, for example ?sslmode=verify-full&connect_timeout=10."_s);
            }
            std::optional<QString> value = percentDecode(param.mid(eq + 1));
            if (!value)
                return badPercent(u"value of a query parameter"_s);
            QString name = *key;
            if (name == u"ssl" && *value == u"true") { // libpq's JDBC-compatible spelling
                name = u"sslmode"_s;
                value = u"require"_s;
            }
            if (const Error e = parser.set(name, *value))
                return e;
        }
    }

    if (hasUserInfo && parser.profile.host.isEmpty() && parser.profile.hostAddress.isEmpty())
        return invalid(u"The URL has no host after \"@\". Put the server's host name there, for "
                       u"example ...@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb."_s +
                       PercentHint);
    return parser.profile;
}

Result<ConnectionProfile> ConnectionProfile::fromConninfo(const QString &conninfo)
{
    const QString text = conninfo.trimmed();
    if (text.isEmpty())
        return emptyError();
    Parser parser(text);
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < n && text[i].isSpace())
            ++i;
    };
    for (skipSpaces(); i < n; skipSpaces()) {
        const qsizetype keyStart = i;
        while (i < n && text[i] != u'=' && !text[i].isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipSpaces();
        if (i >= n || text[i] != u'=') {
            const QString shown = parser.quoted(key);
            return invalid((shown.isEmpty() ? u"A word in the connection string"_s : shown) +
                           u" has no \"=\" after it. Write each setting as key=value (for example "
                           u"host=localhost dbname=neondb), or paste a postgresql:// URL."_s);
        }
        ++i;
        skipSpaces();
        QString value;
        if (i < n && text[i] == u'\'') {
            bool closed = false;
            for (++i; i < n; ++i) {
                if (text[i] == u'\\') {
                    if (++i < n)
                        value += text[i];
                } else if (text[i] == u'\'') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    value += text[i];
                }
            }
            if (!closed)
                return invalid(u"A quoted value in the connection string is missing its closing quote "
                               u"('). Close it, and write a quote inside a value as \\'."_s);
        } else {
            for (; i < n && !text[i].isSpace(); ++i) {
                if (text[i] == u'\\' && i + 1 < n)
                    ++i;
                value += text[i];
            }
        }
        if (key.isEmpty())
            return invalid(u"There is an \"=\" with no setting name before it in the connection string. "
                           u"Write each setting as key=value, for example sslmode=verify-full."_s);
        if (const Error e = parser.set(key, value))
            return e;
    }
    return parser.profile;
}

bool ConnectionProfile::isNeon() const
{
    return normalizedHost(host).endsWith(u".neon.tech");
}

bool ConnectionProfile::isNeonPooler() const
{
    return isNeon() && firstLabel(host).endsWith(u"-pooler");
}

QString ConnectionProfile::neonEndpointId() const
{
    if (!isNeon())
        return {};
    QString label = firstLabel(host);
    if (label.endsWith(u"-pooler"))
        label.chop(7);
    return label;
}

void ConnectionProfile::applyNeonDefaults()
{
    if (!isNeon())
        return;
    // Neon's certificates are publicly trusted and always name the endpoint's host, so checking the
    // name costs nothing and stops a man in the middle: the console's "sslmode=require" (which only
    // encrypts) and the weaker modes become verify-full. verify-ca and disable stay as chosen (the
    // latter fails on Neon with its own clear message).
    const QString mode = options.value(u"sslmode"_s);
    if (mode.isEmpty() || mode == u"require"_s || mode == u"prefer"_s || mode == u"allow"_s)
        options.insert(u"sslmode"_s, u"verify-full"_s);
    if (!options.contains(u"sslrootcert"_s)) // libpq 15 has no sslrootcert=system
        options.insert(u"sslrootcert"_s, DefaultCaBundle);
    if (!options.contains(u"channel_binding"_s))
        options.insert(u"channel_binding"_s, u"require"_s);
    if (!options.contains(u"connect_timeout"_s)) // Neon: about 10 s covers a compute waking up
        options.insert(u"connect_timeout"_s, u"10"_s);
}

Result<QString> ConnectionProfile::connectOptions() const
{
    QMap<QString, QString> all = options; // sorted by key: the output is deterministic
    if (!hostAddress.isEmpty())
        all.insert(u"hostaddr"_s, hostAddress);
    // The statement timeout travels as a server option in the startup packet. Neon's pooler is
    // PgBouncer, which refuses unknown startup parameters ("unsupported startup parameter: options"),
    // so it is left out there; callers that need a timeout through the pooler SET it per transaction.
    if (statementTimeoutMs > 0 && !isNeonPooler()) {
        const QString setting = u"-c statement_timeout="_s + QString::number(statementTimeoutMs);
        const QString existing = all.value(u"options"_s);
        all.insert(u"options"_s, existing.isEmpty() ? setting : existing + u' ' + setting);
    }
    QStringList parts;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        // QPSQL turns every ';' into a space before handing the string to libpq.
        if (it.value().contains(u';'))
            return invalid(u"The value of "_s + it.key() +
                           u" contains \";\", which Qt's PostgreSQL driver cannot pass on. Remove the "
                           u"\";\" from that setting."_s);
        QString value = it.value();
        value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
        parts << it.key() + u"='"_s + value + u'\'';
    }
    return parts.join(u';');
}

QString ConnectionProfile::toUrl(bool withPassword) const
{
    QMap<QString, QString> query = options;
    if (!hostAddress.isEmpty())
        query.insert(u"hostaddr"_s, hostAddress);
    if (statementTimeoutMs > 0)
        query.insert(u"statement_timeout"_s, QString::number(statementTimeoutMs));
    QString userInfo = percentEncode(user);
    if (withPassword && !password.isEmpty())
        userInfo += u':' + percentEncode(password);

    QString url = u"postgresql://"_s;
    if (host.isEmpty() && hostAddress.isEmpty()) {
        // No host (libpq's default socket): "user@" with nothing after it reads as a mistake, so the
        // user and password go into the query instead.
        if (!user.isEmpty())
            query.insert(u"user"_s, user);
        if (withPassword && !password.isEmpty())
            query.insert(u"password"_s, password);
    } else if (!userInfo.isEmpty()) {
        url += userInfo + u'@';
    }
    if (host.contains(u':')) // IPv6: brackets; only '%' (a zone id) needs escaping inside them
        url += u'[' + QString(host).replace(u'%', u"%25"_s) + u']';
    else
        url += percentEncode(host);
    if (port != 5432)
        url += u':' + QString::number(port);
    if (!database.isEmpty())
        url += u'/' + percentEncode(database);
    QStringList params;
    for (auto it = query.cbegin(); it != query.cend(); ++it) {
        // sslpassword unlocks a client key: a secret like the password, never stored or shown.
        if (!withPassword && it.key() == u"sslpassword"_s)
            continue;
        params << percentEncode(it.key()) + u'=' + percentEncode(it.value());
    }
    if (!params.isEmpty())
        url += u'?' + params.join(u'&');
    return url;
}

QString ConnectionProfile::displayName() const
{
    QString where = host.isEmpty() ? hostAddress : host;
    if (where.isEmpty())
        where = u"local socket"_s;
    else if (where.contains(u':') && !where.startsWith(u'/'))
        where = u'[' + where + u']';
    return (user.isEmpty() ? QString() : user + u'@') + where + u':' + QString::number(port) + u'/' +
           database;
}

} // namespace nt
