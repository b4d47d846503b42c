#include "valueconverter.h"

#include <QTest>

using namespace nt;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

const QDateTime Ref = utc(2026, 1, 15, 10, 20, 30);            // 1768472430 s
const QDateTime RefMs = utc(2026, 1, 15, 10, 20, 30, 123);     // .123
const QVariant Null = QVariant(QMetaType(QMetaType::QString)); // what a driver gives for NULL

int enc(ValueEncoding e)
{
    return int(e);
}

} // namespace

class tst_ValueConverter : public QObject
{
    Q_OBJECT
private slots:
    void shouldReadCompletionValues_data();
    void shouldReadCompletionValues();
    void shouldReadTimes_data();
    void shouldReadTimes();
    void shouldReadPriorities_data();
    void shouldReadPriorities();
    void shouldReadText_data();
    void shouldReadText();
    void shouldKeepRealSecondsToTheMillisecond();
    void shouldQuoteShortenedText();
};

void tst_ValueConverter::shouldReadCompletionValues_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("warning"); // a part of the expected warning; empty: none

    const int a = enc(ValueEncoding::Auto);
    QTest::newRow("int 0") << QVariant(0) << a << false << QString();
    QTest::newRow("int 1") << QVariant(1) << a << true << QString();
    QTest::newRow("int64 1") << QVariant(qint64(1)) << a << true << QString();
    QTest::newRow("text 0") << QVariant(u"0"_s) << a << false << QString();
    QTest::newRow("text 1") << QVariant(u"1"_s) << a << true << QString();
    QTest::newRow("real 1.0") << QVariant(1.0) << a << true << QString();
    QTest::newRow("bool true") << QVariant(true) << a << true << QString();
    QTest::newRow("t") << QVariant(u"t"_s) << a << true << QString();
    QTest::newRow("f") << QVariant(u"f"_s) << a << false << QString();
    QTest::newRow("true") << QVariant(u"true"_s) << a << true << QString();
    QTest::newRow("TRUE") << QVariant(u"TRUE"_s) << a << true << QString();
    QTest::newRow("false") << QVariant(u"false"_s) << a << false << QString();
    QTest::newRow("yes") << QVariant(u"yes"_s) << a << true << QString();
    QTest::newRow("No") << QVariant(u"No"_s) << a << false << QString();
    QTest::newRow("y") << QVariant(u"y"_s) << a << true << QString();
    QTest::newRow("n") << QVariant(u"n"_s) << a << false << QString();
    QTest::newRow("on") << QVariant(u"on"_s) << a << true << QString();
    QTest::newRow("off") << QVariant(u"off"_s) << a << false << QString();
    QTest::newRow("done") << QVariant(u" Done "_s) << a << true << QString();
    QTest::newRow("x") << QVariant(u"x"_s) << a << true << QString();
    QTest::newRow("X") << QVariant(u"X"_s) << a << true << QString();
    QTest::newRow("check mark") << QVariant(u"✓"_s) << a << true << QString();
    QTest::newRow("[x]") << QVariant(u"[x]"_s) << a << true << QString();
    QTest::newRow("[ ]") << QVariant(u"[ ]"_s) << a << false << QString();
    QTest::newRow("completed") << QVariant(u"completed"_s) << a << true << QString();
    QTest::newRow("COMPLETED") << QVariant(u"COMPLETED"_s) << a << true << QString();
    QTest::newRow("complete") << QVariant(u"complete"_s) << a << true << QString();
    QTest::newRow("finished") << QVariant(u"finished"_s) << a << true << QString();
    QTest::newRow("closed") << QVariant(u"closed"_s) << a << true << QString();
    QTest::newRow("resolved") << QVariant(u"resolved"_s) << a << true << QString();
    QTest::newRow("open") << QVariant(u"open"_s) << a << false << QString();
    QTest::newRow("todo") << QVariant(u"todo"_s) << a << false << QString();
    QTest::newRow("pending") << QVariant(u"pending"_s) << a << false << QString();
    QTest::newRow("in progress") << QVariant(u"in progress"_s) << a << false << QString();
    QTest::newRow("In_Progress") << QVariant(u"In_Progress"_s) << a << false << QString();
    QTest::newRow("NEEDS-ACTION") << QVariant(u"NEEDS-ACTION"_s) << a << false << QString();
    QTest::newRow("not started") << QVariant(u"not started"_s) << a << false << QString();
    QTest::newRow("active") << QVariant(u"active"_s) << a << false << QString();
    QTest::newRow("new") << QVariant(u"new"_s) << a << false << QString();
    QTest::newRow("blob yes") << QVariant(QByteArray("yes")) << a << true << QString();
    QTest::newRow("NULL") << Null << a << false << QString();
    QTest::newRow("invalid variant") << QVariant() << a << false << QString();
    QTest::newRow("empty") << QVariant(u""_s) << a << false << QString();
    QTest::newRow("blank") << QVariant(u"   "_s) << a << false << QString();
    QTest::newRow("maybe") << QVariant(u"maybe"_s) << a << false
                           << u"Unknown completion value “maybe”; imported as not done"_s;
    QTest::newRow("int 2") << QVariant(2) << a << false << u"Unknown completion value “2”"_s;
    QTest::newRow("real 0.5") << QVariant(0.5) << a << false << u"“0.5”"_s;
    QTest::newRow("cancelled is not guessed") << QVariant(u"cancelled"_s) << a << false << u"“cancelled”"_s;

    const int ms = enc(ValueEncoding::EpochMilliseconds);
    QTest::newRow("ms time set") << QVariant(qint64(1768472430123)) << ms << true << QString();
    QTest::newRow("ms time 0") << QVariant(0) << ms << false << QString();
    QTest::newRow("ms time NULL") << Null << ms << false << QString();
    QTest::newRow("ms time garbage") << QVariant(u"soon"_s) << ms << false << u"“soon”"_s;
    QTest::newRow("things date set") << QVariant(132781952) << enc(ValueEncoding::ThingsDate) << true
                                     << QString();
}

