#pragma once

#include "listinfo.h"
#include "result.h"
#include "todofiltermodel.h"

#include <QAbstractListModel>
#include <QTimer>

#include <functional>

namespace nt {

class ListRepository;
class TodoListModel;

// The sidebar: the smart lists (All, Today, Upcoming, Overdue, Completed), then the user's lists,
// each with a live count of its todos. Owns list editing (add, rename, delete, reorder) and keeps
// the todo model's list names current.
class SidebarModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ScopeRole = Qt::UserRole + 1, ListIdRole, CountRole, IsListRole, SymbolRole };
    static constexpr int SmartCount = 5;

    explicit SidebarModel(TodoListModel *todos, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const QList<ListInfo> &lists() const { return m_lists; }
    int rowOfList(const QUuid &id) const;
    std::optional<ListInfo> listNamed(const QString &name) const; // case-insensitive

    // Reads the lists of the todo model's connection again.
    Error reload();
    // Counts again soon (the day changed, so Today and Overdue did).
    void refreshCounts() { scheduleCounts(); }
    Result<ListInfo> addList(const QString &name);
    Error renameList(const QUuid &id, const QString &name);
    Error removeList(const QUuid &id);
    Error restoreList(const QUuid &id);
    // Moves a list to sit before `beforeId` (null: at the end).
    Error moveList(const QUuid &id, const QUuid &beforeId);

signals:
    void listsChanged();
    void failed(const nt::Error &error);

private:
    // One list write on the model's connection, falling back to the mirror and mirrored like todos.
    Result<ListInfo> write(const std::function<Result<ListInfo>(const ListRepository &)> &op);
    void scheduleCounts();
    void recount();
    void publishNames();

    TodoListModel *m_todos;
    QString m_connection; // whose lists these are
    QList<ListInfo> m_lists;
    QList<int> m_counts; // smart lists then user lists
    QTimer m_countTimer;
};

} // namespace nt
