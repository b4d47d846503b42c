#include "mainwindow.h"

#include "connectionmanager.h"
#include "detailpane.h"
#include "importwizard.h"
#include "messagepresenter.h"
#include "quickaddbar.h"
#include "shortcutsdialog.h"
#include "sidebar.h"
#include "sidebarmodel.h"
#include "synccontroller.h"
#include "todocommands.h"
#include "tododelegate.h"
#include "todoview.h"
#include "uuids.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCalendarWidget>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace nt {

MainWindow::MainWindow(ConnectionManager *connections, TodoListModel *todos, SidebarModel *sidebar, QWidget *parent)
    : QMainWindow(parent), m_connections(connections), m_todos(todos), m_sidebarModel(sidebar),
      m_filter(new TodoFilterModel(this)), m_undo(new QUndoStack(this)), m_sidebar(new Sidebar(sidebar)),
      m_quickAdd(new QuickAddBar), m_search(new QLineEdit), m_view(new TodoView), m_details(new DetailPane),
      m_listStack(new QStackedWidget), m_empty(new QLabel), m_heading(new QLabel), m_connectionLabel(new QLabel),
      m_splitter(new QSplitter(Qt::Horizontal))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Neon Todo"));
    resize(1100, 700);
    setAcceptDrops(true); // an old SQLite todo file dropped here opens the import wizard

    m_filter->setSourceModel(m_todos);
    // Check boxes and inline edits in the list become undoable commands like every other change.
    m_todos->setEditHandler([this](const QUuid &id, const TodoPatch &patch, const QString &description) {
        const qint64 before = m_todos->todo(id).value_or(Todo{}).version;
        m_undo->push(new TodoEditCommand(m_todos, {id}, patch, description));
        return m_todos->todo(id).value_or(Todo{}).version != before;
    });
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new TodoDelegate(m_view));
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(TodoListModel::TitleColumn, QHeaderView::Stretch);
    for (int c : {TodoListModel::DueColumn, TodoListModel::ListColumn, TodoListModel::CreatedColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TodoListModel::PriorityColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(TodoListModel::NotesColumn, QHeaderView::Fixed);
    header->resizeSection(TodoListModel::PriorityColumn, 48);
    header->resizeSection(TodoListModel::NotesColumn, 36);
    m_view->setColumnHidden(TodoListModel::CreatedColumn, true);
    header->hide(); // a list, not a spreadsheet: sorting lives in View > Sort by

    m_heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.8);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_listStack->addWidget(m_view);
    m_listStack->addWidget(m_empty);

    auto *centre = new QWidget;
    auto *centreLayout = m_centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(8, 8, 8, 0);
    centreLayout->addWidget(m_heading);
    centreLayout->addWidget(m_quickAdd);
    centreLayout->addWidget(m_listStack, 1);

    m_sidebar->setMinimumWidth(170);
    m_details->setMinimumWidth(260);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({200, 580, 320});
    setCentralWidget(m_splitter);

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setAccessibleName(tr("Search todos"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);

    buildActions();
    buildMenus();

    // Wiring: every change goes through the undo stack; every problem reaches the status bar.
    m_quickAdd->setAddHandler([this](const QuickAdd &parsed) { return addFromQuickAdd(parsed); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &TodoFilterModel::setSearchText);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::updateEmptyState);
    connect(m_sidebar, &Sidebar::scopeChanged, this, [this](TodoFilterModel::Scope scope, const QUuid &list) {
        m_filter->setScope(scope, list);
        updateEmptyState();
    });
    connect(m_sidebar, &Sidebar::problem, this, &MainWindow::showProblem);
    connect(m_sidebar, &Sidebar::removeListRequested, this, [this](const QUuid &id, const QString &name) {
        m_undo->push(new ListRemoveCommand(m_sidebarModel, id, name));
        statusBar()->showMessage(tr("Deleted list “%1” and its todos. Undo with %2.")
                                     .arg(name, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                                 8000);
    });
    connect(m_view, &TodoView::reorderRequested, this, &MainWindow::reorder);
    connect(m_details, &DetailPane::patchRequested, this,
            [this](const QUuid &id, const TodoPatch &patch, const QString &description) {
                m_undo->push(new TodoEditCommand(m_todos, {id}, patch, description));
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateDetails);
    connect(m_todos, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_todos->rowOf(m_details->todoId());
        if (row >= from.row() && row <= to.row())
            updateDetails();
    });
    connect(m_todos, &TodoListModel::writeFailed, this, [this](const Error &e) { showProblem(e.message); });
    connect(m_todos, &TodoListModel::conflictDetected, this, [this](const TodoConflict &c) {
        // After the edit that found it has returned: never a dialog inside a model call.
        QTimer::singleShot(0, this, [this, c] { resolveConflict(c); });
    });
    connect(m_sidebarModel, &SidebarModel::listsChanged, this, [this] {
        m_details->setLists(m_sidebarModel->lists());
        rebuildListMenu();
    });
    connect(m_sidebarModel, &SidebarModel::failed, this, [this](const Error &e) { showProblem(e.message); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);
    connect(m_connections, &ConnectionManager::activeChanged, this, [this](const QString &active) {
        // Undo steps belong to the database they were made in. Falling back to the mirror of the
        // same database keeps them (same todos, same versions); the way back, after a sync, not.
        if (!m_sync || active != m_connections->localName())
            m_undo->clear();
        updateConnectionLabel();
    });
    connect(m_connections, &ConnectionManager::remoteConnecting, this,
            [this](const QString &where) { statusBar()->showMessage(tr("Connecting to %1…").arg(where)); });
    connect(m_connections, &ConnectionManager::remoteWaking, this, [this](const QString &where) {
        statusBar()->showMessage(tr("Waking the database at %1… (a Neon database that was asleep takes a few seconds)").arg(where));
    });
    connect(m_connections, &ConnectionManager::remoteReconnecting, this,
            [this](const QString &where) { statusBar()->showMessage(tr("Reconnecting to %1…").arg(where)); });
    connect(m_connections, &ConnectionManager::remoteReconnected, this, [this](const Error &outcome) {
        if (outcome) {
            showProblem(outcome.message);
            return;
        }
        statusBar()->clearMessage();
        // Other devices may have changed things while the connection was gone.
        QTimer::singleShot(0, this, &MainWindow::refreshFromDatabase);
    });
    connect(m_connections, &ConnectionManager::remoteReady, this, [this] { statusBar()->clearMessage(); });
    connect(m_connections, &ConnectionManager::remoteFailed, this, [this](const Error &e) { showProblem(e.message); });

    // Coming back to the window shows what other devices changed meanwhile. Nothing polls while the
    // window is idle, so a Neon compute can suspend.
    m_sinceRefresh.start();
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state != Qt::ApplicationActive || m_sinceRefresh.elapsed() < RefreshOnFocusAfterMs)
            return;
        refreshFromDatabase();
    });

    // At local midnight "today" moves: smart lists, counts and due words follow.
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        m_todos->refreshDueTexts();
        m_filter->invalidate();
        m_sidebarModel->refreshCounts();
        scheduleMidnight();
    });
    scheduleMidnight();

    m_details->setLists(m_sidebarModel->lists());
    rebuildListMenu();
    m_sidebar->selectRow(0);
    updateConnectionLabel();
    updateEmptyState();
    restoreState();
    m_quickAdd->lineEdit()->setFocus();
}