void tst_ValueConverter::shouldReadCompletionValues()
{
    QFETCH(QVariant, value);
    QFETCH(int, encoding);
    QFETCH(bool, expected);
    QFETCH(QString, warning);

    const Converted<bool> result = ValueConverter::toBool(value, ValueEncoding(encoding));

    QCOMPARE(result.value, expected);
    if (warning.isEmpty())
        QCOMPARE(result.warning, QString());
    else
        QVERIFY2(result.warning.contains(warning), qPrintable(result.warning));
}

void tst_ValueConverter::shouldReadTimes_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("zone"); // for times without an offset
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("dateOnly");
    QTest::addColumn<QString>("warning");

    const int a = enc(ValueEncoding::Auto);
    const QByteArray u = "UTC";
    const QByteArray berlin = "Europe/Berlin";
    const QDateTime none;
    const QString ok;

    // ISO 8601 text.
    QTest::newRow("iso Z") << QVariant(u"2026-01-15T10:20:30Z"_s) << a << u << Ref << false << ok;
    QTest::newRow("iso ms Z") << QVariant(u"2026-01-15T10:20:30.123Z"_s) << a << u << RefMs << false << ok;
    QTest::newRow("space ms Z") << QVariant(u"2026-01-15 10:20:30.123Z"_s) << a << u << RefMs << false << ok;
    QTest::newRow("lower case t z") << QVariant(u"2026-01-15t10:20:30.123z"_s) << a << u << RefMs << false
                                    << ok;
    QTest::newRow("µs cut") << QVariant(u"2026-01-15T10:20:30.123456Z"_s) << a << u << RefMs << false << ok;
    QTest::newRow("cut, not rounded")
        << QVariant(u"2026-01-15T10:20:30.1239Z"_s) << a << u << RefMs << false << ok;
    QTest::newRow("ns .9999999 stays in second") << QVariant(u"2026-01-15T10:20:30.9999999Z"_s) << a << u
                                                 << utc(2026, 1, 15, 10, 20, 30, 999) << false << ok;
    QTest::newRow("one fraction digit") << QVariant(u"2026-01-15T10:20:30.1Z"_s) << a << u
                                        << utc(2026, 1, 15, 10, 20, 30, 100) << false << ok;
    QTest::newRow("comma fraction") << QVariant(u"2026-01-15T10:20:30,123Z"_s) << a << u << RefMs << false
                                    << ok;
    QTest::newRow("no seconds") << QVariant(u"2026-01-15T10:20Z"_s) << a << u << utc(2026, 1, 15, 10, 20)
                                << false << ok;
    QTest::newRow("+hh:mm") << QVariant(u"2026-01-15T11:20:30.123+01:00"_s) << a << u << RefMs << false << ok;
    QTest::newRow("+hhmm") << QVariant(u"2026-01-15T11:20:30.123+0100"_s) << a << u << RefMs << false << ok;
    QTest::newRow("+hh") << QVariant(u"2026-01-15 11:20:30.123+01"_s) << a << u << RefMs << false << ok;
    QTest::newRow("-hh:mm half hour")
        << QVariant(u"2026-01-15T05:50:30.123-04:30"_s) << a << u << RefMs << false << ok;
    QTest::newRow("offset overrides zone")
        << QVariant(u"2026-01-15T10:20:30Z"_s) << a << berlin << Ref << false << ok;
    QTest::newRow("UTC word") << QVariant(u"2026-01-15 10:20:30.123 UTC"_s) << a << u << RefMs << false << ok;
    QTest::newRow("spaces around") << QVariant(u"  2026-01-15T10:20:30Z "_s) << a << u << Ref << false << ok;
    QTest::newRow("compact") << QVariant(u"20260115T102030Z"_s) << a << u << Ref << false << ok;
    QTest::newRow("one-digit month and day")
        << QVariant(u"2026-1-5T10:20Z"_s) << a << u << utc(2026, 1, 5, 10, 20) << false << ok;
    QTest::newRow("space before offset")
        << QVariant(u"2026-01-15T11:20:30.123 +01:00"_s) << a << u << RefMs << false << ok;
    QTest::newRow("compact, no seconds")
        << QVariant(u"20260115T1020Z"_s) << a << u << utc(2026, 1, 15, 10, 20) << false << ok;
    QTest::newRow("compact +hhmm") << QVariant(u"20260115T112030+0100"_s) << a << u << Ref << false << ok;
    QTest::newRow("fraction without seconds")
        << QVariant(u"2026-01-15T10:20.5Z"_s) << a << u << QDateTime() << false << u"not a date"_s;
    QTest::newRow("dot, no digits") << QVariant(u"2026-01-15T10:20:30.Z"_s) << a << u << QDateTime() << false
                                    << u"not a date"_s;
    QTest::newRow("cut-off offset") << QVariant(u"2026-01-15T10:20:30+01:"_s) << a << u << QDateTime()
                                    << false << u"not a date"_s;
    QTest::newRow("offset beyond 18 h")
        << QVariant(u"2026-01-15T10:20:30+19:00"_s) << a << u << QDateTime() << false << u"not a date"_s;
    QTest::newRow("text after the date")
        << QVariant(u"2026-01-15x"_s) << a << u << QDateTime() << false << u"not a date"_s;
    QTest::newRow("blob text") << QVariant(QByteArray("2026-01-15T10:20:30Z")) << a << u << Ref << false
                               << ok;

    // Naive text: a wall-clock time in the chosen zone.
    QTest::newRow("naive in UTC") << QVariant(u"2026-01-15 10:20:30"_s) << a << u << Ref << false << ok;
    QTest::newRow("SQLModel µs naive")
        << QVariant(u"2026-01-15 10:20:30.123456"_s) << a << u << RefMs << false << ok;
    QTest::newRow("SQLModel naive Berlin winter")
        << QVariant(u"2026-01-15 11:20:30.123456"_s) << a << berlin << RefMs << false << ok;
    QTest::newRow("naive T Berlin summer")
        << QVariant(u"2026-07-01T12:00:00"_s) << a << berlin << utc(2026, 7, 1, 10) << false << ok;
    QTest::newRow("naive Kolkata") << QVariant(u"2026-01-15 15:50:30.123"_s) << a
                                   << QByteArray("Asia/Kolkata") << RefMs << false << ok;
    QTest::newRow("Berlin fall-back: before the repeat")
        << QVariant(u"2026-10-25 01:30:00"_s) << a << berlin << utc(2026, 10, 24, 23, 30) << false << ok;
    QTest::newRow("Berlin fall-back: repeated hour, first taken")
        << QVariant(u"2026-10-25 02:30:00"_s) << a << berlin << utc(2026, 10, 25, 0, 30) << false
        << u"“2026-10-25 02:30:00” happened twice in Europe/Berlin (the clocks went back); the first was "
           "taken; read as 2026-10-25 00:30 UTC"_s;
    QTest::newRow("Berlin fall-back: after the repeat")
        << QVariant(u"2026-10-25 03:30:00"_s) << a << berlin << utc(2026, 10, 25, 2, 30) << false << ok;
    QTest::newRow("Berlin spring gap")
        << QVariant(u"2026-03-29 02:30:00"_s) << a << berlin << utc(2026, 3, 29, 1, 30) << false
        << u"“2026-03-29 02:30:00” did not happen in Europe/Berlin (the clocks went forward); read as "
           "2026-03-29 01:30 UTC"_s;
    QTest::newRow("no zone: UTC, said")
        << QVariant(u"2026-01-15 10:20:30"_s) << a << QByteArray() << Ref << false << u"read as UTC"_s;

    // Dates alone: midnight UTC of that date, whatever the zone.
    QTest::newRow("date only") << QVariant(u"2026-01-15"_s) << a << u << utc(2026, 1, 15) << true << ok;
    QTest::newRow("date only, Berlin")
        << QVariant(u"2026-01-15"_s) << a << berlin << utc(2026, 1, 15) << true << ok;
    QTest::newRow("QDate") << QVariant(QDate(2026, 1, 15)) << a << u << utc(2026, 1, 15) << true << ok;
    QTest::newRow("QDateTime UTC") << QVariant(RefMs) << a << berlin << RefMs << false << ok;
    QTest::newRow("yyyymmdd number") << QVariant(20260115) << a << u << utc(2026, 1, 15) << true
                                     << u"yyyymmdd"_s;
    QTest::newRow("yyyymmdd as seconds when told")
        << QVariant(20260115) << enc(ValueEncoding::EpochSeconds) << u
        << QDateTime::fromMSecsSinceEpoch(20260115000LL, Qt::UTC) << false << ok;

    // Unix times by magnitude.
    QTest::newRow("seconds") << QVariant(qint64(1768472430)) << a << u << Ref << false << ok;
    QTest::newRow("seconds text") << QVariant(u"1768472430"_s) << a << u << Ref << false << ok;
    QTest::newRow("milliseconds") << QVariant(qint64(1768472430123)) << a << u << RefMs << false << ok;
    QTest::newRow("milliseconds text") << QVariant(u"1768472430123"_s) << a << u << RefMs << false << ok;
    QTest::newRow("microseconds") << QVariant(qint64(1768472430123456)) << a << u << RefMs << false << ok;
    QTest::newRow("nanoseconds") << QVariant(qint64(1768472430123456789)) << a << u << RefMs << false << ok;
    QTest::newRow("real seconds") << QVariant(1768472430.123) << a << u << RefMs << false << ok;
    QTest::newRow("real seconds text") << QVariant(u"1768472430.123"_s) << a << u << RefMs << false << ok;
    QTest::newRow("real milliseconds") << QVariant(1768472430123.0) << a << u << RefMs << false << ok;
    QTest::newRow("below 1e11: seconds")
        << QVariant(qint64(99999999999)) << a << u << utc(5138, 11, 16, 9, 46, 39) << false
        << u"Unlikely date 5138-11-16 kept"_s;
    QTest::newRow("1e11: milliseconds")
        << QVariant(qint64(100000000000)) << a << u << utc(1973, 3, 3, 9, 46, 40) << false << ok;
    QTest::newRow("below 1e14: milliseconds")
        << QVariant(qint64(99999999999999)) << a << u << utc(5138, 11, 16, 9, 46, 39, 999) << false
        << u"Unlikely date"_s;
    QTest::newRow("1e14: microseconds")
        << QVariant(qint64(100000000000000)) << a << u << utc(1973, 3, 3, 9, 46, 40) << false << ok;
    QTest::newRow("below 1e17: microseconds")
        << QVariant(qint64(99999999999999999)) << a << u << utc(5138, 11, 16, 9, 46, 39, 999) << false
        << u"Unlikely date"_s;
    QTest::newRow("1e17: nanoseconds")
        << QVariant(qint64(100000000000000000)) << a << u << utc(1973, 3, 3, 9, 46, 40) << false << ok;
    QTest::newRow("zero") << QVariant(0) << a << u << none << false << u"The time “0” is zero or negative"_s;
    QTest::newRow("zero text") << QVariant(u"0"_s) << a << u << none << false << u"zero or negative"_s;
    QTest::newRow("negative") << QVariant(-5) << a << u << none << false << u"zero or negative"_s;
    QTest::newRow("zero real") << QVariant(0.0) << a << u << none << false << u"zero or negative"_s;

    // Told encodings.
    QTest::newRow("EpochSeconds") << QVariant(qint64(1768472430)) << enc(ValueEncoding::EpochSeconds) << u
                                  << Ref << false << ok;
    QTest::newRow("EpochMilliseconds small") << QVariant(1000) << enc(ValueEncoding::EpochMilliseconds) << u
                                             << utc(1970, 1, 1, 0, 0, 1) << false << ok;
    QTest::newRow("EpochMilliseconds") << QVariant(qint64(1768472430123))
                                       << enc(ValueEncoding::EpochMilliseconds) << u << RefMs << false << ok;
    QTest::newRow("EpochMicroseconds") << QVariant(qint64(1768472430123456))
                                       << enc(ValueEncoding::EpochMicroseconds) << u << RefMs << false << ok;
    QTest::newRow("EpochSeconds text with offset")
        << QVariant(u"2026-01-15T10:20:30Z"_s) << enc(ValueEncoding::EpochSeconds) << u << Ref << false << ok;
    QTest::newRow("Apple seconds") << QVariant(790165230) << enc(ValueEncoding::AppleSeconds) << u << Ref
                                   << false << ok;
    QTest::newRow("Apple real seconds")
        << QVariant(790165230.123) << enc(ValueEncoding::AppleSeconds) << u << RefMs << false << ok;
    QTest::newRow("Apple before 2001") << QVariant(-100) << enc(ValueEncoding::AppleSeconds) << u
                                       << utc(2000, 12, 31, 23, 58, 20) << false << ok;
    QTest::newRow("Apple zero") << QVariant(0) << enc(ValueEncoding::AppleSeconds) << u << none << false
                                << u"zero"_s;
    QTest::newRow("Things date") << QVariant(132781952) << enc(ValueEncoding::ThingsDate) << u
                                 << utc(2026, 1, 15) << true << ok;
    QTest::newRow("Things date text")
        << QVariant(u"132781952"_s) << enc(ValueEncoding::ThingsDate) << u << utc(2026, 1, 15) << true << ok;
    QTest::newRow("Things zero") << QVariant(0) << enc(ValueEncoding::ThingsDate) << u << none << false
                                 << u"zero"_s;
    QTest::newRow("Things month 13") << QVariant((2026 << 16) | (13 << 12) | (1 << 7))
                                     << enc(ValueEncoding::ThingsDate) << u << none << false
                                     << u"is not a Things date"_s;

    // Nothing, and what is not a time.
    QTest::newRow("NULL") << Null << a << u << none << false << ok;
    QTest::newRow("empty") << QVariant(u""_s) << a << u << none << false << ok;
    QTest::newRow("blank") << QVariant(u"  "_s) << a << u << none << false << ok;
    QTest::newRow("words") << QVariant(u"tomorrow"_s) << a << u << none << false
                           << u"“tomorrow” is not a date or time; left empty"_s;
    QTest::newRow("day first is not guessed")
        << QVariant(u"15.01.2026"_s) << a << u << none << false << u"“15.01.2026”"_s;
    QTest::newRow("30 February") << QVariant(u"2026-02-30"_s) << a << u << none << false << u"not a date"_s;
    QTest::newRow("hour 25") << QVariant(u"2026-01-15T25:00:00"_s) << a << u << none << false
                             << u"not a date"_s;
    QTest::newRow("long text shortened")
        << QVariant(u"this is a very long piece of text that is not a date at all"_s) << a << u << none
        << false << u"“this is a very long piece of text that …”"_s;

    // Unlikely but kept.
    QTest::newRow("1850") << QVariant(u"1850-06-01"_s) << a << u << utc(1850, 6, 1) << true
                          << u"Unlikely date 1850-06-01 kept"_s;
    QTest::newRow("year 287000 not kept")
        << QVariant(qint64(9'000'000'000'000LL)) << enc(ValueEncoding::EpochSeconds) << u << QDateTime()
        << false << u"“9000000000000” is not between the years 1 and 9999; left empty"_s;
    QTest::newRow("2250") << QVariant(u"2250-01-01T00:00:00Z"_s) << a << u << utc(2250, 1, 1) << false
                          << u"Unlikely date 2250-01-01 kept"_s;
}

