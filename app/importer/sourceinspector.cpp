#include "sourceinspector.h"

#include "sourcesnapshot.h"

#include <QLocale>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QVariant>

namespace nt {

namespace {

struct SchemaEntry
{
    QString name;
    bool isView = false;
    bool isVirtual = false;
};

// A sample value as text, or an empty string for NULL.
QString sampleText(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text;
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        text = utf8(bytes);
        if (utf8.hasError())
            text = QStringLiteral("x'") + QString::fromLatin1(bytes.left(32).toHex()) +
                   (bytes.size() > 32 ? QStringLiteral("…'") : QStringLiteral("'"));
        break;
    }
    case QMetaType::Double:
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        break;
    default:
        text = value.toString();
    }
    if (text.size() > SourceInspector::SampleLength)
        text = text.left(SourceInspector::SampleLength) + QStringLiteral("…");
    return text;
}

bool readColumns(const QSqlDatabase &db, SourceTable &table)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // The table-valued form takes the name as a bound value: nothing to escape.
    if (!query.prepare(QStringLiteral("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid")))
        return false;
    query.addBindValue(table.name);
    if (!query.exec())
        return false;
    while (query.next()) {
        SourceColumn column;
        column.name = query.value(0).toString();
        column.declaredType = query.value(1).toString();
        column.primaryKey = query.value(2).toInt() > 0;
        table.columns << column;
    }
    return !table.columns.isEmpty();
}

bool readCountAndSamples(const QSqlDatabase &db, SourceTable &table)
{
    const QSqlDriver *driver = db.driver();
    const QString from = QStringLiteral(" FROM ") + SourceInspector::identifier(driver, table.name);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT count(*)") + from) || !query.next())
        return false;
    table.rowCount = query.value(0).toLongLong();
    query.finish();

    // Long text and BLOBs are cut in SQL, so a 10 MB value is never read whole.
    QStringList expressions;
    const QString cut = QString::number(SourceInspector::SampleLength + 1);
    for (const SourceColumn &column : std::as_const(table.columns)) {
        const QString c = SourceInspector::identifier(driver, column.name);
        expressions << QStringLiteral(
                           "CASE WHEN typeof(%1) IN ('text', 'blob') THEN substr(%1, 1, %2) ELSE %1 END")
                           .arg(c, cut);
    }
    if (!query.exec(QStringLiteral("SELECT ") + expressions.join(QStringLiteral(", ")) + from +
                    QStringLiteral(" LIMIT ") + QString::number(SourceInspector::SampleRows)))
        return false;
    qsizetype full = 0;
    while (full < table.columns.size() && query.next()) {
        full = 0;
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            QStringList &samples = table.columns[i].samples;
            if (samples.size() < SourceInspector::SampleCount) {
                const QString text = sampleText(query.value(int(i)));
                if (!text.isEmpty() && !samples.contains(text))
                    samples << text;
            }
            if (samples.size() >= SourceInspector::SampleCount)
                ++full;
        }
    }
    return !query.lastError().isValid();
}

} // namespace

SourceInspector::SourceInspector(const SourceSnapshot &snapshot) : m_connection(snapshot.connectionName()) {}

QString SourceInspector::identifier(const QSqlDriver *driver, const QString &name)
{
    if (driver && !name.startsWith(QLatin1Char('"')) && !name.endsWith(QLatin1Char('"')))
        return driver->escapeIdentifier(name, QSqlDriver::FieldName);
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QList<SourceTable> SourceInspector::tables() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QList<SchemaEntry> entries;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') "
                                  "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
        while (query.next()) {
            SchemaEntry entry;
            entry.isView = query.value(0).toString() == QLatin1String("view");
            entry.name = query.value(1).toString();
            entry.isVirtual = query.value(2).toString().trimmed().startsWith(QLatin1String("CREATE VIRTUAL"),
                                                                             Qt::CaseInsensitive);
            entries << entry;
        }
    }
    // Shadow tables hold a virtual table's data (notes_fts_content for notes_fts, ...).
    QStringList virtualPrefixes;
    for (const SchemaEntry &entry : std::as_const(entries))
        if (entry.isVirtual)
            virtualPrefixes << entry.name + QLatin1Char('_');
    const auto isShadow = [&virtualPrefixes](const QString &name) {
        for (const QString &prefix : virtualPrefixes)
            if (name.startsWith(prefix))
                return true;
        return false;
    };

    QList<SourceTable> result;
    for (const SchemaEntry &entry : std::as_const(entries)) {
        if (entry.isVirtual || (!entry.isView && isShadow(entry.name)))
            continue;
        SourceTable table;
        table.name = entry.name;
        table.isView = entry.isView;
        if (readColumns(db, table) && readCountAndSamples(db, table))
            result << table;
    }
    return result;
}

} // namespace nt
