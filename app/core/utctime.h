#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QTimeZone>
#include <QString>
#include <QVariant>

// The one place where times cross the database boundary. Every stored time is UTC:
// PostgreSQL keeps timestamptz; SQLite keeps ISO-8601 text with milliseconds and 'Z'
// ("2026-01-15T10:20:30.123Z"), which sorts and compares correctly as text.
namespace nt::UtcTime {

// Now, in UTC, truncated to milliseconds (the precision both databases round-trip).
QDateTime now();

// The storage text for a time: UTC, milliseconds, 'Z'. Null for an invalid time.
QString toStorageText(const QDateTime &time);

// A time read back from either driver, as UTC. Qt 6.4's QPSQL returns timestamptz as a local-time
// QDateTime; QSQLITE returns the text. Text without an offset is taken as UTC. Invalid for NULL or
// text that is not a time.
QDateTime fromDatabase(const QVariant &value);

// The same for stored text as UTF-8 bytes (read straight from SQLite): the canonical form is read
// without building a QString; anything else goes through fromDatabase().
QDateTime fromStorageUtf8(QByteArrayView text);

// A wall-clock time in `zone` as a UTC instant. A time that does not exist there (the hour skipped
// when clocks go forward) moves forward past the gap, as clocks do; Qt 6.4 would otherwise give an
// invalid time whose UTC value is the wall time itself.
QDateTime fromLocal(const QDate &date, const QTime &time, const QTimeZone &zone = QTimeZone::systemTimeZone());

} // namespace nt::UtcTime
