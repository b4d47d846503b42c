#include "sourcesnapshot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

namespace nt {

namespace {

// Every message names the file the way the person's system writes paths.
QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString chooseAgain()
{
    return QStringLiteral("Choose the database file of your old app (its name often ends in .db, .sqlite or "
                          ".sqlite3).");
}

Error damaged(const QString &path, const QString &why, const QString &detail = {})
{
    return Error::make(
        Error::Kind::InvalidInput,
        QStringLiteral("%1 is a SQLite database, but it is damaged or incomplete%2. Copy it again "
                       "from where your old app keeps it, or let SQLite rescue what it can "
                       "(sqlite3 OLD.db .recover | sqlite3 RESCUED.db) and import the rescued "
                       "file.")
            .arg(shown(path), why),
        detail);
}

Error beingWritten(const QString &path, const QString &detail)
{
    return Error::make(Error::Kind::Timeout,
                       QStringLiteral("%1 is being written by another program right now; close that program "
                                      "(your old todo app, perhaps) or try again in a moment.")
                           .arg(shown(path)),
                       detail);
}

// What a file that is not SQLite looks like: a phrase for the message and what to do about it.
struct Look
{
    QString what;
    QString todo;
};

Look describe(const QByteArray &head)
{
    if (head.startsWith("PK\x03\x04"))
        return {QStringLiteral("a ZIP archive"),
                QStringLiteral("If it is a backup, unzip it first and choose the database file inside.")};
    if (head.startsWith("\x1f\x8b"))
        return {QStringLiteral("a gzip-compressed file"),
                QStringLiteral("Decompress it first (for example with gunzip) and choose the result.")};
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(head);
    if (utf8.hasError() || head.contains('\0'))
        return {QStringLiteral("binary data of another kind (it may also be an encrypted database)"),
                chooseAgain()};
    const QString start = text.trimmed();
    const QString firstLine = start.section(QLatin1Char('\n'), 0, 0);
    const auto startsWith = [&start](const char *word) {
        return start.startsWith(QLatin1String(word), Qt::CaseInsensitive);
    };
    if (startsWith("{") || startsWith("["))
        return {QStringLiteral("JSON text"), chooseAgain()};
    if (startsWith("BEGIN:VCALENDAR"))
        return {QStringLiteral("an iCalendar (.ics) file"), chooseAgain()};
    if (startsWith("<"))
        return {QStringLiteral("XML or HTML text"), chooseAgain()};
    static const QRegularExpression sql(
        QStringLiteral("^(--|PRAGMA|BEGIN TRANSACTION|CREATE TABLE|INSERT INTO)"),
        QRegularExpression::CaseInsensitiveOption);
    if (sql.match(start).hasMatch())
        return {QStringLiteral("an SQL text dump"),
                QStringLiteral("Turn it into a database first (sqlite3 todos.db < DUMP.sql) and import "
                               "todos.db.")};
    if (firstLine.contains(QLatin1Char(',')) || firstLine.contains(QLatin1Char(';')) ||
        firstLine.contains(QLatin1Char('\t')))
        return {QStringLiteral("CSV text (comma-separated values)"),
                QStringLiteral("Neon Todo imports SQLite files only. ") + chooseAgain()};
    return {QStringLiteral("a plain text file"), chooseAgain()};
}

quint32 bigEndian(const QByteArray &bytes, int at, int size)
{
    quint32 value = 0;
    for (int i = 0; i < size; ++i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

// The checks made before SQLite opens the file. `wal` tells whether the file is in WAL mode.
Error checkFile(const QString &path, bool *wal)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::make(Error::Kind::NotFound, QStringLiteral("There is no file at %1. Check the path, or "
                                                                 "choose the file again.")
                                                      .arg(shown(path)));
    if (info.isDir())
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("%1 is a folder, not a file. ").arg(shown(path)) + chooseAgain());
    if (!info.isFile())
        return Error::make(
            Error::Kind::InvalidInput,
            QStringLiteral("%1 is not a regular file (it is a device, pipe or socket). ").arg(shown(path)) +
                chooseAgain());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!QFileInfo(path).isReadable())
            return Error::make(
                Error::Kind::Permission,
                QStringLiteral("Neon Todo is not allowed to read %1. Give your user read "
                               "permission on the file (or copy it somewhere you can read it), "
                               "then try again.")
                    .arg(shown(path)),
                file.errorString());
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 could not be read. Check that the disk is connected and try "
                                          "again.")
                               .arg(shown(path)),
                           file.errorString());
    }
    const qint64 size = file.size();
    const QByteArray head = file.read(4096);
    if (size == 0 && head.isEmpty())
        return Error::make(
            Error::Kind::InvalidInput,
            QStringLiteral("%1 is empty (0 bytes), so there is nothing to import. ").arg(shown(path)) +
                chooseAgain());
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!head.startsWith(magic)) {
        const Look look = describe(head);
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("%1 is not a SQLite database: it looks like "
                                          "%2. %3")
                               .arg(shown(path), look.what, look.todo));
    }
    if (head.size() < 100)
        return damaged(path, QStringLiteral(" (it ends inside its own header)"));
    quint32 pageSize = bigEndian(head, 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return damaged(path, QStringLiteral(" (its header is not valid)"),
                       QStringLiteral("page size %1").arg(pageSize));
    *wal = head.at(18) == 2 && head.at(19) == 2;
    // The page count in the header is only trusted when SQLite would trust it, and only when no writer's
    // journal beside the file could explain a difference.
    const quint32 pages = bigEndian(head, 28, 4);
    const bool countValid = pages > 0 && bigEndian(head, 24, 4) == bigEndian(head, 92, 4);
    const QString real = info.canonicalFilePath(); // SQLite keeps its journals beside a link's target
    const bool journalBeside = QFileInfo::exists(real + QStringLiteral("-wal")) ||
                               QFileInfo::exists(real + QStringLiteral("-journal"));
    const qint64 expected = qint64(pages) * pageSize;
    if (countValid && !journalBeside && expected > size) {
        const QLocale locale;
        return damaged(path, QStringLiteral(" (it is cut short: it has %1 of its %2 bytes)")
                                 .arg(locale.toString(size), locale.toString(expected)));
    }
    return {};
}

