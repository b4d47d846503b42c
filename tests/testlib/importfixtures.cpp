#include "importfixtures.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace nt::test::ImportFixtures {

namespace {

void removeWithCompanions(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

QString newConnection(const QString &path)
{
    const QString name = QStringLiteral("nt-fixture-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.open();
    return name;
}

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// Writes one file through its own connection; the first failing statement is remembered.
class Writer
{
public:
    explicit Writer(const QString &path, bool fresh = true)
    {
        if (fresh)
            removeWithCompanions(path);
        m_name = newConnection(path);
        if (!db().isOpen())
            m_error = path + QStringLiteral(": ") + db().lastError().text();
    }
    ~Writer()
    {
        if (!m_name.isEmpty())
            dropConnection(m_name);
    }
    // Hands the open connection over to the caller, who drops it.
    QString release() { return std::exchange(m_name, QString()); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    bool exec(const QString &sql, const QVariantList &values = {})
    {
        if (!m_error.isEmpty())
            return false;
        QSqlQuery query(db());
        bool ok = query.prepare(sql);
        for (const QVariant &v : values)
            query.addBindValue(v);
        ok = ok && query.exec();
        if (!ok)
            m_error = sql.left(80) + QStringLiteral(": ") + query.lastError().text();
        return ok;
    }
    void execAll(std::initializer_list<const char *> statements)
    {
        for (const char *sql : statements)
            exec(QString::fromUtf8(sql));
    }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

QString microText(const QDateTime &t)
{
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("456");
}

void writeSqlModel(Writer &w, const QString &table, int first, int last)
{
    const QDateTime base(QDate(2026, 1, 15), QTime(10, 20, 30, 123), Qt::UTC);
    const QString insert = QStringLiteral("INSERT INTO %1 (id, title, description, completed, created_at, "
                                          "updated_at, due_date, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                               .arg(table);
    for (int n = first; n <= last; ++n) {
        const QDateTime created = base.addSecs(60 * n);
        w.exec(insert, {n, QStringLiteral("Todo %1").arg(n),
                        n % 3 == 0 ? QVariant() : QVariant(QStringLiteral("Notes for todo %1").arg(n)),
                        n % 2 == 0 ? 1 : 0, microText(created), microText(created.addSecs(60)),
                        n % 4 == 0 ? QVariant(QStringLiteral("2026-02-%1 09:00:00.000000")
                                                  .arg(n % 28 + 1, 2, 10, QLatin1Char('0')))
                                   : QVariant(),
                        n % 5 == 0 ? QVariant() : QVariant(n % 4)});
    }
}

void createSqlModel(Writer &w, const QString &table)
{
    w.exec(QStringLiteral(
               "CREATE TABLE %1 (\n\tid INTEGER NOT NULL, \n\ttitle VARCHAR NOT NULL, \n\tdescription "
               "VARCHAR, \n\tcompleted BOOLEAN NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\t"
               "updated_at DATETIME NOT NULL, \n\tdue_date DATETIME, \n\tpriority INTEGER, \n\t"
               "PRIMARY KEY (id)\n)")
               .arg(table));
    w.exec(QStringLiteral("CREATE INDEX ix_%1_title ON %1 (title)").arg(table));
}

QString cutFile(const QString &path, bool overwritePage)
{
    QString error = sqlModelFile(path, 400);
    if (!error.isEmpty())
        return error;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return file.errorString();
    if (overwritePage) {
        file.seek(4096);
        file.write(QByteArray(4096, 'Z'));
        return {};
    }
    return file.resize(file.size() / 2) ? QString() : file.errorString();
}

} // namespace

QString sqlModelFile(const QString &path, int rows, const QString &table)
{
    Writer w(path);
    createSqlModel(w, table);
    w.exec(QStringLiteral("BEGIN"));
    writeSqlModel(w, table, 1, rows);
    w.exec(QStringLiteral("COMMIT"));
    return w.error();
}

QString renamedColumnsFile(const QString &path)
{
    Writer w(path);
    w.execAll(
        {"CREATE TABLE items (item_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, body TEXT, "
         "done INTEGER NOT NULL DEFAULT 0, deadline TEXT, inserted_at INTEGER NOT NULL)",
         "INSERT INTO items (name, body, done, deadline, inserted_at) VALUES "
         "('Buy milk', '2 litres', 0, '2026-02-01', 1768472430123), "
         "('Call mom', NULL, 1, NULL, 1768472490123), "
         "('Fix bike', 'The chain', 0, '2026-02-03T18:00:00', 1768472550123)",
         "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
         "INSERT INTO settings VALUES ('theme', 'dark'), ('language', 'en'), ('sort', 'due'), "
         "('sync', 'off'), ('version', '3')",
         "CREATE VIEW open_items AS SELECT item_id, name FROM items WHERE done = 0"});
    return w.error();
}

QString allDateFormatsFile(const QString &path)
{
    Writer w(path);
    w.exec(QStringLiteral(
        "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, format TEXT NOT NULL, due)"));
    const QList<std::pair<const char *, QVariant>> rows{
        {"iso-space", QStringLiteral("2026-01-15 10:20:30")},
        {"iso-t", QStringLiteral("2026-01-15T10:20:30")},
        {"iso-fraction", QStringLiteral("2026-01-15 10:20:30.123456")},
        {"date-only", QStringLiteral("2026-01-15")},
        {"iso-z", QStringLiteral("2026-01-15T10:20:30Z")},
        {"iso-offset", QStringLiteral("2026-01-15T12:20:30+02:00")},
        {"iso-offset-fraction", QStringLiteral("2026-01-15T05:20:30.123-05:00")},
        {"epoch-s", qlonglong(1768472430)},
        {"epoch-ms", qlonglong(1768472430123)},
        {"epoch-us", qlonglong(1768472430123456)},
        {"real-s", 1768472430.5},
        {"text-s", QStringLiteral("1768472430")},
        {"text-ms", QStringLiteral("1768472430123")},
        {"empty", QString(QLatin1String(""))},
        {"null", QVariant()},
    };
    for (const auto &[format, value] : rows)
        w.exec(
            QStringLiteral("INSERT INTO todos (title, format, due) VALUES (?, ?, ?)"),
            {QString(QStringLiteral("Due as ") + QLatin1String(format)), QString::fromLatin1(format), value});
    return w.error();
}

QString hugeRowFile(const QString &path)
{
    Writer w(path);
    w.exec(QStringLiteral("CREATE TABLE todo (id INTEGER PRIMARY KEY, title TEXT NOT NULL, notes TEXT)"));
    QString title = QStringLiteral("Long title ").repeated(HugeTitleLength / 11 + 1).left(HugeTitleLength);
    const QString line = QStringLiteral("A line of notes that goes on and on to fill ten megabytes.......\n");
    QString notes = line.repeated(HugeNotesLength / line.size() + 1).left(HugeNotesLength);
    w.exec(QStringLiteral("INSERT INTO todo (title, notes) VALUES (?, ?)"), {title, notes});
    w.exec(QStringLiteral("INSERT INTO todo (title, notes) VALUES ('Small todo', 'small')"));
    return w.error();
}

QString invalidUtf8File(const QString &path)
{
    Writer w(path);
    w.execAll({"CREATE TABLE todo (id INTEGER PRIMARY KEY, title TEXT, notes TEXT)",
               "INSERT INTO todo (title, notes) VALUES ('Valid title ünïcödé', 'fine')",
               "INSERT INTO todo (title, notes) VALUES (CAST(x'48656c6c6fff21' AS TEXT), NULL)",
               "INSERT INTO todo (title, notes) VALUES (x'436166e920636f6e6e75', CAST(x'c328' AS TEXT))"});
    return w.error();
}

QString duplicateKeysFile(const QString &path)
{
    Writer w(path);
    w.execAll(
        {"CREATE TABLE tasks (id INTEGER, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, created_at "
         "TEXT)",
         "INSERT INTO tasks VALUES (1, 'First', 0, '2026-01-10 08:00:00'), "
         "(1, 'Second with the same id', 1, '2026-01-10 08:00:00'), (2, 'Third', 0, '2026-01-12 08:00:00')"});
    return w.error();
}

QString joplinFile(const QString &path)
{
    Writer w(path);
    w.execAll({
        "CREATE TABLE folders (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', created_time INT NOT "
        "NULL, "
        "updated_time INT NOT NULL, user_created_time INT NOT NULL DEFAULT 0, user_updated_time INT NOT NULL "
        "DEFAULT 0, encryption_cipher_text TEXT NOT NULL DEFAULT '', encryption_applied INT NOT NULL DEFAULT "
        "0, "
        "parent_id TEXT NOT NULL DEFAULT '', is_shared INT NOT NULL DEFAULT 0, share_id TEXT NOT NULL "
        "DEFAULT '', "
        "master_key_id TEXT NOT NULL DEFAULT '', icon TEXT NOT NULL DEFAULT '', deleted_time INT NOT NULL "
        "DEFAULT 0)",
        "CREATE TABLE notes (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL DEFAULT '', title TEXT NOT NULL "
        "DEFAULT "
        "'', body TEXT NOT NULL DEFAULT '', created_time INT NOT NULL, updated_time INT NOT NULL, "
        "is_conflict INT "
        "NOT NULL DEFAULT 0, latitude NUMERIC NOT NULL DEFAULT 0, longitude NUMERIC NOT NULL DEFAULT 0, "
        "altitude "
        "NUMERIC NOT NULL DEFAULT 0, author TEXT NOT NULL DEFAULT '', source_url TEXT NOT NULL DEFAULT '', "
        "is_todo INT NOT NULL DEFAULT 0, todo_due INT NOT NULL DEFAULT 0, todo_completed INT NOT NULL "
        "DEFAULT 0, "
        "source TEXT NOT NULL DEFAULT '', source_application TEXT NOT NULL DEFAULT '', application_data TEXT "
        "NOT "
        "NULL DEFAULT '', `order` NUMERIC NOT NULL DEFAULT 0, user_created_time INT NOT NULL DEFAULT 0, "
        "user_updated_time INT NOT NULL DEFAULT 0, encryption_cipher_text TEXT NOT NULL DEFAULT '', "
        "encryption_applied INT NOT NULL DEFAULT 0, markup_language INT NOT NULL DEFAULT 1, is_shared INT "
        "NOT "
        "NULL DEFAULT 0, share_id TEXT NOT NULL DEFAULT '', conflict_original_id TEXT NOT NULL DEFAULT '', "
        "master_key_id TEXT NOT NULL DEFAULT '', user_data TEXT NOT NULL DEFAULT '', deleted_time INT NOT "
        "NULL "
        "DEFAULT 0)",
        "CREATE TABLE tags (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', created_time INT NOT NULL, "
        "updated_time INT NOT NULL)",
        "CREATE TABLE note_tags (id TEXT PRIMARY KEY, note_id TEXT NOT NULL, tag_id TEXT NOT NULL, "
        "created_time "
        "INT NOT NULL, updated_time INT NOT NULL)",
        "CREATE TABLE version (version INT NOT NULL, table_fields_version INT NOT NULL DEFAULT 0)",
        "INSERT INTO version VALUES (47, 0)",
        "CREATE TABLE notes_normalized (id TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL "
        "DEFAULT '')",
        "CREATE VIRTUAL TABLE notes_fts USING fts4(content=\"notes_normalized\", notindexed=\"id\", id, "
        "title, body)",
        "INSERT INTO folders (id, title, created_time, updated_time) VALUES "
        "('f1000000000000000000000000000001', 'Home', 1768000000000, 1768000000000), "
        "('f2000000000000000000000000000002', 'Work', 1768000000000, 1768000000000)",
        "INSERT INTO notes (id, parent_id, title, body, created_time, updated_time, user_updated_time, "
        "is_todo, "
        "todo_due, todo_completed, deleted_time, is_conflict) VALUES "
        "('a0000000000000000000000000000001', 'f1000000000000000000000000000001', 'Plain note', 'Not a "
        "to-do', "
        "1768400000000, 1768400000000, 1768400000000, 0, 0, 0, 0, 0), "
        "('a0000000000000000000000000000002', 'f1000000000000000000000000000001', 'Buy milk', '2 litres', "
        "1768400001000, 1768400001000, 1768400002000, 1, 1768472430000, 0, 0, 0), "
        "('a0000000000000000000000000000003', 'f1000000000000000000000000000001', 'Call mom', '', "
        "1768400002000, 1768476030000, 0, 1, 0, 1768476030000, 0, 0), "
        "('a0000000000000000000000000000004', 'f2000000000000000000000000000002', 'Write report', 'Q1', "
        "1768400003000, 1768400003000, 1768400003000, 1, 0, 0, 0, 0), "
        "('a0000000000000000000000000000005', 'f2000000000000000000000000000002', 'Trashed todo', '', "
        "1768400004000, 1768400004000, 1768400004000, 1, 0, 0, 1768480000000, 0), "
        "('a0000000000000000000000000000006', 'f1000000000000000000000000000001', 'Conflict copy', '', "
        "1768400005000, 1768400005000, 1768400005000, 1, 1768472430000, 0, 0, 1)",
    });
    return w.error();
}

QString thunderbirdFile(const QString &path)
{
    Writer w(path);
    w.execAll({
        "CREATE TABLE cal_calendar_schema_version (version INTEGER)",
        "INSERT INTO cal_calendar_schema_version VALUES (23)",
        "CREATE TABLE cal_events (cal_id TEXT, id TEXT, time_created INTEGER, last_modified INTEGER, title "
        "TEXT, "
        "priority INTEGER, privacy TEXT, ical_status TEXT, flags INTEGER, event_start INTEGER, event_end "
        "INTEGER, "
        "event_stamp INTEGER, event_start_tz TEXT, event_end_tz TEXT, recurrence_id INTEGER, "
        "recurrence_id_tz "
        "TEXT, alarm_last_ack INTEGER, offline_journal INTEGER)",
        "CREATE TABLE cal_todos (cal_id TEXT, id TEXT, time_created INTEGER, last_modified INTEGER, title "
        "TEXT, "
        "priority INTEGER, privacy TEXT, ical_status TEXT, flags INTEGER, todo_entry INTEGER, todo_due "
        "INTEGER, "
        "todo_completed INTEGER, todo_complete INTEGER, todo_entry_tz TEXT, todo_due_tz TEXT, "
        "todo_completed_tz "
        "TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT, alarm_last_ack INTEGER, todo_stamp INTEGER, "
        "offline_journal INTEGER)",
        "CREATE TABLE cal_properties (item_id TEXT, key TEXT, value BLOB, recurrence_id INTEGER, "
        "recurrence_id_tz TEXT, cal_id TEXT)",
        "CREATE TABLE cal_recurrence (item_id TEXT, cal_id TEXT, icalString TEXT)",
        "CREATE TABLE cal_metadata (cal_id TEXT, item_id TEXT UNIQUE, value BLOB)",
        "CREATE TABLE cal_deleted_items (cal_id TEXT, id TEXT, time_deleted INTEGER, recurrence_id INTEGER, "
        "recurrence_id_tz TEXT)",
        "INSERT INTO cal_todos (cal_id, id, time_created, last_modified, title, priority, ical_status, "
        "flags, "
        "todo_due, todo_due_tz, todo_completed, todo_completed_tz, todo_complete, recurrence_id) VALUES "
        "('cal-home', 'uid-1', 1768400000000000, 1768400001000000, 'Pay rent', 1, 'NEEDS-ACTION', 4, "
        "1768472430000000, 'Europe/Berlin', NULL, NULL, NULL, NULL), "
        "('cal-home', 'uid-2', 1768400002000000, 1768476030000000, 'Renew passport', 5, 'COMPLETED', 0, "
        "NULL, "
        "NULL, 1768476030000000, 'UTC', 100, NULL), "
        "('cal-home', 'uid-3', 1768400003000000, 1768400003000000, 'Water plants', 0, NULL, 0, "
        "1768472430000000, 'floating', NULL, NULL, NULL, NULL), "
        "('cal-home', 'uid-4', 1768400004000000, 1768400004000000, 'Dentist', 9, NULL, 8, 1768435200000000, "
        "'floating', NULL, NULL, NULL, NULL), "
        "('cal-work', 'uid-5', 1768400005000000, 1768400005000000, 'Weekly review', 0, NULL, 16, "
        "1768472430000000, 'UTC', NULL, NULL, NULL, NULL), "
        "('cal-work', 'uid-5', 1768400006000000, 1768400006000000, 'Weekly review (moved)', 0, NULL, 0, "
        "1768559430000000, 'UTC', NULL, NULL, NULL, 1768800000000000)",
        "INSERT INTO cal_properties (item_id, key, value, recurrence_id, cal_id) VALUES "
        "('uid-1', 'DESCRIPTION', 'Transfer before the 15th', NULL, 'cal-home'), "
        "('uid-1', 'LOCATION', 'Bank', NULL, 'cal-home')",
        "INSERT INTO cal_recurrence VALUES ('uid-5', 'cal-work', 'RRULE:FREQ=WEEKLY')",
    });
    return w.error();
}

QString thingsFile(const QString &path)
{
    Writer w(path);
    w.execAll({
        "CREATE TABLE Meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE TMArea (uuid TEXT PRIMARY KEY, title TEXT, visible INTEGER, \"index\" INTEGER, "
        "cachedTags BLOB, experimental BLOB)",
        "CREATE TABLE TMTag (uuid TEXT PRIMARY KEY, title TEXT, shortcut TEXT, usedDate REAL, parent TEXT, "
        "\"index\" INTEGER, experimental BLOB)",
        "CREATE TABLE TMTaskTag (tasks TEXT NOT NULL, tags TEXT NOT NULL)",
        "CREATE TABLE TMChecklistItem (uuid TEXT PRIMARY KEY, userModificationDate REAL, creationDate REAL, "
        "title TEXT, status INTEGER, stopDate REAL, \"index\" INTEGER, task TEXT, leavesTombstone INTEGER, "
        "experimental BLOB)",
        "CREATE TABLE TMTask (uuid TEXT PRIMARY KEY, leavesTombstone INTEGER, creationDate REAL, "
        "userModificationDate REAL, type INTEGER, status INTEGER, stopDate REAL, trashed INTEGER, title "
        "TEXT, "
        "notes TEXT, notesSync INTEGER, cachedTags BLOB, start INTEGER, startDate INTEGER, startBucket "
        "INTEGER, "
        "reminderTime INTEGER, lastReminderInteractionDate REAL, deadline INTEGER, deadlineSuppressionDate "
        "INTEGER, t2_deadlineOffset INTEGER, \"index\" INTEGER, todayIndex INTEGER, todayIndexReferenceDate "
        "INTEGER, area TEXT, project TEXT, heading TEXT, contact TEXT, untrashedLeafActionsCount INTEGER, "
        "openUntrashedLeafActionsCount INTEGER, checklistItemsCount INTEGER, openChecklistItemsCount "
        "INTEGER, "
        "rt1_repeatingTemplate TEXT, rt1_recurrenceRule BLOB, rt1_instanceCreationStartDate INTEGER, "
        "rt1_instanceCreationPaused INTEGER, rt1_instanceCreationCount INTEGER, "
        "rt1_afterCompletionReferenceDate "
        "INTEGER, rt1_nextInstanceStartDate INTEGER, experimental BLOB, repeater BLOB, repeaterMigrationDate "
        "REAL)",
        "CREATE INDEX index_TMTask_project ON TMTask (project)",
        "INSERT INTO Meta VALUES ('databaseVersion', '26')",
        "INSERT INTO TMArea (uuid, title, visible, \"index\") VALUES ('A1', 'Home', 1, 0)",
        "INSERT INTO TMTask (uuid, creationDate, userModificationDate, type, status, stopDate, trashed, "
        "title, "
        "notes, deadline, area, project, heading, rt1_recurrenceRule) VALUES "
        "('P1', 1768400000.125, 1768400000.125, 1, 0, NULL, 0, 'Renovation', '', NULL, 'A1', NULL, NULL, "
        "NULL), "
        "('P2', 1768400001.125, 1768400001.125, 1, 0, NULL, 1, 'Old project', '', NULL, NULL, NULL, NULL, "
        "NULL), "
        "('H1', 1768400002.125, 1768400002.125, 2, 0, NULL, 0, 'Kitchen', '', NULL, NULL, 'P1', NULL, NULL), "
        "('T1', 1768400003.125, 1768400013.5, 0, 0, NULL, 0, 'Buy paint', 'White, 5 l', 132782592, NULL, "
        "'P1', "
        "NULL, NULL), "
        "('T2', 1768400004.125, 1768472430.5, 0, 3, 1768472430.5, 0, 'Fix tap', '', NULL, NULL, NULL, 'H1', "
        "NULL), "
        "('T3', 1768400005.125, 1768472000.25, 0, 2, 1768472000.25, 0, 'Call plumber', '', NULL, 'A1', NULL, "
        "NULL, NULL), "
        "('T4', 1768400006.125, 1768400006.125, 0, 0, NULL, 0, 'Inbox idea', '', NULL, NULL, NULL, NULL, "
        "NULL), "
        "('T5', 1768400007.125, 1768400007.125, 0, 0, NULL, 1, 'Trashed todo', '', NULL, NULL, NULL, NULL, "
        "NULL), "
        "('T6', 1768400008.125, 1768400008.125, 0, 0, NULL, 0, 'Daily standup', '', NULL, 'A1', NULL, NULL, "
        "x'62706c6973743030'), "
        "('T7', 1768400009.125, 1768400009.125, 0, 0, NULL, 0, 'In old project', '', NULL, NULL, 'P2', NULL, "
        "NULL)",
    });
    return w.error();
}

QString noTablesFile(const QString &path)
{
    Writer w(path);
    w.exec(QStringLiteral("PRAGMA user_version = 7"));
    return w.error();
}

QString noTextColumnFile(const QString &path)
{
    Writer w(path);
    w.execAll(
        {"CREATE TABLE measurements (id INTEGER PRIMARY KEY, value REAL NOT NULL, taken_at INTEGER NOT NULL)",
         "INSERT INTO measurements (value, taken_at) VALUES (21.5, 1768472430), (22.0, 1768476030), "
         "(20.75, 1768479630)"});
    return w.error();
}

QString emptyFile(const QString &path)
{
    removeWithCompanions(path);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) ? QString() : file.errorString();
}

QString notSqliteFile(const QString &path)
{
    removeWithCompanions(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write("id,title,done\n1,Buy milk,0\n2,Call mom,1\n");
    return {};
}

QString truncatedFile(const QString &path)
{
    return cutFile(path, false);
}

QString damagedFile(const QString &path)
{
    return cutFile(path, true);
}

QString hotJournalFile(const QString &path)
{
    // A copy taken while a writer was half-way through a transaction is what a crash leaves behind.
    const QString live = path + QStringLiteral(".live");
    QString error = sqlModelFile(live, 2000);
    if (!error.isEmpty())
        return error;
    {
        Writer w(live, false);
        w.exec(QStringLiteral("PRAGMA cache_size = 1"));
        w.exec(QStringLiteral("BEGIN"));
        w.exec(QStringLiteral("UPDATE todo SET title = title || ' (edited)', description = 'x'"));
        removeWithCompanions(path);
        if (!QFileInfo::exists(live + QStringLiteral("-journal")) || !QFile::copy(live, path) ||
            !QFile::copy(live + QStringLiteral("-journal"), path + QStringLiteral("-journal")))
            error = QStringLiteral("could not copy the half-written file");
        w.exec(QStringLiteral("ROLLBACK"));
        if (error.isEmpty())
            error = w.error();
    }
    removeWithCompanions(live);
    return error;
}

WalWriter::WalWriter(const QString &path, int checkpointedRows, int walRows)
{
    Writer w(path);
    w.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    createSqlModel(w, QStringLiteral("todo"));
    writeSqlModel(w, QStringLiteral("todo"), 1, checkpointedRows);
    w.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    // From here on nothing checkpoints: the batch stays in the -wal while this connection is open.
    w.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
    w.exec(QStringLiteral("BEGIN"));
    writeSqlModel(w, QStringLiteral("todo"), checkpointedRows + 1, checkpointedRows + walRows);
    w.exec(QStringLiteral("COMMIT"));
    m_error = w.error();
    m_name = w.release();
}

WalWriter::~WalWriter()
{
    dropConnection(m_name);
}

ExclusiveLock::ExclusiveLock(const QString &path)
{
    m_name = newConnection(path);
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(QStringLiteral("BEGIN EXCLUSIVE")))
        m_error = query.lastError().text();
}

ExclusiveLock::~ExclusiveLock()
{
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.exec(QStringLiteral("ROLLBACK"));
    }
    dropConnection(m_name);
}

} // namespace nt::test::ImportFixtures
