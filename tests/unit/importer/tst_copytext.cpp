#include "copytext.h"

#include <QTest>
#include <QTimeZone>

using namespace nt;
using namespace Qt::StringLiterals;

class tst_CopyText : public QObject
{
    Q_OBJECT
private slots:
    void shouldEscapeTheFourSpecialCharacters_data();
    void shouldEscapeTheFourSpecialCharacters();
    void shouldWriteTimesAsUtcWithMilliseconds_data();
    void shouldWriteTimesAsUtcWithMilliseconds();
    void shouldAgreeWithQtOnEveryDayOfFourHundredYears();
};

void tst_CopyText::shouldEscapeTheFourSpecialCharacters_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"Buy milk"_s << false << QByteArray("Buy milk");
    QTest::newRow("empty") << QString() << false << QByteArray();
    QTest::newRow("null") << u"ignored"_s << true << QByteArray("\\N");
    QTest::newRow("text \\N is not NULL") << u"\\N"_s << false << QByteArray("\\\\N");
    QTest::newRow("only specials") << u"\\\t\n\r"_s << false << QByteArray("\\\\\\t\\n\\r");
    QTest::newRow("specials between runs") << u"a\tb\\c\nd\re"_s << false << QByteArray("a\\tb\\\\c\\nd\\re");
    QTest::newRow("at both ends") << u"\tmiddle\n"_s << false << QByteArray("\\tmiddle\\n");
    QTest::newRow("utf-8") << u"Ünï 🍎\tä"_s << false << QByteArray("\xc3\x9cn\xc3\xaf \xf0\x9f\x8d\x8e\\t\xc3\xa4");
    QTest::newRow("other controls kept") << u"a\u000bb\u001fc"_s << false << QByteArray("a\x0b" "b\x1f" "c");
}

void tst_CopyText::shouldEscapeTheFourSpecialCharacters()
{
    QFETCH(QString, value);
    QFETCH(bool, isNull);
    QFETCH(QByteArray, expected);
    QByteArray out = "x\t";
    CopyText::appendField(out, value, isNull);
    QCOMPARE(out, "x\t" + expected);
}

void tst_CopyText::shouldWriteTimesAsUtcWithMilliseconds_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("invalid") << QDateTime() << QByteArray("\\N");
    QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0) << QByteArray("1970-01-01 00:00:00.000+00");
    QTest::newRow("typical") << utc(2026, 1, 15, 10, 20, 30, 123) << QByteArray("2026-01-15 10:20:30.123+00");
    QTest::newRow("one ms before 1970") << utc(1969, 12, 31, 23, 59, 59, 999) << QByteArray("1969-12-31 23:59:59.999+00");
    QTest::newRow("leap day") << utc(2024, 2, 29, 12, 0, 0, 5) << QByteArray("2024-02-29 12:00:00.005+00");
    QTest::newRow("1900 is no leap year") << utc(1900, 3, 1, 0, 0, 0, 0) << QByteArray("1900-03-01 00:00:00.000+00");
    QTest::newRow("year 1") << utc(1, 1, 1, 0, 0, 0, 0) << QByteArray("0001-01-01 00:00:00.000+00");
    QTest::newRow("year 9999") << utc(9999, 12, 31, 23, 59, 59, 999) << QByteArray("9999-12-31 23:59:59.999+00");
    QTest::newRow("another zone, as UTC")
        << QDateTime(QDate(2026, 7, 1), QTime(2, 30), QTimeZone(QByteArrayLiteral("Europe/Berlin")))
        << QByteArray("2026-07-01 00:30:00.000+00");
}

void tst_CopyText::shouldWriteTimesAsUtcWithMilliseconds()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QByteArray out;
    CopyText::appendTime(out, time);
    QCOMPARE(out, expected);
}

void tst_CopyText::shouldAgreeWithQtOnEveryDayOfFourHundredYears()
{
    // The civil date is worked out without QDate: check it against QDate for a whole Gregorian cycle
    // (and the odd millisecond of each day).
    QDateTime day(QDate(1800, 1, 1), QTime(23, 59, 59, 999), Qt::UTC);
    for (int i = 0; i < 146097; ++i, day = day.addDays(1)) {
        QByteArray out;
        CopyText::appendTime(out, day);
        const QByteArray qt = day.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s).toLatin1() + "+00";
        if (out != qt)
            QFAIL(qPrintable(u"%1: %2 instead of %3"_s.arg(day.toString(Qt::ISODateWithMs), QString::fromLatin1(out),
                                                              QString::fromLatin1(qt))));
    }
}

QTEST_GUILESS_MAIN(tst_CopyText)
#include "tst_copytext.moc"
