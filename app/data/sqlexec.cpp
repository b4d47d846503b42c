#include "sqlexec.h"

#include "sqldialect.h"
#include "sqlscript.h"
#include "utctime.h"
#include "uuids.h"

#include <QSqlDriver>
#include <QSqlField>
#include <QTimeZone>
#include <QUuid>

namespace nt::SqlExec {

QVariant toStorage(const QSqlDatabase &db, const QVariant &value)
{
    const bool sqlite = dialectOf(db) == SqlDialect::SQLite;
    switch (value.metaType().id()) {
    case QMetaType::QUuid: {
        const QUuid id = value.toUuid();
        return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(Uuids::toText(id));
    }
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        if (!dt.isValid())
            return sqlite ? QVariant(QMetaType::fromType<QString>())
                          : QVariant(QMetaType::fromType<QDateTime>());
        return sqlite ? QVariant(UtcTime::toStorageText(dt)) : QVariant(dt.toUTC());
    }
    case QMetaType::Bool:
        return sqlite ? QVariant(value.toBool() ? 1 : 0) : value;
    default:
        return value;
    }
}

Result<QString> inlineValues(const QSqlDatabase &db, const QString &sql, const QVariantMap &values)
{
    const auto marks = SqlScript::placeholders(sql);
    QString out;
    out.reserve(sql.size() + 16 * marks.size());
    qsizetype last = 0;
    for (const auto &mark : marks) {
        const auto it = values.constFind(mark.name);
        if (it == values.constEnd())
            return Error::make(Error::Kind::Database,
                               QStringLiteral("Internal error: a statement is missing a value."),
                               QStringLiteral("no value for :%1").arg(mark.name));
        QVariant value = toStorage(db, *it);
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        if (value.isNull())
            field.clear();
        out += QStringView(sql).mid(last, mark.position - last);
        out += db.driver()->formatValue(field);
        last = mark.position + mark.length;
    }
    out += QStringView(sql).mid(last);
    return out;
}

Error fromSqlError(const QSqlError &error, const QString &what)
{
    const QString state = error.nativeErrorCode();
    QString detail = error.databaseText().trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    Error::Kind kind = Error::Kind::Database;
    if (error.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08"))
        || state == QLatin1String("57P01"))
        kind = Error::Kind::Connection;
    else if (state == QLatin1String("42501"))
        kind = Error::Kind::Permission;
    else if (state == QLatin1String("57014"))
        kind = Error::Kind::Timeout;
    return Error::make(kind, what, detail, state);
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantMap &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (dialectOf(db) == SqlDialect::PostgreSQL) {
        auto text = inlineValues(db, sql, values);
        if (!text)
            return text.error();
        if (!query.exec(text.value()))
            return fromSqlError(query.lastError(), QStringLiteral("The database refused a statement."));
        return query;
    }

    const auto marks = SqlScript::placeholders(sql);
    QString positional;
    qsizetype last = 0;
    for (const auto &mark : marks) {
        if (!values.contains(mark.name))
            return Error::make(Error::Kind::Database,
                               QStringLiteral("Internal error: a statement is missing a value."),
                               QStringLiteral("no value for :%1").arg(mark.name));
        positional += QStringView(sql).mid(last, mark.position - last);
        positional += QLatin1Char('?');
        last = mark.position + mark.length;
    }
    positional += QStringView(sql).mid(last);
    if (!query.prepare(positional))
        return fromSqlError(query.lastError(), QStringLiteral("The database refused a statement."));
    for (const auto &mark : marks)
        query.addBindValue(toStorage(db, values.value(mark.name)));
    if (!query.exec())
        return fromSqlError(query.lastError(), QStringLiteral("The database refused a statement."));
    return query;
}

Error exec(const QSqlDatabase &db, const QString &sql, const QVariantMap &values)
{
    auto result = run(db, sql, values);
    return result ? Error{} : result.error();
}

} // namespace nt::SqlExec