void MainWindow::buildActions()
{
    auto make = [this](const char *name, const QString &text, const QKeySequence &key, auto slot,
                       QWidget *scope = nullptr) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        if (scope) {
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            scope->addAction(a);
        } else {
            addAction(a);
        }
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    make("actionQuickAdd", tr("New todo"), QKeySequence::New, [this] { m_quickAdd->lineEdit()->setFocus(); });
    make("actionImport", tr("Import from SQLite…"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] { openImportWizard(); });
    make("actionFind", tr("Search"), QKeySequence::Find, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    make("actionToggle", tr("Complete / reopen"), Qt::Key_Space, [this] { toggleSelected(); }, m_view);
    make("actionDelete", tr("Delete"), QKeySequence::Delete, [this] {
        const int n = int(m_view->selectedIds().size());
        editSelected(TodoPatch{.deleted = true}, tr("Delete %n todo(s)", nullptr, n));
        if (n > 0)
            statusBar()->showMessage(tr("Deleted %n todo(s). Undo with %1.", nullptr, n)
                                         .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                                     6000);
    }, m_view);
    make("actionRename", tr("Edit title"), Qt::Key_F2, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (i.isValid())
            m_view->edit(i.siblingAtColumn(TodoListModel::TitleColumn));
    }, m_view);
    for (int level = 0; level <= 3; ++level) {
        const QStringList names{tr("No priority"), tr("Low priority"), tr("Medium priority"), tr("High priority")};
        make(QStringLiteral("actionPriority%1").arg(level).toLatin1().constData(), names.at(level),
             QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + level)),
             [this, level, names] { editSelected(TodoPatch{.priority = level}, names.at(level)); });
    }
    auto dueIn = [this](int days, const QString &text) {
        TodoPatch p;
        p.dueAt = QDateTime(QDate::currentDate().addDays(days), QTime(0, 0), QTimeZone::utc());
        p.dueAllDay = true;
        editSelected(p, text);
    };
    make("actionDueToday", tr("Due today"), QKeySequence(Qt::CTRL | Qt::Key_T), [=] { dueIn(0, tr("Due today")); });
    make("actionDueTomorrow", tr("Due tomorrow"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
         [=] { dueIn(1, tr("Due tomorrow")); });
    make("actionDueNextWeek", tr("Due next week"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T), [=] { dueIn(8 - QDate::currentDate().dayOfWeek(), tr("Due next week")); });
    make("actionDuePick", tr("Pick a due date…"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { pickDueDate(); });
    make("actionDueClear", tr("Clear due date"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] {
        TodoPatch p;
        p.dueAt = QDateTime();
        editSelected(p, tr("Clear due date"));
    });
    make("actionSelectAll", tr("Select all"), QKeySequence::SelectAll, [this] { m_view->selectAll(); }, m_view);
    make("actionRefresh", tr("Refresh"), QKeySequence::Refresh, [this] { refreshFromDatabase(); });
    make("actionSettings", tr("Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { emit settingsRequested(); });
    make("actionShortcuts", tr("Keyboard shortcuts"), QKeySequence::HelpContents, [this] { showShortcuts(); });
    make("actionQuit", tr("Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });
    for (int i = 0; i < SidebarModel::SmartCount; ++i)
        make(QStringLiteral("actionGoTo%1").arg(i).toLatin1().constData(),
             tr("Go to %1").arg(m_sidebarModel->index(i).data().toString()),
             QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), [this, i] { m_sidebar->selectRow(i); });

    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    addActions({undo, redo});

    m_showCompleted = new QAction(tr("Show completed"), this);
    m_showCompleted->setObjectName(QStringLiteral("actionShowCompleted"));
    m_showCompleted->setCheckable(true);
    m_showCompleted->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_showCompleted, &QAction::toggled, m_filter, &TodoFilterModel::setShowCompleted);
    addAction(m_showCompleted);

    m_sortGroup = new QActionGroup(this);
    using K = TodoFilterModel::SortKey;
    const QList<QPair<K, QString>> sorts{{K::Manual, tr("Manual order")}, {K::Due, tr("Due date")},
                                         {K::Priority, tr("Priority")}, {K::Created, tr("Newest first")},
                                         {K::Title, tr("Title")}};
    for (const auto &[key, text] : sorts) {
        auto *a = m_sortGroup->addAction(text);
        a->setObjectName(QStringLiteral("sort%1").arg(int(key)));
        a->setCheckable(true);
        a->setData(int(key));
        a->setChecked(key == K::Manual);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + int(key))));
        addAction(a);
    }
    connect(m_sortGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        const auto key = K(a->data().toInt());
        m_filter->setSortKey(key);
        m_view->setReorderEnabled(key == K::Manual);
    });
}

