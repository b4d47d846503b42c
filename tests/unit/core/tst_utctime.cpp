#include "utctime.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;
namespace UtcTime = nt::UtcTime;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

const QDateTime Reference = utc(2026, 1, 15, 10, 20, 30, 123);

} // namespace

class tst_UtcTime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldWriteUtcStorageTextWithMillisecondsAndZ_data();
    void shouldWriteUtcStorageTextWithMillisecondsAndZ();
    void shouldReadTimesFromEitherDriverAsUtc_data();
    void shouldReadTimesFromEitherDriverAsUtc();
    void shouldRoundTripStorageText();
    void shouldReadUtf8StorageTextLikeDriverText();
    void shouldSortStorageTextInTimeOrder();
    void shouldGiveNowInUtcToTheMillisecond();
};

void tst_UtcTime::initTestCase()
{
    // A local zone far from UTC (with a half-hour offset), so that local-time mistakes show.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(0, Qt::LocalTime).offsetFromUtc(), 5 * 3600 + 1800);
}

void tst_UtcTime::shouldWriteUtcStorageTextWithMillisecondsAndZ_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc") << Reference << u"2026-01-15T10:20:30.123Z"_s;
    QTest::newRow("local time") << Reference.toLocalTime() << u"2026-01-15T10:20:30.123Z"_s;
    QTest::newRow("offset time") << Reference.toOffsetFromUtc(-8 * 3600) << u"2026-01-15T10:20:30.123Z"_s;
    QTest::newRow("time zone") << Reference.toTimeZone(QTimeZone("America/New_York"))
                               << u"2026-01-15T10:20:30.123Z"_s;
    QTest::newRow("whole second keeps .000") << utc(2026, 7, 1, 0, 0, 0, 0) << u"2026-07-01T00:00:00.000Z"_s;
    QTest::newRow("invalid gives null") << QDateTime() << QString();
}

void tst_UtcTime::shouldWriteUtcStorageTextWithMillisecondsAndZ()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);

    const QString text = UtcTime::toStorageText(time);
    QCOMPARE(text, expected);
    QCOMPARE(text.isNull(), expected.isNull());
}

void tst_UtcTime::shouldReadTimesFromEitherDriverAsUtc_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid = not a time

    // What Qt 6.4's QPSQL gives for timestamptz: a QDateTime in local time.
    QTest::newRow("QDateTime in local time") << QVariant(Reference.toLocalTime()) << Reference;
    QTest::newRow("QDateTime in utc") << QVariant(Reference) << Reference;
    QTest::newRow("QDateTime with offset") << QVariant(Reference.toOffsetFromUtc(3600)) << Reference;
    // What QSQLITE gives: the stored text.
    QTest::newRow("storage text with Z") << QVariant(u"2026-01-15T10:20:30.123Z"_s) << Reference;
    QTest::newRow("storage text as bytes") << QVariant(QByteArray("2026-01-15T10:20:30.123Z")) << Reference;
    QTest::newRow("postgres text +00") << QVariant(u"2026-01-15 10:20:30.123+00"_s) << Reference;
    QTest::newRow("postgres text -08") << QVariant(u"2026-01-15 02:20:30.123-08"_s) << Reference;
    QTest::newRow("postgres text +05:30") << QVariant(u"2026-01-15 15:50:30.123+05:30"_s) << Reference;
    QTest::newRow("postgres microseconds") << QVariant(u"2026-01-15 10:20:30.123456+00"_s) << Reference;
    QTest::newRow("no offset is utc, space") << QVariant(u"2026-01-15 10:20:30.123"_s) << Reference;
    QTest::newRow("no offset is utc, T")
        << QVariant(u"2026-01-15T10:20:30"_s) << utc(2026, 1, 15, 10, 20, 30, 0);
    QTest::newRow("no seconds, offset")
        << QVariant(u"2026-01-15 15:50+05:30"_s) << utc(2026, 1, 15, 10, 20, 0, 0);
    QTest::newRow("surrounding spaces") << QVariant(u"  2026-01-15T10:20:30.123Z \n"_s) << Reference;
    QTest::newRow("date only is midnight utc") << QVariant(u"2026-01-15"_s) << utc(2026, 1, 15, 0, 0, 0, 0);
    QTest::newRow("NULL") << QVariant() << QDateTime();
    QTest::newRow("typed NULL date time") << QVariant(QMetaType::fromType<QDateTime>()) << QDateTime();
    QTest::newRow("typed NULL text") << QVariant(QMetaType::fromType<QString>()) << QDateTime();
    QTest::newRow("empty text") << QVariant(u""_s) << QDateTime();
    QTest::newRow("garbage") << QVariant(u"next tuesday"_s) << QDateTime();
    QTest::newRow("impossible date") << QVariant(u"2026-13-45 10:20:30+00"_s) << QDateTime();
    QTest::newRow("a number") << QVariant(42) << QDateTime();
}

