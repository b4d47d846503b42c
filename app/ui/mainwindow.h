#pragma once

#include <QMainWindow>

class QLabel;
class QTreeView;

namespace nt {

class ActiveTodoModel;
class ConnectionManager;

// The main window: the todo list of the active database and, in the status bar, which database
// that is. It shows what the models and the connection manager say; it holds no SQL.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ConnectionManager *connections, ActiveTodoModel *todos, QWidget *parent = nullptr);

    // Shows a problem in plain words in the status bar (connection failures, load errors).
    void showProblem(const QString &message);

private:
    void updateConnectionLabel();
    void configureColumns();

    ConnectionManager *m_connections;
    ActiveTodoModel *m_todos;
    QTreeView *m_view;
    QLabel *m_connectionLabel;
    QLabel *m_emptyLabel;
};

} // namespace nt