void tst_ValueConverter::shouldReadTimes()
{
    QFETCH(QVariant, value);
    QFETCH(int, encoding);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, expected);
    QFETCH(bool, dateOnly);
    QFETCH(QString, warning);

    // GIVEN a zone for naive times (an empty id makes an invalid zone)
    const QTimeZone naive = zone.isEmpty() ? QTimeZone() : QTimeZone(zone);
    QCOMPARE(naive.isValid(), !zone.isEmpty());
    // WHEN the value is read
    const ConvertedTime result = ValueConverter::toDateTime(value, ValueEncoding(encoding), naive);
    // THEN it is that instant, in UTC, to the millisecond
    QCOMPARE(result.utc.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(result.utc.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(result.utc.timeSpec(), Qt::UTC);
    }
    QCOMPARE(result.dateOnly, dateOnly);
    if (warning.isEmpty())
        QCOMPARE(result.warning, QString());
    else
        QVERIFY2(result.warning.contains(warning), qPrintable(result.warning));
}

void tst_ValueConverter::shouldReadPriorities_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("warns");

    const int a = enc(ValueEncoding::Auto);
    const int h = enc(ValueEncoding::PriorityHighIsOne);
    for (int i = 0; i <= 3; ++i)
        QTest::addRow("int %d", i) << QVariant(i) << a << 9 << i << false;
    QTest::newRow("int 4") << QVariant(4) << a << 9 << 3 << false;
    QTest::newRow("int 5") << QVariant(5) << a << 9 << 3 << false;
    QTest::newRow("int 6") << QVariant(6) << a << 9 << 0 << true;
    QTest::newRow("negative") << QVariant(-1) << a << 9 << 0 << true;
    QTest::newRow("text 2") << QVariant(u"2"_s) << a << 9 << 2 << false;
    QTest::newRow("real 2.0") << QVariant(2.0) << a << 9 << 2 << false;
    QTest::newRow("real 2.5") << QVariant(2.5) << a << 9 << 0 << true;
    QTest::newRow("high") << QVariant(u"high"_s) << a << 9 << 3 << false;
    QTest::newRow("URGENT") << QVariant(u"URGENT"_s) << a << 9 << 3 << false;
    QTest::newRow("important") << QVariant(u"important"_s) << a << 9 << 3 << false;
    QTest::newRow("!!!") << QVariant(u"!!!"_s) << a << 9 << 3 << false;
    QTest::newRow("medium") << QVariant(u"Medium"_s) << a << 9 << 2 << false;
    QTest::newRow("normal") << QVariant(u"normal"_s) << a << 9 << 2 << false;
    QTest::newRow("!!") << QVariant(u"!!"_s) << a << 9 << 2 << false;
    QTest::newRow("low") << QVariant(u"low"_s) << a << 9 << 1 << false;
    QTest::newRow("!") << QVariant(u"!"_s) << a << 9 << 1 << false;
    QTest::newRow("none") << QVariant(u"none"_s) << a << 9 << 0 << false;
    QTest::newRow("p1") << QVariant(u"P1"_s) << a << 9 << 3 << false;
    QTest::newRow("empty") << QVariant(u""_s) << a << 9 << 0 << false;
    QTest::newRow("NULL") << Null << a << 9 << 0 << false;
    QTest::newRow("unknown word") << QVariant(u"whenever"_s) << a << 9 << 0 << true;
    const int tb[] = {0, 3, 3, 3, 2, 2, 2, 1, 1, 1}; // Thunderbird / iCalendar 1..9
    for (int i = 0; i <= 9; ++i)
        QTest::addRow("high is one, 1-9: %d", i) << QVariant(i) << h << 9 << tb[i] << false;
    QTest::newRow("high is one, 1-9: 10") << QVariant(10) << h << 9 << 0 << true;
    const int todoist[] = {0, 3, 2, 1, 0}; // p1..p4
    for (int i = 0; i <= 4; ++i)
        QTest::addRow("high is one, 1-4: %d", i) << QVariant(i) << h << 4 << todoist[i] << false;
    QTest::newRow("high is one, 1-4: 5") << QVariant(5) << h << 4 << 0 << true;
    QTest::newRow("high is one, word") << QVariant(u"high"_s) << h << 9 << 3 << false;
}

