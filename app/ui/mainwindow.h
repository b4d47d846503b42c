#pragma once

#include "todofiltermodel.h"
#include "todolistmodel.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QUndoStack;
class QVBoxLayout;

namespace nt {

class ConnectionManager;
class DetailPane;
class QuickAddBar;
class Sidebar;
class SidebarModel;
class SyncController;
class ConflictLogDialog;
class TodoView;
struct QuickAdd;

// The main window: sidebar | quick-add bar over the todo list | details. Every change a person makes
// is an undoable command; every problem is said in plain words in the status bar (or, for a
// conflict, as a choice). Holds no SQL.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ConnectionManager *connections, TodoListModel *todos, SidebarModel *sidebar, QWidget *parent = nullptr);
    ~MainWindow() override;

    TodoFilterModel *filterModel() const { return m_filter; }
    QUndoStack *undoStack() const { return m_undo; }
    // Shows a problem in plain words in the status bar.
    void showProblem(const QString &message);
    // Offline mode (when a Neon profile is in use): the banner, File > Work offline, View >
    // Conflict log…, and what a sync did, in the status bar (mainwindowoffline.cpp).
    void setSyncController(SyncController *sync);
    void openConflictLog();

    // File > Import from SQLite…: opens the import wizard (or raises the open one) with `file` filled
    // in when given. After an import the list and the sidebar are read again.
    void openImportWizard(const QString &file = {});

signals:
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    // A dropped .db/.sqlite/.sqlite3 file opens the import wizard with it.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Reads todos and lists again (focus after a while, F5, after a reconnect).
    void refreshFromDatabase();
    void buildActions();
    void buildMenus();
    void restoreState();
    void saveState() const;

    bool addFromQuickAdd(const QuickAdd &parsed); // true when the todo was saved
    void editSelected(const TodoPatch &patch, const QString &description);
    void toggleSelected();
    void reorder(const QList<QUuid> &ids, const QUuid &beforeId);
    void resolveConflict(const TodoConflict &conflict);
    void rebuildListMenu();
    void updateEmptyState();
    void updateDetails();
    void updateConnectionLabel();
    void showShortcuts();
    void pickDueDate();
    void scheduleMidnight();

    ConnectionManager *m_connections;
    TodoListModel *m_todos;
    SidebarModel *m_sidebarModel;
    TodoFilterModel *m_filter;
    QUndoStack *m_undo;
    Sidebar *m_sidebar;
    QuickAddBar *m_quickAdd;
    QLineEdit *m_search;
    TodoView *m_view;
    DetailPane *m_details;
    QStackedWidget *m_listStack;
    QLabel *m_empty;
    QLabel *m_heading;
    QLabel *m_connectionLabel;
    QSplitter *m_splitter;
    QMenu *m_moveMenu = nullptr;
    QActionGroup *m_sortGroup = nullptr;
    QAction *m_showCompleted = nullptr;
    QElapsedTimer m_sinceRefresh;
    QTimer m_midnight;
    QVBoxLayout *m_centreLayout = nullptr;
    SyncController *m_sync = nullptr;
    ConflictLogDialog *m_conflictLog = nullptr;
    static constexpr qint64 RefreshOnFocusAfterMs = 30000;
};

} // namespace nt
