#include "sqlscript.h"

#include <QTest>

using namespace nt;

class tst_SqlScript : public QObject
{
    Q_OBJECT
private slots:
    void shouldSplitAtTopLevelSemicolons_data();
    void shouldSplitAtTopLevelSemicolons();
    void shouldFindPlaceholdersOnlyInCode_data();
    void shouldFindPlaceholdersOnlyInCode();
};

void tst_SqlScript::shouldSplitAtTopLevelSemicolons_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("two statements") << QStringLiteral("CREATE TABLE a (x int);\nCREATE TABLE b (y int);")
                                    << QStringList{QStringLiteral("CREATE TABLE a (x int)"), QStringLiteral("CREATE TABLE b (y int)")};
    QTest::newRow("no trailing semicolon") << QStringLiteral("SELECT 1; SELECT 2")
                                           << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("semicolon in string") << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 1;")
                                         << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b')"), QStringLiteral("SELECT 1")};
    QTest::newRow("doubled quote in string") << QStringLiteral("SELECT 'it''s; fine'; SELECT 2")
                                             << QStringList{QStringLiteral("SELECT 'it''s; fine'"), QStringLiteral("SELECT 2")};
    QTest::newRow("semicolon in identifier") << QStringLiteral("SELECT 1 AS \"a;b\"; SELECT 2")
                                             << QStringList{QStringLiteral("SELECT 1 AS \"a;b\""), QStringLiteral("SELECT 2")};
    QTest::newRow("line comment") << QStringLiteral("-- one; two\nSELECT 1; -- trailing; comment\n")
                                  << QStringList{QStringLiteral("-- one; two\nSELECT 1")};
    QTest::newRow("block comment") << QStringLiteral("/* a; b */ SELECT 1; SELECT 2;")
                                   << QStringList{QStringLiteral("/* a; b */ SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("dollar body") << QStringLiteral("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$; SELECT 1;")
                                 << QStringList{QStringLiteral("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$"),
                                                QStringLiteral("SELECT 1")};
    QTest::newRow("tagged dollar body") << QStringLiteral("DO $body$ BEGIN PERFORM 1; END $body$; SELECT 1")
                                        << QStringList{QStringLiteral("DO $body$ BEGIN PERFORM 1; END $body$"), QStringLiteral("SELECT 1")};
    QTest::newRow("sqlite trigger") << QStringLiteral("CREATE TRIGGER t AFTER UPDATE ON x BEGIN UPDATE y SET a = 1; "
                                                      "UPDATE z SET b = CASE WHEN 1 THEN 2 ELSE 3 END; END; SELECT 1;")
                                    << QStringList{QStringLiteral("CREATE TRIGGER t AFTER UPDATE ON x BEGIN UPDATE y SET a = 1; "
                                                                  "UPDATE z SET b = CASE WHEN 1 THEN 2 ELSE 3 END; END"),
                                                   QStringLiteral("SELECT 1")};
    QTest::newRow("postgres trigger is one statement") << QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f(); SELECT 1")
                                                       << QStringList{QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()"),
                                                                      QStringLiteral("SELECT 1")};
    QTest::newRow("only comments") << QStringLiteral("-- nothing here;\n/* nor; here */") << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{};
}

void tst_SqlScript::shouldSplitAtTopLevelSemicolons()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QCOMPARE(SqlScript::split(script), expected);
}

void tst_SqlScript::shouldFindPlaceholdersOnlyInCode_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("simple") << QStringLiteral("UPDATE t SET a = :a WHERE id = :id") << QStringList{QStringLiteral("a"), QStringLiteral("id")};
    QTest::newRow("cast is not a placeholder") << QStringLiteral("SELECT :v::int, now()::text") << QStringList{QStringLiteral("v")};
    QTest::newRow("inside string") << QStringLiteral("SELECT ':nope', :yes") << QStringList{QStringLiteral("yes")};
    QTest::newRow("inside comment") << QStringLiteral("SELECT 1 -- :nope\n, :yes") << QStringList{QStringLiteral("yes")};
    QTest::newRow("inside identifier") << QStringLiteral("SELECT \":nope\" FROM t WHERE x = :x_1") << QStringList{QStringLiteral("x_1")};
    QTest::newRow("repeated") << QStringLiteral("SELECT :a, :a") << QStringList{QStringLiteral("a"), QStringLiteral("a")};
    QTest::newRow("time literal") << QStringLiteral("SELECT '10:20:30'") << QStringList{};
}

void tst_SqlScript::shouldFindPlaceholdersOnlyInCode()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, names);
    QStringList found;
    for (const auto &p : SqlScript::placeholders(sql))
        found << p.name;
    QCOMPARE(found, names);
}

QTEST_GUILESS_MAIN(tst_SqlScript)
#include "tst_sqlscript.moc"
