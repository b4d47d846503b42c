#include "copybinary.h"

#include <QTest>
#include <QTimeZone>

using namespace nt;
using namespace Qt::StringLiterals;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

} // namespace

class tst_CopyBinary : public QObject
{
    Q_OBJECT
private slots:
    void shouldFrameTheCopyStream();
    void shouldWriteEachTypeAsPostgresReadsIt_data();
    void shouldWriteEachTypeAsPostgresReadsIt();
    void shouldWriteTextAsUtf8WithItsByteLength_data();
    void shouldWriteTextAsUtf8WithItsByteLength();
};

void tst_CopyBinary::shouldFrameTheCopyStream()
{
    QByteArray out;
    CopyBinary::header(out);
    QCOMPARE(out, QByteArray("PGCOPY\n\xff\r\n\0", 11) + hex("00000000" "00000000"));
    out.clear();
    CopyBinary::beginRow(out, 12);
    CopyBinary::trailer(out);
    QCOMPARE(out, hex("000c" "ffff"));
}

void tst_CopyBinary::shouldWriteEachTypeAsPostgresReadsIt_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected"); // length (4 bytes) and value, network byte order
    enum { Null, Bool, Int16, Uuid, Time, Float8 };
    const QUuid id = QUuid::fromString(u"0190a000-1234-7abc-8def-0123456789ab"_s);
    auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QVariant(QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC));
    };
    QTest::newRow("NULL") << int(Null) << QVariant() << hex("ffffffff");
    QTest::newRow("true") << int(Bool) << QVariant(true) << hex("00000001" "01");
    QTest::newRow("false") << int(Bool) << QVariant(false) << hex("00000001" "00");
    QTest::newRow("smallint 3") << int(Int16) << QVariant(3) << hex("00000002" "0003");
    QTest::newRow("smallint -2") << int(Int16) << QVariant(-2) << hex("00000002" "fffe");
    QTest::newRow("uuid") << int(Uuid) << QVariant(id) << hex("00000010" "0190a00012347abc8def0123456789ab");
    QTest::newRow("null uuid") << int(Uuid) << QVariant(QUuid()) << hex("ffffffff");
    // Microseconds since 2000-01-01 00:00 UTC.
    QTest::newRow("2000-01-01") << int(Time) << utc(2000, 1, 1, 0, 0, 0, 0) << hex("00000008" "0000000000000000");
    QTest::newRow("one ms later") << int(Time) << utc(2000, 1, 1, 0, 0, 0, 1) << hex("00000008" "00000000000003e8");
    QTest::newRow("1970-01-01") << int(Time) << utc(1970, 1, 1, 0, 0, 0, 0)
                                << hex("00000008" "fffca2fec4c82000"); // -946684800000000
    QTest::newRow("2026-01-15 10:20:30.123") << int(Time) << utc(2026, 1, 15, 10, 20, 30, 123)
                                             << hex("00000008" "0002eb6957c637f8"); // 821787630123000
    QTest::newRow("another zone, the same instant")
        << int(Time) << QVariant(QDateTime(QDate(2000, 1, 1), QTime(1, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin"))))
        << hex("00000008" "0000000000000000");
    QTest::newRow("invalid time") << int(Time) << QVariant(QDateTime()) << hex("ffffffff");
    // IEEE 754 double precision, sign first.
    QTest::newRow("double 1") << int(Float8) << QVariant(1.0) << hex("00000008" "3ff0000000000000");
    QTest::newRow("double -2.5") << int(Float8) << QVariant(-2.5) << hex("00000008" "c004000000000000");
    QTest::newRow("double 0.1") << int(Float8) << QVariant(0.1) << hex("00000008" "3fb999999999999a");
}

void tst_CopyBinary::shouldWriteEachTypeAsPostgresReadsIt()
{
    QFETCH(int, kind);
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    QByteArray out = "x";
    switch (kind) {
    case 0:
        CopyBinary::null(out);
        break;
    case 1:
        CopyBinary::boolean(out, value.toBool());
        break;
    case 2:
        CopyBinary::int16(out, qint16(value.toInt()));
        break;
    case 3:
        CopyBinary::uuid(out, value.toUuid());
        break;
    case 4:
        CopyBinary::timestamp(out, value.toDateTime());
        break;
    case 5:
        CopyBinary::float8(out, value.toDouble());
        break;
    }
    QCOMPARE(out.toHex(), QByteArray(QByteArray("x") + expected).toHex());
}

void tst_CopyBinary::shouldWriteTextAsUtf8WithItsByteLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("ascii, nothing escaped") << u"a\tb\\N\n"_s << QByteArray("a\tb\\N\n");
    QTest::newRow("two, three and four bytes") << u"ä€🍎"_s << QByteArray("\xc3\xa4\xe2\x82\xac\xf0\x9f\x8d\x8e");
    QTest::newRow("long") << QString(70000, u'ü') << QString(70000, u'ü').toUtf8();
}

void tst_CopyBinary::shouldWriteTextAsUtf8WithItsByteLength()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, utf8);
    CopyBinary copy;
    QByteArray out = "x";
    copy.text(out, text);
    copy.text(out, text); // the encoder keeps no state between values
    QByteArray length(4, '\0');
    length[0] = char(utf8.size() >> 24);
    length[1] = char(utf8.size() >> 16);
    length[2] = char(utf8.size() >> 8);
    length[3] = char(utf8.size());
    QCOMPARE(out, QByteArray("x") + length + utf8 + length + utf8);
}

QTEST_GUILESS_MAIN(tst_CopyBinary)
#include "tst_copybinary.moc"
