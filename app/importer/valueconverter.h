#pragma once

#include "importtypes.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <QVariant>

namespace nt {

// A converted source value and, when the conversion had to drop, replace or doubt something, one
// sentence in plain words that says what (shown per cell in the preview, kept with the row).
template <typename T> struct Converted
{
    T value{};
    QString warning; // empty: converted exactly
};

// A converted time. `utc` is invalid for NULL, empty text and anything that is not a time.
struct ConvertedTime
{
    QDateTime utc;
    bool dateOnly = false; // a date without a time: `utc` is 00:00 UTC that day (Todo::dueAllDay)
    QString warning;
};

// Turns the values of an old SQLite file into the app's types, one value at a time.
// Promises, for every function: never throws, never asserts on any input (any QVariant, including
// invalid, NULL, BLOB and huge numbers), and never silently guesses: a value that cannot be known
// gets a neutral result (false, no time, priority 0) and a warning that names it. NULL and empty
// text are "no value", never a warning.
class ValueConverter
{
public:
    // Done or not. True: 1, 't', 'true', 'yes', 'y', 'on', 'done', 'x', '✓' ('✔', '☑', '[x]'),
    // and the status words completed, complete, done, finished, closed, resolved. False: 0, 'f',
    // 'false', 'no', 'n', 'off', '[ ]', and open, todo, pending, in progress (in-process),
    // needs-action, not started, active, new. Case, surrounding spaces and '-'/'_' between words
    // do not matter. Anything else is false with a warning.
    // With a time encoding (EpochSeconds, EpochMilliseconds, EpochMicroseconds, AppleSeconds,
    // ThingsDate) the column holds a completion time: 0 is not done, a valid time is done.
    static Converted<bool> toBool(const QVariant &value, ValueEncoding encoding = ValueEncoding::Auto);

    // A time, as UTC.
    // Text: ISO 8601 with 'T' or a space, seconds optional, a fraction of any length (milliseconds
    // are kept; microseconds and finer are cut, never rounded), an offset (Z, UTC, GMT, +hh:mm,
    // +hhmm, +hh) or none; also the compact form 20260115T102030Z. Other spellings (15.01.2026,
    // 01/15/2026: which is the day?) are not guessed. Text without an offset is a wall-clock time in
    // `naiveZone`: a time that happens twice (the hour repeated when clocks go back) is read as the
    // first of the two, and a time skipped when clocks go forward is read with the offset before the
    // change; both with a warning. A date alone ('2026-01-15') is dateOnly: 00:00 UTC that day.
    // Numbers (integer, REAL or numeric text) follow `encoding`; Auto reads a Unix time by magnitude:
    // below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds. REAL
    // values keep their fraction (to the millisecond, as a double holds it). In Auto, an eight-digit
    // number that is a valid date yyyymmdd (1900-2200) is read as that date, with a warning: as
    // seconds it would be a day in August 1970, which no todo app writes.
    // ThingsDate is a date only. Zero or a negative Unix time (AppleSeconds: zero) is no time, with a
    // warning. Dates before 1900 or after 2200 are kept with a warning; outside the years 1 to 9999
    // (which neither database's storage text holds) they are no time, with a warning. An invalid
    // `naiveZone` reads naive text as UTC, with a warning. Thread-safe (zone offsets are remembered
    // per thread).
    static ConvertedTime toDateTime(const QVariant &value, ValueEncoding encoding,
                                    const QTimeZone &naiveZone);

    // Priority 0 (none) to 3 (high).
    // Auto: 0..3 as they are; 4 and 5 are 3 (scales whose top is 4 or 5). Words: high, urgent,
    // important, critical, highest, '!!!', p1 -> 3; medium, normal, med, '!!', p2 -> 2; low, lowest,
    // '!', p3 -> 1; none, no, p4, '' -> 0.
    // PriorityHighIsOne: 0 is none; on a scale up to `highIsOneMax` = 9 (Thunderbird/iCalendar)
    // 1-3 high, 4-6 medium, 7-9 low; on a scale up to 4 (Todoist-style p1..p4) 1 high, 2 medium,
    // 3 low, 4 none. Anything else (other numbers, fractions, unknown words) is 0 with a warning.
    static Converted<int> toPriority(const QVariant &value, ValueEncoding encoding = ValueEncoding::Auto,
                                     int highIsOneMax = 9);

    // Text from TEXT or BLOB. Bytes are decoded as strict UTF-8: invalid sequences become U+FFFD
    // with the warning "Invalid UTF-8 replaced". NUL characters are removed (PostgreSQL text cannot
    // hold them), with a warning. Numbers become their shortest text. Nothing is trimmed. NULL gives
    // a null QString.
    static Converted<QString> toText(const QVariant &value);

    // `text` for a warning: at most 40 characters, "…" when cut, in “quotes”.
    static QString quoted(const QString &text);
};

} // namespace nt
