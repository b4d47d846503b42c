#include "quickaddparser.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

#include <array>
#include <ctime>

using namespace Qt::StringLiterals;
using nt::QuickAdd;
using nt::QuickAddParser;

namespace {

QTimeZone berlin()
{
    return QTimeZone("Europe/Berlin");
}

QTimeZone newYork()
{
    return QTimeZone("America/New_York");
}

// The fixed "now" of most rows: Wednesday 18 Nov 2026, 10:30 in Berlin (CET, UTC+1) = 09:30 UTC.
QDateTime wednesdayMorning()
{
    return QDateTime(QDate(2026, 11, 18), QTime(10, 30), berlin());
}

QDateTime inBerlin(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), berlin());
}

QDateTime inNewYork(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), newYork());
}

// Expected due values, written in UTC so that the zone conversion itself is checked.
struct Due
{
    QDateTime at;
    bool allDay = false;
};

Due at(int y, int mo, int d, int h, int mi)
{
    return {QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC), false};
}

Due onDay(int y, int mo, int d)
{
    return {QDateTime(QDate(y, mo, d), QTime(0, 0), Qt::UTC), true};
}

const Due NoDue{};

void row(const QString &text, const QString &title, const Due &due = NoDue, int priority = 0,
         const QString &list = {})
{
    QTest::newRow(text.toUtf8().constData()) << text << title << due.at << due.allDay << priority << list;
}

void row(const char *tag, const QString &text, const QString &title, const Due &due = NoDue, int priority = 0,
         const QString &list = {})
{
    QTest::newRow(tag) << text << title << due.at << due.allDay << priority << list;
}

QString kindName(QuickAdd::Kind kind)
{
    switch (kind) {
    case QuickAdd::Kind::Due:
        return u"Due"_s;
    case QuickAdd::Kind::Priority:
        return u"Priority"_s;
    case QuickAdd::Kind::List:
        return u"List"_s;
    }
    return {};
}

} // namespace

class tst_QuickAddParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldUnderstandDatesTimesPriorityAndList_data();
    void shouldUnderstandDatesTimesPriorityAndList();
    void shouldLeaveAmbiguousWordsInTheTitle_data();
    void shouldLeaveAmbiguousWordsInTheTitle();
    void shouldPickWeekdaysFromEveryDayOfTheWeek_data();
    void shouldPickWeekdaysFromEveryDayOfTheWeek();
    void shouldCountFromNowAcrossMonthAndYearEnds_data();
    void shouldCountFromNowAcrossMonthAndYearEnds();
    void shouldConvertTimesToUtcAcrossDaylightSavingChanges_data();
    void shouldConvertTimesToUtcAcrossDaylightSavingChanges();
    void shouldPointTokensAtTheTextTheyCameFrom_data();
    void shouldPointTokensAtTheTextTheyCameFrom();
    void shouldSummariseWhatWasUnderstood_data();
    void shouldSummariseWhatWasUnderstood();
    void shouldSummariseNothingForAnEmptyResult();
    void shouldReadNaiveTimesInTheSystemZoneByDefault();

private:
    static void addParseColumns();
    static void verifyParse(const QDateTime &now, const QTimeZone &zone);
};

void tst_QuickAddParser::initTestCase()
{
    // A machine zone unlike both test zones, so that results that depend on it show.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QVERIFY(berlin().isValid());
    QVERIFY(newYork().isValid());
    // English day and month names in summaries, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void tst_QuickAddParser::addParseColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QDateTime>("dueAt"); // UTC; invalid = no date
    QTest::addColumn<bool>("dueAllDay");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QString>("listName");
}

void tst_QuickAddParser::verifyParse(const QDateTime &now, const QTimeZone &zone)
{
    QFETCH(QString, text);
    QFETCH(QString, title);
    QFETCH(QDateTime, dueAt);
    QFETCH(bool, dueAllDay);
    QFETCH(int, priority);
    QFETCH(QString, listName);

    // WHEN the person types the text
    const QuickAdd result = QuickAddParser(now, zone).parse(text);

    // THEN the title keeps only what was not understood, and the rest lands in its fields
    QCOMPARE(result.title, title);
    QCOMPARE(result.dueAt, dueAt);
    if (dueAt.isValid()) {
        QCOMPARE(result.dueAt.timeSpec(), Qt::UTC);
        QCOMPARE(result.dueAt.toUTC().date(), dueAt.date());
        QCOMPARE(result.dueAt.toUTC().time(), dueAt.time());
    }
    QCOMPARE(result.dueAllDay, dueAllDay);
    QCOMPARE(result.priority, priority);
    QCOMPARE(result.listName, listName);
}

