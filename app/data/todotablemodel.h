#pragma once

#include <QSqlTableModel>

namespace nt {

// The todos of one connection, as a QSqlTableModel: rows that are not deleted, in manual order.
// EditRole gives typed values whatever the driver: times as UTC QDateTime, `completed` as bool, ids
// as text. DisplayRole gives text for people (local time, priority words); Completed is a check box.
class TodoTableModel : public QSqlTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id, Title, Notes, Completed, CompletedAt, DueAt, DueAllDay, Priority, ListId, Position,
        CreatedAt, UpdatedAt, DeletedAt, Version, ChangeNo,
    };
    Q_ENUM(Column)

    TodoTableModel(const QString &connectionName, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString connectionName() const { return m_connectionName; }

protected:
    QString selectStatement() const override;

private:
    QString m_connectionName;
};

} // namespace nt
