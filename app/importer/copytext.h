#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// PostgreSQL COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
// The import benchmark's \copy baseline writes its file with it.
namespace nt::CopyText {

// Appends `value` as UTF-8, escaped; \N when `isNull`.
void appendField(QByteArray &out, const QString &value, bool isNull = false);

// Appends UTF-8 bytes, escaped.
void appendEscaped(QByteArray &out, const char *bytes, qsizetype size);

// Appends a time as UTC with milliseconds, "2026-01-15 10:20:30.123+00" (what timestamptz reads in
// any DateStyle and time zone); \N for an invalid time. Years 1 to 9999.
void appendTime(QByteArray &out, const QDateTime &time);
void appendTime(QByteArray &out, qint64 msecsSinceEpoch);

} // namespace nt::CopyText
