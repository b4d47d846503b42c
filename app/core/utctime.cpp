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
// anything else (then the general parser below decides), so results are the same either way.
QDateTime fromStorageText(QStringView text)
{
    if (text.size() != 24 || text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T' || text.at(13) != u':'
        || text.at(16) != u':' || text.at(19) != u'.' || text.at(23) != u'Z')
        return {};
    auto number = [text](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2), ms = number(20, 3);
    // Hour 24 and second 60 are left to the general parser.
    if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || second < 0 || second > 59 || ms < 0)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC); // Qt::UTC, like toUTC() below
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

QDateTime fromLocal(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    QDateTime dt(date, time, zone);
    // Gaps are at most a few hours (usually one); step forward a quarter hour at a time.
    for (int minutes = 15; !dt.isValid() && minutes <= 180; minutes += 15)
        dt = QDateTime(date, time.addSecs(minutes * 60), zone);
    return dt.toUTC();
}

} // namespace nt::UtcTime