void tst_UtcTime::shouldReadTimesFromEitherDriverAsUtc()
{
    QFETCH(QVariant, value);
    QFETCH(QDateTime, expected);

    const QDateTime time = UtcTime::fromDatabase(value);

    QCOMPARE(time.isValid(), expected.isValid());
    if (!expected.isValid())
        return;
    QCOMPARE(time.timeSpec(), Qt::UTC);
    QCOMPARE(time.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    QCOMPARE(time, expected);
}

void tst_UtcTime::shouldRoundTripStorageText()
{
    for (const QDateTime &t : {Reference, utc(1999, 12, 31, 23, 59, 59, 999), utc(2038, 1, 19, 3, 14, 8, 1),
                               Reference.toLocalTime()}) {
        const QDateTime back = UtcTime::fromDatabase(UtcTime::toStorageText(t));
        QCOMPARE(back, t);
        QCOMPARE(back.timeSpec(), Qt::UTC);
    }
}

void tst_UtcTime::shouldReadUtf8StorageTextLikeDriverText()
{
    // The byte reader (SQLite read directly) and the QVariant reader (QSQLITE) agree on every text,
    // canonical or not, valid or not.
    const QStringList texts{
        u"2026-01-15T10:20:30.123Z"_s, u"1999-12-31T23:59:59.999Z"_s, u"2024-02-29T00:00:00.000Z"_s,
        u"2026-02-29T00:00:00.000Z"_s, u"2026-13-01T00:00:00.000Z"_s, u"2026-00-10T00:00:00.000Z"_s,
        u"2026-01-15T24:00:00.000Z"_s, u"2026-01-15T10:60:00.000Z"_s, u"2026-01-15T10:20:60.000Z"_s,
        u"2026-01-15T1x:20:30.123Z"_s, u"2026-01-15 10:20:30.123+00"_s, u"2026-01-15T10:20:30Z"_s,
        u"2026-01-15T10:20:30.123+02:00"_s, u"2026-01-15T10:20:30.123Zx"_s, u"0000-01-01T00:00:00.000Z"_s,
        u"2026-01-15T10:20:30.12\u00e9Z"_s, u"next tuesday"_s, u""_s};
    for (const QString &text : texts) {
        const QDateTime viaBytes = UtcTime::fromStorageUtf8(text.toUtf8());
        const QDateTime viaVariant = UtcTime::fromDatabase(QVariant(text));
        QVERIFY2(viaBytes == viaVariant && viaBytes.isValid() == viaVariant.isValid(), qPrintable(text));
        if (viaBytes.isValid())
            QCOMPARE(viaBytes.timeSpec(), Qt::UTC);
    }
    QCOMPARE(UtcTime::fromStorageUtf8("2026-01-15T10:20:30.123Z"), Reference);
    QVERIFY(!UtcTime::fromStorageUtf8("2026-02-29T00:00:00.000Z").isValid());
}

void tst_UtcTime::shouldSortStorageTextInTimeOrder()
{
    const QList<QDateTime> times{utc(2025, 12, 31, 23, 59, 59, 999), Reference.toLocalTime(),
                                 utc(2026, 1, 15, 10, 20, 30, 124), utc(2026, 10, 1, 0, 0, 0, 0)};
    for (qsizetype i = 1; i < times.size(); ++i) {
        QVERIFY(times[i - 1] < times[i]);
        QVERIFY(UtcTime::toStorageText(times[i - 1]) < UtcTime::toStorageText(times[i]));
    }
}

void tst_UtcTime::shouldGiveNowInUtcToTheMillisecond()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QDateTime now = UtcTime::now();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QCOMPARE(now.timeSpec(), Qt::UTC);
    QVERIFY(now.toMSecsSinceEpoch() >= before && now.toMSecsSinceEpoch() <= after);
    QCOMPARE(UtcTime::fromDatabase(UtcTime::toStorageText(now)), now);
}

QTEST_GUILESS_MAIN(tst_UtcTime)
#include "tst_utctime.moc"
