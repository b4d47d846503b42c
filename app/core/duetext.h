#pragma once

#include <QDateTime>
#include <QString>

namespace nt::DueText {

enum class State { None, Overdue, Today, Tomorrow, ThisWeek, Later };

// How a due date relates to `now` (local time): for colouring and smart lists.
State state(const QDateTime &dueUtc, bool allDay, const QDateTime &now);

// A short relative text for the list: "Today", "Today 17:00", "Tomorrow", "Fri", "Overdue 2d",
// "Overdue 3h", "24 Dec", "24 Dec 2027". Empty when there is no due date.
QString text(const QDateTime &dueUtc, bool allDay, const QDateTime &now);

// The locale's short time format without seconds ("17:00", "5:00 PM"): todos are due to the minute.
QString timeFormat();
QString shortTime(const QTime &time);
QString shortDateTime(const QDateTime &local);

// The calendar date a due value falls on for the person (all-day dates are stored at 00:00 UTC).
QDate localDate(const QDateTime &dueUtc, bool allDay);

} // namespace nt::DueText
