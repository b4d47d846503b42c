#include "quickaddparser.h"

#include "quickadddatereader.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

constexpr QChar StraightQuote = u'"';
constexpr QChar OpeningQuote = u'\u201C';
constexpr QChar ClosingQuote = u'\u201D';

struct Words
{
    QList<QuickAddWord> words;
    QList<qsizetype> quoteMarks; // positions of the quote marks that delimit quoted words
};

// Words are runs of non-space characters; a quoted part ("..." or “...”) is one quoted word.
Words splitWords(const QString &text)
{
    Words result;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == StraightQuote || c == OpeningQuote) {
            const qsizetype close = text.indexOf(c == StraightQuote ? StraightQuote : ClosingQuote, i + 1);
            const qsizetype stop = close >= 0 ? close + 1 : n;
            result.quoteMarks << i;
            if (close >= 0)
                result.quoteMarks << close;
            result.words << QuickAddWord{i, stop - i, text.mid(i, stop - i), true};
            i = stop;
        } else {
            qsizetype j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != StraightQuote &&
                   text.at(j) != OpeningQuote)
                ++j;
            result.words << QuickAddWord{i, j - i, text.mid(i, j - i).toLower(), false};
            i = j;
        }
    }
    return result;
}

// 1..3 for a priority word, 0 otherwise.
int priorityOf(const QuickAddWord &word)
{
    if (word.isQuoted)
        return 0;
    const QString &w = word.text;
    if (w == u"!" || w == u"!1")
        return 1;
    if (w == u"!!" || w == u"!2")
        return 2;
    if (w == u"!!!" || w == u"!3")
        return 3;
    return 0;
}

// The list name of a #name word, case kept; empty otherwise.
QString listOf(const QString &text, const QuickAddWord &word)
{
    static const QRegularExpression name(u"^#([\\p{L}\\p{M}\\p{Nd}_-]+(?:\\.[\\p{L}\\p{M}\\p{Nd}_-]+)*)$"_s);
    static const QRegularExpression letter(u"\\p{L}"_s);
    if (word.isQuoted || !word.text.startsWith(u'#'))
        return {};
    const auto m = name.match(QStringView(text).mid(word.start, word.length));
    if (!m.hasMatch() || !m.capturedView(1).contains(letter))
        return {};
    return m.captured(1);
}

struct DateSpan
{
    qsizetype first = 0; // words, inclusive
    qsizetype last = 0;
    QuickAddDateReader::Due due;
};

bool isWord(const QList<QuickAddWord> &words, qsizetype i, QStringView w)
{
    return i >= 0 && i < words.size() && !words.at(i).isQuoted && words.at(i).text == w;
}

// Where a phrase starting at word s really starts: a "due", "by" or "on" before it (or "due by",
// "due on") goes with it.
qsizetype withLeadIn(const QList<QuickAddWord> &words, qsizetype s)
{
    if (isWord(words, s - 1, u"due"))
        return s - 1;
    if (isWord(words, s - 1, u"by") || isWord(words, s - 1, u"on"))
        return isWord(words, s - 2, u"due") ? s - 2 : s - 1;
    return s;
}

// The one date phrase of the text, by precedence: the phrase that ends the text (tokens aside),
// the first one after "due"/"by", the first ISO date.
std::optional<DateSpan> findDate(const QList<QuickAddWord> &words, const QList<bool> &isToken,
                                 const QuickAddDateReader &reader)
{
    const qsizetype n = words.size();
    qsizetype last = n - 1;
    while (last >= 0 && isToken.at(last))
        --last;
    for (qsizetype s = 0; s <= last; ++s) {
        const auto m = reader.read(words, s, last + 1);
        if (m && m->end == last + 1)
            return DateSpan{withLeadIn(words, s), last, m->due};
    }
    for (qsizetype s = 1; s < n; ++s) {
        if (!isWord(words, s - 1, u"due") && !isWord(words, s - 1, u"by"))
            continue;
        if (const auto m = reader.read(words, s, n))
            return DateSpan{withLeadIn(words, s), m->end - 1, m->due};
    }
    for (qsizetype s = 0; s < n; ++s) {
        if (!QuickAddDateReader::isIsoDate(words.at(s)))
            continue;
        if (const auto m = reader.read(words, s, n))
            return DateSpan{withLeadIn(words, s), m->end - 1, m->due};
    }
    return std::nullopt;
}

