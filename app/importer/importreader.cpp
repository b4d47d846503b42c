#include "importreader.h"

#include "importids.h"
#include "sqlexec.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace nt {

namespace {

const QString OccurrenceAlias = QStringLiteral("f_occurrence");

bool isTextField(ImportField f)
{
    return f == ImportField::Title || f == ImportField::Notes || f == ImportField::ListName;
}

} // namespace

ImportReader::ImportReader(QString snapshotConnection, ImportPlan plan, QString fingerprint)
    : m_connection(std::move(snapshotConnection)), m_plan(std::move(plan)),
      m_converter(m_plan, std::move(fingerprint), QDateTime::currentDateTimeUtc())
{
}

QString ImportReader::selectStatement() const
{
    const QSqlDriver *driver = QSqlDatabase::database(m_connection, false).driver();
    auto identifier = [driver](const QString &name) { return driver->escapeIdentifier(name, QSqlDriver::FieldName); };
    QStringList columns;
    for (const ColumnMapping &m : m_plan.mappings) {
        QString source;
        if (!m.expression.isEmpty())
            source = QLatin1Char('(') + m.expression + QLatin1Char(')');
        else if (!m.column.isEmpty())
            source = identifier(m.column);
        else
            continue;
        // Text is read as bytes, so invalid UTF-8 is seen (and flagged) instead of silently replaced.
        if (isTextField(m.field))
            source = QStringLiteral("CAST(%1 AS BLOB)").arg(source);
        columns << source + QStringLiteral(" AS ") + identifier(RowConverter::aliasFor(m.field));
    }
    if (!m_plan.mapping(ImportField::SourceKey))
        columns << QStringLiteral("rowid AS ") + identifier(RowConverter::aliasFor(ImportField::SourceKey));
    if (!m_plan.keyIsUnique) {
        // Rows that repeat a key (and creation time) are numbered in file order, in SQLite, so they
        // get ids of their own without the reader remembering every key it saw.
        auto source = [&](ImportField f) -> QString {
            const ColumnMapping *m = m_plan.mapping(f);
            if (!m)
                return f == ImportField::SourceKey ? QStringLiteral("rowid") : QString();
            return m->expression.isEmpty() ? identifier(m->column) : QLatin1Char('(') + m->expression + QLatin1Char(')');
        };
        QString partition = source(ImportField::SourceKey);
        if (const QString created = source(ImportField::CreatedAt); !created.isEmpty())
            partition += QStringLiteral(", ") + created;
        // File order (rowid) makes the numbering the same on every run.
        columns << QStringLiteral("row_number() OVER (PARTITION BY %1 ORDER BY rowid) AS ").arg(partition)
                + identifier(OccurrenceAlias);
    }
    QString sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + driver->escapeIdentifier(m_plan.table, QSqlDriver::TableName);
    if (!m_plan.rowFilter.isEmpty())
        sql += QStringLiteral(" WHERE ") + m_plan.rowFilter;
    return sql;
}

Result<qint64> ImportReader::count() const
{
    auto q = SqlExec::run(QSqlDatabase::database(m_connection, false),
                          QStringLiteral("SELECT count(*) FROM (") + selectStatement() + QLatin1Char(')'));
    if (!q)
        return Error::make(q.error().kind, QStringLiteral("Could not count the rows to import."), q.error().detail);
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Error ImportReader::open(qint64 limit)
{
    QString sql = selectStatement();
    if (limit > 0)
        sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    auto rows = SqliteRows::open(QSqlDatabase::database(m_connection, false).databaseName(), sql);
    if (!rows) {
        m_error = rows.error();
        return m_error;
    }
    m_rows = std::move(rows).value();
    const QStringList names = m_rows->columnNames();
    auto column = [&names](const QString &alias) {
        for (int i = 0; i < names.size(); ++i)
            if (names.at(i).compare(alias, Qt::CaseInsensitive) == 0)
                return i;
        return -1;
    };
    for (int f = 0; f < RowConverter::FieldCount; ++f)
        m_columns[f] = column(RowConverter::aliasFor(ImportField(f)));
    m_occurrenceColumn = column(OccurrenceAlias);
    return {};
}

std::optional<ImportReader::SourceRow> ImportReader::read()
{
    if (!m_rows || !m_rows->next()) {
        if (m_rows && m_rows->error())
            m_error = m_rows->error();
        m_rows.reset();
        return std::nullopt;
    }
    SourceRow row;
    for (int f = 0; f < RowConverter::FieldCount; ++f)
        if (m_columns[f] >= 0)
            row.values[f] = m_rows->value(m_columns[f]);
    if (m_occurrenceColumn >= 0)
        row.occurrence = m_rows->value(m_occurrenceColumn).toLongLong();
    return row;
}

ImportRow ImportReader::convert(const SourceRow &source) const
{
    ImportRow row = m_converter.convert(source.values);
    if (source.occurrence > 1 && !row.rejected()) {
        row.todo.id = ImportIds::repeated(row.todo.id, source.occurrence);
        row.warnings << ImportWarning{ImportField::SourceKey,
                                      QStringLiteral("Another row has the same key (%1); both are imported").arg(row.sourceKey)};
    }
    return row;
}

std::optional<ImportRow> ImportReader::next()
{
    if (auto row = read())
        return convert(*row);
    return std::nullopt;
}

} // namespace nt
