#pragma once

#include <QString>

// Real SQLite files for the importer's tests, written through QSQLITE. Each function (re)creates the
// file at `path` (with any -wal/-shm/-journal beside it removed first) and returns an error text,
// empty on success. What each file holds is part of the contract: suites assert on it.
namespace nt::test::ImportFixtures {

// The seed backend's file (FastAPI + SQLModel on SQLite): table `table` ("todo" or "task") exactly as
// SQLAlchemy creates it: id INTEGER NOT NULL + PRIMARY KEY (id), title VARCHAR NOT NULL, description
// VARCHAR, completed BOOLEAN NOT NULL (0/1), created_at and updated_at DATETIME NOT NULL as naive text
// with microseconds ("2026-01-15 10:20:30.123456"), due_date DATETIME, priority INTEGER, and an index
// on title. Row n (1-based): title "Todo <n>", description "Notes for todo <n>" (NULL when n % 3 == 0),
// completed n % 2 == 0, created_at 2026-01-15 10:20:30.123456 plus n minutes, updated_at a minute
// later, due_date "2026-02-<n % 28 + 1> 09:00:00.000000" when n % 4 == 0, priority n % 4 (NULL when
// n % 5 == 0).
QString sqlModelFile(const QString &path, int rows = 3, const QString &table = QStringLiteral("todo"));

// A todo table with other names: `items` (item_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT
// NULL, body TEXT, done INTEGER, deadline TEXT, inserted_at INTEGER = Unix milliseconds): "Buy milk"
// (open, deadline 2026-02-01), "Call mom" (done), "Fix bike" (open, deadline 2026-02-03T18:00:00).
// Beside it a `settings` table (key, value: 5 rows, more than items) and a view `open_items`.
QString renamedColumnsFile(const QString &path);

// `todos` (id INTEGER PRIMARY KEY, title TEXT, format TEXT, due — no declared type, so each value keeps
// its own storage class): one row per way of writing 2026-01-15T10:20:30 UTC, title "Due as <format>":
// iso-space, iso-t, iso-fraction (.123456) and date-only are naive text (10:20:30 in the naive zone);
// iso-z; iso-offset ("...T12:20:30+02:00"); iso-offset-fraction ("...T05:20:30.123-05:00");
// epoch-s, epoch-ms (.123), epoch-us (.123456) as INTEGER; real-s (.5) as REAL; text-s and text-ms
// as TEXT digits; then "empty" ('') and "null" (NULL).
QString allDateFormatsFile(const QString &path);

// `todo` (id, title, notes): row 1 has a HugeTitleLength-character title and a HugeNotesLength-byte
// notes value (ASCII lines); row 2 is small ("Small todo").
constexpr int HugeTitleLength = 5000;
constexpr int HugeNotesLength = 10 * 1024 * 1024;
QString hugeRowFile(const QString &path);

// `todo` (id INTEGER PRIMARY KEY, title TEXT, notes TEXT): 1 "Valid title ünïcödé"; 2 TEXT holding
// "Hello" 0xFF "!" (CAST(x'...' AS TEXT)); 3 a BLOB holding Latin-1 "Café connu" (0xE9) in the TEXT
// column, its notes TEXT holding the broken sequence C3 28.
QString invalidUtf8File(const QString &path);

// `tasks` without a primary key (id INTEGER, title, done, created_at): (1, "First"), (1, "Second with
// the same id" — same created_at as First), (2, "Third").
QString duplicateKeysFile(const QString &path);

// Joplin's database.sqlite (folders, notes, tags, note_tags, version, notes_normalized, the fts4
// virtual table notes_fts and its shadow tables). To-dos that must be imported: "Buy milk" (Home,
// due 1768472430000 ms), "Call mom" (Home, completed at 1768476030000 ms), "Write report" (Work).
// Not imported: "Plain note" (not a to-do), "Trashed todo" (deleted_time), "Conflict copy"
// (is_conflict).
QString joplinFile(const QString &path);

// Thunderbird's calendar-data/local.sqlite (cal_calendar_schema_version, cal_events, cal_todos,
// cal_properties, cal_recurrence, cal_metadata, cal_deleted_items). Tasks to import: "Pay rent"
// (priority 1, due 1768472430000000 µs in Europe/Berlin, DESCRIPTION "Transfer before the 15th"),
// "Renew passport" (COMPLETED at 1768476030000000, 100 %), "Water plants" (floating due),
// "Dentist" (all-day due 2026-01-15), "Weekly review" (a repeating series). Not imported: the
// changed occurrence of "Weekly review" (recurrence_id set).
QString thunderbirdFile(const QString &path);

// Things 3's main.sqlite (TMArea, TMTask, TMTag, TMTaskTag, TMChecklistItem, Meta). To-dos to import:
// "Buy paint" (project Renovation, deadline 2026-01-20 packed), "Fix tap" (heading Kitchen in
// Renovation; completed, stopDate 1768472430.5), "Call plumber" (area Home; cancelled),
// "Inbox idea" (no list). Not imported: the project, the heading, "Trashed todo", "Daily standup"
// (a repeating template), "In old project" (its project is trashed).
QString thingsFile(const QString &path);

// A valid SQLite file without a single table (user_version set, so the file is not empty).
QString noTablesFile(const QString &path);
// One table, `measurements` (id INTEGER PRIMARY KEY, value REAL, taken_at INTEGER), 3 rows: no text.
QString noTextColumnFile(const QString &path);

// Bad input.
QString emptyFile(const QString &path);     // 0 bytes
QString notSqliteFile(const QString &path); // CSV text: "id,title,done" and two rows
QString truncatedFile(const QString &path); // a 400-row sqlModelFile cut to half its size
QString damagedFile(const QString &path);   // a 400-row sqlModelFile whose page 2 is overwritten
// A 2000-row sqlModelFile with the "hot" -journal a writer that crashed mid-transaction leaves beside
// it: only a writer may roll it back, so a read-only reader cannot read the file as it is.
QString hotJournalFile(const QString &path);

// A WAL-mode sqlModelFile ("todo") whose writer stays open, as a running app's would: the first
// `checkpointedRows` rows are in the main file, the next `walRows` are committed but only in the
// -wal (automatic checkpoints off). The connection closes (and checkpoints) when this object ends.
class WalWriter
{
public:
    explicit WalWriter(const QString &path, int checkpointedRows = 2, int walRows = 3);
    ~WalWriter();
    WalWriter(const WalWriter &) = delete;
    WalWriter &operator=(const WalWriter &) = delete;
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

// Holds BEGIN EXCLUSIVE on a rollback-journal database through a connection of its own (in this
// process; SQLite locks between connections of one process as between processes), until destroyed.
class ExclusiveLock
{
public:
    explicit ExclusiveLock(const QString &path);
    ~ExclusiveLock();
    ExclusiveLock(const ExclusiveLock &) = delete;
    ExclusiveLock &operator=(const ExclusiveLock &) = delete;
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

} // namespace nt::test::ImportFixtures
