#include "sqliterows.h"

#include <QFile>

#include <sqlite3.h>

namespace nt {

namespace {

bool isAscii(const unsigned char *text, int size)
{
    unsigned char any = 0;
    for (int i = 0; i < size; ++i)
        any |= text[i];
    return any < 0x80;
}

} // namespace

Result<std::unique_ptr<SqliteRows>> SqliteRows::open(const QString &databasePath, const QString &sql)
{
    std::unique_ptr<SqliteRows> rows(new SqliteRows);
    const int opened = sqlite3_open_v2(QFile::encodeName(databasePath).constData(), &rows->m_db,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (opened != SQLITE_OK)
        return Error::make(Error::Kind::Io, QStringLiteral("Could not open the copy of the file for reading."),
                           QString::fromUtf8(rows->m_db ? sqlite3_errmsg(rows->m_db) : sqlite3_errstr(opened)));
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(rows->m_db, utf8.constData(), int(utf8.size()), &rows->m_statement, nullptr) != SQLITE_OK)
        return Error::make(Error::Kind::Database, QStringLiteral("Could not read the todos from the file."),
                           QString::fromUtf8(sqlite3_errmsg(rows->m_db)));
    for (int i = 0; i < sqlite3_column_count(rows->m_statement); ++i)
        rows->m_columns << QString::fromUtf8(sqlite3_column_name(rows->m_statement, i));
    return rows;
}

SqliteRows::~SqliteRows()
{
    sqlite3_finalize(m_statement);
    sqlite3_close(m_db);
}

bool SqliteRows::next()
{
    if (!m_statement || m_error.isError())
        return false;
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW)
        return true;
    if (stepped != SQLITE_DONE)
        m_error = Error::make(Error::Kind::Io, QStringLiteral("Reading the file stopped part way."),
                              QString::fromUtf8(sqlite3_errmsg(m_db)));
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    return false;
}

QVariant SqliteRows::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
                                   sqlite3_column_bytes(m_statement, column)));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default: {
        // ASCII reads the same in any encoding; anything else goes through SQLite's own UTF-16, as
        // QSQLITE reads it (so bytes that are not UTF-8 turn out the same, too).
        const unsigned char *text = sqlite3_column_text(m_statement, column);
        const int size = sqlite3_column_bytes(m_statement, column);
        if (isAscii(text, size))
            return QVariant(QString::fromLatin1(reinterpret_cast<const char *>(text), size));
        const auto *utf16 = static_cast<const QChar *>(sqlite3_column_text16(m_statement, column));
        return QVariant(QString(utf16, sqlite3_column_bytes16(m_statement, column) / qsizetype(sizeof(QChar))));
    }
    }
}

} // namespace nt
