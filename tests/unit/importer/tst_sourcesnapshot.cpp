#include "importfixtures.h"
#include "sourcesnapshot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nt;
namespace fx = nt::test::ImportFixtures;

namespace {

// What must not change about a source file: whether it is there, its bytes, its modification time.
struct FileState
{
    bool exists = false;
    QByteArray sha256;
    QDateTime modified;

    static FileState of(const QString &path)
    {
        FileState s;
        QFile file(path);
        s.exists = QFileInfo(path).isFile();
        if (s.exists && file.open(QIODevice::ReadOnly)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&file);
            s.sha256 = hash.result();
        }
        s.modified = QFileInfo(path).lastModified();
        return s;
    }
    bool operator==(const FileState &o) const
    {
        return exists == o.exists && sha256 == o.sha256 && modified == o.modified;
    }
};

QStringList titles(const SourceSnapshot &snapshot, const QString &table)
{
    QStringList out;
    QSqlQuery query(QSqlDatabase::database(snapshot.connectionName(), false));
    query.exec(QStringLiteral("SELECT title FROM ") + table + QStringLiteral(" ORDER BY id"));
    while (query.next())
        out << query.value(0).toString();
    return out;
}

// Every refusal says what to do next with one of these.
constexpr const char *WhatToDo[] = {"try again", "choose", "first", "import the"};

enum class Bad {
    Missing,
    Folder,
    Unreadable,
    Empty,
    Csv,
    Zip,
    SqlDump,
    Text,
    Truncated,
    Damaged,
    HotJournal
};

// Makes the bad input `bad` at `path` (or picks another path); returns the path to open, empty to skip.
QString makeBad(Bad bad, const QString &path, QString *error)
{
    const auto made = [&path, error](const QString &fixtureError) {
        *error = fixtureError;
        return path;
    };
    const auto write = [&path](const QByteArray &bytes) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    };
    switch (bad) {
    case Bad::Missing:
        return path;
    case Bad::Folder:
        QDir().mkpath(path);
        return path;
    case Bad::Empty:
        return made(fx::emptyFile(path));
    case Bad::Csv:
        return made(fx::notSqliteFile(path));
    case Bad::Zip:
        return write(QByteArray("PK\x03\x04\x14\x00\x00\x00", 8) + QByteArray(200, '\x01'));
    case Bad::SqlDump:
        return write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE todo(id);\nCOMMIT;\n");
    case Bad::Text:
        return write("Buy milk\nCall mom\n");
    case Bad::Truncated:
        return made(fx::truncatedFile(path));
    case Bad::Damaged:
        return made(fx::damagedFile(path));
    case Bad::HotJournal:
        return made(fx::hotJournalFile(path));
    case Bad::Unreadable: {
        *error = fx::sqlModelFile(path);
        QFile::setPermissions(path, QFileDevice::Permissions());
        QFile probe(path);
        if (!probe.open(QIODevice::ReadOnly))
            return path;
        // Root reads any file whatever its mode; a write-only sysctl it cannot read.
        const QString writeOnly = QStringLiteral("/proc/sys/vm/drop_caches");
        return QFileInfo::exists(writeOnly) && !QFile(writeOnly).open(QIODevice::ReadOnly) ? writeOnly
                                                                                           : QString();
    }
    }
    return path;
}

} // namespace

Q_DECLARE_METATYPE(Bad)
Q_DECLARE_METATYPE(Error::Kind)

// A snapshot reads an old file without ever changing it, and says clearly why it cannot.
class tst_SourceSnapshot : public QObject
{
    Q_OBJECT
private slots:
    void shouldRefuseBadInputWithItsOwnMessage_data();
    void shouldRefuseBadInputWithItsOwnMessage();
    void shouldSayBeingWrittenWhileAConnectionHoldsTheLock();
    void shouldSayBeingWrittenWhileAnotherProcessHoldsTheLock();
    void shouldSeeCommittedRowsStillInTheWal_data();
    void shouldSeeCommittedRowsStillInTheWal();
    void shouldCreateNothingBesideAWalFileNobodyHasOpen();
    void shouldReadPathsWithQuotesAndOddCharacters();
    void shouldRemoveItsPrivateCopyAndConnection();
    void shouldKeepTheFingerprintWhenRowsChange();
};