void tst_ValueConverter::shouldReadPriorities()
{
    QFETCH(QVariant, value);
    QFETCH(int, encoding);
    QFETCH(int, scale);
    QFETCH(int, expected);
    QFETCH(bool, warns);

    const Converted<int> result = ValueConverter::toPriority(value, ValueEncoding(encoding), scale);

    QCOMPARE(result.value, expected);
    QCOMPARE(!result.warning.isEmpty(), warns);
    if (warns)
        QVERIFY2(result.warning.startsWith(u"Unknown priority “"_s), qPrintable(result.warning));
}

void tst_ValueConverter::shouldReadText_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("warning");

    QTest::newRow("text") << QVariant(u"Buy milk"_s) << u"Buy milk"_s << QString();
    QTest::newRow("nothing trimmed") << QVariant(u"  spaced  "_s) << u"  spaced  "_s << QString();
    QTest::newRow("utf-8 bytes") << QVariant(QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                        "e \xf0\x9f\x8d\x8e"))
                                 << u"Grüße 🍎"_s << QString();
    QTest::newRow("bad byte") << QVariant(QByteArray("a\xff"
                                                     "b"))
                              << u"a\uFFFDb"_s << u"Invalid UTF-8 replaced"_s;
    QTest::newRow("Latin-1 byte") << QVariant(QByteArray("caf\xe9")) << u"caf\uFFFD"_s
                                  << u"Invalid UTF-8 replaced"_s;
    QTest::newRow("cut off at the end")
        << QVariant(QByteArray("ok\xc3")) << u"ok\uFFFD"_s << u"Invalid UTF-8 replaced"_s;
    QTest::newRow("NUL in bytes") << QVariant(QByteArray("a\0b", 3)) << u"ab"_s
                                  << u"NUL characters removed"_s;
    QTest::newRow("NUL in text") << QVariant(QString(u"a\0b"_s)) << u"ab"_s << u"NUL characters removed"_s;
    QTest::newRow("bad byte and NUL") << QVariant(QByteArray("\xff\0", 2)) << u"\uFFFD"_s
                                      << u"Invalid UTF-8 replaced; NUL characters removed"_s;
    QTest::newRow("lone surrogate") << QVariant(QString(QChar(0xD800)) + u"x"_s) << u"\uFFFDx"_s
                                    << u"Invalid characters replaced"_s;
    QTest::newRow("byte-order mark dropped") << QVariant(QByteArray("\xef\xbb\xbf"
                                                                    "Buy"))
                                             << u"Buy"_s << QString();
    QTest::newRow("integer") << QVariant(42) << u"42"_s << QString();
    QTest::newRow("empty") << QVariant(u""_s) << u""_s << QString();
    QTest::newRow("NULL") << Null << QString() << QString();
}