QAction *findAction(const QObject *owner, const char *name)
{
    return owner->findChild<QAction *>(QString::fromLatin1(name));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(findAction(this, "actionQuickAdd"));
    file->addAction(findAction(this, "actionImport"));
    file->addAction(findAction(this, "actionRefresh"));
    file->addSeparator();
    file->addAction(findAction(this, "actionSettings"));
    file->addSeparator();
    file->addAction(findAction(this, "actionQuit"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(findAction(this, "actionUndo"));
    edit->addAction(findAction(this, "actionRedo"));
    edit->addSeparator();
    edit->addAction(findAction(this, "actionFind"));
    edit->addAction(findAction(this, "actionSelectAll"));

    QMenu *todo = menuBar()->addMenu(tr("&Todo"));
    for (const char *name : {"actionToggle", "actionRename", "actionDelete"})
        todo->addAction(findAction(this, name));
    QMenu *priority = todo->addMenu(tr("Priority"));
    for (int level = 3; level >= 0; --level)
        priority->addAction(findAction(this, QStringLiteral("actionPriority%1").arg(level).toLatin1().constData()));
    QMenu *due = todo->addMenu(tr("Due date"));
    for (const char *name : {"actionDueToday", "actionDueTomorrow", "actionDueNextWeek", "actionDuePick", "actionDueClear"})
        due->addAction(findAction(this, name));
    m_moveMenu = todo->addMenu(tr("Move to list"));
    m_moveMenu->setObjectName(QStringLiteral("moveMenu"));
    // Ctrl+M opens the list menu at the current row, to pick a list with the keyboard.
    auto *move = new QAction(tr("Move to list…"), this);
    move->setObjectName(QStringLiteral("actionMoveToList"));
    move->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(move, &QAction::triggered, this, [this] {
        if (m_view->selectedIds().isEmpty())
            return;
        const QRect row = m_view->visualRect(m_view->currentIndex());
        m_moveMenu->popup(m_view->viewport()->mapToGlobal(row.isValid() ? row.bottomLeft() : QPoint()));
    });
    addAction(move);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *sort = view->addMenu(tr("Sort by"));
    sort->addActions(m_sortGroup->actions());
    view->addAction(m_showCompleted);
    view->addSeparator();
    for (int i = 0; i < SidebarModel::SmartCount; ++i)
        view->addAction(findAction(this, QStringLiteral("actionGoTo%1").arg(i).toLatin1().constData()));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(findAction(this, "actionShortcuts"));

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_moveMenu->menuAction());
    m_view->addAction(priority->menuAction());
    m_view->addAction(due->menuAction());

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(findAction(this, "actionUndo"));
    bar->addAction(findAction(this, "actionRedo"));
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
}

void MainWindow::rebuildListMenu()
{
    if (!m_moveMenu)
        return;
    m_moveMenu->clear();
    auto addTarget = [this](const QString &name, const QUuid &id) {
        QAction *a = m_moveMenu->addAction(name);
        connect(a, &QAction::triggered, this,
                [this, id, name] { editSelected(TodoPatch{.listId = id}, tr("Move to %1").arg(name)); });
    };
    addTarget(tr("No list"), QUuid());
    m_moveMenu->addSeparator();
    for (const ListInfo &l : m_sidebarModel->lists())
        addTarget(l.name, l.id);
}

bool MainWindow::addFromQuickAdd(const QuickAdd &parsed)
{
    Todo todo = Todo::titled(parsed.title);
    todo.dueAt = parsed.dueAt;
    todo.dueAllDay = parsed.dueAllDay;
    todo.priority = parsed.priority;
    if (!parsed.listName.isEmpty()) {
        if (const auto list = m_sidebarModel->listNamed(parsed.listName)) {
            todo.listId = list->id;
        } else if (auto created = m_sidebarModel->addList(parsed.listName)) {
            todo.listId = created.value().id;
        }
    } else if (m_filter->scope() == TodoFilterModel::Scope::List) {
        todo.listId = m_filter->scopeListId(); // added where the person is looking
    }
    if (!todo.dueAt.isValid() && m_filter->scope() == TodoFilterModel::Scope::Today) {
        todo.dueAt = QDateTime(QDate::currentDate(), QTime(0, 0), QTimeZone::utc());
        todo.dueAllDay = true;
    }
    todo.id = Uuids::createV7(); // known before the command runs: a failed add is dropped by the stack
    m_undo->push(new TodoAddCommand(m_todos, todo));
    if (!m_todos->todo(todo.id))
        return false; // the status bar says why; the text stays in the bar
    m_view->selectIds({todo.id}, todo.id);
    return true;
}

void MainWindow::editSelected(const TodoPatch &patch, const QString &description)
{
    const QList<QUuid> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    m_undo->push(new TodoEditCommand(m_todos, ids, patch, description));
}

void MainWindow::toggleSelected()
{
    const QList<QUuid> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    // Mixed selection: complete them all. All done: reopen them all.
    bool allDone = true;
    for (const QUuid &id : ids)
        allDone = allDone && m_todos->todo(id).value_or(Todo{}).completed;
    editSelected(TodoPatch{.completed = !allDone},
                 allDone ? tr("Reopen %n todo(s)", nullptr, int(ids.size())) : tr("Complete %n todo(s)", nullptr, int(ids.size())));
}

void MainWindow::reorder(const QList<QUuid> &ids, const QUuid &beforeId)
{
    QList<QUuid> order = m_view->visibleIds();
    for (const QUuid &id : ids)
        order.removeAll(id);
    const qsizetype at = beforeId.isNull() ? order.size() : order.indexOf(beforeId);
    auto position = [this](const QUuid &id) { return m_todos->todo(id).value_or(Todo{}).position; };
    const double n = double(ids.size());
    const double prev = at > 0 ? position(order.at(at - 1)) : (order.isEmpty() ? 0 : position(order.first()) - n - 1);
    const double next = at < order.size() ? position(order.at(at)) : prev + n + 1;
    QHash<QUuid, TodoPatch> patches;
    auto moveTo = [&patches](const QUuid &id, double position) {
        TodoPatch p;
        p.position = position;
        patches.insert(id, p);
    };
    const double step = (next - prev) / (n + 1);
    if (step > 1e-9) {
        for (int k = 0; k < ids.size(); ++k)
            moveTo(ids.at(k), prev + step * (k + 1));
    } else {
        // No room left between the neighbours: number the whole visible order again.
        order.insert(at, ids.first());
        for (qsizetype k = 1; k < ids.size(); ++k)
            order.insert(at + k, ids.at(k));
        for (qsizetype k = 0; k < order.size(); ++k)
            if (position(order.at(k)) != double(k + 1))
                moveTo(order.at(k), double(k + 1));
    }
    m_undo->push(new TodoEditCommand(m_todos, patches, tr("Reorder %n todo(s)", nullptr, int(ids.size()))));
    m_view->selectIds(ids, ids.first());
}

void MainWindow::resolveConflict(const TodoConflict &conflict)
{
    const Todo &theirs = conflict.theirs;
    QStringList lines;
    if (conflict.mine.title)
        lines << tr("Title there: “%1”. You typed: “%2”.").arg(theirs.title, *conflict.mine.title);
    if (conflict.mine.notes)
        lines << tr("The notes were changed there too.");
    if (conflict.mine.completed)
        lines << (theirs.completed ? tr("It is completed there.") : tr("It is open there."));
    if (conflict.mine.priority)
        lines << tr("Priority there: %1. You chose: %2.").arg(theirs.priority).arg(*conflict.mine.priority);
    if (conflict.mine.dueAt)
        lines << tr("Its due date was changed there.");
    const bool deleted = theirs.deletedAt.isValid();
    const QString text = (deleted ? tr("“%1” was deleted on another device.").arg(theirs.title)
                                  : tr("“%1” was changed on another device before your change was saved.").arg(theirs.title))
        + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    const int choice = MessagePresenter::instance().choose(
        this, tr("Changed on another device"), text,
        {deleted ? tr("Bring it back with my change") : tr("Keep my change"),
         deleted ? tr("Leave it deleted") : tr("Use theirs")});
    m_todos->acceptTheirs(theirs);
    if (choice == 0) {
        TodoPatch mine = conflict.mine;
        if (deleted)
            mine.deleted = false;
        m_undo->push(new TodoEditCommand(m_todos, {theirs.id}, mine, tr("Keep my change")));
    }
}

void MainWindow::updateEmptyState()
{
    const QModelIndex entry = m_sidebar->view()->currentIndex();
    const QString scopeName = entry.isValid() ? entry.data().toString() : tr("All");
    m_heading->setText(scopeName);
    setWindowTitle(tr("%1 — Neon Todo").arg(scopeName));
    if (m_filter->rowCount() > 0) {
        m_listStack->setCurrentWidget(m_view);
        return;
    }
    QString text;
    if (!m_filter->searchText().isEmpty())
        text = tr("<h3>No todos match “%1”</h3>").arg(m_filter->searchText().toHtmlEscaped());
    else if (m_filter->scope() == TodoFilterModel::Scope::Completed)
        text = tr("<h3>Nothing completed yet</h3>");
    else if (m_todos->rowCount() == 0)
        text = tr("<h2>Nothing to do</h2><p>Type a todo above and press Enter.</p>");
    else
        text = tr("<h3>All clear here</h3><p>Nothing in this list right now.</p>");
    m_empty->setText(text);
    m_listStack->setCurrentWidget(m_empty);
}

void MainWindow::updateDetails()
{
    const QUuid id = m_view->currentId();
    m_details->showTodo(id.isNull() ? std::nullopt : m_todos->todo(id));
}

void MainWindow::updateConnectionLabel()
{
    if (m_sync && m_sync->state() != SyncController::State::LocalOnly && !m_connections->isRemoteActive()) {
        m_connectionLabel->setText(tr("Copy of %1 on this computer").arg(m_sync->profileDescription()));
        return;
    }
    m_connectionLabel->setText(m_connections->activeDescription());
}

void MainWindow::refreshFromDatabase()
{
    m_sinceRefresh.restart();
    m_todos->reload();
    m_sidebarModel->reload();
}

void MainWindow::showProblem(const QString &message)
{
    statusBar()->showMessage(message, 15000);
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(findChildren<QAction *>(), this);
    dialog.exec();
}

void MainWindow::pickDueDate()
{
    if (m_view->selectedIds().isEmpty())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Due date"));
    auto *calendar = new QCalendarWidget(&dialog);
    calendar->setObjectName(QStringLiteral("dueCalendar"));
    calendar->setMinimumDate(QDate::currentDate().addYears(-1));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(calendar);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(calendar, &QCalendarWidget::activated, &dialog, &QDialog::accept);
    if (dialog.exec() != QDialog::Accepted)
        return;
    TodoPatch p;
    p.dueAt = QDateTime(calendar->selectedDate(), QTime(0, 0), QTimeZone::utc());
    p.dueAllDay = true;
    editSelected(p, tr("Set due date"));
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_view->header()->restoreState(settings.value(QStringLiteral("view/header")).toByteArray());
    const int sort = settings.value(QStringLiteral("view/sort"), 0).toInt();
    for (QAction *a : m_sortGroup->actions())
        if (a->data().toInt() == sort && !a->isChecked())
            a->trigger();
    m_showCompleted->setChecked(settings.value(QStringLiteral("view/showCompleted"), false).toBool());
    m_sidebar->selectRow(settings.value(QStringLiteral("view/sidebarRow"), 0).toInt());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("view/header"), m_view->header()->saveState());
    settings.setValue(QStringLiteral("view/sort"), int(m_filter->sortKey()));
    settings.setValue(QStringLiteral("view/showCompleted"), m_filter->showCompleted());
    settings.setValue(QStringLiteral("view/sidebarRow"), m_sidebar->view()->currentIndex().row());
}