// An SQLite error while reading the source, as a message for a person.
Error fromSqlite(const QSqlError &error, const QString &path)
{
    const int code = error.nativeErrorCode().toInt() & 0xff; // extended codes keep the primary code low
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString sqliteDetail =
        detail + QStringLiteral(" (SQLite code ") + error.nativeErrorCode() + QLatin1Char(')');
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return beingWritten(path, sqliteDetail);
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return damaged(path, QString(), sqliteDetail);
    case 8: // SQLITE_READONLY: a hot journal or WAL that only a writer may replay
        return Error::make(Error::Kind::InvalidInput,
                           QStringLiteral("%1 was not closed properly by the program that last wrote it, and "
                                          "reading it now would mean changing it. Open it once in that "
                                          "program (or with sqlite3), close it again, then try again.")
                               .arg(shown(path)),
                           sqliteDetail);
    case 13: // SQLITE_FULL: the private copy did not fit
        return Error::make(Error::Kind::Io,
                           QStringLiteral("There is not enough free space in %1 for a private copy of %2 "
                                          "(about %3 MB). Free some space there (or point TMPDIR to a folder "
                                          "with room) and try again.")
                               .arg(shown(QDir::tempPath()), shown(path),
                                    QString::number(QFileInfo(path).size() / (1024 * 1024) + 1)),
                           sqliteDetail);
    default:
        return Error::make(Error::Kind::Io,
                           QStringLiteral("%1 could not be read as a SQLite database. Check that the disk is "
                                          "connected and the file is complete, then try again.")
                               .arg(shown(path)),
                           sqliteDetail);
    }
}

