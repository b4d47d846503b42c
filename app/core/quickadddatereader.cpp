#include "quickadddatereader.h"

#include "utctime.h"

#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

struct Name
{
    QStringView name;
    int value;
};

constexpr std::array MonthNames{
    Name{u"january", 1},   Name{u"jan", 1},   Name{u"february", 2},  Name{u"feb", 2},      Name{u"march", 3},
    Name{u"mar", 3},       Name{u"april", 4}, Name{u"apr", 4},       Name{u"may", 5},      Name{u"june", 6},
    Name{u"jun", 6},       Name{u"july", 7},  Name{u"jul", 7},       Name{u"august", 8},   Name{u"aug", 8},
    Name{u"september", 9}, Name{u"sep", 9},   Name{u"sept", 9},      Name{u"october", 10}, Name{u"oct", 10},
    Name{u"november", 11}, Name{u"nov", 11},  Name{u"december", 12}, Name{u"dec", 12},
};

constexpr std::array WeekdayNames{
    Name{u"monday", 1},    Name{u"mon", 1},    Name{u"tuesday", 2},  Name{u"tue", 2},      Name{u"tues", 2},
    Name{u"wednesday", 3}, Name{u"wed", 3},    Name{u"thursday", 4}, Name{u"thu", 4},      Name{u"thur", 4},
    Name{u"thurs", 4},     Name{u"friday", 5}, Name{u"fri", 5},      Name{u"saturday", 6}, Name{u"sat", 6},
    Name{u"sunday", 7},    Name{u"sun", 7},
};

template <std::size_t N> int lookUp(const std::array<Name, N> &names, QStringView word)
{
    for (const Name &n : names) {
        if (n.name == word)
            return n.value;
    }
    return 0;
}

// The word at i when it may be read (inside the limit, not quoted); empty otherwise.
QStringView wordAt(const QList<QuickAddWord> &words, qsizetype i, qsizetype limit)
{
    if (i < 0 || i >= limit || i >= words.size() || words.at(i).isQuoted)
        return {};
    return words.at(i).text;
}

// "5", "24th": a day of the month, 1..31 (whether the month has it is checked later).
int dayNumber(QStringView word)
{
    static const QRegularExpression re(u"^([0-9]{1,2})(st|nd|rd|th)?$"_s);
    const auto m = re.match(word);
    if (!m.hasMatch())
        return 0;
    const int day = m.capturedView(1).toInt();
    return day >= 1 && day <= 31 ? day : 0;
}

int yearNumber(QStringView word)
{
    static const QRegularExpression re(u"^[0-9]{4}$"_s);
    return re.match(word).hasMatch() ? word.toInt() : 0;
}

// 1..999, or "a"/"an" for one.
int countNumber(QStringView word)
{
    if (word == u"a" || word == u"an")
        return 1;
    static const QRegularExpression re(u"^[0-9]{1,3}$"_s);
    return re.match(word).hasMatch() ? word.toInt() : 0;
}

const QRegularExpression &isoPattern()
{
    static const QRegularExpression re(u"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:t([0-9]{1,2}):([0-9]{2}))?$"_s);
    return re;
}

// A 12-hour clock time "5", "5:30" with its "am"/"pm"; invalid when out of range.
QTime twelveHour(QStringView hourText, QStringView minuteText, QStringView amPm)
{
    const int hour = hourText.toInt();
    const int minute = minuteText.isEmpty() ? 0 : minuteText.toInt();
    if (hour < 1 || hour > 12 || minute > 59)
        return {};
    return QTime((hour % 12) + (amPm == u"pm" ? 12 : 0), minute);
}

} // namespace

QuickAddDateReader::QuickAddDateReader(const QDateTime &now, const QTimeZone &zone)
    : m_now(now.toTimeZone(zone)), m_zone(zone), m_today(m_now.date())
{}

bool QuickAddDateReader::isIsoDate(const QuickAddWord &word)
{
    return !word.isQuoted && isoPattern().match(word.text).hasMatch();
}