void tst_ValueConverter::shouldReadText()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    QFETCH(QString, warning);

    const Converted<QString> result = ValueConverter::toText(value);

    QCOMPARE(result.value, expected);
    QCOMPARE(result.value.isNull(), expected.isNull());
    QCOMPARE(result.warning, warning);
}

void tst_ValueConverter::shouldKeepRealSecondsToTheMillisecond()
{
    // GIVEN REAL seconds a 4-byte float would move by minutes (floats step by 128 s here)
    const double seconds = 1768472430.987;
    QVERIFY(qint64(float(seconds)) != 1768472430);
    // WHEN read
    const ConvertedTime t = ValueConverter::toDateTime(seconds, ValueEncoding::Auto, QTimeZone::utc());
    // THEN the millisecond is kept
    QCOMPARE(t.utc.toMSecsSinceEpoch(), 1768472430987LL);
    QCOMPARE(t.warning, QString());
}

void tst_ValueConverter::shouldQuoteShortenedText()
{
    QCOMPARE(ValueConverter::quoted(u"maybe"_s), u"“maybe”"_s);
    const QString quoted = ValueConverter::quoted(QString(60, QLatin1Char('a')));
    QCOMPARE(quoted, u"“"_s + QString(39, QLatin1Char('a')) + u"…”"_s);
    QCOMPARE(ValueConverter::quoted(u"two\nlines"_s), u"“two lines”"_s);
}

QTEST_GUILESS_MAIN(tst_ValueConverter)
#include "tst_valueconverter.moc"
