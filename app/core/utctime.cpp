#include "utctime.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace nt::UtcTime {

QDateTime now()
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); // Qt::UTC, like toUTC() (not Qt::TimeZone)
}

QString toStorageText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

// The canonical storage text, "yyyy-MM-ddTHH:mm:ss.zzzZ" (24 characters), read without the general
// parser: SQLite hands every stored time over in this form, several per row of a load. Invalid for
// anything else (then the general parser decides), so results are the same either way.
// `text` is anything indexable whose elements compare with ASCII characters (UTF-16 or UTF-8).
template<typename Text>
QDateTime parseStorageText(const Text &text)
{
    if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
        || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        return {};
    auto number = [&text](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const auto c = text[i];
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + int(c - '0');
        }
        return n;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2), ms = number(20, 3);
    // Hour 24 and second 60 are left to the general parser.
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || ms < 0)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    // Straight from the day number: no QTime, no time zone lookup.
    const qint64 msecs = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400000LL
        + ((hour * 60LL + minute) * 60LL + second) * 1000LL + ms;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC); // Qt::UTC, like toUTC() below
}

// UTF-16 code units as char16_t, so they compare with ASCII characters.
struct Utf16Chars
{
    QStringView text;
    qsizetype size() const { return text.size(); }
    char16_t operator[](qsizetype i) const { return text.at(i).unicode(); }
};

QDateTime fromStorageText(QStringView text)
{
    return parseStorageText(Utf16Chars{text});
}

} // namespace

QDateTime fromDatabase(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();

    QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    if (const QDateTime fast = fromStorageText(text); fast.isValid())
        return fast;
    // PostgreSQL's text form uses a space and a short offset ("2026-01-15 10:20:30.123+00").
    if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    // Only after a time: a date alone ("2026-01-15") ends in "-15" too.
    static const QRegularExpression shortOffset(
        QStringLiteral("(T\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?[+-]\\d\\d)$"));
    text.replace(shortOffset, QStringLiteral("\\1:00"));
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // no offset written: stored times are UTC
    return dt.toUTC();
}

QDateTime fromStorageUtf8(QByteArrayView text)
{
    if (const QDateTime fast = parseStorageText(text); fast.isValid())
        return fast;
    return text.isEmpty() ? QDateTime() : fromDatabase(QString::fromUtf8(text));
}

QDateTime fromLocal(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    QDateTime dt(date, time, zone);
    // Gaps are at most a few hours (usually one); step forward a quarter hour at a time.
    for (int minutes = 15; !dt.isValid() && minutes <= 180; minutes += 15)
        dt = QDateTime(date, time.addSecs(minutes * 60), zone);
    return dt.toUTC();
}

} // namespace nt::UtcTime
