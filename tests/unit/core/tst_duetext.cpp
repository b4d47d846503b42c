#include "duetext.h"
#include "utctime.h"

#include <QTest>
#include <QTimeZone>

using namespace nt;

// Due dates in words, and local times that fall into a daylight-saving gap. Runs in a fixed zone.
class tst_DueText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qputenv("TZ", "Europe/Berlin");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    void shouldDescribeDueDates_data();
    void shouldDescribeDueDates();
    void shouldMoveTimesOutOfTheSpringGap();
};

void tst_DueText::shouldDescribeDueDates_data()
{
    QTest::addColumn<QDateTime>("due");
    QTest::addColumn<bool>("allDay");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    const QTimeZone berlin("Europe/Berlin");
    auto local = [&](int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min), berlin).toUTC(); };
    auto day = [](int y, int m, int d) { return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()); };
    // now = Wednesday 18 November 2026, 10:30 in Berlin
    using S = DueText::State;
    QTest::newRow("none") << QDateTime() << false << QString() << int(S::None);
    QTest::newRow("today all day") << day(2026, 11, 18) << true << QStringLiteral("Today") << int(S::Today);
    QTest::newRow("today later") << local(2026, 11, 18, 17, 0) << false << QStringLiteral("Today 17:00") << int(S::Today);
    QTest::newRow("today passed") << local(2026, 11, 18, 8, 0) << false << QStringLiteral("Overdue 2h") << int(S::Overdue);
    QTest::newRow("yesterday") << day(2026, 11, 17) << true << QStringLiteral("Overdue 1d") << int(S::Overdue);
    QTest::newRow("tomorrow") << local(2026, 11, 19, 9, 0) << false << QStringLiteral("Tomorrow 09:00") << int(S::Tomorrow);
    QTest::newRow("this week") << day(2026, 11, 21) << true << QStringLiteral("Sat") << int(S::ThisWeek);
    QTest::newRow("later this year") << day(2026, 12, 24) << true << QStringLiteral("24 Dec") << int(S::Later);
    QTest::newRow("next year") << day(2027, 1, 5) << true << QStringLiteral("5 Jan 2027") << int(S::Later);
    // An all-day date is that calendar date wherever the person is (stored at 00:00 UTC).
    QTest::newRow("all day is not shifted by the zone") << day(2026, 11, 19) << true << QStringLiteral("Tomorrow") << int(S::Tomorrow);
}

void tst_DueText::shouldDescribeDueDates()
{
    QFETCH(QDateTime, due);
    QFETCH(bool, allDay);
    QFETCH(QString, text);
    QFETCH(int, state);
    const QDateTime now(QDate(2026, 11, 18), QTime(10, 30), QTimeZone("Europe/Berlin"));
    QCOMPARE(DueText::text(due, allDay, now), text);
    QCOMPARE(int(DueText::state(due, allDay, now)), state);
}

void tst_DueText::shouldMoveTimesOutOfTheSpringGap()
{
    // 29 March 2026: Berlin's clocks jump from 02:00 to 03:00; 02:30 does not exist there.
    const QTimeZone berlin("Europe/Berlin");
    const QDateTime inGap = UtcTime::fromLocal(QDate(2026, 3, 29), QTime(2, 30), berlin);
    QVERIFY(inGap.isValid());
    QCOMPARE(inGap, QDateTime(QDate(2026, 3, 29), QTime(1, 0), QTimeZone::utc())); // 03:00 CEST
    // Outside the gap nothing moves.
    QCOMPARE(UtcTime::fromLocal(QDate(2026, 3, 29), QTime(3, 30), berlin),
             QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::utc()));
    QCOMPARE(UtcTime::fromLocal(QDate(2026, 7, 1), QTime(9, 0), berlin), QDateTime(QDate(2026, 7, 1), QTime(7, 0), QTimeZone::utc()));
}

QTEST_GUILESS_MAIN(tst_DueText)
#include "tst_duetext.moc"