void tst_QuickAddParser::shouldUnderstandDatesTimesPriorityAndList_data()
{
    // GIVEN now is Wednesday 18 Nov 2026, 10:30 in Berlin (UTC+1)
    addParseColumns();

    row(u"Buy milk"_s, u"Buy milk"_s);
    row(u"  Buy   milk\t tomorrow  "_s, u"Buy milk"_s, onDay(2026, 11, 19));
    // the example from the brief, with the tokens in every position
    row(u"Pay rent tomorrow 5pm !3 #home"_s, u"Pay rent"_s, at(2026, 11, 19, 16, 0), 3, u"home"_s);
    row(u"!3 #home Pay rent tomorrow 5pm"_s, u"Pay rent"_s, at(2026, 11, 19, 16, 0), 3, u"home"_s);
    row(u"Pay rent !3 tomorrow 5pm #home"_s, u"Pay rent"_s, at(2026, 11, 19, 16, 0), 3, u"home"_s);
    row(u"Pay #home rent tomorrow 5pm !3"_s, u"Pay rent"_s, at(2026, 11, 19, 16, 0), 3, u"home"_s);
    row(u"Pay rent !1 #home tomorrow !3 #work"_s, u"Pay rent"_s, onDay(2026, 11, 19), 3, u"work"_s);

    // all-day dates
    row(u"Call mom today"_s, u"Call mom"_s, onDay(2026, 11, 18));
    row(u"Call mom tomorrow"_s, u"Call mom"_s, onDay(2026, 11, 19));
    row(u"Call mom tmrw"_s, u"Call mom"_s, onDay(2026, 11, 19));
    row(u"Call mom TOMORROW"_s, u"Call mom"_s, onDay(2026, 11, 19));
    row(u"Call mom fri"_s, u"Call mom"_s, onDay(2026, 11, 20));
    row(u"Call mom Friday"_s, u"Call mom"_s, onDay(2026, 11, 20));
    row(u"Call mom wed"_s, u"Call mom"_s, onDay(2026, 11, 25)); // today is Wednesday: next week's
    row(u"Call mom thurs"_s, u"Call mom"_s, onDay(2026, 11, 19));
    row(u"Call mom tues"_s, u"Call mom"_s, onDay(2026, 11, 24));
    row(u"Team sync next monday"_s, u"Team sync"_s, onDay(2026, 11, 23));
    row(u"Team sync next friday"_s, u"Team sync"_s, onDay(2026, 11, 27));
    row(u"Team sync this friday"_s, u"Team sync"_s, onDay(2026, 11, 20));
    row(u"Team sync this wednesday"_s, u"Team sync"_s, onDay(2026, 11, 18));
    row(u"Plan sprint next week"_s, u"Plan sprint"_s, onDay(2026, 11, 23));
    row(u"Pay invoices next month"_s, u"Pay invoices"_s, onDay(2026, 12, 1));
    row(u"Water plants in 3 days"_s, u"Water plants"_s, onDay(2026, 11, 21));
    row(u"Water plants in a day"_s, u"Water plants"_s, onDay(2026, 11, 19));
    row(u"Renew pass in 2 weeks"_s, u"Renew pass"_s, onDay(2026, 12, 2));
    row(u"Renew pass in a week"_s, u"Renew pass"_s, onDay(2026, 11, 25));
    row(u"See dentist in 1 month"_s, u"See dentist"_s, onDay(2026, 12, 18));
    row(u"Renew domain in 1 year"_s, u"Renew domain"_s, onDay(2027, 11, 18));
    row(u"Close books end of month"_s, u"Close books"_s, onDay(2026, 11, 30));
    row(u"Close books end of the month"_s, u"Close books"_s, onDay(2026, 11, 30));
    row(u"Party 2026-12-24"_s, u"Party"_s, onDay(2026, 12, 24));
    row(u"Buy tree dec 24"_s, u"Buy tree"_s, onDay(2026, 12, 24));
    row(u"Buy tree 24 dec"_s, u"Buy tree"_s, onDay(2026, 12, 24));
    row(u"Buy tree december 24th"_s, u"Buy tree"_s, onDay(2026, 12, 24));
    row(u"Buy tree 24th of december"_s, u"Buy tree"_s, onDay(2026, 12, 24));
    row(u"Buy tree Dec 24 2027"_s, u"Buy tree"_s, onDay(2027, 12, 24));
    row(u"Buy tree 24 December 2027"_s, u"Buy tree"_s, onDay(2027, 12, 24));
    row(u"Toast 1st jan"_s, u"Toast"_s, onDay(2027, 1, 1));
    row(u"Send card jan 5"_s, u"Send card"_s, onDay(2027, 1, 5)); // January has passed: next one
    row(u"Review nov 18"_s, u"Review"_s, onDay(2026, 11, 18));    // today is not rolled
    row(u"Review nov 17"_s, u"Review"_s, onDay(2027, 11, 17));    // yesterday is next year's
    row(u"Review sept 3"_s, u"Review"_s, onDay(2027, 9, 3));
    row(u"Leap feb 29"_s, u"Leap"_s, onDay(2028, 2, 29)); // 2027 has none

    // dates with a time (Berlin is UTC+1 in November)
    row(u"Dinner tonight"_s, u"Dinner"_s, at(2026, 11, 18, 19, 0));
    row(u"Dinner tonight at 9pm"_s, u"Dinner"_s, at(2026, 11, 18, 20, 0));
    row(u"Call Bob tomorrow at 17:00"_s, u"Call Bob"_s, at(2026, 11, 19, 16, 0));
    row(u"Call Bob friday 9am"_s, u"Call Bob"_s, at(2026, 11, 20, 8, 0));
    row(u"Call Bob next monday at noon"_s, u"Call Bob"_s, at(2026, 11, 23, 11, 0));
    row(u"Call Bob today 9am"_s, u"Call Bob"_s, at(2026, 11, 18, 8, 0)); // as typed, though past
    row(u"Buy tree Dec 24 5pm"_s, u"Buy tree"_s, at(2026, 12, 24, 16, 0));
    row(u"Party 2026-12-24 09:00"_s, u"Party"_s, at(2026, 12, 24, 8, 0));
    row(u"Party 2026-12-24T09:00"_s, u"Party"_s, at(2026, 12, 24, 8, 0));
    row(u"Party 2026-12-24 at 9am"_s, u"Party"_s, at(2026, 12, 24, 8, 0));
    row(u"Check oven in 3 hours"_s, u"Check oven"_s, at(2026, 11, 18, 12, 30));
    row(u"Check oven in 30 minutes"_s, u"Check oven"_s, at(2026, 11, 18, 10, 0));
    row(u"Check oven in an hour"_s, u"Check oven"_s, at(2026, 11, 18, 10, 30));
    row(u"Check oven in 90 mins"_s, u"Check oven"_s, at(2026, 11, 18, 11, 0));
    row(u"Backup friday at midnight"_s, u"Backup"_s, at(2026, 11, 20, 23, 0)); // the end of Friday

    // a time alone: today, or tomorrow once it has passed (now is 10:30)
    row(u"Call Bob 5pm"_s, u"Call Bob"_s, at(2026, 11, 18, 16, 0));
    row(u"Call Bob 9am"_s, u"Call Bob"_s, at(2026, 11, 19, 8, 0));
    row(u"Call Bob at 17:00"_s, u"Call Bob"_s, at(2026, 11, 18, 16, 0));
    row(u"Call Bob at 5:30pm"_s, u"Call Bob"_s, at(2026, 11, 18, 16, 30));
    row(u"Call Bob at 5 pm"_s, u"Call Bob"_s, at(2026, 11, 18, 16, 0));
    row(u"Call Bob 5:30 PM"_s, u"Call Bob"_s, at(2026, 11, 18, 16, 30));
    row(u"Call Bob 10:30"_s, u"Call Bob"_s, at(2026, 11, 19, 9, 30)); // exactly now: tomorrow
    row(u"Call Bob 10:31"_s, u"Call Bob"_s, at(2026, 11, 18, 9, 31));
    row(u"Call Bob 12pm"_s, u"Call Bob"_s, at(2026, 11, 18, 11, 0));
    row(u"Call Bob 12am"_s, u"Call Bob"_s, at(2026, 11, 18, 23, 0)); // 00:00 tomorrow
    row(u"Lunch noon"_s, u"Lunch"_s, at(2026, 11, 18, 11, 0));
    row(u"Lunch at noon"_s, u"Lunch"_s, at(2026, 11, 18, 11, 0));
    row(u"Run backup midnight"_s, u"Run backup"_s, at(2026, 11, 18, 23, 0));
    row(u"Call Bob 5pm tomorrow"_s, u"Call Bob"_s, at(2026, 11, 19, 16, 0));
    row(u"Call Bob at 5pm on friday"_s, u"Call Bob"_s, at(2026, 11, 20, 16, 0));

    // "due", "by", "on" go with the date; "due"/"by" introduce a date anywhere; ISO dates anywhere
    row(u"Taxes due friday"_s, u"Taxes"_s, onDay(2026, 11, 20));
    row(u"Call Mom on Friday"_s, u"Call Mom"_s, onDay(2026, 11, 20));
    row(u"Report by tomorrow 9am"_s, u"Report"_s, at(2026, 11, 19, 8, 0));
    row(u"Report due by friday"_s, u"Report"_s, onDay(2026, 11, 20));
    row(u"Report due on friday"_s, u"Report"_s, onDay(2026, 11, 20));
    row(u"Finish report by friday for Anna"_s, u"Finish report for Anna"_s, onDay(2026, 11, 20));
    row(u"Pay rent due tomorrow 5pm to landlord"_s, u"Pay rent to landlord"_s, at(2026, 11, 19, 16, 0));
    row(u"Ship it due 2026-12-01 to client"_s, u"Ship it to client"_s, onDay(2026, 12, 1));
    row(u"Meet on 2026-12-01 with Bob"_s, u"Meet with Bob"_s, onDay(2026, 12, 1));
    row(u"2026-12-24 party planning"_s, u"party planning"_s, onDay(2026, 12, 24));
    row(u"Party 2026-12-24 9am with team"_s, u"Party with team"_s, at(2026, 12, 24, 8, 0));
    row(u"Read chapter 5 today"_s, u"Read chapter 5"_s, onDay(2026, 11, 18));

    // priority: whole words, last one wins
    row(u"!1 Buy milk"_s, u"Buy milk"_s, NoDue, 1);
    row(u"Buy !2 milk"_s, u"Buy milk"_s, NoDue, 2);
    row(u"Buy milk !3"_s, u"Buy milk"_s, NoDue, 3);
    row(u"Buy milk !"_s, u"Buy milk"_s, NoDue, 1);
    row(u"Buy milk !!"_s, u"Buy milk"_s, NoDue, 2);
    row(u"Buy milk !!!"_s, u"Buy milk"_s, NoDue, 3);
    row(u"Buy milk !1 !3"_s, u"Buy milk"_s, NoDue, 3);
    row(u"Buy milk !3 !1"_s, u"Buy milk"_s, NoDue, 1);

    // list: whole words, letters of any script, digits, - _ and inner dots; last one wins
    row(u"#home Buy milk"_s, u"Buy milk"_s, NoDue, 0, u"home"_s);
    row(u"Buy #home milk"_s, u"Buy milk"_s, NoDue, 0, u"home"_s);
    row(u"Buy milk #home"_s, u"Buy milk"_s, NoDue, 0, u"home"_s);
    row(u"Buy milk #home #work"_s, u"Buy milk"_s, NoDue, 0, u"work"_s);
    row(u"Buy milk #Home"_s, u"Buy milk"_s, NoDue, 0, u"Home"_s);
    row(u"Buy milk #Café"_s, u"Buy milk"_s, NoDue, 0, u"Café"_s);
    row(u"Kaffee für Jürgen #Küche"_s, u"Kaffee für Jürgen"_s, NoDue, 0, u"Küche"_s);
    row(u"Read spec #work-stuff_2.0"_s, u"Read spec"_s, NoDue, 0, u"work-stuff_2.0"_s);
    row(u"Deploy #v2"_s, u"Deploy"_s, NoDue, 0, u"v2"_s);
    row(u"Fix issue #123 today"_s, u"Fix issue #123"_s, onDay(2026, 11, 18));
}

