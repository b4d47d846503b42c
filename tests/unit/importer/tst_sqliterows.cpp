#include "sqliterows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
using namespace Qt::StringLiterals;

namespace {

// One column with a value of each storage class and the awkward cases of each, in a column
// without type affinity, so every value stays exactly as it was written.
const char *const Values[] = {
    "NULL",
    "0",
    "-9223372036854775808",
    "9223372036854775807",
    "1.5",
    "-0.0",
    "1e300",
    "''",
    "'plain ascii'",
    "'tab\there'",
    "'Ünïcödé 🍎'",
    "CAST(x'48e96c6c6f' AS TEXT)",         // Latin-1 bytes stored as text: not UTF-8
    "CAST(x'f09f8d' AS TEXT)",             // a cut-off four-byte sequence
    "CAST(x'610062' AS TEXT)",             // a NUL inside the text
    "x''",
    "x'00ff10'",
    "CAST('text as blob' AS BLOB)",
};

} // namespace

class tst_SqliteRows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void shouldGiveWhatQsqliteGives();
    void shouldNameTheColumnsAsSelected();
    void shouldSayWhyItCannotRead();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_SqliteRows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"values.db"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    db.setDatabaseName(m_path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(u"CREATE TABLE v (n INTEGER PRIMARY KEY, value)"_s));
    for (const char *value : Values)
        QVERIFY2(q.exec(u"INSERT INTO v (value) VALUES (%1)"_s.arg(QString::fromUtf8(value))), qPrintable(q.lastError().text()));
    db.close();
}

void tst_SqliteRows::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(u"writer"_s);
    QSqlDatabase::removeDatabase(u"reader"_s);
}

void tst_SqliteRows::shouldGiveWhatQsqliteGives()
{
    // GIVEN the same SELECT through QSQLITE and through SqliteRows
    const QString sql = u"SELECT value, typeof(value), n FROM v ORDER BY n"_s;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    db.setDatabaseName(m_path);
    QVERIFY(db.open());
    QSqlQuery qt(db);
    qt.setForwardOnly(true);
    QVERIFY(qt.exec(sql));
    auto opened = SqliteRows::open(m_path, sql);
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    SqliteRows &rows = *opened.value();

    // WHEN both read every row
    int n = 0;
    QStringList storageClasses;
    while (qt.next()) {
        QVERIFY(rows.next());
        ++n;
        // THEN each value has the same type and the same content
        for (int column = 0; column < 3; ++column) {
            const QVariant expected = qt.value(column);
            const QVariant got = rows.value(column);
            const QByteArray where = "row " + QByteArray::number(n) + ", column " + QByteArray::number(column) + ": "
                + QByteArray(Values[n - 1]);
            const QByteArray types = where + " is " + got.metaType().name() + ", QSQLITE gives " + expected.metaType().name();
            QVERIFY2(got.metaType() == expected.metaType(), types.constData());
            QVERIFY2(got.isNull() == expected.isNull(), where.constData());
            QVERIFY2(got == expected, qPrintable(QString::fromUtf8(where) + u": "_s + got.toString() + u" vs "_s + expected.toString()));
        }
        storageClasses << qt.value(1).toString();
    }
    QVERIFY(!rows.next());
    QVERIFY(!rows.error());
    QCOMPARE(n, int(std::size(Values)));
    // AND the table did hold every storage class
    storageClasses.removeDuplicates();
    storageClasses.sort();
    QCOMPARE(storageClasses, (QStringList{u"blob"_s, u"integer"_s, u"null"_s, u"real"_s, u"text"_s}));
    qt.finish();
    db.close();
}

void tst_SqliteRows::shouldNameTheColumnsAsSelected()
{
    auto rows = SqliteRows::open(m_path, u"SELECT n AS \"f_source_key\", value AS f_title, 1 FROM v LIMIT 1"_s);
    QVERIFY2(rows, qPrintable(rows.error().toString()));
    QCOMPARE(rows.value()->columnNames(), (QStringList{u"f_source_key"_s, u"f_title"_s, u"1"_s}));
    QVERIFY(rows.value()->next());
    QVERIFY(!rows.value()->next());
}

void tst_SqliteRows::shouldSayWhyItCannotRead()
{
    auto missing = SqliteRows::open(m_dir.filePath(u"missing.db"_s), u"SELECT 1"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, Error::Kind::Io);
    QVERIFY2(!missing.error().detail.isEmpty(), qPrintable(missing.error().toString()));
    auto wrong = SqliteRows::open(m_path, u"SELECT nope FROM v"_s);
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().detail.contains(u"nope"_s), qPrintable(wrong.error().toString()));
}

QTEST_GUILESS_MAIN(tst_SqliteRows)
#include "tst_sqliterows.moc"