std::optional<QuickAddDateReader::Match> QuickAddDateReader::read(const QList<QuickAddWord> &words,
                                                                  qsizetype begin, qsizetype limit) const
{
    qsizetype i = begin;
    if (const auto date = readDate(words, i, limit)) {
        std::optional<TimePart> time;
        if (!date->exact.isValid() && !date->timeIsFixed)
            time = readTime(words, i, limit);
        return Match{i, combine(*date, time)};
    }
    if (const auto time = readTime(words, i, limit)) {
        qsizetype j = i;
        if (wordAt(words, j, limit) == u"on")
            ++j;
        if (const auto date = readDate(words, j, limit); date && !date->exact.isValid() && !date->timeIsFixed)
            return Match{j, combine(*date, time)};
        return Match{i, timeAlone(*time)};
    }
    return std::nullopt;
}

std::optional<QuickAddDateReader::DatePart> QuickAddDateReader::readDate(const QList<QuickAddWord> &words,
                                                                         qsizetype &i, qsizetype limit) const
{
    const QStringView w0 = wordAt(words, i, limit);
    const QStringView w1 = wordAt(words, i + 1, limit);
    const QStringView w2 = wordAt(words, i + 2, limit);
    const int dow = m_today.dayOfWeek(); // Monday = 1
    auto take = [&i](qsizetype count, QDate date, std::optional<QTime> time = std::nullopt,
                     bool fixed = false) {
        i += count;
        DatePart part;
        part.date = date;
        part.time = time;
        part.timeIsFixed = fixed;
        return std::optional<DatePart>(part);
    };
    auto takeExact = [&i](qsizetype count, const QDateTime &exact) {
        i += count;
        DatePart part;
        part.exact = exact;
        return std::optional<DatePart>(part);
    };
    if (w0.isEmpty())
        return std::nullopt;

    if (w0 == u"today")
        return take(1, m_today);
    if (w0 == u"tonight")
        return take(1, m_today, QTime(20, 0));
    if (w0 == u"tomorrow" || w0 == u"tmrw")
        return take(1, m_today.addDays(1));
    if (const int wd = lookUp(WeekdayNames, w0))
        return take(1, m_today.addDays((wd - dow + 6) % 7 + 1)); // strictly after today
    if (w0 == u"this") {
        if (const int wd = lookUp(WeekdayNames, w1))
            return take(2, m_today.addDays((wd - dow + 7) % 7)); // today or later this week
    }
    if (w0 == u"next") {
        const QDate nextMonday = m_today.addDays(8 - dow);
        if (const int wd = lookUp(WeekdayNames, w1))
            return take(2, nextMonday.addDays(wd - 1));
        if (w1 == u"week")
            return take(2, nextMonday);
        if (w1 == u"month")
            return take(2, QDate(m_today.year(), m_today.month(), 1).addMonths(1));
    }
    if (w0 == u"in") {
        const int n = countNumber(w1);
        if (n > 0) {
            static const QRegularExpression unit(u"^(day|week|month|year|hour|hr|minute|min)s?$"_s);
            const auto m = unit.match(w2);
            const QStringView u = m.capturedView(1);
            const QDateTime minute(m_now.date(), QTime(m_now.time().hour(), m_now.time().minute()), m_zone);
            if (u == u"day")
                return take(3, m_today.addDays(n));
            if (u == u"week")
                return take(3, m_today.addDays(7 * qint64(n)));
            if (u == u"month")
                return take(3, m_today.addMonths(n));
            if (u == u"year")
                return take(3, m_today.addYears(n));
            if (u == u"hour" || u == u"hr")
                return takeExact(3, minute.addSecs(3600 * qint64(n)));
            if (u == u"minute" || u == u"min")
                return takeExact(3, minute.addSecs(60 * qint64(n)));
        }
    }
    if (w0 == u"end" && w1 == u"of") {
        const qsizetype n = w2 == u"the" ? 4 : 3;
        if (wordAt(words, i + n - 1, limit) == u"month")
            return take(n, QDate(m_today.year(), m_today.month(), m_today.daysInMonth()));
    }
    if (const auto m = isoPattern().match(w0); m.hasMatch()) {
        const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
        if (!date.isValid())
            return std::nullopt;
        if (!m.hasCaptured(4))
            return take(1, date);
        const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt());
        if (!time.isValid())
            return std::nullopt;
        return take(1, date, time, true);
    }
    if (const auto date = readMonthDay(words, i, limit))
        return take(0, *date);
    return std::nullopt;
}