void tst_SourceSnapshot::shouldRefuseBadInputWithItsOwnMessage_data()
{
    QTest::addColumn<Bad>("bad");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("phrase");
    using K = Error::Kind;
    QTest::newRow("missing") << Bad::Missing << K::NotFound << QStringLiteral("There is no file at");
    QTest::newRow("folder") << Bad::Folder << K::InvalidInput << QStringLiteral("is a folder, not a file");
    QTest::newRow("unreadable") << Bad::Unreadable << K::Permission
                                << QStringLiteral("is not allowed to read");
    QTest::newRow("empty") << Bad::Empty << K::InvalidInput << QStringLiteral("is empty (0 bytes)");
    QTest::newRow("csv") << Bad::Csv << K::InvalidInput
                         << QStringLiteral("is not a SQLite database: it looks like CSV text");
    QTest::newRow("zip") << Bad::Zip << K::InvalidInput << QStringLiteral("it looks like a ZIP archive");
    QTest::newRow("sql-dump") << Bad::SqlDump << K::InvalidInput
                              << QStringLiteral("it looks like an SQL text dump");
    QTest::newRow("text") << Bad::Text << K::InvalidInput
                          << QStringLiteral("it looks like a plain text file");
    QTest::newRow("truncated") << Bad::Truncated << K::InvalidInput
                               << QStringLiteral("damaged or incomplete (it is cut short");
    QTest::newRow("damaged") << Bad::Damaged << K::InvalidInput
                             << QStringLiteral("is a SQLite database, but it is damaged");
    QTest::newRow("hot-journal") << Bad::HotJournal << K::InvalidInput
                                 << QStringLiteral(
                                        "was not closed properly by the program that last wrote it");
}

void tst_SourceSnapshot::shouldRefuseBadInputWithItsOwnMessage()
{
    QFETCH(Bad, bad);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, phrase);
    // GIVEN a bad input
    QTemporaryDir dir;
    QString fixtureError;
    const QString path = makeBad(bad, dir.filePath(QStringLiteral("old todos.db")), &fixtureError);
    QVERIFY2(fixtureError.isEmpty(), qPrintable(fixtureError));
    if (path.isEmpty())
        QSKIP("Running as root without an unreadable file to try: no way to be denied read access here");
    const FileState before = FileState::of(path);
    const FileState journalBefore = FileState::of(path + QStringLiteral("-journal"));
    // WHEN it is opened
    auto snapshot = SourceSnapshot::open(path);
    // THEN it is refused with its own message naming the file and what to do, and nothing changed
    QVERIFY(!snapshot.ok());
    const Error e = snapshot.error();
    QCOMPARE(e.kind, kind);
    QVERIFY2(e.message.contains(phrase), qPrintable(e.message));
    QVERIFY2(e.message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
             qPrintable(e.message));
    const bool saysWhatToDo = std::any_of(std::begin(WhatToDo), std::end(WhatToDo), [&e](const char *words) {
        return e.message.contains(QLatin1String(words), Qt::CaseInsensitive);
    });
    QVERIFY2(saysWhatToDo, qPrintable(e.message));
    QVERIFY(FileState::of(path) == before);
    QVERIFY(FileState::of(path + QStringLiteral("-journal")) == journalBefore);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void tst_SourceSnapshot::shouldSayBeingWrittenWhileAConnectionHoldsTheLock()
{
    // GIVEN a rollback-journal file another connection holds an exclusive lock on
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.db"));
    QVERIFY(fx::sqlModelFile(path).isEmpty());
    const FileState before = FileState::of(path);
    {
        fx::ExclusiveLock lock(path);
        QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
        // WHEN it is opened with a short busy timeout
        auto snapshot = SourceSnapshot::open(path, 300);
        // THEN the person is told it is being written, and what to do
        QVERIFY(!snapshot.ok());
        QCOMPARE(snapshot.error().kind, Error::Kind::Timeout);
        QVERIFY2(snapshot.error().message.contains(
                     QLatin1String("is being written by another program right now; close that program")),
                 qPrintable(snapshot.error().toString()));
    }
    // AND once the writer is gone the same file opens, unchanged
    auto snapshot = SourceSnapshot::open(path, 300);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
    QCOMPARE(titles(*snapshot.value(), QStringLiteral("todo")).size(), 3);
    QVERIFY(FileState::of(path) == before);
}

