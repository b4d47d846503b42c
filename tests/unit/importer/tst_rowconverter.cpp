#include "importids.h"
#include "rowconverter.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "uuids.h"

#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace nt;
using namespace nt::test;
using namespace Qt::StringLiterals;

namespace {

const QString Table = u"todo"_s;
const QString Fingerprint = u"sha256:0123456789abcdef"_s;
const QDateTime Now = QDateTime(QDate(2026, 5, 1), QTime(12, 0, 0, 456), Qt::UTC);

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// A plan that maps every field to a same-named column, each with `encoding` Auto unless given.
ImportPlan plan(const QHash<ImportField, ValueEncoding> &encodings = {})
{
    ImportPlan p;
    p.table = Table;
    p.naiveZone = QTimeZone::utc();
    for (ImportField f :
         {ImportField::SourceKey, ImportField::Title, ImportField::Notes, ImportField::Completed,
          ImportField::CompletedAt, ImportField::DueAt, ImportField::CreatedAt, ImportField::UpdatedAt,
          ImportField::Priority, ImportField::ListName}) {
        ColumnMapping m;
        m.field = f;
        m.column = RowConverter::aliasFor(f).mid(2);
        m.encoding = encodings.value(f, ValueEncoding::Auto);
        p.mappings << m;
    }
    return p;
}

// A record as the reader selects it: one field per alias given.
QSqlRecord record(const QHash<ImportField, QVariant> &values)
{
    QSqlRecord r;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString name = RowConverter::aliasFor(it.key());
        r.append(QSqlField(name, it.value().metaType()));
        r.setValue(name, it.value());
    }
    return r;
}

// A plain SQLModel-style row: key 7, a title, created as naive text with microseconds.
QHash<ImportField, QVariant> sqlModelRow()
{
    return {{ImportField::SourceKey, 7},
            {ImportField::Title, u"Buy milk"_s},
            {ImportField::Notes, u"2 litres"_s},
            {ImportField::Completed, 0},
            {ImportField::CreatedAt, u"2026-01-15 10:20:30.123456"_s}};
}

ImportRow convert(const QHash<ImportField, QVariant> &values, const ImportPlan &p = plan())
{
    return RowConverter(p, Fingerprint, Now).convert(record(values));
}

QStringList warningsOn(const ImportRow &row, ImportField field)
{
    QStringList out;
    for (const ImportWarning &w : row.warnings)
        if (w.field == field)
            out << w.message;
    return out;
}

const QVariant Null = QVariant(QMetaType(QMetaType::QString));

} // namespace

class tst_RowConverter : public QObject
{
    Q_OBJECT
private slots:
    void shouldNameEveryAlias();
    void shouldBuildTodoFromSqlModelRow();
    void shouldRejectBlankTitle_data();
    void shouldRejectBlankTitle();
    void shouldRejectRowWithoutKey();
    void shouldMoveFurtherTitleLinesToNotes();
    void shouldShortenLongTitleAndKeepItWholeInNotes_data();
    void shouldShortenLongTitleAndKeepItWholeInNotes();
    void shouldRejectOverLongNotesInsteadOfCuttingThem();
    void shouldFlagInvalidUtf8PerField();
    void shouldReconcileCompletedAndCompletedAt_data();
    void shouldReconcileCompletedAndCompletedAt();
    void shouldMarkDateOnlyDueAsAllDay();
    void shouldFillMissingTimes();
    void shouldMakeDeterministicIds();
    void shouldConvertRowsReadFromARealSqliteFile();
    void shouldWriteStableCanonicalText();
};

void tst_RowConverter::shouldNameEveryAlias()
{
    QCOMPARE(RowConverter::aliasFor(ImportField::SourceKey), u"f_source_key"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::Title), u"f_title"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::Notes), u"f_notes"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::Completed), u"f_completed"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::CompletedAt), u"f_completed_at"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::DueAt), u"f_due_at"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::CreatedAt), u"f_created_at"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::UpdatedAt), u"f_updated_at"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::Priority), u"f_priority"_s);
    QCOMPARE(RowConverter::aliasFor(ImportField::ListName), u"f_list_name"_s);
}

