#include "todotablemodel.h"

#include "utctime.h"

#include <QLocale>
#include <QSqlDatabase>
#include <QSqlRecord>

namespace nt {

namespace {

// The columns the app reads, in Column order; the same names in both dialects.
const QString &columnList()
{
    static const QString columns = QStringLiteral(
        "id, title, notes, completed, completed_at, due_at, due_all_day, priority, list_id, position, "
        "created_at, updated_at, deleted_at, version, change_no");
    return columns;
}

} // namespace

TodoTableModel::TodoTableModel(const QString &connectionName, QObject *parent)
    : QSqlTableModel(parent, QSqlDatabase::database(connectionName, false)), m_connectionName(connectionName)
{
    setEditStrategy(QSqlTableModel::OnFieldChange);
    setTable(QStringLiteral("todos"));
}

QString TodoTableModel::selectStatement() const
{
    // Fixed text: no value from a person reaches this statement.
    return QStringLiteral("SELECT ") + columnList()
        + QStringLiteral(" FROM todos WHERE deleted_at IS NULL ORDER BY position, created_at, id");
}

QVariant TodoTableModel::data(const QModelIndex &index, int role) const
{
    const int column = index.column();
    if (role == Qt::CheckStateRole && column == Completed)
        return data(index, Qt::EditRole).toBool() ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole) {
        // Text for people; EditRole keeps the typed value.
        const QVariant typed = data(index, Qt::EditRole);
        switch (column) {
        case Completed:
            return {};
        case Priority: {
            static const QStringList words{QString(), tr("Low"), tr("Medium"), tr("High")};
            return words.value(typed.toInt());
        }
        case CompletedAt:
        case DueAt:
        case CreatedAt:
        case UpdatedAt:
        case DeletedAt:
            return typed.isNull() ? QVariant()
                                  : QVariant(QLocale().toString(typed.toDateTime().toLocalTime(), QLocale::ShortFormat));
        default:
            return typed;
        }
    }
    const QVariant value = QSqlTableModel::data(index, role);
    if (role != Qt::EditRole)
        return value;
    switch (column) {
    case CompletedAt:
    case DueAt:
    case CreatedAt:
    case UpdatedAt:
    case DeletedAt: {
        // Either driver's form (local-time QDateTime from QPSQL, text from QSQLITE) as UTC.
        const QDateTime t = UtcTime::fromDatabase(value);
        return t.isValid() ? QVariant(t) : QVariant();
    }
    case Completed:
    case DueAllDay:
        return value.toBool();
    case Id:
    case ListId:
        return value.isNull() ? QVariant() : QVariant(value.toString().remove(QLatin1Char('{')).remove(QLatin1Char('}')));
    default:
        return value;
    }
}

QVariant TodoTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QSqlTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Notes:
        return tr("Notes");
    case Completed:
        return tr("Done");
    case DueAt:
        return tr("Due");
    case Priority:
        return tr("Priority");
    case CreatedAt:
        return tr("Created");
    case UpdatedAt:
        return tr("Updated");
    default:
        return QSqlTableModel::headerData(section, orientation, role);
    }
}

} // namespace nt
