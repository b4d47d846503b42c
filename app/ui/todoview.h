#pragma once

#include <QTreeView>
#include <QUuid>

namespace nt {

// The list of todos. Speaks in todo ids (selection, current row, reordering) so callers never hold
// row numbers that a filter or a reload would invalidate.
class TodoView : public QTreeView
{
    Q_OBJECT
public:
    explicit TodoView(QWidget *parent = nullptr);

    QList<QUuid> selectedIds() const; // in the order shown
    QUuid currentId() const;
    void selectIds(const QList<QUuid> &ids, const QUuid &current = {});
    QList<QUuid> visibleIds() const;  // every row shown, in order

    // Dragging rows to a new place is only meaningful in manual order.
    void setReorderEnabled(bool enabled);

signals:
    // Move `ids` to just before `beforeId` (null: to the end).
    void reorderRequested(const QList<QUuid> &ids, const QUuid &beforeId);

protected:
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool m_reorderEnabled = true;
};

} // namespace nt