void tst_QuickAddParser::shouldUnderstandDatesTimesPriorityAndList()
{
    verifyParse(wednesdayMorning(), berlin());
}

void tst_QuickAddParser::shouldLeaveAmbiguousWordsInTheTitle_data()
{
    // GIVEN now is Wednesday 18 Nov 2026, 10:30 in Berlin
    addParseColumns();

    row("month name alone is a name", u"Call May"_s, u"Call May"_s);
    row("month name alone before a token", u"Call May !2"_s, u"Call May"_s, NoDue, 2);
    row("another month name alone", u"Meet April"_s, u"Meet April"_s);
    row("month name without a number", u"May the 4th"_s, u"May the 4th"_s);
    row("weekday not at the end", u"Fix the Friday deploy script"_s, u"Fix the Friday deploy script"_s);
    row("weekday in a show name", u"Watch Friday Night Lights"_s, u"Watch Friday Night Lights"_s);
    row("weekday first", u"Sunday roast recipe"_s, u"Sunday roast recipe"_s);
    row("date not at the end", u"Remember tomorrow is a holiday"_s, u"Remember tomorrow is a holiday"_s);
    row("date at the start", u"Tomorrow buy milk"_s, u"Tomorrow buy milk"_s);
    row("month and day not at the end", u"Review 5 December plans"_s, u"Review 5 December plans"_s);
    row("number alone", u"Read chapter 5"_s, u"Read chapter 5"_s);
    row("count", u"Buy 3 apples"_s, u"Buy 3 apples"_s);
    row("number after at", u"Call at 5"_s, u"Call at 5"_s);
    row("in with a number only", u"Meet in 3"_s, u"Meet in 3"_s);
    row("next alone", u"Plan next"_s, u"Plan next"_s);
    row("next with an unknown unit", u"Plan next year"_s, u"Plan next year"_s);
    row("by without a date", u"Go by bus"_s, u"Go by bus"_s);
    row("day/month slash", u"Pay 24/12"_s, u"Pay 24/12"_s);
    row("month/day slash", u"Pay 12/24"_s, u"Pay 12/24"_s);
    row("ISO date that does not exist", u"Book flight 2026-02-30"_s, u"Book flight 2026-02-30"_s);
    row("month day that does not exist", u"Book flight feb 30"_s, u"Book flight feb 30"_s);
    row("day month that does not exist", u"Book flight 31 april"_s, u"Book flight 31 april"_s);
    row("hour out of range", u"Go 25:00"_s, u"Go 25:00"_s);
    row("pm hour out of range", u"Go 13pm"_s, u"Go 13pm"_s);
    row("quoted title", u"Watch \"The Day After Tomorrow\""_s, u"Watch The Day After Tomorrow"_s);
    row("curly quoted title", u"Watch \u201CThe Day After Tomorrow\u201D"_s,
        u"Watch The Day After Tomorrow"_s);
    row("unclosed quote", u"Watch \"The Day After Tomorrow"_s, u"Watch The Day After Tomorrow"_s);
    row("quoted date before a token", u"Read \"tomorrow\" !3"_s, u"Read tomorrow"_s, NoDue, 3);
    row("quoted tokens", u"Buy \"#1 fan !3\" mug"_s, u"Buy #1 fan !3 mug"_s);
    row("date alone", u"tomorrow"_s, u"tomorrow"_s);
    row("priority alone", u"!3"_s, u"!3"_s);
    row("list alone", u"#home"_s, u"#home"_s);
    row("due date alone", u"due tomorrow"_s, u"due tomorrow"_s);
    row("tokens alone", u"tomorrow 5pm !3 #home"_s, u"tomorrow 5pm !3 #home"_s);
    row("quote marks alone", u"\"\""_s, QString());
    row("exclamation inside a word", u"Wow! Nice"_s, u"Wow! Nice"_s);
    row("exclamation before a word", u"Read !important"_s, u"Read !important"_s);
    row("priority out of range", u"Fix bug !4"_s, u"Fix bug !4"_s);
    row("too many exclamation marks", u"Fix bug !!!!"_s, u"Fix bug !!!!"_s);
    row("issue number", u"Fix #1"_s, u"Fix #1"_s);
    row("version number", u"Ship #1.2"_s, u"Ship #1.2"_s);
    row("hash inside a word", u"Email a#b"_s, u"Email a#b"_s);
    row("hash alone", u"Buy milk #"_s, u"Buy milk #"_s);
    row("list with a trailing dot", u"Buy milk #home."_s, u"Buy milk #home."_s);
    // Understood, and worth knowing: these read as people might not expect.
    row("unquoted date word at the end is read", u"Read The Day After Tomorrow"_s, u"Read The Day After"_s,
        onDay(2026, 11, 19));
    row("token between date and time splits them", u"Pay rent tomorrow !3 5pm"_s, u"Pay rent tomorrow"_s,
        at(2026, 11, 18, 16, 0), 3);
}

