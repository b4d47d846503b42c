#include "sqlexec.h"

#include "connectionerror.h"
#include "remotelink.h"

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

namespace {

// Only types whose formatting we know is safe reach a statement: anything else (a QStringList, a
// QUrl, ...) would be pasted by Qt's fallback as unquoted text.
Error checkValue(const QString &name, const QVariant &value)
{
    if (value.isNull())
        return {};
    switch (value.metaType().id()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::QByteArray:
    case QMetaType::QDateTime:
    case QMetaType::QUuid:
        return {};
    case QMetaType::QString:
        if (value.toString().contains(QChar(0)))
            return Error::make(Error::Kind::InvalidInput,
                               QStringLiteral("Text with a NUL character cannot be stored; remove it and try again."),
                               QStringLiteral(":%1 contains U+0000").arg(name));
        return {};
    default:
        return Error::make(Error::Kind::Database, QStringLiteral("Internal error: a value of an unsupported type."),
                           QStringLiteral(":%1 is a %2").arg(name, QString::fromLatin1(value.typeName())));
    }
}

} // namespace

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
        if (Error e = checkValue(mark.name, *it))
            return e;
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
    if (error.type() == QSqlError::ConnectionError || isConnectionLost(Error::make(kind, what, detail, state)))
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
    if (dialectOf(db) == SqlDialect::PostgreSQL) {
        // Not forward-only: a forward-only query in Qt 6.4's QPSQL reads its rows one by one after
        // exec() has returned (single-row mode), past the statement's deadline. This way exec()
        // holds the whole result, and the deadline covers all of it.
        auto text = inlineValues(db, sql, values);
        if (!text)
            return text.error();
        if (Error e = RemoteLink::ensureOpen(db))
            return e;
        RemoteLink::Deadline deadline(db);
        const bool ran = query.exec(text.value());
        deadline.finish();
        if (!ran)
            return deadline.explain(fromSqlError(query.lastError(), QStringLiteral("The database refused a statement.")));
        return query;
    }

    query.setForwardOnly(true);
    const auto marks = SqlScript::placeholders(sql);
    QString positional;
    qsizetype last = 0;
    for (const auto &mark : marks) {
        if (!values.contains(mark.name))
            return Error::make(Error::Kind::Database,
                               QStringLiteral("Internal error: a statement is missing a value."),
                               QStringLiteral("no value for :%1").arg(mark.name));
        if (Error e = checkValue(mark.name, values.value(mark.name)))
            return e;
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