void tst_RowConverter::shouldBuildTodoFromSqlModelRow()
{
    // GIVEN a full row
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::Title, u"  Buy \t milk  "_s);
    values.insert(ImportField::Completed, 1);
    values.insert(ImportField::CompletedAt, u"2026-01-16 08:00:00"_s);
    values.insert(ImportField::DueAt, u"2026-01-20T17:00:00Z"_s);
    values.insert(ImportField::UpdatedAt, u"2026-01-16 08:00:00.5"_s);
    values.insert(ImportField::Priority, u"high"_s);
    values.insert(ImportField::ListName, u"  Home "_s);
    // WHEN converted
    const ImportRow row = convert(values);
    // THEN every field is there, in UTC, with nothing to warn about
    QVERIFY2(!row.rejected(), qPrintable(row.rejectReason));
    QCOMPARE(row.warnings.size(), 0);
    QCOMPARE(row.sourceKey, u"7"_s);
    QCOMPARE(row.todo.title, u"Buy milk"_s);
    QCOMPARE(row.todo.notes, u"2 litres"_s);
    QVERIFY(row.todo.completed);
    QCOMPARE(row.todo.completedAt, utc(2026, 1, 16, 8));
    QCOMPARE(row.todo.dueAt, utc(2026, 1, 20, 17));
    QVERIFY(!row.todo.dueAllDay);
    QCOMPARE(row.todo.priority, 3);
    QCOMPARE(row.todo.createdAt, utc(2026, 1, 15, 10, 20, 30, 123));
    QCOMPARE(row.todo.updatedAt, utc(2026, 1, 16, 8, 0, 0, 500));
    QCOMPARE(row.listName, u"Home"_s);
    QVERIFY(row.todo.listId.isNull());
    QCOMPARE(row.todo.id, ImportIds::todoId(Table, u"7"_s, u"2026-01-15 10:20:30.123456"_s, Fingerprint));
}

void tst_RowConverter::shouldRejectBlankTitle_data()
{
    QTest::addColumn<QVariant>("title");
    QTest::newRow("empty") << QVariant(u""_s);
    QTest::newRow("spaces") << QVariant(u"   \t "_s);
    QTest::newRow("only line breaks") << QVariant(u"\n \r\n"_s);
    QTest::newRow("NULL") << Null;
    QTest::newRow("not mapped") << QVariant();
}

void tst_RowConverter::shouldRejectBlankTitle()
{
    QFETCH(QVariant, title);
    QHash<ImportField, QVariant> values = sqlModelRow();
    if (title.isValid())
        values.insert(ImportField::Title, title);
    else
        values.remove(ImportField::Title);

    const ImportRow row = convert(values);

    QVERIFY(row.rejected());
    QCOMPARE(row.rejectReason, u"The title is empty"_s);
    QCOMPARE(row.sourceKey, u"7"_s); // still says which row
}

void tst_RowConverter::shouldRejectRowWithoutKey()
{
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::SourceKey, QVariant(QMetaType(QMetaType::LongLong)));
    QCOMPARE(convert(values).rejectReason, u"The row has no key"_s);
    values.remove(ImportField::SourceKey);
    QCOMPARE(convert(values).rejectReason, u"The row has no key"_s);
}

void tst_RowConverter::shouldMoveFurtherTitleLinesToNotes()
{
    // GIVEN a title of three lines, the first blank
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::Title, u"\n  Call Anna \r\nabout the trip\nand the car"_s);
    // WHEN converted
    const ImportRow row = convert(values);
    // THEN the first written line is the title, the rest opens the notes
    QVERIFY(!row.rejected());
    QCOMPARE(row.todo.title, u"Call Anna"_s);
    QCOMPARE(row.todo.notes, u"about the trip\nand the car\n\n2 litres"_s);
    QCOMPARE(warningsOn(row, ImportField::Title).size(), 1);
    QVERIFY(warningsOn(row, ImportField::Title).first().contains(u"more than one line"_s));
}

void tst_RowConverter::shouldShortenLongTitleAndKeepItWholeInNotes_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("atWord");
    QString words;
    while (words.size() < 700)
        words += u"lorem ipsum "_s;
    QTest::newRow("words") << words.trimmed() << true;
    QTest::newRow("no spaces") << QString(600, QLatin1Char('x')) << false;
    QTest::newRow("emoji at the cut")
        << QString(Todo::MaxTitleLength - 2, QLatin1Char('x')) + u"🍎🍎🍎"_s << false;
}