void tst_QuickAddParser::shouldLeaveAmbiguousWordsInTheTitle()
{
    verifyParse(wednesdayMorning(), berlin());
}

void tst_QuickAddParser::shouldPickWeekdaysFromEveryDayOfTheWeek_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");

    // Monday 16 .. Sunday 22 Nov 2026; for each phrase, the expected day of November when today is
    // Mon, Tue, Wed, Thu, Fri, Sat, Sun.
    struct Phrase
    {
        QString words;
        std::array<int, 7> expected;
    };
    const QList<Phrase> phrases = {
        // a weekday alone: strictly after today
        {u"monday"_s, {23, 23, 23, 23, 23, 23, 23}},
        {u"wed"_s, {18, 18, 25, 25, 25, 25, 25}},
        {u"friday"_s, {20, 20, 20, 20, 27, 27, 27}},
        {u"sunday"_s, {22, 22, 22, 22, 22, 22, 29}},
        // next WEEKDAY: that day of the following week (weeks start on Monday)
        {u"next monday"_s, {23, 23, 23, 23, 23, 23, 23}},
        {u"next friday"_s, {27, 27, 27, 27, 27, 27, 27}},
        {u"next sunday"_s, {29, 29, 29, 29, 29, 29, 29}},
        // this WEEKDAY: today or the coming one
        {u"this monday"_s, {16, 23, 23, 23, 23, 23, 23}},
        {u"this friday"_s, {20, 20, 20, 20, 20, 27, 27}},
        // next week: next Monday
        {u"next week"_s, {23, 23, 23, 23, 23, 23, 23}},
    };
    const QStringList dayNames = {u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s, u"Sun"_s};
    for (const Phrase &p : phrases) {
        for (int i = 0; i < 7; ++i) {
            const QDate today(2026, 11, 16 + i);
            const QString tag = dayNames.at(i) + u": "_s + p.words;
            QTest::newRow(tag.toUtf8().constData())
                << today << u"Call mom "_s + p.words << QDate(2026, 11, p.expected.at(i));
        }
    }
    // every spelling, seen from Wednesday 18
    const QList<std::pair<QString, int>> spellings = {
        {u"mon"_s, 23}, {u"tue"_s, 24},      {u"tues"_s, 24},  {u"tuesday"_s, 24},  {u"wednesday"_s, 25},
        {u"thu"_s, 19}, {u"thur"_s, 19},     {u"thurs"_s, 19}, {u"thursday"_s, 19}, {u"fri"_s, 20},
        {u"sat"_s, 21}, {u"saturday"_s, 21}, {u"sun"_s, 22},   {u"MONDAY"_s, 23},
    };
    for (const auto &[word, day] : spellings) {
        const QString tag = u"Wed: "_s + word;
        QTest::newRow(tag.toUtf8().constData())
            << QDate(2026, 11, 18) << u"Call mom "_s + word << QDate(2026, 11, day);
    }
}

