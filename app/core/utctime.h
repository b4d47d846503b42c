#pragma once

#include <QDateTime>
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

} // namespace nt::UtcTime