void MainWindow::scheduleMidnight()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime next(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(std::chrono::milliseconds(std::max<qint64>(1000, now.msecsTo(next))));
}

MainWindow::~MainWindow()
{
    m_todos->setEditHandler({});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_details->flush();
    saveState();
    QMainWindow::closeEvent(event);
}

// The one local SQLite file being dragged, or empty when the drag is anything else.
static QString draggedSqliteFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool sqlite = suffix == QLatin1String("db") || suffix == QLatin1String("sqlite") || suffix == QLatin1String("sqlite3");
    return sqlite ? path : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!draggedSqliteFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString file = draggedSqliteFile(event->mimeData());
    if (file.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    openImportWizard(file);
}

void MainWindow::openImportWizard(const QString &file)
{
    auto *wizard = findChild<ImportWizard *>(QString(), Qt::FindDirectChildrenOnly);
    if (!wizard || !wizard->isVisible()) { // a closed one is on its way out
        wizard = new ImportWizard(m_connections, m_sidebarModel->lists(), this);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->setWindowModality(Qt::WindowModal);
        connect(wizard, &ImportWizard::importFinished, this, [this](qint64 imported) {
            m_todos->reload();
            m_sidebarModel->reload();
            statusBar()->showMessage(tr("Import finished: %1 new todos.").arg(imported), 8000);
        });
    }
    if (!file.isEmpty() && wizard->currentId() <= ImportWizard::FilePageId)
        wizard->setFile(file);
    wizard->show();
    wizard->raise();
    wizard->activateWindow();
}

} // namespace nt