void tst_QuickAddParser::shouldPickWeekdaysFromEveryDayOfTheWeek()
{
    QFETCH(QDate, today);
    QFETCH(QString, text);
    QFETCH(QDate, expected);

    // GIVEN now is 10:30 on `today` in Berlin
    const QuickAddParser parser(QDateTime(today, QTime(10, 30), berlin()), berlin());
    // WHEN a weekday phrase ends the text
    const QuickAdd result = parser.parse(text);
    // THEN it is that all-day date
    QCOMPARE(result.title, u"Call mom"_s);
    QVERIFY(result.dueAllDay);
    QCOMPARE(result.dueAt, QDateTime(expected, QTime(0, 0), Qt::UTC));
}

void tst_QuickAddParser::shouldCountFromNowAcrossMonthAndYearEnds_data()
{
    QTest::addColumn<QDateTime>("now");
    addParseColumns();

    auto add = [](const char *tag, const QDateTime &now, const QString &text, const Due &due) {
        QTest::newRow(tag) << now << text << u"Plan"_s << due.at << due.allDay << 0 << QString();
    };
    add("month day passed this year", inBerlin(2026, 12, 28, 9, 0), u"Plan dec 24"_s, onDay(2027, 12, 24));
    add("month day is today", inBerlin(2026, 12, 24, 9, 0), u"Plan dec 24"_s, onDay(2026, 12, 24));
    add("month day tomorrow", inBerlin(2026, 12, 23, 9, 0), u"Plan dec 24"_s, onDay(2026, 12, 24));
    add("january seen from december", inBerlin(2026, 12, 20, 9, 0), u"Plan jan 5"_s, onDay(2027, 1, 5));
    add("explicit year is kept", inBerlin(2026, 12, 20, 9, 0), u"Plan dec 31 2026"_s, onDay(2026, 12, 31));
    add("explicit past year is kept", inBerlin(2026, 12, 20, 9, 0), u"Plan 5 jan 2026"_s, onDay(2026, 1, 5));
    add("leap day waits for a leap year", inBerlin(2027, 3, 1, 9, 0), u"Plan feb 29"_s, onDay(2028, 2, 29));
    add("leap day in a leap year", inBerlin(2028, 1, 10, 9, 0), u"Plan feb 29"_s, onDay(2028, 2, 29));
    add("end of month on its last day", inBerlin(2026, 12, 31, 9, 0), u"Plan end of month"_s,
        onDay(2026, 12, 31));
    add("end of february", inBerlin(2027, 2, 3, 9, 0), u"Plan end of month"_s, onDay(2027, 2, 28));
    add("next month across the year", inBerlin(2026, 12, 31, 9, 0), u"Plan next month"_s, onDay(2027, 1, 1));
    add("next week across the year", inBerlin(2026, 12, 31, 9, 0), u"Plan next week"_s, onDay(2027, 1, 4));
    add("tomorrow across the year", inBerlin(2026, 12, 31, 9, 0), u"Plan tomorrow"_s, onDay(2027, 1, 1));
    add("a month from the 31st", inBerlin(2027, 1, 31, 9, 0), u"Plan in 1 month"_s, onDay(2027, 2, 28));
    add("hours across midnight", inBerlin(2026, 12, 31, 22, 0), u"Plan in 3 hours"_s, at(2027, 1, 1, 0, 0));
    add("time alone after it passed, across the year", inBerlin(2026, 12, 31, 22, 0), u"Plan 9am"_s,
        at(2027, 1, 1, 8, 0));
}