void tst_RowConverter::shouldShortenLongTitleAndKeepItWholeInNotes()
{
    QFETCH(QString, title);
    QFETCH(bool, atWord);
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::Title, title);

    const ImportRow row = convert(values);

    QVERIFY(!row.rejected());
    QVERIFY(Todo::isValidTitle(row.todo.title));
    QVERIFY(row.todo.title.size() <= Todo::MaxTitleLength);
    QVERIFY(row.todo.title.endsWith(QChar(0x2026)));
    QVERIFY(!row.todo.title.chopped(1).back().isHighSurrogate());
    QVERIFY(title.startsWith(row.todo.title.chopped(1)));
    if (atWord)
        QVERIFY(row.todo.title.endsWith(u"m…"_s)); // "lorem" or "ipsum", never half a word
    QCOMPARE(row.todo.notes, title + u"\n\n2 litres"_s);
    QCOMPARE(warningsOn(row, ImportField::Title),
             QStringList{u"Title shortened to 500 characters; the full text is in the notes"_s});
}

void tst_RowConverter::shouldRejectOverLongNotesInsteadOfCuttingThem()
{
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::Notes, QString(RowConverter::MaxNotesLength, QLatin1Char('n')));
    QVERIFY(!convert(values).rejected());
    // Code points, as PostgreSQL counts: 100000 emoji are 200000 UTF-16 units and still fit.
    QString emoji;
    for (int i = 0; i < RowConverter::MaxNotesLength; ++i)
        emoji += u"🍎"_s;
    values.insert(ImportField::Notes, emoji);
    QVERIFY(!convert(values).rejected());

    values.insert(ImportField::Notes, QString(RowConverter::MaxNotesLength + 1, QLatin1Char('n')));
    const ImportRow row = convert(values);
    QVERIFY(row.rejected());
    QCOMPARE(row.rejectReason,
             u"The notes are too long (100001 characters; at most 100000 can be imported)"_s);
    QCOMPARE(row.todo.notes.size(), RowConverter::MaxNotesLength + 1); // nothing cut
}

void tst_RowConverter::shouldFlagInvalidUtf8PerField()
{
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::Title, QByteArray("Caf\xe9 au lait"));
    values.insert(ImportField::Notes, QByteArray("fine \xc3\xa9"));
    values.insert(ImportField::ListName, QByteArray("Work\0", 5));

    const ImportRow row = convert(values);

    QVERIFY(!row.rejected());
    QCOMPARE(row.todo.title, u"Caf\uFFFD au lait"_s);
    QCOMPARE(row.todo.notes, u"fine é"_s);
    QCOMPARE(row.listName, u"Work"_s);
    QCOMPARE(warningsOn(row, ImportField::Title), QStringList{u"Invalid UTF-8 replaced"_s});
    QCOMPARE(warningsOn(row, ImportField::Notes), QStringList());
    QCOMPARE(warningsOn(row, ImportField::ListName), QStringList{u"NUL characters removed"_s});
}

void tst_RowConverter::shouldReconcileCompletedAndCompletedAt_data()
{
    QTest::addColumn<QVariant>("completed"); // invalid: not mapped
    QTest::addColumn<QVariant>("completedAt");
    QTest::addColumn<bool>("expectDone");
    QTest::addColumn<QDateTime>("expectAt");
    QTest::addColumn<QString>("warning");

    const QVariant at = u"2026-01-16T08:00:00Z"_s;
    const QDateTime when = utc(2026, 1, 16, 8);
    QTest::newRow("done with time") << QVariant(1) << at << true << when << QString();
    QTest::newRow("done, no time: none invented") << QVariant(1) << Null << true << QDateTime() << QString();
    QTest::newRow("not done, no time") << QVariant(0) << Null << false << QDateTime() << QString();
    QTest::newRow("not done wins over a time")
        << QVariant(u"false"_s) << at << false << QDateTime() << u"not marked done"_s;
    QTest::newRow("flag not mapped, time set") << QVariant() << at << true << when << QString();
    QTest::newRow("flag not mapped, no time") << QVariant() << Null << false << QDateTime() << QString();
    QTest::newRow("flag NULL, time set") << Null << at << true << when << QString();
    QTest::newRow("unknown flag, time set")
        << QVariant(u"may;be"_s) << at << true << when
        << u"Unknown completion value “may;be”; imported as done, because the row has a completion time"_s;
    QTest::newRow("unknown flag, no time")
        << QVariant(u"maybe"_s) << Null << false << QDateTime() << u"imported as not done"_s;
}

