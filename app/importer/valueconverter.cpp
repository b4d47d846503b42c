#include "valueconverter.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace nt {

namespace {

constexpr qint64 AppleEpochMs = 978307200000LL; // 2001-01-01T00:00:00Z
constexpr qint64 MsPerDay = 86400000LL;

// A number held by a value: an integer, a REAL, or text that spells one. None for anything else.
struct Number
{
    enum class Kind { None, Integer, Real } kind = Kind::None;
    qint64 i = 0;
    double d = 0;
    bool isZero() const { return kind == Kind::Integer ? i == 0 : kind == Kind::Real && d == 0; }
    // The value when it is a whole number that fits a qint64.
    bool whole(qint64 *out) const
    {
        const bool ok =
            kind == Kind::Integer || (kind == Kind::Real && std::trunc(d) == d && std::fabs(d) < 9.2e18);
        *out = kind == Kind::Integer ? i : ok ? qint64(d) : 0;
        return ok;
    }
};

QString textOf(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

Number numberOf(const QVariant &value)
{
    static constexpr int Integers[] = {QMetaType::Int,   QMetaType::UInt,   QMetaType::LongLong,
                                       QMetaType::Short, QMetaType::UShort, QMetaType::Long,
                                       QMetaType::ULong, QMetaType::SChar,  QMetaType::UChar};
    const int type = value.metaType().id();
    if (std::find(std::begin(Integers), std::end(Integers), type) != std::end(Integers))
        return {Number::Kind::Integer, value.toLongLong(), 0};
    if (type == QMetaType::ULongLong && value.toULongLong() <= qulonglong(std::numeric_limits<qint64>::max()))
        return {Number::Kind::Integer, qint64(value.toULongLong()), 0};
    if (type == QMetaType::ULongLong || type == QMetaType::Double || type == QMetaType::Float)
        return {Number::Kind::Real, 0, value.toDouble()}; // a float widens exactly; a double is kept
    if (type != QMetaType::QString && type != QMetaType::QByteArray)
        return {};
    const QString text = textOf(value).trimmed();
    // Only digits, signs, '.' and 'e' can spell a number: dates and words leave here, cheaply.
    auto other = [](QChar c) { return !(c >= u'0' && c <= u'9') && !QStringView(u"+-.eE").contains(c); };
    if (text.isEmpty() || text.size() > 40 || std::any_of(text.cbegin(), text.cend(), other))
        return {};
    static const QRegularExpression integer(QStringLiteral("^[+-]?\\d+$"));
    static const QRegularExpression real(QStringLiteral("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"));
    bool ok = false;
    if (integer.match(text).hasMatch())
        if (const qint64 i = text.toLongLong(&ok); ok)
            return {Number::Kind::Integer, i, 0};
    if (real.match(text).hasMatch())
        if (const double d = text.toDouble(&ok); ok) // C locale, full double precision
            return {Number::Kind::Real, 0, d};
    return {};
}

// Lower case, single spaces, '-' and '_' as spaces: "In_Progress " -> "in progress".
QString normalisedWord(const QString &text)
{
    QString s = text.toCaseFolded();
    s.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    return s.simplified();
}

void addWarning(QString &to, const QString &warning)
{
    if (warning.isEmpty())
        return;
    if (!to.isEmpty())
        to += QStringLiteral("; ");
    to += warning;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

// Encodings that say a column holds times (every encoding but Auto and the priority scale).
bool isTimeEncoding(ValueEncoding encoding)
{
    return encoding != ValueEncoding::Auto && encoding != ValueEncoding::PriorityHighIsOne;
}

QDateTime utcMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// A date and a wall-clock time, as if they were UTC: Unix milliseconds.
qint64 msOf(const QDate &date, const QTime &time)
{
    return (date.toJulianDay() - 2440588) * MsPerDay + time.msecsSinceStartOfDay(); // 2440588: 1970-01-01
}

ConvertedTime dateOnly(const QDate &date)
{
    return {utcMs(msOf(date, QTime(0, 0))), true, {}};
}

// The zone's offset at a UTC instant. An offset holds from one transition to the next, so each
// lookup remembers that span (a few per thread): rows of one file mostly fall into the same ones.
int offsetAt(const QTimeZone &zone, qint64 ms)
{
    struct Span
    {
        QByteArray zone;
        qint64 from = 0, to = 0;
        int offset = 0;
    };
    thread_local std::array<Span, 8> spans;
    thread_local size_t next = 0;
    const QByteArray id = zone.id();
    for (const Span &s : spans)
        if (s.from <= ms && ms < s.to && s.zone == id)
            return s.offset;
    Span s{id, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
           zone.offsetFromUtc(utcMs(ms))};
    if (const QTimeZone::OffsetData before = zone.previousTransition(utcMs(ms + 1)); before.atUtc.isValid())
        s.from = before.atUtc.toMSecsSinceEpoch();
    if (const QTimeZone::OffsetData after = zone.nextTransition(utcMs(ms)); after.atUtc.isValid())
        s.to = after.atUtc.toMSecsSinceEpoch();
    spans[next++ % spans.size()] = s;
    return s.offset;
}

// A wall-clock time in `zone` (`local`: its Unix ms as if it were UTC), as UTC. Qt 6.4 cannot be
// told how to resolve a repeated or skipped local time, so the candidates are worked out here:
// every offset the zone has within a day of the time is tried, and kept when the zone really has
// that offset at the resulting instant.
QDateTime fromWallClock(qint64 local, const QTimeZone &zone, const QString &text, QString &warning)
{
    if (!zone.isValid()) {
        addWarning(warning,
                   QStringLiteral("No time zone was chosen for times without an offset; %1 was read as UTC")
                       .arg(ValueConverter::quoted(text)));
        return utcMs(local);
    }
    QVarLengthArray<int, 3> offsets;
    for (qint64 probe : {local - MsPerDay, local, local + MsPerDay})
        if (const int o = offsetAt(zone, probe); !offsets.contains(o))
            offsets.append(o);
    QVarLengthArray<qint64, 3> instants;
    for (int o : offsets)
        if (const qint64 u = local - qint64(o) * 1000; offsetAt(zone, u) == o && !instants.contains(u))
            instants.append(u);
    std::sort(instants.begin(), instants.end());
    // Skipped: the offset a day earlier, from before the clocks went forward.
    const QDateTime utc =
        utcMs(instants.isEmpty() ? local - qint64(offsets.first()) * 1000 : instants.first());
    const QString message =
        instants.isEmpty() ? QStringLiteral("%1 did not happen in %2 (the clocks went forward)")
        : instants.size() > 1
            ? QStringLiteral("%1 happened twice in %2 (the clocks went back); the first was taken")
            : QString();
    if (!message.isEmpty())
        addWarning(
            warning,
            message.arg(ValueConverter::quoted(text), QString::fromUtf8(zone.id())) +
                QStringLiteral("; read as %1 UTC").arg(utc.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    return utc;
}

// Reads `min` to `max` ASCII digits at `i`; -1 when there are fewer than `min`.
int digits(QStringView s, qsizetype &i, int min, int max, int *count = nullptr)
{
    int value = 0, n = 0;
    for (; n < max && i < s.size() && s[i] >= u'0' && s[i] <= u'9'; ++i, ++n)
        value = value * 10 + (s[i].unicode() - u'0');
    if (count)
        *count = n;
    return n < min ? -1 : value;
}

// ISO 8601 text, by hand (a regular expression costs more than the rest of a row):
// yyyy-m[m]-d[d], then 'T' or spaces and h[h]:mm[:ss[.fraction]], then spaces and Z, UTC, GMT,
// ±hh:mm, ±hhmm, ±hh or nothing; or the compact yyyymmddThhmm[ss[.fraction]][Z|±hh[mm]].
// No time: `time` stays invalid. No offset: `offset` stays empty.
bool parseIso(QStringView s, QDate &date, QTime &time, std::optional<int> &offset)
{
    auto digit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    const bool compact = s.size() > 8 && std::all_of(s.begin(), s.begin() + 8, digit);
    qsizetype i = 0;
    auto skip = [&](char16_t c) { // a separator of the extended form
        if (compact)
            return true;
        if (i == s.size() || s[i] != c)
            return false;
        ++i;
        return true;
    };
    auto spaces = [&] {
        while (!compact && i < s.size() && s[i] == u' ')
            ++i;
    };
    const int y = digits(s, i, 4, 4);
    const int mo = skip(u'-') ? digits(s, i, compact ? 2 : 1, 2) : -1;
    const int d = mo >= 0 && skip(u'-') ? digits(s, i, compact ? 2 : 1, 2) : -1;
    date = QDate(y, mo, d);
    if (y < 0 || d < 0 || !date.isValid())
        return false;
    if (i == s.size())
        return !compact;
    const qsizetype before = i;
    if (s[i] == u'T' || s[i] == u't')
        ++i;
    spaces();
    if (i == before)
        return false;
    const int h = digits(s, i, compact ? 2 : 1, 2);
    const int mi = h >= 0 && skip(u':') ? digits(s, i, 2, 2) : -1;
    int sec = 0, ms = 0, n = 0;
    if (mi >= 0 && i < s.size() && (compact ? digit(s[i]) : s[i] == u':')) {
        skip(u':');
        sec = digits(s, i, 2, 2);
        if (sec >= 0 && i < s.size() && (s[i] == u'.' || s[i] == u',')) {
            ++i;
            ms = digits(s, i, 1, 3, &n) * (n == 1 ? 100 : n == 2 ? 10 : 1);
            while (i < s.size() && digit(s[i])) // finer than milliseconds: cut, never rounded up
                ++i;
        }
    }
    time = QTime(h, mi, sec, ms);
    if (mi < 0 || sec < 0 || ms < 0 || !time.isValid())
        return false;
    spaces();
    const QStringView rest = s.mid(i);
    if (rest.isEmpty())
        return true;
    if (rest == u"Z" || rest == u"z" || (!compact && (rest == u"UTC" || rest == u"GMT"))) {
        offset = 0;
        return true;
    }
    if (rest[0] != u'+' && rest[0] != u'-')
        return false;
    ++i;
    const int oh = digits(s, i, 2, 2);
    if (!compact && i < s.size() && s[i] == u':' && i + 1 < s.size())
        ++i;
    const int om = i < s.size() ? digits(s, i, 2, 2) : 0;
    if (oh < 0 || oh > 18 || om < 0 || om > 59 || i != s.size())
        return false;
    offset = (rest[0] == u'-' ? -1 : 1) * (oh * 3600 + om * 60);
    return true;
}

// A number as a time, by encoding.
ConvertedTime fromNumber(const Number &n, ValueEncoding encoding, const QString &text)
{
    auto none = [&text](const QString &warning) { // `warning` names the value as %1
        return ConvertedTime{QDateTime(), false, warning.arg(ValueConverter::quoted(text))};
    };
    qint64 whole = 0;
    const bool isWhole = n.whole(&whole);
    if (n.kind == Number::Kind::Real && !std::isfinite(n.d))
        return none(QStringLiteral("%1 is not a time; left empty"));
    const bool apple = encoding == ValueEncoding::AppleSeconds; // before 2001 is negative, and fine
    if (apple ? n.isZero() : (n.kind == Number::Kind::Integer ? n.i <= 0 : n.d <= 0))
        return none(QStringLiteral("The time %1 is zero or negative; left empty"));

    if (encoding == ValueEncoding::ThingsDate) { // year << 16 | month << 12 | day << 7: a date, no time
        const QDate date = isWhole && whole < (qint64(1) << 31)
                               ? QDate(int(whole >> 16), int((whole >> 12) & 0xF), int((whole >> 7) & 0x1F))
                               : QDate();
        return date.isValid() ? dateOnly(date) : none(QStringLiteral("%1 is not a Things date; left empty"));
    }
    if (encoding == ValueEncoding::Auto && isWhole && whole >= 19000101 && whole <= 22001231) {
        if (const QDate date(int(whole / 10000), int(whole / 100 % 100), int(whole % 100)); date.isValid()) {
            ConvertedTime out = dateOnly(date);
            out.warning =
                QStringLiteral("%1 was read as the date %2 (written yyyymmdd), not as seconds since 1970")
                    .arg(ValueConverter::quoted(text), date.toString(Qt::ISODate));
            return out;
        }
    }

    // The unit, as a power of 1000 below seconds: 0 s, 1 ms, 2 µs, 3 ns. Auto goes by magnitude,
    // comparing integers as integers (99999999999999999 is 1e17 as a double).
    int unit = encoding == ValueEncoding::EpochMilliseconds   ? 1
               : encoding == ValueEncoding::EpochMicroseconds ? 2
                                                              : 0;
    if (encoding == ValueEncoding::Auto) {
        auto below = [&n](qint64 limit) {
            return n.kind == Number::Kind::Integer ? n.i < limit : n.d < double(limit);
        };
        unit = below(100'000'000'000LL)           ? 0
               : below(100'000'000'000'000LL)     ? 1
               : below(100'000'000'000'000'000LL) ? 2
                                                  : 3;
    }
    qint64 ms = 0;
    if (n.kind == Number::Kind::Integer) { // exact; finer units are cut to the millisecond
        if (unit == 0 && std::llabs(n.i) > 9'000'000'000'000LL)
            return none(QStringLiteral("%1 is too large for a time; left empty"));
        ms = unit == 0 ? n.i * 1000 : unit == 1 ? n.i : floorDiv(n.i, unit == 2 ? 1000 : 1'000'000);
    } else {
        // A REAL in double precision (never through a float): to the nearest microsecond, which a
        // double still tells apart for present-day seconds, then cut to the millisecond.
        static constexpr double UsPerUnit[] = {1e6, 1e3, 1, 1e-3};
        const double us = n.d * UsPerUnit[unit];
        if (std::fabs(us) > 9e18)
            return none(QStringLiteral("%1 is too large for a time; left empty"));
        ms = floorDiv(std::llround(us), 1000);
    }
    return {utcMs(apple ? ms + AppleEpochMs : ms), false, {}};
}

} // namespace

QString ValueConverter::quoted(const QString &text)
{
    QString s = text;
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    if (s.size() > 40) {
        int cut = 39;
        if (s.at(cut - 1).isHighSurrogate())
            --cut;
        s = s.left(cut) + QChar(0x2026);
    }
    return QChar(0x201C) + s + QChar(0x201D);
}

Converted<bool> ValueConverter::toBool(const QVariant &value, ValueEncoding encoding)
{
    if (!value.isValid() || value.isNull())
        return {};
    const QString unknown = QStringLiteral("Unknown completion value %1; imported as not done");
    if (value.metaType().id() == QMetaType::Bool)
        return {value.toBool(), {}};
    const Number n = numberOf(value);
    const QString text = textOf(value).trimmed();
    if (text.isEmpty())
        return {};

    if (isTimeEncoding(encoding)) {
        // A completion time: set means done.
        if (n.isZero())
            return {};
        const ConvertedTime t = toDateTime(value, encoding, QTimeZone::utc());
        if (t.utc.isValid())
            return {true, {}};
        return {false, unknown.arg(quoted(text))};
    }

    if (n.kind != Number::Kind::None) {
        const double d = n.kind == Number::Kind::Integer ? double(n.i) : n.d;
        if (d == 0 || d == 1)
            return {d == 1, {}};
        return {false, unknown.arg(quoted(text))};
    }

    static const QStringList yes = QStringLiteral("t|true|yes|y|on|done|x|[x]|✓|✔|☑|completed|complete|"
                                                  "finished|closed|resolved")
                                       .split(QLatin1Char('|'));
    static const QStringList no =
        QStringLiteral("f|false|no|n|off|[ ]|[]|open|todo|to do|pending|in progress|"
                       "in process|needs action|not started|active|new")
            .split(QLatin1Char('|'));
    const QString word = normalisedWord(text);
    if (yes.contains(word))
        return {true, {}};
    if (no.contains(word))
        return {false, {}};
    return {false, unknown.arg(quoted(text))};
}

ConvertedTime ValueConverter::toDateTime(const QVariant &value, ValueEncoding encoding,
                                         const QTimeZone &naiveZone)
{
    if (!value.isValid() || value.isNull())
        return {};
    ConvertedTime out;
    const QString text = textOf(value).trimmed();
    switch (value.metaType().id()) {
    case QMetaType::QDate:
        out = value.toDate().isValid() ? dateOnly(value.toDate()) : ConvertedTime{};
        break;
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
            out.utc = fromWallClock(msOf(dt.date(), dt.time()), naiveZone, text, out.warning);
        else if (dt.isValid())
            out.utc = dt.toUTC();
        break;
    }
    default: {
        if (text.isEmpty())
            return {};
        const Number n = numberOf(value);
        QDate date;
        QTime time;
        std::optional<int> offset;
        if (n.kind != Number::Kind::None)
            out = fromNumber(n, encoding, text);
        else if (!parseIso(text, date, time, offset))
            return {QDateTime(), false,
                    QStringLiteral("%1 is not a date or time; left empty").arg(quoted(text))};
        else if (!time.isValid())
            out = dateOnly(date);
        else if (offset)
            out.utc = utcMs(msOf(date, time) - qint64(*offset) * 1000);
        else
            out.utc = fromWallClock(msOf(date, time), naiveZone, text, out.warning);
        break;
    }
    }
    if (out.utc.isValid()) {
        const int year = out.utc.date().year();
        if (year < 1 || year > 9999) // neither database's storage text can hold it
            return {QDateTime(), false,
                    QStringLiteral("%1 is not between the years 1 and 9999; left empty").arg(quoted(text))};
        if (year < 1900 || year > 2200)
            addWarning(out.warning,
                       QStringLiteral("Unlikely date %1 kept").arg(out.utc.date().toString(Qt::ISODate)));
    }
    return out;
}

Converted<int> ValueConverter::toPriority(const QVariant &value, ValueEncoding encoding, int highIsOneMax)
{
    if (!value.isValid() || value.isNull())
        return {};
    const QString text = textOf(value).trimmed();
    if (text.isEmpty())
        return {};
    auto unknown = [&text] {
        return Converted<int>{
            0, QStringLiteral("Unknown priority %1; imported as no priority").arg(quoted(text))};
    };
    const Number n = numberOf(value);
    if (n.kind != Number::Kind::None) {
        qint64 v = 0;
        if (!n.whole(&v) || v < 0)
            return unknown();
        if (encoding == ValueEncoding::PriorityHighIsOne) {
            const qint64 max = highIsOneMax > 0 ? highIsOneMax : 9;
            if (v == 0)
                return {};
            if (v > max)
                return unknown();
            if (max == 4) // Todoist-style: p1 high, p2 medium, p3 low, p4 none
                return {int(4 - v), {}};
            return {int(3 - (v - 1) * 3 / max), {}}; // thirds: 1-3 high, 4-6 medium, 7-9 low
        }
        if (v <= 3)
            return {int(v), {}};
        if (v <= 5)
            return {3, {}};
        return unknown();
    }
    auto words = [](const char16_t *list) { return QString::fromUtf16(list).split(QLatin1Char('|')); };
    static const QStringList high = words(u"high|urgent|important|critical|highest|!!!|p1");
    static const QStringList medium = words(u"medium|normal|med|!!|p2");
    static const QStringList low = words(u"low|lowest|!|p3");
    static const QStringList none = words(u"none|no|p4");
    const QString word = normalisedWord(text);
    if (high.contains(word))
        return {3, {}};
    if (medium.contains(word))
        return {2, {}};
    if (low.contains(word))
        return {1, {}};
    if (none.contains(word))
        return {};
    return unknown();
}

Converted<QString> ValueConverter::toText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    Converted<QString> out;
    if (value.metaType().id() == QMetaType::QByteArray) {
        // Stateless: a sequence cut off at the end is an error too. A leading byte-order mark is dropped.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
        out.value = decoder(value.toByteArray());
        if (decoder.hasError())
            out.warning = QStringLiteral("Invalid UTF-8 replaced");
    } else {
        out.value = value.toString();
        // Text the driver already decoded can still hold halves of UTF-16 pairs.
        bool replaced = false;
        for (qsizetype i = 0; i < out.value.size(); ++i) {
            const QChar c = out.value.at(i);
            if (c.isHighSurrogate() && i + 1 < out.value.size() && out.value.at(i + 1).isLowSurrogate()) {
                ++i;
            } else if (c.isSurrogate()) {
                out.value[i] = QChar::ReplacementCharacter;
                replaced = true;
            }
        }
        if (replaced)
            out.warning = QStringLiteral("Invalid characters replaced");
    }
    if (out.value.contains(QChar::Null)) {
        out.value.remove(QChar::Null);
        addWarning(out.warning, QStringLiteral("NUL characters removed"));
    }
    return out;
}

} // namespace nt