void tst_QuickAddParser::shouldCountFromNowAcrossMonthAndYearEnds()
{
    QFETCH(QDateTime, now);
    verifyParse(now, berlin());
}

void tst_QuickAddParser::shouldConvertTimesToUtcAcrossDaylightSavingChanges_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QTimeZone>("zone");
    addParseColumns();

    auto add = [](const char *tag, const QDateTime &now, const QTimeZone &zone, const QString &text,
                  const Due &due) {
        QTest::newRow(tag) << now << zone << text << u"Call"_s << due.at << due.allDay << 0 << QString();
    };
    const QDateTime utcLateEvening(QDate(2026, 11, 18), QTime(23, 30), Qt::UTC);

    // Berlin leaves summer time on Sun 25 Oct 2026 (03:00 CEST -> 02:00 CET)
    add("berlin, today still in summer time", inBerlin(2026, 10, 24, 10, 0), berlin(), u"Call today 9pm"_s,
        at(2026, 10, 24, 19, 0));
    add("berlin, tomorrow in winter time", inBerlin(2026, 10, 24, 10, 0), berlin(), u"Call tomorrow 9am"_s,
        at(2026, 10, 25, 8, 0));
    add("berlin, time alone rolls into winter time", inBerlin(2026, 10, 24, 18, 0), berlin(), u"Call 9am"_s,
        at(2026, 10, 25, 8, 0));
    add("berlin, hours count real time over the change", inBerlin(2026, 10, 24, 22, 0), berlin(),
        u"Call in 6 hours"_s, at(2026, 10, 25, 2, 0));
    add("berlin, all-day date ignores the change", inBerlin(2026, 10, 24, 10, 0), berlin(),
        u"Call tomorrow"_s, onDay(2026, 10, 25));
    // Berlin enters summer time on Sun 28 Mar 2027 (02:00 CET -> 03:00 CEST)
    add("berlin, tomorrow in summer time", inBerlin(2027, 3, 27, 12, 0), berlin(), u"Call tomorrow 9am"_s,
        at(2027, 3, 28, 7, 0));
    // New York leaves daylight time on Sun 1 Nov 2026 and enters it on Sun 14 Mar 2027
    add("new york, today in daylight time", inNewYork(2026, 10, 31, 12, 0), newYork(), u"Call today 5pm"_s,
        at(2026, 10, 31, 21, 0));
    add("new york, tomorrow in standard time", inNewYork(2026, 10, 31, 12, 0), newYork(),
        u"Call tomorrow 9am"_s, at(2026, 11, 1, 14, 0));
    add("new york, tomorrow in daylight time", inNewYork(2027, 3, 13, 12, 0), newYork(),
        u"Call tomorrow 9am"_s, at(2027, 3, 14, 13, 0));
    // `now` in another zone is the same instant, looked at in `zone`
    add("utc now, already tomorrow in berlin", utcLateEvening, berlin(), u"Call today"_s,
        onDay(2026, 11, 19));
    add("utc now, still today in new york", utcLateEvening, newYork(), u"Call today"_s, onDay(2026, 11, 18));
    add("utc now, 5pm passed in new york", utcLateEvening, newYork(), u"Call 5pm"_s, at(2026, 11, 19, 22, 0));
}