void tst_SourceSnapshot::shouldSayBeingWrittenWhileAnotherProcessHoldsTheLock()
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        QSKIP("The sqlite3 command-line tool is not installed");
    // GIVEN the sqlite3 tool holding BEGIN EXCLUSIVE on a rollback-journal file
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.db"));
    QVERIFY(fx::sqlModelFile(path).isEmpty());
    const FileState before = FileState::of(path);
    QProcess writer;
    writer.start(sqlite3, {path});
    QVERIFY(writer.waitForStarted());
    writer.write("BEGIN EXCLUSIVE;\nSELECT 'locked';\n");
    QByteArray said;
    QElapsedTimer waited;
    waited.start();
    while (!said.contains("locked") && waited.elapsed() < 10000 && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(100);
        said += writer.readAllStandardOutput();
    }
    QVERIFY2(said.contains("locked"), QByteArray(said + writer.readAllStandardError()).constData());
    // WHEN it is opened with the default busy timeout
    auto snapshot = SourceSnapshot::open(path);
    // THEN it is being written, and nothing changed
    writer.write("ROLLBACK;\n.quit\n");
    writer.closeWriteChannel();
    QVERIFY(writer.waitForFinished(10000));
    QVERIFY(!snapshot.ok());
    QCOMPARE(snapshot.error().kind, Error::Kind::Timeout);
    QVERIFY2(
        snapshot.error().message.contains(QLatin1String("is being written by another program right now")),
        qPrintable(snapshot.error().toString()));
    QVERIFY(FileState::of(path) == before);
}

void tst_SourceSnapshot::shouldSeeCommittedRowsStillInTheWal_data()
{
    QTest::addColumn<bool>("throughLink");
    QTest::newRow("the file") << false;
    QTest::newRow("a link to it") << true; // SQLite finds the -wal beside the link's target
}

void tst_SourceSnapshot::shouldSeeCommittedRowsStillInTheWal()
{
    QFETCH(bool, throughLink);
    // GIVEN a WAL file whose writer is still open, 3 of its 5 rows only in the -wal
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
    const QString path = dir.filePath(QStringLiteral("real/wal.db"));
    const QString link = dir.filePath(QStringLiteral("link.db"));
    QVERIFY(QFile::link(path, link));
    fx::WalWriter writer(path, 2, 3);
    QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    const FileState before = FileState::of(path);
    const FileState walBefore = FileState::of(path + QStringLiteral("-wal"));
    // WHEN a snapshot is taken
    auto snapshot = SourceSnapshot::open(throughLink ? link : path);
    // THEN it has every committed row, and neither the file nor its -wal changed
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
    QCOMPARE(titles(*snapshot.value(), QStringLiteral("todo")),
             QStringList({QStringLiteral("Todo 1"), QStringLiteral("Todo 2"), QStringLiteral("Todo 3"),
                          QStringLiteral("Todo 4"), QStringLiteral("Todo 5")}));
    QVERIFY(FileState::of(path) == before);
    QVERIFY(FileState::of(path + QStringLiteral("-wal")) == walBefore);
}

void tst_SourceSnapshot::shouldCreateNothingBesideAWalFileNobodyHasOpen()
{
    // GIVEN a WAL-mode file closed cleanly (no -wal or -shm beside it)
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("closed-wal.db"));
    {
        fx::WalWriter writer(path, 2, 3);
    }
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
    const FileState before = FileState::of(path);
    // WHEN a snapshot is taken and dropped
    {
        auto snapshot = SourceSnapshot::open(path);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
        QCOMPARE(titles(*snapshot.value(), QStringLiteral("todo")).size(), 5);
    }
    // THEN nothing was created beside it and it is unchanged
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("closed-wal.db")});
    QVERIFY(FileState::of(path) == before);
}

