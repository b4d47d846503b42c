#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace nt {

// What the quick-add bar understood in one line of text ("Pay rent tomorrow 5pm !3 #home").
struct QuickAdd
{
    enum class Kind { Due, Priority, List };
    // One understood piece, as a span of the original text (for highlighting) and the words the
    // hint shows for it ("Due: Thu 19 Nov, 17:00", "Priority: high", "List: home").
    struct Token
    {
        Kind kind = Kind::Due;
        qsizetype start = 0;
        qsizetype length = 0;
        QString description;
    };

    QString title;          // the text minus understood tokens and quote marks, whitespace collapsed
    QDateTime dueAt;        // UTC; invalid when no date was understood
    bool dueAllDay = false; // a date without a time: dueAt is that calendar date at 00:00 UTC
    int priority = 0;       // 0 none, 1 low, 2 medium, 3 high
    QString listName;       // from #name, without '#', case kept; empty when none
    QList<Token> tokens;    // what was understood, in text order; every !N and #name, even overridden
    QTimeZone zone;         // the zone the text was read in: summary() shows times in it
    QDate today;            // "today" in that zone: summary() shows a year only when it differs

    // "Due: Thu 19 Nov, 17:00 · Priority: high · List: home", only the parts present; empty when
    // nothing was understood. Words are translatable (context "QuickAdd"), dates use QLocale().
    QString summary() const;
};

// Reads quick-add text. English keywords, case-insensitive:
// - priority: a whole word !1 !2 !3 or ! !! !!! (low, medium, high); the last one wins;
// - list: a whole word #name (letters, digits, '-', '_', inner '.'; at least one letter, so #12 is
//   an issue number); the last one wins;
// - due date (see QuickAddDateReader for the phrases): one phrase, read only when it ends the text
//   (trailing !N/#name aside), or anywhere after "due"/"by", or anywhere for an ISO date; a "due",
//   "by" or "on" right before it goes with it. Precedence in that order.
// - "quoted words" are never read; the quote marks leave the title. An unclosed quote runs to the
//   end of the text (the person is still typing it).
// If the title would be empty, nothing is understood and the whole text is the title.
class QuickAddParser
{
public:
    // `now` is the person's "now" (any zone: it is taken as an instant); `zone` is the zone naive
    // times are in. An invalid zone means the system zone.
    explicit QuickAddParser(QDateTime now = QDateTime::currentDateTime(),
                            QTimeZone zone = QTimeZone::systemTimeZone());

    QuickAdd parse(const QString &text) const;

private:
    QDateTime m_now; // in m_zone
    QTimeZone m_zone;
};

} // namespace nt