void tst_QuickAddParser::shouldConvertTimesToUtcAcrossDaylightSavingChanges()
{
    QFETCH(QDateTime, now);
    QFETCH(QTimeZone, zone);
    verifyParse(now, zone);
}

void tst_QuickAddParser::shouldPointTokensAtTheTextTheyCameFrom_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens"); // "Kind@start:the spanned text", in text order

    QTest::newRow("example") << u"Pay rent tomorrow 5pm !3 #home"_s
                             << QStringList{u"Due@9:tomorrow 5pm"_s, u"Priority@22:!3"_s, u"List@25:#home"_s};
    QTest::newRow("tokens first, lead-in kept with the date")
        << u"!3 Pay #home rent by friday"_s
        << QStringList{u"Priority@0:!3"_s, u"List@7:#home"_s, u"Due@18:by friday"_s};
    QTest::newRow("date in the middle")
        << u"Finish report by friday for Anna"_s << QStringList{u"Due@14:by friday"_s};
    QTest::newRow("same priority twice")
        << u"!1 Buy !1"_s << QStringList{u"Priority@0:!1"_s, u"Priority@7:!1"_s};
    QTest::newRow("after a quoted part")
        << u"Watch \"The Day After Tomorrow\" !3"_s << QStringList{u"Priority@31:!3"_s};
    QTest::newRow("ISO date with lead-in and time")
        << u"Call mom due on 2026-12-24 at 9am please"_s << QStringList{u"Due@9:due on 2026-12-24 at 9am"_s};
    QTest::newRow("extra spaces") << u"Pay   rent   tomorrow"_s << QStringList{u"Due@13:tomorrow"_s};
    QTest::newRow("non-ASCII text before")
        << u"Kaffee für Jürgen #Küche"_s << QStringList{u"List@18:#Küche"_s};
    QTest::newRow("nothing understood") << u"Buy milk"_s << QStringList{};
    QTest::newRow("nothing left for a title") << u"tomorrow !3"_s << QStringList{};
}

void tst_QuickAddParser::shouldPointTokensAtTheTextTheyCameFrom()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);

    const QuickAdd result = QuickAddParser(wednesdayMorning(), berlin()).parse(text);

    QStringList actual;
    for (const QuickAdd::Token &t : result.tokens) {
        QVERIFY(t.start >= 0 && t.length > 0 && t.start + t.length <= text.size());
        actual << kindName(t.kind) + u'@' + QString::number(t.start) + u':' + text.mid(t.start, t.length);
    }
    QCOMPARE(actual, tokens);
}

