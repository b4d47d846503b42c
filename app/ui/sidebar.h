#pragma once

#include "todofiltermodel.h"

#include <QWidget>

class QLineEdit;
class QListView;

namespace nt {

class SidebarModel;

// The left column: smart lists and the person's lists with their counts, a field to add a list,
// and a context menu to rename, reorder and delete lists.
class Sidebar : public QWidget
{
    Q_OBJECT
public:
    Sidebar(SidebarModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    void selectRow(int row);
    // The scope of the selected entry.
    TodoFilterModel::Scope scope() const;
    QUuid listId() const;

signals:
    void scopeChanged(nt::TodoFilterModel::Scope scope, const QUuid &listId);
    void removeListRequested(const QUuid &listId, const QString &name);
    void problem(const QString &message);

private:
    void showMenu(const QPoint &pos);
    void moveSelected(int delta);

    SidebarModel *m_model;
    QListView *m_view;
    QLineEdit *m_newList;
    bool m_restoring = false;
    int m_keptRow = -1;
    QUuid m_keptList;
};

} // namespace nt
