#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace nt {

// One word of quick-add text: a run of non-space characters, or a whole quoted part (which is
// never read as anything).
struct QuickAddWord
{
    qsizetype start = 0;  // in the original text
    qsizetype length = 0; // in the original text (a quoted word includes its quotes)
    QString text;         // lower case, for matching
    bool isQuoted = false;
};

// Reads the date phrases of the quick-add bar (English keywords, case-insensitive) relative to a
// person's "now" in a zone. The grammar, as words:
//   phrase := date [time] | time [["on"] date]
//   date   := today | tonight | tomorrow | tmrw | WEEKDAY | this WEEKDAY | next WEEKDAY | next week
//           | next month | in N days|weeks|months|years | in N hours|minutes | end of [the] month
//           | ISO (2026-12-24, 2026-12-24T09:00) | MONTH DAY [YEAR] | DAY [of] MONTH [YEAR]
//   time   := ["at"] (5pm | 5:30pm | 5 pm | 17:00 | noon | midnight)
// A month name needs a day number; numbers alone are neither dates nor times; slashes are never read.
class QuickAddDateReader
{
public:
    struct Due
    {
        QDateTime at;        // UTC
        bool allDay = false; // `at` is the calendar date at 00:00 UTC
    };
    struct Match
    {
        qsizetype end = 0; // one past the last word read
        Due due;
    };

    // `now` may be in any zone; it is taken as the instant it is and looked at in `zone`.
    QuickAddDateReader(const QDateTime &now, const QTimeZone &zone);

    // The longest phrase that starts at words[begin] and ends before words[limit]; nothing when no
    // phrase starts there or the date does not exist (feb 30). Quoted words are never read.
    std::optional<Match> read(const QList<QuickAddWord> &words, qsizetype begin, qsizetype limit) const;

    // Whether a word is an ISO date (2026-12-24 or 2026-12-24T09:00), the only form read anywhere.
    static bool isIsoDate(const QuickAddWord &word);

private:
    struct DatePart
    {
        QDate date;
        std::optional<QTime> time; // tonight's 20:00 or an ISO date's own time
        bool timeIsFixed = false;  // an ISO time: no further time may follow
        QDateTime exact;           // "in 3 hours": an instant, no further time may follow
    };
    struct TimePart
    {
        QTime time;
        bool endOfDay = false; // midnight: 00:00 at the end of the day
    };

    std::optional<DatePart> readDate(const QList<QuickAddWord> &words, qsizetype &i, qsizetype limit) const;
    static std::optional<TimePart> readTime(const QList<QuickAddWord> &words, qsizetype &i, qsizetype limit);
    std::optional<QDate> readMonthDay(const QList<QuickAddWord> &words, qsizetype &i, qsizetype limit) const;
    Due combine(const DatePart &date, const std::optional<TimePart> &time) const;
    Due timeAlone(const TimePart &time) const;

    QDateTime m_now; // in m_zone
    QTimeZone m_zone;
    QDate m_today;
};

} // namespace nt
