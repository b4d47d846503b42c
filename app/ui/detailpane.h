#pragma once

#include "listinfo.h"
#include "todo.h"
#include "todopatch.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;

namespace nt {

// Edits the current todo's details: title, notes, due date and time, priority, list. Every change
// is asked for with patchRequested (the window makes it an undoable command). Text being typed is
// never overwritten by a refresh of the same todo.
class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    void setLists(const QList<ListInfo> &lists);
    // Shows a todo (nullopt: nothing selected).
    void showTodo(const std::optional<Todo> &todo);
    QUuid todoId() const { return m_todo ? m_todo->id : QUuid(); }
    // Saves notes typed but not yet saved (the window calls this before switching todos).
    void flush();

signals:
    void patchRequested(const QUuid &id, const nt::TodoPatch &patch, const QString &description);

private:
    void emitPatch(const TodoPatch &patch, const QString &description);
    void dueChanged();
    void updateEnabled();

    std::optional<Todo> m_todo;
    bool m_loading = false;
    QLineEdit *m_title;
    QPlainTextEdit *m_notes;
    QCheckBox *m_hasDue;
    QDateEdit *m_dueDate;
    QCheckBox *m_hasTime;
    QTimeEdit *m_dueTime;
    QComboBox *m_priority;
    QComboBox *m_list;
    QLabel *m_stamps;
    QLabel *m_placeholder;
    QWidget *m_form;
    QTimer m_notesTimer;
};

} // namespace nt
