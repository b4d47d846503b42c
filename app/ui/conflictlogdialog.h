#pragma once

#include "conflictlog.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace nt {

class TodoListModel;

// The conflict log: every value that lost when two devices changed the same field, newest first,
// with the value that was kept. "Put back" makes the lost value the todo's value again (an
// ordinary, undoable edit, which the window makes) and marks the entry as put back.
class ConflictLogDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictLogDialog(const QString &connectionName, const TodoListModel *todos, QWidget *parent = nullptr);
    // Reads the log again (after the connection changed or an entry was put back).
    void reload(const QString &connectionName);

signals:
    void restoreRequested(const QUuid &todoId, const nt::TodoPatch &patch, const QString &description);

private:
    void restoreSelected();
    void updateButton();

    QString m_connection;
    const TodoListModel *m_todos;
    QList<ConflictEntry> m_entries;
    QTreeWidget *m_tree;
    QPushButton *m_restore;
};

} // namespace nt