// The text without the given spans (each becomes a space) and without the quote marks, whitespace
// collapsed.
QString remainingTitle(const QString &text, const QList<QuickAdd::Token> &removed,
                       const QList<qsizetype> &quoteMarks)
{
    QString kept = text;
    for (const QuickAdd::Token &t : removed) {
        for (qsizetype i = t.start; i < t.start + t.length; ++i)
            kept[i] = u' ';
    }
    for (const qsizetype i : quoteMarks)
        kept[i] = QChar(); // dropped below, without a space: "The Day" keeps its neighbours' spacing
    kept.remove(QChar());
    return kept.simplified();
}

QString dueText(const QDateTime &at, bool allDay, const QTimeZone &zone, const QDate &today)
{
    const QLocale locale;
    const QDateTime shown =
        allDay ? at.toUTC() : at.toTimeZone(zone.isValid() ? zone : QTimeZone::systemTimeZone());
    const QDate reference = today.isValid() ? today : QDate::currentDate();
    const QString date =
        shown.date().year() == reference.year()
            ? locale.toString(shown.date(), QCoreApplication::translate("QuickAdd", "ddd d MMM"))
            : locale.toString(shown.date(), QCoreApplication::translate("QuickAdd", "ddd d MMM yyyy"));
    if (allDay)
        return QCoreApplication::translate("QuickAdd", "Due: %1").arg(date);
    const QString time = locale.toString(shown.time(), QCoreApplication::translate("QuickAdd", "HH:mm"));
    return QCoreApplication::translate("QuickAdd", "Due: %1, %2", "date, time").arg(date, time);
}

QString priorityText(int priority)
{
    QString level;
    switch (priority) {
    case 1:
        level = QCoreApplication::translate("QuickAdd", "low");
        break;
    case 2:
        level = QCoreApplication::translate("QuickAdd", "medium");
        break;
    case 3:
        level = QCoreApplication::translate("QuickAdd", "high");
        break;
    default:
        return {};
    }
    return QCoreApplication::translate("QuickAdd", "Priority: %1").arg(level);
}

QString listText(const QString &listName)
{
    return QCoreApplication::translate("QuickAdd", "List: %1").arg(listName);
}

} // namespace

QString QuickAdd::summary() const
{
    QStringList parts;
    if (dueAt.isValid())
        parts << dueText(dueAt, dueAllDay, zone, today);
    if (const QString p = priorityText(priority); !p.isEmpty())
        parts << p;
    if (!listName.isEmpty())
        parts << listText(listName);
    return parts.join(u" \u00B7 "_s);
}

QuickAddParser::QuickAddParser(QDateTime now, QTimeZone zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{
    m_now = (now.isValid() ? now : QDateTime::currentDateTime()).toTimeZone(m_zone);
}

QuickAdd QuickAddParser::parse(const QString &text) const
{
    QuickAdd result;
    result.zone = m_zone;
    result.today = m_now.date();

    const Words split = splitWords(text);
    const QList<QuickAddWord> &words = split.words;
    QList<bool> isToken(words.size(), false);
    QList<QuickAdd::Token> tokens;
    int priority = 0;
    QString listName;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QuickAddWord &w = words.at(i);
        if (const int p = priorityOf(w)) {
            priority = p;
            tokens << QuickAdd::Token{QuickAdd::Kind::Priority, w.start, w.length, priorityText(p)};
            isToken[i] = true;
        } else if (const QString list = listOf(text, w); !list.isEmpty()) {
            listName = list;
            tokens << QuickAdd::Token{QuickAdd::Kind::List, w.start, w.length, listText(list)};
            isToken[i] = true;
        }
    }

    const QuickAddDateReader reader(m_now, m_zone);
    const std::optional<DateSpan> date = findDate(words, isToken, reader);
    if (date) {
        const qsizetype start = words.at(date->first).start;
        const qsizetype end = words.at(date->last).start + words.at(date->last).length;
        const QString description = dueText(date->due.at, date->due.allDay, m_zone, result.today);
        tokens << QuickAdd::Token{QuickAdd::Kind::Due, start, end - start, description};
        std::sort(tokens.begin(), tokens.end(),
                  [](const QuickAdd::Token &a, const QuickAdd::Token &b) { return a.start < b.start; });
    }

    result.title = remainingTitle(text, tokens, split.quoteMarks);
    if (result.title.isEmpty()) { // a todo needs a title: understand nothing
        result.title = remainingTitle(text, {}, split.quoteMarks);
        return result;
    }
    result.tokens = tokens;
    result.priority = priority;
    result.listName = listName;
    if (date) {
        result.dueAt = date->due.at;
        result.dueAllDay = date->due.allDay;
    }
    return result;
}

} // namespace nt
