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

QDateTime fromDatabase(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();

    QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
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

} // namespace nt::UtcTime
