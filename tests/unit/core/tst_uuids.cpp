#include "uuids.h"

#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace Qt::StringLiterals;
namespace Uuids = nt::Uuids;

namespace {

int versionOf(const QUuid &id)
{
    return uchar(id.toRfc4122().at(6)) >> 4;
}

bool hasRfcVariant(const QUuid &id)
{
    return (uchar(id.toRfc4122().at(8)) & 0xc0) == 0x80;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

} // namespace

class tst_Uuids : public QObject
{
    Q_OBJECT

private slots:
    void shouldSetVersionSevenAndRfcVariant();
    void shouldIncreaseStrictlyInATightLoop();
    void shouldCarryTheGivenCreationTime_data();
    void shouldCarryTheGivenCreationTime();
    void shouldCarryTheClockTimeWhenNoneIsGiven();
    void shouldKeepOrderForIdsWithTheSameGivenTime();
    void shouldNotLetAGivenFutureTimeMoveTheClockIds();
    void shouldReportNoTimeForOtherVersions();
    void shouldMatchTheRfcVersionFiveVector();
    void shouldMakeStableNameBasedIds();
    void shouldWriteLowerCaseTextWithoutBraces();
};

void tst_Uuids::shouldSetVersionSevenAndRfcVariant()
{
    for (const QUuid &id : {Uuids::createV7(), Uuids::createV7(utc(2026, 1, 15, 10, 20, 30, 123))}) {
        QCOMPARE(versionOf(id), 7);
        QVERIFY(hasRfcVariant(id));
        QCOMPARE(id.variant(), QUuid::DCE);
        QCOMPARE(Uuids::toText(id).at(14), u'7');
    }
}

void tst_Uuids::shouldIncreaseStrictlyInATightLoop()
{
    // GIVEN 10,000 ids made as fast as possible (thousands share a millisecond)
    QList<QUuid> ids;
    ids.reserve(10000);
    for (int i = 0; i < 10000; ++i)
        ids.append(Uuids::createV7());

    // THEN each sorts after the one before, as bytes (PostgreSQL's uuid) and as text (SQLite)
    for (qsizetype i = 1; i < ids.size(); ++i) {
        QVERIFY2(ids[i - 1].toRfc4122() < ids[i].toRfc4122(), qPrintable(QString::number(i)));
        QVERIFY(Uuids::toText(ids[i - 1]) < Uuids::toText(ids[i]));
        QVERIFY(ids[i - 1] < ids[i]);
    }
}

void tst_Uuids::shouldCarryTheGivenCreationTime_data()
{
    QTest::addColumn<QDateTime>("time");

    // The clock has already moved on when these are made: an importer keeps the source's times.
    QTest::newRow("a past time") << utc(2024, 3, 1, 8, 0, 0, 1);
    QTest::newRow("unix epoch") << utc(1970, 1, 1, 0, 0, 0, 0);
    QTest::newRow("the same past time again") << utc(2024, 3, 1, 8, 0, 0, 1);
    QTest::newRow("a future time") << utc(2031, 12, 31, 23, 59, 59, 999);
    QTest::newRow("an offset time") << QDateTime(QDate(2026, 1, 15), QTime(15, 50, 30, 123),
                                                 QTimeZone(5 * 3600 + 1800));
}

void tst_Uuids::shouldCarryTheGivenCreationTime()
{
    QFETCH(QDateTime, time);

    // GIVEN ids already made from the clock
    Uuids::createV7();

    // WHEN an id is made for the given time
    const QUuid id = Uuids::createV7(time);

    // THEN it carries exactly that time
    QCOMPARE(versionOf(id), 7);
    QCOMPARE(Uuids::v7Milliseconds(id), time.toMSecsSinceEpoch());
}

void tst_Uuids::shouldCarryTheClockTimeWhenNoneIsGiven()
{
    QThread::msleep(20); // let the clock pass any millisecond borrowed by a burst of ids before
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QUuid id = Uuids::createV7();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    const qint64 ms = Uuids::v7Milliseconds(id);
    QVERIFY2(ms >= before && ms <= after, qPrintable(u"%1 not in [%2, %3]"_s.arg(ms).arg(before).arg(after)));
}

void tst_Uuids::shouldKeepOrderForIdsWithTheSameGivenTime()
{
    // GIVEN rows imported with one and the same creation time
    const QDateTime time = utc(2023, 5, 4, 3, 2, 1, 0);
    QList<QUuid> ids;
    for (int i = 0; i < 1000; ++i)
        ids.append(Uuids::createV7(time));

    // THEN the ids keep the order they were made in, and all carry that time
    for (qsizetype i = 1; i < ids.size(); ++i) {
        QVERIFY(ids[i - 1] < ids[i]);
        QCOMPARE(Uuids::v7Milliseconds(ids[i]), time.toMSecsSinceEpoch());
    }
}

void tst_Uuids::shouldNotLetAGivenFutureTimeMoveTheClockIds()
{
    // GIVEN an id made for a time far in the future (a device with a wrong clock)
    const QDateTime future = QDateTime::currentDateTimeUtc().addYears(3);
    QCOMPARE(Uuids::v7Milliseconds(Uuids::createV7(future)), future.toMSecsSinceEpoch());

    // WHEN an id is made from the clock
    QThread::msleep(20);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 ms = Uuids::v7Milliseconds(Uuids::createV7());

    // THEN it carries the clock's time, not the future one
    QVERIFY(ms >= before && ms <= QDateTime::currentMSecsSinceEpoch());
}

void tst_Uuids::shouldReportNoTimeForOtherVersions()
{
    QCOMPARE(Uuids::v7Milliseconds(QUuid()), -1);
    QCOMPARE(Uuids::v7Milliseconds(QUuid::createUuid()), -1);
    QCOMPARE(Uuids::v7Milliseconds(Uuids::createV5(QUuid::createUuid(), "x")), -1);
    // Version 7 bits but not the RFC variant.
    QCOMPARE(Uuids::v7Milliseconds(QUuid(u"017f22e2-79b0-7cc3-18c4-dc0c0c07398f"_s)), -1);
}

void tst_Uuids::shouldMatchTheRfcVersionFiveVector()
{
    // RFC 9562, appendix A.4: DNS namespace, "www.example.com".
    const QUuid dns(u"6ba7b810-9dad-11d1-80b4-00c04fd430c8"_s);
    const QUuid id = Uuids::createV5(dns, "www.example.com");
    QCOMPARE(Uuids::toText(id), u"2ed6657d-e927-568b-95e1-2665a8aea6a2"_s);
    QCOMPARE(versionOf(id), 5);
    QVERIFY(hasRfcVariant(id));
    QCOMPARE(id, QUuid::createUuidV5(dns, QByteArrayLiteral("www.example.com"))); // Qt agrees
}

void tst_Uuids::shouldMakeStableNameBasedIds()
{
    const QUuid ns(u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s);
    QCOMPARE(Uuids::createV5(ns, "inbox"), Uuids::createV5(ns, "inbox"));
    QVERIFY(Uuids::createV5(ns, "inbox") != Uuids::createV5(ns, "Inbox"));
    QVERIFY(Uuids::createV5(ns, "inbox") !=
            Uuids::createV5(QUuid(u"6ba7b810-9dad-11d1-80b4-00c04fd430c8"_s), "inbox"));
}

void tst_Uuids::shouldWriteLowerCaseTextWithoutBraces()
{
    const QUuid id(u"{2ED6657D-E927-568B-95E1-2665A8AEA6A2}"_s);
    QCOMPARE(Uuids::toText(id), u"2ed6657d-e927-568b-95e1-2665a8aea6a2"_s);
}

QTEST_GUILESS_MAIN(tst_Uuids)
#include "tst_uuids.moc"
