#include "importfixtures.h"
#include "knownapps.h"
#include "mappingguesser.h"
#include "sourceinspector.h"
#include "sourcesnapshot.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace nt;
namespace fx = nt::test::ImportFixtures;

namespace {

using Maker = std::function<QString(const QString &)>;

// A file made by `make`, its snapshot and what the inspector found in it.
struct Inspected
{
    QTemporaryDir dir;
    std::unique_ptr<SourceSnapshot> snapshot;
    QList<SourceTable> tables;
    QString error;

    explicit Inspected(const Maker &make, const QStringList &moreSql = {})
    {
        const QString path = dir.filePath(QStringLiteral("source.db"));
        error = make(path);
        if (error.isEmpty() && !moreSql.isEmpty()) {
            const QString name = QUuid::createUuid().toString();
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                db.open();
                QSqlQuery q(db);
                for (const QString &sql : moreSql)
                    if (error.isEmpty() && !q.exec(sql))
                        error = sql + QStringLiteral(": ") + q.lastError().text();
            }
            QSqlDatabase::removeDatabase(name);
        }
        if (!error.isEmpty())
            return;
        auto opened = SourceSnapshot::open(path);
        if (!opened.ok()) {
            error = opened.error().toString();
            return;
        }
        snapshot = std::move(opened).value();
        tables = SourceInspector(*snapshot).tables();
    }
    const SourceTable *table(const QString &name) const
    {
        for (const SourceTable &t : tables)
            if (t.name == name)
                return &t;
        return nullptr;
    }
};

Maker inlineFile(const QStringList &sql)
{
    return [sql](const QString &path) {
        const QString error = fx::noTablesFile(path);
        if (!error.isEmpty())
            return error;
        const QString name = QUuid::createUuid().toString();
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            for (const QString &s : sql)
                if (result.isEmpty() && !q.exec(s))
                    result = s + QStringLiteral(": ") + q.lastError().text();
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    };
}

const char *const FieldAliases[] = {"f_source_key",   "f_title",    "f_notes",      "f_completed",
                                    "f_completed_at", "f_due_at",   "f_created_at", "f_updated_at",
                                    "f_priority",     "f_list_name"};

const ColumnMapping &mapping(const ImportPlan &plan, ImportField field)
{
    return plan.mappings.at(int(field));
}

// Selects through a plan the way the reader does: (expression) or the escaped column, the table not
// aliased, the plan's row filter. Rows by title.
QMap<QString, QSqlRecord> selectThrough(const SourceSnapshot &snapshot, const ImportPlan &plan,
                                        QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(snapshot.connectionName(), false);
    QStringList columns;
    for (const ColumnMapping &m : plan.mappings) {
        if (m.expression.isEmpty() && m.column.isEmpty())
            continue;
        const QString source = m.expression.isEmpty() ? SourceInspector::identifier(db.driver(), m.column)
                                                      : QLatin1Char('(') + m.expression + QLatin1Char(')');
        columns << source + QStringLiteral(" AS ") + QLatin1String(FieldAliases[int(m.field)]);
    }
    QString sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") +
                  SourceInspector::identifier(db.driver(), plan.table);
    if (!plan.rowFilter.isEmpty())
        sql += QStringLiteral(" WHERE ") + plan.rowFilter;
    QMap<QString, QSqlRecord> rows;
    QSqlQuery query(db);
    if (!query.exec(sql))
        *error = query.lastError().text() + QStringLiteral(" in ") + sql;
    while (query.next())
        rows.insert(query.value(QStringLiteral("f_title")).toString(), query.record());
    return rows;
}

} // namespace

Q_DECLARE_METATYPE(ImportField)
Q_DECLARE_METATYPE(ValueEncoding)

#define NT_REQUIRE_FILE(x) QVERIFY2((x).error.isEmpty(), qPrintable((x).error))

