#include "sqlexec.h"
#include "testdatabase.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QTest>
#include <QTimeZone>

using namespace nt;
using namespace nt::test;

// Values reach the database bound (SQLite) or escaped by the driver (PostgreSQL), never pasted:
// hostile text comes back byte for byte and runs nothing.
class tst_SqlExec : public QObject
{
    Q_OBJECT
private slots:
    void shouldRoundTripHostileText_data();
    void shouldRoundTripHostileText();
    void shouldStoreTimesAsUtc_data() { addDriverColumn(); addDriverRows(); }
    void shouldStoreTimesAsUtc();
    void shouldRoundTripBoolsUuidsAndNulls_data() { addDriverColumn(); addDriverRows(); }
    void shouldRoundTripBoolsUuidsAndNulls();
    void shouldFailClearlyOnMissingValue_data() { addDriverColumn(); addDriverRows(); }
    void shouldFailClearlyOnMissingValue();
    void shouldNotPrepareOnPostgres();
};

void tst_SqlExec::shouldRoundTripHostileText_data()
{
    QTest::addColumn<Driver>("driver");
    QTest::addColumn<QString>("text");
    const QStringList hostile{
        QStringLiteral("'%_\\\"; DROP TABLE t;--"),
        QStringLiteral("Robert'); DROP TABLE t; --"),
        QStringLiteral("back\\slash \\' and \\\\"),
        QStringLiteral("$$ dollar $$ $tag$"),
        QStringLiteral(":name ::cast ?"),
        QStringLiteral("emoji 🎉 and ünïcödé"),
        QStringLiteral("line\nbreak\ttab"),
    };
    for (const Driver d : {Driver::SQLite, Driver::PostgreSQL}) {
        int i = 0;
        for (const QString &t : hostile)
            QTest::addRow("%s-%d", d == Driver::SQLite ? "sqlite" : "postgres", i++) << d << t;
    }
}

void tst_SqlExec::shouldRoundTripHostileText()
{
    QFETCH(Driver, driver);
    QFETCH(QString, text);
    // GIVEN a table
    ScratchDatabase scratch(driver);
    NT_REQUIRE(scratch);
    const QSqlDatabase db = QSqlDatabase::database(scratch.connectionName());
    QVERIFY(!SqlExec::exec(db, QStringLiteral("CREATE TABLE t (v text)")));
    // WHEN hostile text is inserted and searched for
    const Error e = SqlExec::exec(db, QStringLiteral("INSERT INTO t (v) VALUES (:v)"), {{QStringLiteral("v"), text}});
    QVERIFY2(!e, qPrintable(e.toString()));
    auto q = SqlExec::run(db, QStringLiteral("SELECT v, (SELECT count(*) FROM t) FROM t WHERE v = :v"), {{QStringLiteral("v"), text}});
    // THEN it comes back unchanged, and the table is still there with one row
    QVERIFY2(q.ok(), qPrintable(q.error().toString()));
    QVERIFY(q.value().next());
    QCOMPARE(q.value().value(0).toString(), text);
    QCOMPARE(q.value().value(1).toInt(), 1);
}

void tst_SqlExec::shouldStoreTimesAsUtc()
{
    QFETCH(Driver, driver);
    ScratchDatabase scratch(driver);
    NT_REQUIRE(scratch);
    const QSqlDatabase db = QSqlDatabase::database(scratch.connectionName());
    const QString type = driver == Driver::SQLite ? QStringLiteral("text") : QStringLiteral("timestamptz");
    QVERIFY(!SqlExec::exec(db, QStringLiteral("CREATE TABLE t (at %1)").arg(type)));
    // GIVEN a time written with an offset
    const QDateTime written(QDate(2026, 3, 29), QTime(1, 30, 15, 123), QTimeZone(5 * 3600 + 1800));
    QVERIFY(!SqlExec::exec(db, QStringLiteral("INSERT INTO t (at) VALUES (:at)"), {{QStringLiteral("at"), written}}));
    // WHEN it is read back
    auto q = SqlExec::run(db, QStringLiteral("SELECT at FROM t"));
    QVERIFY(q.ok());
    QVERIFY(q.value().next());
    // THEN it is the same instant, and the storage form is UTC
    const QDateTime read = UtcTime::fromDatabase(q.value().value(0));
    QCOMPARE(read, written);
    QCOMPARE(read.timeSpec(), Qt::UTC);
    if (driver == Driver::SQLite)
        QCOMPARE(q.value().value(0).toString(), QStringLiteral("2026-03-28T20:00:15.123Z"));
}

void tst_SqlExec::shouldRoundTripBoolsUuidsAndNulls()
{
    QFETCH(Driver, driver);
    ScratchDatabase scratch(driver);
    NT_REQUIRE(scratch);
    const QSqlDatabase db = QSqlDatabase::database(scratch.connectionName());
    const bool pg = driver == Driver::PostgreSQL;
    QVERIFY(!SqlExec::exec(db, pg ? QStringLiteral("CREATE TABLE t (b boolean, u uuid, n text)")
                                  : QStringLiteral("CREATE TABLE t (b integer, u text, n text)")));
    const QUuid id = Uuids::createV7();
    QVERIFY(!SqlExec::exec(db, QStringLiteral("INSERT INTO t VALUES (:b, :u, :n)"),
                           {{QStringLiteral("b"), true}, {QStringLiteral("u"), id}, {QStringLiteral("n"), QVariant(QMetaType::fromType<QString>())}}));
    auto q = SqlExec::run(db, QStringLiteral("SELECT b, u, n FROM t"));
    QVERIFY(q.ok());
    QVERIFY(q.value().next());
    QCOMPARE(q.value().value(0).toBool(), true);
    QCOMPARE(QUuid::fromString(q.value().value(1).toString()), id);
    QVERIFY(q.value().value(2).isNull());
}

void tst_SqlExec::shouldFailClearlyOnMissingValue()
{
    QFETCH(Driver, driver);
    ScratchDatabase scratch(driver);
    NT_REQUIRE(scratch);
    const QSqlDatabase db = QSqlDatabase::database(scratch.connectionName());
    auto q = SqlExec::run(db, QStringLiteral("SELECT :missing"));
    QVERIFY(!q.ok());
    QVERIFY(q.error().detail.contains(QStringLiteral(":missing")));
}

void tst_SqlExec::shouldNotPrepareOnPostgres()
{
    // GIVEN a PostgreSQL connection
    ScratchDatabase scratch(Driver::PostgreSQL);
    NT_REQUIRE(scratch);
    const QSqlDatabase db = QSqlDatabase::database(scratch.connectionName());
    // WHEN a statement with values runs
    auto q = SqlExec::run(db, QStringLiteral("SELECT :a::text"), {{QStringLiteral("a"), QStringLiteral("x")}});
    QVERIFY(q.ok());
    // THEN the session holds no prepared statement (Qt's own prepare would have left one)
    auto prepared = SqlExec::run(db, QStringLiteral("SELECT count(*) FROM pg_prepared_statements"));
    QVERIFY(prepared.ok());
    QVERIFY(prepared.value().next());
    QCOMPARE(prepared.value().value(0).toInt(), 0);
    // and the text sent carries the value as an escaped literal
    auto text = SqlExec::inlineValues(db, QStringLiteral("SELECT :a"), {{QStringLiteral("a"), QStringLiteral("it's")}});
    QVERIFY(text.ok());
    QCOMPARE(text.value(), QStringLiteral("SELECT 'it''s'"));
}

QTEST_GUILESS_MAIN(tst_SqlExec)
#include "tst_sqlexec.moc"