void tst_SourceSnapshot::shouldReadPathsWithQuotesAndOddCharacters()
{
    // GIVEN files whose names hold quotes, '#', '?' and '%', and a temp folder with a quote in its name
    QTemporaryDir dir;
    const QString tmp = dir.filePath(QStringLiteral("temp 'quoted'"));
    QVERIFY(QDir().mkpath(tmp));
    const QByteArray oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(tmp));
    const QString plain = dir.filePath(QStringLiteral("it's a \"todo\" file #1 ?%20.db"));
    const QString wal = dir.filePath(QStringLiteral("wal's #2 ?%.db"));
    QVERIFY(fx::sqlModelFile(plain).isEmpty());
    {
        fx::WalWriter writer(wal, 1, 1);
    }
    // WHEN they are opened
    auto a = SourceSnapshot::open(plain);
    auto b = SourceSnapshot::open(wal);
    if (oldTmp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", oldTmp);
    // THEN both are read, through a copy in the quoted temp folder
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    QVERIFY2(b.ok(), qPrintable(b.error().toString()));
    QVERIFY(a.value()->snapshotPath().startsWith(tmp));
    QCOMPARE(titles(*a.value(), QStringLiteral("todo")).size(), 3);
    QCOMPARE(titles(*b.value(), QStringLiteral("todo")).size(), 2);
}

void tst_SourceSnapshot::shouldRemoveItsPrivateCopyAndConnection()
{
    // GIVEN a snapshot
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("todos.db"));
    QVERIFY(fx::sqlModelFile(path).isEmpty());
    const FileState before = FileState::of(path);
    auto snapshot = SourceSnapshot::open(path);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().toString()));
    const QString copy = snapshot.value()->snapshotPath();
    const QString name = snapshot.value()->connectionName();
    // THEN its copy is private, its connection read-only
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(QFileInfo(copy).path()).permissions() & others, QFileDevice::Permissions());
    QVERIFY(QSqlDatabase::connectionNames().contains(name));
    {
        QSqlQuery insert(QSqlDatabase::database(name, false));
        QVERIFY(!insert.exec(QStringLiteral("INSERT INTO todo (title, completed, created_at, updated_at) "
                                            "VALUES ('x', 0, '', '')")));
    }
    QCOMPARE(snapshot.value()->sourcePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(FileState::of(path) == before);
    // WHEN it ends, THEN both are gone
    snapshot.value().reset();
    QVERIFY(!QFileInfo::exists(copy));
    QVERIFY(!QFileInfo::exists(QFileInfo(copy).path()));
    QVERIFY(!QSqlDatabase::connectionNames().contains(name));
}

void tst_SourceSnapshot::shouldKeepTheFingerprintWhenRowsChange()
{
    // GIVEN a file and its fingerprint
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("todos.db"));
    QVERIFY(fx::sqlModelFile(path, 3).isEmpty());
    QString first;
    {
        auto s = SourceSnapshot::open(path);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        first = s.value()->fingerprint();
    }
    QCOMPARE(first.size(), 64);
    // WHEN rows are added, THEN it stays; WHEN the schema is another, THEN it differs
    QVERIFY(fx::sqlModelFile(path, 30).isEmpty());
    auto more = SourceSnapshot::open(path);
    QVERIFY2(more.ok(), qPrintable(more.error().toString()));
    QCOMPARE(more.value()->fingerprint(), first);
    QVERIFY(fx::renamedColumnsFile(path).isEmpty());
    auto other = SourceSnapshot::open(path);
    QVERIFY2(other.ok(), qPrintable(other.error().toString()));
    QVERIFY(other.value()->fingerprint() != first);
}

QTEST_GUILESS_MAIN(tst_SourceSnapshot)
#include "tst_sourcesnapshot.moc"
