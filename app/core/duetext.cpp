#include "duetext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace nt::DueText {

QString timeFormat()
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    return format;
}

QString shortTime(const QTime &time)
{
    return QLocale().toString(time, timeFormat());
}

QString shortDateTime(const QDateTime &local)
{
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + shortTime(local.time());
}

QDate localDate(const QDateTime &dueUtc, bool allDay)
{
    if (!dueUtc.isValid())
        return {};
    return allDay ? dueUtc.toUTC().date() : dueUtc.toLocalTime().date();
}

State state(const QDateTime &dueUtc, bool allDay, const QDateTime &now)
{
    if (!dueUtc.isValid())
        return State::None;
    const QDate today = now.toLocalTime().date();
    const QDate day = localDate(dueUtc, allDay);
    if (day < today || (!allDay && day == today && dueUtc < now))
        return State::Overdue;
    if (day == today)
        return State::Today;
    if (day == today.addDays(1))
        return State::Tomorrow;
    if (day <= today.addDays(6))
        return State::ThisWeek;
    return State::Later;
}

QString text(const QDateTime &dueUtc, bool allDay, const QDateTime &now)
{
    if (!dueUtc.isValid())
        return {};
    const QLocale locale;
    const QDate today = now.toLocalTime().date();
    const QDate day = localDate(dueUtc, allDay);
    const QString time = allDay ? QString() : QLatin1Char(' ') + shortTime(dueUtc.toLocalTime().time());
    switch (state(dueUtc, allDay, now)) {
    case State::Overdue: {
        const qint64 days = day.daysTo(today);
        if (days >= 1)
            return QCoreApplication::translate("DueText", "Overdue %1d").arg(days);
        const qint64 hours = std::max<qint64>(1, dueUtc.secsTo(now) / 3600);
        return QCoreApplication::translate("DueText", "Overdue %1h").arg(hours);
    }
    case State::Today:
        return QCoreApplication::translate("DueText", "Today") + time;
    case State::Tomorrow:
        return QCoreApplication::translate("DueText", "Tomorrow") + time;
    case State::ThisWeek:
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat) + time;
    case State::Later:
        break;
    case State::None:
        return {};
    }
    const QString format = day.year() == today.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    return locale.toString(day, format) + time;
}

} // namespace nt::DueText