// Finding out what an old file holds, which table is the todo list and how its columns map; the
// built-in plans of known apps.
class tst_SourceInspector : public QObject
{
    Q_OBJECT
private slots:
    // SourceInspector
    void shouldListTablesViewsColumnsCountsAndSamples();
    void shouldLeaveOutInternalVirtualAndShadowTables();
    void shouldReadTablesWithAwkwardNames();
    void shouldCutLongSamplesAndShowBytesAsHex();
    // MappingGuesser
    void shouldMapTheSeedsOwnFileConfidently_data();
    void shouldMapTheSeedsOwnFileConfidently();
    void shouldPreferTheTableWithMoreRowsOnATie();
    void shouldMapRenamedColumns();
    void shouldTakeStatusWordsAndPriorityWords();
    void shouldTakeTimestampsInACompletedColumnAsCompletionTime();
    void shouldNeverMapOneColumnTwice_data();
    void shouldNeverMapOneColumnTwice();
    void shouldChooseNoTableWithoutText_data();
    void shouldChooseNoTableWithoutText();
    void shouldUseAnIdThatIsNotAPrimaryKeyLessSurely();
    void shouldFallBackToRowidAndTheFirstTextColumn();
    // KnownApps
    void shouldRecogniseKnownAppsAndSelectThroughTheirPlans_data();
    void shouldRecogniseKnownAppsAndSelectThroughTheirPlans();
    void shouldLeaveOtherFilesToTheGenericPath();
};

void tst_SourceInspector::shouldListTablesViewsColumnsCountsAndSamples()
{
    // GIVEN a file with a todo table, a settings table, a view (and sqlite_sequence)
    Inspected f(fx::renamedColumnsFile);
    NT_REQUIRE_FILE(f);
    // THEN every user table and view is listed, in name order, with columns, counts and samples
    QStringList names;
    for (const SourceTable &t : f.tables)
        names << t.name;
    QCOMPARE(names, QStringList(
                        {QStringLiteral("items"), QStringLiteral("open_items"), QStringLiteral("settings")}));
    const SourceTable *items = f.table(QStringLiteral("items"));
    QCOMPARE(items->rowCount, 3);
    QVERIFY(!items->isView);
    QCOMPARE(items->columns.size(), 6);
    QCOMPARE(items->columns.at(0).name, QStringLiteral("item_id"));
    QVERIFY(items->columns.at(0).primaryKey);
    QVERIFY(!items->columns.at(1).primaryKey);
    QCOMPARE(items->columns.at(1).declaredType, QStringLiteral("TEXT"));
    QCOMPARE(
        items->columns.at(1).samples,
        QStringList({QStringLiteral("Buy milk"), QStringLiteral("Call mom"), QStringLiteral("Fix bike")}));
    QCOMPARE(items->columns.at(2).samples,
             QStringList({QStringLiteral("2 litres"), QStringLiteral("The chain")}));
    QCOMPARE(items->columns.at(3).samples, QStringList({QStringLiteral("0"), QStringLiteral("1")}));
    QCOMPARE(items->columns.at(5).samples.first(), QStringLiteral("1768472430123"));
    const SourceTable *view = f.table(QStringLiteral("open_items"));
    QVERIFY(view->isView);
    QCOMPARE(view->rowCount, 2);
    QCOMPARE(f.table(QStringLiteral("settings"))->columns.at(1).samples.size(), SourceInspector::SampleCount);
}

void tst_SourceInspector::shouldLeaveOutInternalVirtualAndShadowTables()
{
    // GIVEN Joplin's file, with an fts4 index and its shadow tables
    Inspected f(fx::joplinFile);
    NT_REQUIRE_FILE(f);
    // THEN only its own tables are listed
    for (const SourceTable &t : f.tables)
        QVERIFY2(!t.name.startsWith(QLatin1String("notes_fts")) &&
                     !t.name.startsWith(QLatin1String("sqlite_")),
                 qPrintable(t.name));
    QVERIFY(f.table(QStringLiteral("notes")));
    QVERIFY(f.table(QStringLiteral("notes_normalized")));
    QCOMPARE(f.table(QStringLiteral("notes"))->rowCount, 6);
}