// MONTH DAY [YEAR] or DAY [of] MONTH [YEAR]. Without a year: the first such date from today on (so
// "dec 24" typed on 28 Dec is next year's, and "feb 29" waits for a leap year).
std::optional<QDate> QuickAddDateReader::readMonthDay(const QList<QuickAddWord> &words, qsizetype &i,
                                                      qsizetype limit) const
{
    const QStringView w0 = wordAt(words, i, limit);
    const QStringView w1 = wordAt(words, i + 1, limit);
    qsizetype used = 2;
    int month = lookUp(MonthNames, w0);
    int day = month ? dayNumber(w1) : 0;
    if (!month || !day) {
        day = dayNumber(w0);
        if (day && w1 == u"of")
            ++used;
        month = day ? lookUp(MonthNames, wordAt(words, i + used - 1, limit)) : 0;
    }
    if (!month || !day)
        return std::nullopt;

    if (const int year = yearNumber(wordAt(words, i + used, limit))) {
        const QDate date(year, month, day);
        if (!date.isValid())
            return std::nullopt;
        i += used + 1;
        return date;
    }
    for (int year = m_today.year(); year <= m_today.year() + 8; ++year) {
        const QDate date(year, month, day);
        if (date.isValid() && date >= m_today) {
            i += used;
            return date;
        }
    }
    return std::nullopt; // feb 30, apr 31: no such day
}

std::optional<QuickAddDateReader::TimePart> QuickAddDateReader::readTime(const QList<QuickAddWord> &words,
                                                                         qsizetype &i, qsizetype limit)
{
    static const QRegularExpression clock12(u"^([0-9]{1,2})(?::([0-9]{2}))?(am|pm)$"_s);
    static const QRegularExpression bare(u"^([0-9]{1,2})(?::([0-9]{2}))?$"_s);
    static const QRegularExpression clock24(u"^([0-9]{1,2}):([0-9]{2})$"_s);

    qsizetype j = i;
    if (wordAt(words, j, limit) == u"at")
        ++j;
    const QStringView w = wordAt(words, j, limit);
    if (w.isEmpty())
        return std::nullopt;

    std::optional<TimePart> result;
    qsizetype used = 1;
    if (w == u"noon") {
        result = TimePart{QTime(12, 0)};
    } else if (w == u"midnight") {
        result = TimePart{QTime(0, 0), true};
    } else if (const auto m = clock12.match(w); m.hasMatch()) {
        if (const QTime t = twelveHour(m.capturedView(1), m.capturedView(2), m.capturedView(3)); t.isValid())
            result = TimePart{t};
    } else if (const auto b = bare.match(w); b.hasMatch()) {
        const QStringView amPm = wordAt(words, j + 1, limit);
        if (amPm == u"am" || amPm == u"pm") {
            if (const QTime t = twelveHour(b.capturedView(1), b.capturedView(2), amPm); t.isValid()) {
                result = TimePart{t};
                used = 2;
            }
        } else if (const auto c = clock24.match(w); c.hasMatch()) {
            const QTime t(c.capturedView(1).toInt(), c.capturedView(2).toInt());
            if (t.isValid())
                result = TimePart{t};
        }
    }
    if (result)
        i = j + used;
    return result;
}

QuickAddDateReader::Due QuickAddDateReader::combine(const DatePart &date,
                                                    const std::optional<TimePart> &time) const
{
    if (date.exact.isValid())
        return {date.exact.toUTC(), false};
    if (time) {
        const QDate day = time->endOfDay ? date.date.addDays(1) : date.date;
        return {UtcTime::fromLocal(day, time->time, m_zone), false};
    }
    if (date.time)
        return {UtcTime::fromLocal(date.date, *date.time, m_zone), false};
    return {QDateTime(date.date, QTime(0, 0), Qt::UTC), true};
}

// Today at that time, or tomorrow when it is not after now.
QuickAddDateReader::Due QuickAddDateReader::timeAlone(const TimePart &time) const
{
    QDate day = time.endOfDay ? m_today.addDays(1) : m_today;
    if (QDateTime(day, time.time, m_zone) <= m_now)
        day = day.addDays(1);
    return {UtcTime::fromLocal(day, time.time, m_zone), false};
}

} // namespace nt