void tst_QuickAddParser::shouldSummariseWhatWasUnderstood_data()
{
    QTest::addColumn<QTimeZone>("zone");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("descriptions"); // of the tokens, in text order

    const QString due = u"Due: Thu 19 Nov, 17:00"_s;
    QTest::newRow("everything") << berlin() << u"Pay rent tomorrow 5pm !3 #home"_s
                                << due + u" \u00B7 Priority: high \u00B7 List: home"_s
                                << QStringList{due, u"Priority: high"_s, u"List: home"_s};
    QTest::newRow("summary order is fixed") << berlin() << u"#home !3 Pay rent tomorrow 5pm"_s
                                            << due + u" \u00B7 Priority: high \u00B7 List: home"_s
                                            << QStringList{u"List: home"_s, u"Priority: high"_s, due};
    QTest::newRow("nothing") << berlin() << u"Buy milk"_s << QString() << QStringList{};
    QTest::newRow("nothing left for a title") << berlin() << u"tomorrow"_s << QString() << QStringList{};
    QTest::newRow("all-day") << berlin() << u"Call mom tomorrow"_s << u"Due: Thu 19 Nov"_s
                             << QStringList{u"Due: Thu 19 Nov"_s};
    QTest::newRow("another year") << berlin() << u"Buy tree 24 December 2027"_s << u"Due: Fri 24 Dec 2027"_s
                                  << QStringList{u"Due: Fri 24 Dec 2027"_s};
    QTest::newRow("rolled into next year") << berlin() << u"Send card jan 5"_s << u"Due: Tue 5 Jan 2027"_s
                                           << QStringList{u"Due: Tue 5 Jan 2027"_s};
    QTest::newRow("in hours") << berlin() << u"Check oven in 3 hours"_s << u"Due: Wed 18 Nov, 13:30"_s
                              << QStringList{u"Due: Wed 18 Nov, 13:30"_s};
    QTest::newRow("midnight is the end of the day")
        << berlin() << u"Run backup midnight"_s << u"Due: Thu 19 Nov, 00:00"_s
        << QStringList{u"Due: Thu 19 Nov, 00:00"_s};
    QTest::newRow("time shown in the zone") << newYork() << u"Call Bob 5pm"_s << u"Due: Wed 18 Nov, 17:00"_s
                                            << QStringList{u"Due: Wed 18 Nov, 17:00"_s};
    QTest::newRow("low") << berlin() << u"Fix !1"_s << u"Priority: low"_s << QStringList{u"Priority: low"_s};
    QTest::newRow("medium") << berlin() << u"Fix !!"_s << u"Priority: medium"_s
                            << QStringList{u"Priority: medium"_s};
    QTest::newRow("last priority wins") << berlin() << u"Fix !1 !3"_s << u"Priority: high"_s
                                        << QStringList{u"Priority: low"_s, u"Priority: high"_s};
    QTest::newRow("list") << berlin() << u"Fix #work"_s << u"List: work"_s << QStringList{u"List: work"_s};
}

void tst_QuickAddParser::shouldSummariseWhatWasUnderstood()
{
    QFETCH(QTimeZone, zone);
    QFETCH(QString, text);
    QFETCH(QString, summary);
    QFETCH(QStringList, descriptions);

    // GIVEN now is Wednesday 18 Nov 2026 10:30 in Berlin, and the person's zone
    const QuickAdd result = QuickAddParser(wednesdayMorning(), zone).parse(text);

    // THEN the hint and each token's description say what was understood
    QCOMPARE(result.summary(), summary);
    QStringList actual;
    for (const QuickAdd::Token &t : result.tokens)
        actual << t.description;
    QCOMPARE(actual, descriptions);
}

void tst_QuickAddParser::shouldSummariseNothingForAnEmptyResult()
{
    QCOMPARE(QuickAdd().summary(), QString());
}

void tst_QuickAddParser::shouldReadNaiveTimesInTheSystemZoneByDefault()
{
    // GIVEN the machine zone is Asia/Kolkata (initTestCase) and the default parser
    const QuickAdd result = QuickAddParser().parse(u"Call Bob 5pm"_s);

    // THEN 5pm is 17:00 there (today or tomorrow, whichever comes first)
    QVERIFY(!result.dueAllDay);
    const QDateTime local = result.dueAt.toTimeZone(QTimeZone("Asia/Kolkata"));
    QCOMPARE(local.time(), QTime(17, 0));
    QVERIFY(result.dueAt > QDateTime::currentDateTimeUtc());
    QVERIFY(result.dueAt <= QDateTime::currentDateTimeUtc().addDays(1));
}

QTEST_GUILESS_MAIN(tst_QuickAddParser)
#include "tst_quickaddparser.moc"