void tst_SourceInspector::shouldReadTablesWithAwkwardNames()
{
    // GIVEN tables whose names hold quotes, spaces and dots
    Inspected f(
        inlineFile({QStringLiteral(R"(CREATE TABLE "my ""odd"" table.v2" ("it's ""x""" TEXT, n INTEGER))"),
                    QStringLiteral(R"(INSERT INTO "my ""odd"" table.v2" VALUES ('a', 1), ('b', 2))"),
                    QStringLiteral(R"(CREATE TABLE """quoted""" ("""c""" TEXT))"),
                    QStringLiteral(R"(INSERT INTO """quoted""" VALUES ('q'))")}));
    NT_REQUIRE_FILE(f);
    // THEN both are read, counted and sampled
    const SourceTable *odd = f.table(QStringLiteral(R"(my "odd" table.v2)"));
    QVERIFY(odd);
    QCOMPARE(odd->rowCount, 2);
    QCOMPARE(odd->columns.at(0).name, QStringLiteral(R"(it's "x")"));
    QCOMPARE(odd->columns.at(0).samples, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    const SourceTable *quoted = f.table(QStringLiteral(R"("quoted")"));
    QVERIFY(quoted);
    QCOMPARE(quoted->rowCount, 1);
    QCOMPARE(quoted->columns.at(0).samples, QStringList{QStringLiteral("q")});
}

void tst_SourceInspector::shouldCutLongSamplesAndShowBytesAsHex()
{
    // GIVEN a 5000-character title and a 10 MB note; and bytes that are not UTF-8
    Inspected huge(fx::hugeRowFile);
    NT_REQUIRE_FILE(huge);
    Inspected bytes(fx::invalidUtf8File);
    NT_REQUIRE_FILE(bytes);
    // THEN samples are cut with "…", and a BLOB that is not text shows as hex
    const SourceTable *todo = huge.table(QStringLiteral("todo"));
    for (int column : {1, 2}) {
        const QString sample = todo->columns.at(column).samples.first();
        QCOMPARE(sample.size(), SourceInspector::SampleLength + 1);
        QVERIFY(sample.endsWith(QStringLiteral("…")));
    }
    const QStringList titles = bytes.table(QStringLiteral("todo"))->columns.at(1).samples;
    QCOMPARE(titles.size(), 3);
    QCOMPARE(titles.at(0), QStringLiteral("Valid title ünïcödé"));
    QCOMPARE(titles.at(2), QStringLiteral("x'436166e920636f6e6e75'"));
}

void tst_SourceInspector::shouldMapTheSeedsOwnFileConfidently_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("todo") << QStringLiteral("todo");
    QTest::newRow("task") << QStringLiteral("task");
}

void tst_SourceInspector::shouldMapTheSeedsOwnFileConfidently()
{
    QFETCH(QString, table);
    // GIVEN the seed's SQLModel file
    Inspected f([&table](const QString &path) { return fx::sqlModelFile(path, 12, table); });
    NT_REQUIRE_FILE(f);
    // WHEN the mapping is guessed
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    // THEN every field is mapped, title/completed/created surely
    QCOMPARE(plan.table, table);
    QVERIFY(plan.knownApp.isEmpty());
    const QList<std::pair<ImportField, const char *>> expected{
        {ImportField::SourceKey, "id"},         {ImportField::Title, "title"},
        {ImportField::Notes, "description"},    {ImportField::Completed, "completed"},
        {ImportField::DueAt, "due_date"},       {ImportField::CreatedAt, "created_at"},
        {ImportField::UpdatedAt, "updated_at"}, {ImportField::Priority, "priority"},
    };
    for (const auto &[field, column] : expected)
        QCOMPARE(mapping(plan, field).column, QLatin1String(column));
    for (ImportField field :
         {ImportField::SourceKey, ImportField::Title, ImportField::Completed, ImportField::CreatedAt})
        QVERIFY2(mapping(plan, field).confidence >= 0.9,
                 qPrintable(QString::number(mapping(plan, field).confidence)));
    QVERIFY(mapping(plan, ImportField::CompletedAt).column.isEmpty());
    QVERIFY(mapping(plan, ImportField::ListName).column.isEmpty());
    QCOMPARE(mapping(plan, ImportField::CreatedAt).encoding, ValueEncoding::Auto);
}

void tst_SourceInspector::shouldPreferTheTableWithMoreRowsOnATie()
{
    // GIVEN an empty `todo` beside a `task` with rows, same columns
    Inspected f([](const QString &path) { return fx::sqlModelFile(path, 5, QStringLiteral("task")); },
                {QStringLiteral(
                    "CREATE TABLE todo (id INTEGER NOT NULL, title VARCHAR NOT NULL, description VARCHAR, "
                    "completed BOOLEAN NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT "
                    "NULL, due_date DATETIME, priority INTEGER, PRIMARY KEY (id))")});
    NT_REQUIRE_FILE(f);
    // THEN the one with rows is chosen
    QCOMPARE(MappingGuesser::guess(f.tables).table, QStringLiteral("task"));
}

void tst_SourceInspector::shouldMapRenamedColumns()
{
    // GIVEN `items` with other column names, beside a bigger settings table and a view
    Inspected f(fx::renamedColumnsFile);
    NT_REQUIRE_FILE(f);
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    // THEN items is chosen and its columns mapped; inserted_at is read as milliseconds
    QCOMPARE(plan.table, QStringLiteral("items"));
    QCOMPARE(mapping(plan, ImportField::SourceKey).column, QStringLiteral("item_id"));
    QCOMPARE(mapping(plan, ImportField::Title).column, QStringLiteral("name"));
    QCOMPARE(mapping(plan, ImportField::Notes).column, QStringLiteral("body"));
    QCOMPARE(mapping(plan, ImportField::Completed).column, QStringLiteral("done"));
    QCOMPARE(mapping(plan, ImportField::DueAt).column, QStringLiteral("deadline"));
    QCOMPARE(mapping(plan, ImportField::CreatedAt).column, QStringLiteral("inserted_at"));
    QCOMPARE(mapping(plan, ImportField::CreatedAt).encoding, ValueEncoding::EpochMilliseconds);
    for (ImportField field :
         {ImportField::Title, ImportField::Completed, ImportField::DueAt, ImportField::CreatedAt})
        QVERIFY2(mapping(plan, field).confidence >= 0.9,
                 qPrintable(mapping(plan, field).column + QLatin1Char(' ') +
                            QString::number(mapping(plan, field).confidence)));
}

void tst_SourceInspector::shouldTakeStatusWordsAndPriorityWords()
{
    // GIVEN a status column of words, priority words, a folder and REAL seconds
    Inspected f(
        inlineFile({QStringLiteral("CREATE TABLE tasks (id INTEGER PRIMARY KEY, subject TEXT, state TEXT, "
                                   "prio TEXT, folder TEXT, modified REAL)"),
                    QStringLiteral("INSERT INTO tasks (subject, state, prio, folder, modified) VALUES "
                                   "('Paint', 'open', 'high', 'Home', 1768472430.25), "
                                   "('Mow', 'done', 'low', 'Garden', 1768472431.5), "
                                   "('Plan', 'in progress', 'medium', 'Home', 1768472432.75)")}));
    NT_REQUIRE_FILE(f);
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    // THEN each has its field
    QCOMPARE(mapping(plan, ImportField::Title).column, QStringLiteral("subject"));
    QCOMPARE(mapping(plan, ImportField::Completed).column, QStringLiteral("state"));
    QVERIFY(mapping(plan, ImportField::Completed).confidence >= 0.8);
    QCOMPARE(mapping(plan, ImportField::Priority).column, QStringLiteral("prio"));
    QCOMPARE(mapping(plan, ImportField::ListName).column, QStringLiteral("folder"));
    QCOMPARE(mapping(plan, ImportField::UpdatedAt).column, QStringLiteral("modified"));
    QCOMPARE(mapping(plan, ImportField::UpdatedAt).encoding, ValueEncoding::EpochSeconds);
}

void tst_SourceInspector::shouldTakeTimestampsInACompletedColumnAsCompletionTime()
{
    // GIVEN "completed" holding 0 or a millisecond time
    Inspected f(inlineFile(
        {QStringLiteral("CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT, todo_completed INTEGER)"),
         QStringLiteral("INSERT INTO todos (title, todo_completed) VALUES ('a', 0), "
                        "('b', 1768472430123), ('c', 1768472430999)")}));
    NT_REQUIRE_FILE(f);
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    // THEN it is the completion time, in milliseconds, and not the flag
    QCOMPARE(mapping(plan, ImportField::CompletedAt).column, QStringLiteral("todo_completed"));
    QCOMPARE(mapping(plan, ImportField::CompletedAt).encoding, ValueEncoding::EpochMilliseconds);
    QVERIFY(mapping(plan, ImportField::Completed).column.isEmpty());
}

void tst_SourceInspector::shouldNeverMapOneColumnTwice_data()
{
    QTest::addColumn<Maker>("make");
    QTest::newRow("sqlmodel") << Maker([](const QString &p) { return fx::sqlModelFile(p, 8); });
    QTest::newRow("renamed") << Maker(fx::renamedColumnsFile);
    QTest::newRow("dates") << Maker(fx::allDateFormatsFile);
    QTest::newRow("huge") << Maker(fx::hugeRowFile);
    QTest::newRow("utf8") << Maker(fx::invalidUtf8File);
    QTest::newRow("duplicates") << Maker(fx::duplicateKeysFile);
    QTest::newRow("joplin") << Maker(fx::joplinFile);
    QTest::newRow("thunderbird") << Maker(fx::thunderbirdFile);
    QTest::newRow("things") << Maker(fx::thingsFile);
}

void tst_SourceInspector::shouldNeverMapOneColumnTwice()
{
    QFETCH(Maker, make);
    Inspected f(make);
    NT_REQUIRE_FILE(f);
    // For every table, whichever is picked: one field per column, a title among them
    for (const SourceTable &table : f.tables) {
        const ImportPlan plan = MappingGuesser::guessFor(table);
        QCOMPARE(plan.mappings.size(), 10);
        QStringList used;
        for (const ColumnMapping &m : plan.mappings) {
            QVERIFY(m.confidence >= 0 && m.confidence <= 1);
            if (m.column.isEmpty())
                continue;
            QVERIFY2(!used.contains(m.column), qPrintable(table.name + QLatin1Char('.') + m.column));
            used << m.column;
        }
    }
    QVERIFY(!MappingGuesser::guess(f.tables).table.isEmpty());
    QVERIFY(!mapping(MappingGuesser::guess(f.tables), ImportField::Title).column.isEmpty());
}

void tst_SourceInspector::shouldChooseNoTableWithoutText_data()
{
    QTest::addColumn<Maker>("make");
    QTest::newRow("no tables") << Maker(fx::noTablesFile);
    QTest::newRow("no text column") << Maker(fx::noTextColumnFile);
    QTest::newRow("only a view") << Maker(
        inlineFile({QStringLiteral("CREATE VIEW todos AS SELECT 'a' AS title")}));
}

void tst_SourceInspector::shouldChooseNoTableWithoutText()
{
    QFETCH(Maker, make);
    Inspected f(make);
    NT_REQUIRE_FILE(f);
    QVERIFY(MappingGuesser::guess(f.tables).table.isEmpty());
}

void tst_SourceInspector::shouldUseAnIdThatIsNotAPrimaryKeyLessSurely()
{
    Inspected f(fx::duplicateKeysFile);
    NT_REQUIRE_FILE(f);
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    QCOMPARE(plan.table, QStringLiteral("tasks"));
    QCOMPARE(mapping(plan, ImportField::SourceKey).column, QStringLiteral("id"));
    QVERIFY(mapping(plan, ImportField::SourceKey).confidence < 0.9);
    QCOMPARE(mapping(plan, ImportField::Completed).column, QStringLiteral("done"));
}

void tst_SourceInspector::shouldFallBackToRowidAndTheFirstTextColumn()
{
    Inspected f(inlineFile({QStringLiteral("CREATE TABLE stuff (a TEXT, b INTEGER)"),
                            QStringLiteral("INSERT INTO stuff VALUES ('Something to do', 3)")}));
    NT_REQUIRE_FILE(f);
    const ImportPlan plan = MappingGuesser::guess(f.tables);
    QCOMPARE(plan.table, QStringLiteral("stuff"));
    QCOMPARE(mapping(plan, ImportField::SourceKey).column, QStringLiteral("rowid"));
    QCOMPARE(mapping(plan, ImportField::SourceKey).confidence, 0.5);
    QCOMPARE(mapping(plan, ImportField::Title).column, QStringLiteral("a"));
    QCOMPARE(mapping(plan, ImportField::Title).confidence, MappingGuesser::MinConfidence);
}

void tst_SourceInspector::shouldRecogniseKnownAppsAndSelectThroughTheirPlans_data()
{
    QTest::addColumn<Maker>("make");
    QTest::addColumn<QString>("app");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("titles");
    // title|alias|expected value as text
    QTest::addColumn<QStringList>("values");
    QTest::newRow("joplin")
        << Maker(fx::joplinFile) << KnownApps::Joplin << QStringLiteral("notes")
        << QStringList{QStringLiteral("Buy milk"), QStringLiteral("Call mom"), QStringLiteral("Write report")}
        << QStringList{QStringLiteral("Buy milk|f_list_name|Home"),
                       QStringLiteral("Buy milk|f_due_at|1768472430000"),
                       QStringLiteral("Buy milk|f_completed|0"),
                       QStringLiteral("Buy milk|f_updated_at|1768400002000"),
                       QStringLiteral("Call mom|f_completed|1"),
                       QStringLiteral("Call mom|f_completed_at|1768476030000"),
                       QStringLiteral("Call mom|f_updated_at|1768476030000"),
                       QStringLiteral("Write report|f_list_name|Work"),
                       QStringLiteral("Write report|f_source_key|a0000000000000000000000000000004")};
    QTest::newRow("thunderbird") << Maker(fx::thunderbirdFile) << KnownApps::Thunderbird
                                 << QStringLiteral("cal_todos")
                                 << QStringList{QStringLiteral("Dentist"), QStringLiteral("Pay rent"),
                                                QStringLiteral("Renew passport"),
                                                QStringLiteral("Water plants"),
                                                QStringLiteral("Weekly review")}
                                 << QStringList{QStringLiteral("Pay rent|f_source_key|cal-home/uid-1"),
                                                QStringLiteral("Pay rent|f_notes|Transfer before the 15th"),
                                                QStringLiteral("Pay rent|f_priority|1"),
                                                QStringLiteral("Pay rent|f_due_at|1768472430000000"),
                                                QStringLiteral("Pay rent|f_completed|0"),
                                                QStringLiteral("Renew passport|f_completed|1"),
                                                QStringLiteral("Water plants|f_due_at|2026-01-15 10:20:30"),
                                                QStringLiteral("Water plants|f_priority|"),
                                                QStringLiteral("Dentist|f_due_at|2026-01-15")};
    QTest::newRow("things") << Maker(fx::thingsFile) << KnownApps::Things3 << QStringLiteral("TMTask")
                            << QStringList{QStringLiteral("Buy paint"), QStringLiteral("Call plumber"),
                                           QStringLiteral("Fix tap"), QStringLiteral("Inbox idea")}
                            << QStringList{QStringLiteral("Buy paint|f_list_name|Renovation"),
                                           QStringLiteral("Buy paint|f_due_at|132782592"),
                                           QStringLiteral("Buy paint|f_completed|0"),
                                           QStringLiteral("Fix tap|f_list_name|Renovation"),
                                           QStringLiteral("Fix tap|f_completed|1"),
                                           QStringLiteral("Fix tap|f_completed_at|1768472430.5"),
                                           QStringLiteral("Call plumber|f_list_name|Home"),
                                           QStringLiteral("Call plumber|f_completed|1"),
                                           QStringLiteral("Inbox idea|f_list_name|")};
}

void tst_SourceInspector::shouldRecogniseKnownAppsAndSelectThroughTheirPlans()
{
    QFETCH(Maker, make);
    QFETCH(QString, app);
    QFETCH(QString, table);
    QFETCH(QStringList, titles);
    QFETCH(QStringList, values);
    // GIVEN an app's file
    Inspected f(make);
    NT_REQUIRE_FILE(f);
    // WHEN it is recognised
    const std::optional<ImportPlan> plan = KnownApps::recognise(f.tables);
    QVERIFY(plan);
    QCOMPARE(plan->knownApp, app);
    QCOMPARE(plan->table, table);
    QCOMPARE(plan->mappings.size(), 10);
    for (int i = 0; i < plan->mappings.size(); ++i)
        QCOMPARE(int(plan->mappings.at(i).field), i);
    QVERIFY(plan->mapping(ImportField::Title) && plan->mapping(ImportField::SourceKey));
    // THEN selecting through its plan runs, brings exactly the to-dos, with the values it promises
    QString error;
    const QMap<QString, QSqlRecord> rows = selectThrough(*f.snapshot, *plan, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.keys(), titles);
    for (const QString &value : values) {
        const QStringList parts = value.split(QLatin1Char('|'));
        const QVariant actual = rows.value(parts.at(0)).value(parts.at(1));
        const QString text = actual.typeId() == QMetaType::Double
                                 ? QString::number(actual.toDouble(), 'g', QLocale::FloatingPointShortest)
                                 : actual.toString();
        QVERIFY2(text == parts.at(2), qPrintable(value + QStringLiteral(" but got ") + text));
    }
}

void tst_SourceInspector::shouldLeaveOtherFilesToTheGenericPath()
{
    for (const Maker &make : {Maker([](const QString &p) { return fx::sqlModelFile(p); }),
                              Maker(fx::renamedColumnsFile), Maker(fx::allDateFormatsFile)}) {
        Inspected f(make);
        NT_REQUIRE_FILE(f);
        QVERIFY(!KnownApps::recognise(f.tables));
    }
}

QTEST_GUILESS_MAIN(tst_SourceInspector)
#include "tst_sourceinspector.moc"
