#include "todoview.h"

#include "todolistmodel.h"

#include <QDropEvent>
#include <QHeaderView>

namespace nt {

TodoView::TodoView(QWidget *parent) : QTreeView(parent)
{
    setObjectName(QStringLiteral("todoList"));
    setAccessibleName(tr("Todos"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDragEnabled(true);
    setDropIndicatorShown(true);
    setDefaultDropAction(Qt::MoveAction);
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(true);
}

QList<QUuid> TodoView::selectedIds() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<QUuid> ids;
    for (const QModelIndex &i : rows)
        ids << i.data(TodoListModel::IdRole).toUuid();
    return ids;
}

QUuid TodoView::currentId() const
{
    return currentIndex().data(TodoListModel::IdRole).toUuid();
}

QList<QUuid> TodoView::visibleIds() const
{
    QList<QUuid> ids;
    if (!model())
        return ids;
    for (int r = 0; r < model()->rowCount(); ++r)
        ids << model()->index(r, 0).data(TodoListModel::IdRole).toUuid();
    return ids;
}

void TodoView::selectIds(const QList<QUuid> &ids, const QUuid &current)
{
    if (!model() || !selectionModel())
        return;
    QItemSelection selection;
    QModelIndex currentIndex;
    for (int r = 0; r < model()->rowCount(); ++r) {
        const QModelIndex i = model()->index(r, 0);
        const QUuid id = i.data(TodoListModel::IdRole).toUuid();
        if (ids.contains(id))
            selection.select(i, model()->index(r, model()->columnCount() - 1));
        if (id == current)
            currentIndex = i;
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentIndex.isValid())
        selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
}

void TodoView::setReorderEnabled(bool enabled)
{
    m_reorderEnabled = enabled;
    setDragEnabled(enabled);
}

void TodoView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_reorderEnabled || event->source() != this) {
        event->ignore();
        return;
    }
    QTreeView::dragMoveEvent(event);
}

void TodoView::dropEvent(QDropEvent *event)
{
    if (!m_reorderEnabled || event->source() != this) {
        event->ignore();
        return;
    }
    const QModelIndex target = indexAt(event->position().toPoint());
    int beforeRow = model()->rowCount();
    if (target.isValid()) {
        beforeRow = target.row();
        if (dropIndicatorPosition() == QAbstractItemView::BelowItem)
            ++beforeRow;
    }
    const QList<QUuid> moving = selectedIds();
    QUuid before;
    for (int r = beforeRow; r < model()->rowCount(); ++r) {
        const QUuid id = model()->index(r, 0).data(TodoListModel::IdRole).toUuid();
        if (!moving.contains(id)) {
            before = id;
            break;
        }
    }
    // Copy, not move: the model is rearranged by reorderRequested, never by the view removing rows.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
    if (!moving.isEmpty())
        emit reorderRequested(moving, before);
}

} // namespace nt