void tst_RowConverter::shouldReconcileCompletedAndCompletedAt()
{
    QFETCH(QVariant, completed);
    QFETCH(QVariant, completedAt);
    QFETCH(bool, expectDone);
    QFETCH(QDateTime, expectAt);
    QFETCH(QString, warning);
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.remove(ImportField::Completed);
    if (completed.isValid())
        values.insert(ImportField::Completed, completed);
    values.insert(ImportField::CompletedAt, completedAt);

    const ImportRow row = convert(values);

    QCOMPARE(row.todo.completed, expectDone);
    QCOMPARE(row.todo.completedAt, expectAt);
    const QString all =
        QStringList(warningsOn(row, ImportField::Completed) + warningsOn(row, ImportField::CompletedAt))
            .join(u" | "_s);
    if (warning.isEmpty())
        QCOMPARE(all, QString());
    else
        QVERIFY2(all.contains(warning), qPrintable(all));
}

void tst_RowConverter::shouldMarkDateOnlyDueAsAllDay()
{
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::DueAt, u"2026-02-01"_s);
    ImportRow row = convert(values);
    QCOMPARE(row.todo.dueAt, utc(2026, 2, 1));
    QVERIFY(row.todo.dueAllDay);

    // Things' packed dates are dates too.
    values.insert(ImportField::DueAt, (2026 << 16) | (2 << 12) | (1 << 7));
    row = convert(values, plan({{ImportField::DueAt, ValueEncoding::ThingsDate}}));
    QCOMPARE(row.todo.dueAt, utc(2026, 2, 1));
    QVERIFY(row.todo.dueAllDay);

    values.insert(ImportField::DueAt, u"not a day"_s);
    row = convert(values);
    QVERIFY(!row.todo.dueAt.isValid());
    QVERIFY(!row.todo.dueAllDay);
    QCOMPARE(warningsOn(row, ImportField::DueAt),
             QStringList{u"“not a day” is not a date or time; left empty"_s});
}

void tst_RowConverter::shouldFillMissingTimes()
{
    // GIVEN no created and no updated time
    QHash<ImportField, QVariant> values = sqlModelRow();
    values.insert(ImportField::CreatedAt, Null);
    // WHEN converted
    ImportRow row = convert(values);
    // THEN created is now, updated is created
    QCOMPARE(row.todo.createdAt, Now);
    QCOMPARE(row.todo.updatedAt, Now);
    // AND with a created time, updated follows it
    values.insert(ImportField::CreatedAt, qint64(1768472430123));
    row = convert(values);
    QCOMPARE(row.todo.createdAt, utc(2026, 1, 15, 10, 20, 30, 123));
    QCOMPARE(row.todo.updatedAt, row.todo.createdAt);
}

void tst_RowConverter::shouldMakeDeterministicIds()
{
    const QHash<ImportField, QVariant> a = sqlModelRow();
    // Duplicate source keys with the same created value: the same id (loaded once).
    QHash<ImportField, QVariant> duplicate = a;
    duplicate.insert(ImportField::Title, u"Something else"_s);
    QCOMPARE(convert(duplicate).todo.id, convert(a).todo.id);
    // The same key, created at another time: another row.
    QHash<ImportField, QVariant> other = a;
    other.insert(ImportField::CreatedAt, u"2026-01-15 10:20:30.123457"_s);
    QVERIFY(convert(other).todo.id != convert(a).todo.id); // differs below the millisecond: as stored
    // The id uses the created value as stored, not as converted.
    other.insert(ImportField::CreatedAt, qint64(1768472430123));
    QCOMPARE(convert(other).todo.id, ImportIds::todoId(Table, u"7"_s, u"1768472430123"_s, Fingerprint));
    // Without a created value, the file keeps rows of different files apart.
    QHash<ImportField, QVariant> noCreated = a;
    noCreated.remove(ImportField::CreatedAt);
    const QUuid here = convert(noCreated).todo.id;
    const QUuid elsewhere = RowConverter(plan(), u"another file"_s, Now).convert(record(noCreated)).todo.id;
    QVERIFY(here != elsewhere);
    // Across runs and machines: a fixed value.
    QCOMPARE(Uuids::toText(convert(a).todo.id), u"79867672-159d-5ce8-b5be-0d1db6e71258"_s);
    QCOMPARE(convert(a).todo.id.version(), QUuid::Sha1);
}