// Copies `source` to `target` in one read transaction (VACUUM INTO) through a read-only connection,
// after PRAGMA quick_check. The connection is closed and removed before returning.
Error copyConsistently(const QString &source, const QString &shownAs, const QString &target,
                       int busyTimeoutMs, bool immutable)
{
    const QString name =
        QStringLiteral("nt-import-source-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Error result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options =
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=") + QString::number(busyTimeoutMs);
        if (immutable) {
            // A WAL file nobody has open (no -wal beside it): read it without creating -wal/-shm files.
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            db.setDatabaseName(QUrl::fromLocalFile(source).toString(QUrl::FullyEncoded) +
                               QStringLiteral("?mode=ro&immutable=1"));
        } else {
            db.setDatabaseName(source);
        }
        db.setConnectOptions(options);
        if (!db.open()) {
            result = fromSqlite(db.lastError(), shownAs);
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA quick_check(1)"))) {
                result = fromSqlite(query.lastError(), shownAs);
            } else if (!query.next()) {
                result = fromSqlite(query.lastError(), shownAs);
            } else if (query.value(0).toString() != QLatin1String("ok")) {
                result = damaged(shownAs, QString(), query.value(0).toString());
            }
            query.finish();
            // The target is our own path; its quotes are still doubled so it is one SQL string literal.
            QString literal = target;
            literal.replace(QLatin1Char('\''), QStringLiteral("''"));
            if (!result && !query.exec(QStringLiteral("VACUUM INTO '") + literal + QLatin1Char('\'')))
                result = fromSqlite(query.lastError(), shownAs);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Result<std::unique_ptr<SourceSnapshot>> SourceSnapshot::open(const QString &path, int busyTimeoutMs)
{
    if (path.trimmed().isEmpty())
        return Error::make(
            Error::Kind::InvalidInput,
            QStringLiteral("No file was chosen. Choose the SQLite file of your old todo app."));
    const QString source = QFileInfo(path).absoluteFilePath();
    bool wal = false;
    if (Error e = checkFile(source, &wal))
        return e;

    std::unique_ptr<SourceSnapshot> snapshot(new SourceSnapshot);
    snapshot->m_sourcePath = source;
    snapshot->m_dir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/neon-todo-import-XXXXXX"));
    if (!snapshot->m_dir->isValid())
        return Error::make(
            Error::Kind::Io,
            QStringLiteral("Could not make a private working folder in %1. Check that it exists "
                           "and has free space, then try again.")
                .arg(shown(QDir::tempPath())),
            snapshot->m_dir->errorString());
    QFile::setPermissions(snapshot->m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    snapshot->m_snapshotPath = snapshot->m_dir->filePath(QStringLiteral("snapshot.sqlite3"));

    const QString real = QFileInfo(source).canonicalFilePath();
    const bool immutable = wal && !QFileInfo::exists(real + QStringLiteral("-wal"));
    if (Error e = copyConsistently(real, source, snapshot->m_snapshotPath, busyTimeoutMs, immutable))
        return e;

    snapshot->m_connectionName =
        QStringLiteral("nt-import-snapshot-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), snapshot->m_connectionName);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    db.setDatabaseName(snapshot->m_snapshotPath);
    QSqlQuery query(db);
    if (!db.open() ||
        !query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT "
                                   "LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return Error::make(
            Error::Kind::Io,
            QStringLiteral("Could not read the private copy of %1. Check that %2 has free space, "
                           "then try again.")
                .arg(shown(source), shown(QDir::tempPath())),
            db.isOpen() ? query.lastError().text() : db.lastError().text());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (query.next()) {
        // NUL ends each part: no two different schemas spell the same bytes.
        for (int column = 0; column < 2; ++column) {
            QByteArray part = query.value(column).toString().toUtf8();
            part.append('\0');
            hash.addData(part);
        }
    }
    snapshot->m_fingerprint = QString::fromLatin1(hash.result().toHex());
    return snapshot;
}

SourceSnapshot::~SourceSnapshot()
{
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

} // namespace nt