void tst_RowConverter::shouldConvertRowsReadFromARealSqliteFile()
{
    // GIVEN a SQLModel-style table with a bad byte, read under the reader's aliases
    ScratchDatabase db(Driver::SQLite);
    NT_REQUIRE(db);
    const QSqlDatabase sqlite = QSqlDatabase::database(db.connectionName());
    QVERIFY(!SqlExec::exec(sqlite,
                           u"CREATE TABLE todo (id INTEGER PRIMARY KEY, title VARCHAR, completed BOOLEAN, "
                           "created_at DATETIME, priority INTEGER)"_s));
    QVERIFY(!SqlExec::exec(sqlite,
                           u"INSERT INTO todo VALUES (1, 'Buy milk', 0, '2026-01-15 10:20:30.123456', 2), "
                           "(2, CAST(X'436166E9' AS TEXT), 1, '2026-01-15 10:21:00.000001', NULL), "
                           "(3, '   ', 0, NULL, 9)"_s));
    const QString select =
        u"SELECT id AS f_source_key, CAST(title AS BLOB) AS f_title, completed AS f_completed, "
        "created_at AS f_created_at, priority AS f_priority FROM todo ORDER BY id"_s;
    auto q = SqlExec::run(sqlite, select);
    QVERIFY(q);
    const RowConverter converter(plan(), Fingerprint, Now);
    QList<ImportRow> rows;
    while (q.value().next())
        rows << converter.convert(q.value().record());
    // THEN each row is converted, flagged or rejected, and none is lost
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].todo.title, u"Buy milk"_s);
    QCOMPARE(rows[0].todo.priority, 2);
    QCOMPARE(rows[0].todo.createdAt, utc(2026, 1, 15, 10, 20, 30, 123));
    QCOMPARE(rows[0].warnings.size(), 0);
    QCOMPARE(rows[1].todo.title, u"Caf\uFFFD"_s);
    QVERIFY(rows[1].todo.completed);
    QCOMPARE(warningsOn(rows[1], ImportField::Title), QStringList{u"Invalid UTF-8 replaced"_s});
    QCOMPARE(rows[2].rejectReason, u"The title is empty"_s);
    QCOMPARE(rows[2].sourceKey, u"3"_s);
    QCOMPARE(rows[2].todo.createdAt, Now);
    QCOMPARE(rows[2].todo.priority, 0);
    QCOMPARE(warningsOn(rows[2], ImportField::Priority),
             QStringList{u"Unknown priority “9”; imported as no priority"_s});

    // AND the same converter, reading queries directly, notices other columns and gives the same rows
    auto other = SqlExec::run(
        sqlite, u"SELECT priority AS f_priority, title AS f_title, id AS f_source_key FROM todo"_s);
    QVERIFY(other && other.value().next());
    const ImportRow first = converter.convert(other.value());
    QCOMPARE(first.todo.priority, 2);
    QCOMPARE(first.todo.title, u"Buy milk"_s);
    q = SqlExec::run(sqlite, select);
    QVERIFY(q);
    for (const ImportRow &expected : std::as_const(rows)) {
        QVERIFY(q.value().next());
        const ImportRow direct = converter.convert(q.value());
        QCOMPARE(RowConverter::checksum(direct.todo), RowConverter::checksum(expected.todo));
        QCOMPARE(direct.rejectReason, expected.rejectReason);
        QCOMPARE(direct.warnings.size(), expected.warnings.size());
    }
}

void tst_RowConverter::shouldWriteStableCanonicalText()
{
    Todo t;
    t.id = QUuid::fromString(u"0190a000-0000-7000-8000-000000000001"_s);
    t.title = u"a|b"_s;
    t.notes = u"🍎"_s;
    t.completed = true;
    t.completedAt = utc(2026, 1, 16, 8);
    t.dueAt = utc(2026, 2, 1);
    t.dueAllDay = true;
    t.priority = 2;
    t.createdAt = utc(2026, 1, 15, 10, 20, 30, 123);
    QCOMPARE(
        RowConverter::canonicalText(t),
        u"0190a000-0000-7000-8000-000000000001|3:a|b|1:🍎|1|1768550400000|1769904000000|1|2|1768472430123"_s.toUtf8());
    QCOMPARE(RowConverter::checksum(t).size(), 64);
    const QByteArray before = RowConverter::checksum(t);
    t.title = u"a"_s;
    t.notes = u"b|🍎"_s; // the same characters, split elsewhere
    QVERIFY(RowConverter::checksum(t) != before);
    // NULL times and a due-less all-day flag are empty / 0, as stored.
    Todo bare;
    bare.id = t.id;
    bare.title = u"x"_s;
    bare.dueAllDay = true;
    QCOMPARE(RowConverter::canonicalText(bare), QByteArray("0190a000-0000-7000-8000-000000000001|1:x|0:|0|||0|0|"));
}

QTEST_GUILESS_MAIN(tst_RowConverter)
#include "tst_rowconverter.moc"
