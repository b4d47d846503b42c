#include "mainwindow.h"

#include "activetodomodel.h"
#include "connectionmanager.h"
#include "todotablemodel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>

namespace nt {

MainWindow::MainWindow(ConnectionManager *connections, ActiveTodoModel *todos, QWidget *parent)
    : QMainWindow(parent), m_connections(connections), m_todos(todos), m_view(new QTreeView(this)),
      m_connectionLabel(new QLabel(this)), m_emptyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Neon Todo"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dev.neontodo.NeonTodo.svg")));
    resize(900, 600);

    m_view->setObjectName(QStringLiteral("todoList"));
    m_view->setAccessibleName(tr("Todos"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setModel(m_todos->model());
    configureColumns();

    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setText(tr("<h2>Nothing to do</h2><p>Your todo list is empty.</p>"));
    auto *stack = new QStackedWidget(this);
    stack->addWidget(m_view);
    stack->addWidget(m_emptyLabel);
    setCentralWidget(stack);
    connect(m_todos->model(), &QAbstractItemModel::modelReset, this, &MainWindow::configureColumns);
    auto updateEmpty = [this, stack] {
        stack->setCurrentWidget(m_todos->model()->rowCount() == 0 ? static_cast<QWidget *>(m_emptyLabel) : m_view);
    };
    QAbstractItemModel *model = m_todos->model();
    connect(model, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(model, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(model, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(model, &QAbstractItemModel::layoutChanged, this, updateEmpty);
    updateEmpty();

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *refresh = fileMenu->addAction(tr("&Refresh"), this, [this] { m_todos->refresh(); });
    refresh->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    connect(m_connections, &ConnectionManager::activeChanged, this, &MainWindow::updateConnectionLabel);
    connect(m_connections, &ConnectionManager::remoteConnecting, this, [this](const QString &where) {
        statusBar()->showMessage(tr("Connecting to %1…").arg(where));
    });
    connect(m_connections, &ConnectionManager::remoteReady, this, [this] { statusBar()->clearMessage(); });
    connect(m_connections, &ConnectionManager::remoteFailed, this,
            [this](const Error &error) { showProblem(error.message); });
    connect(m_todos, &ActiveTodoModel::loadFailed, this, &MainWindow::showProblem);
    updateConnectionLabel();
}

void MainWindow::configureColumns()
{
    // The model is rebuilt on every connection switch; until it has columns there is nothing to set.
    if (m_todos->model()->columnCount() <= TodoTableModel::ChangeNo)
        return;
    for (int column : {TodoTableModel::Id, TodoTableModel::Notes, TodoTableModel::CompletedAt,
                       TodoTableModel::DueAllDay, TodoTableModel::ListId, TodoTableModel::Position,
                       TodoTableModel::UpdatedAt, TodoTableModel::DeletedAt, TodoTableModel::Version,
                       TodoTableModel::ChangeNo})
        m_view->setColumnHidden(column, true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TodoTableModel::Title, QHeaderView::Stretch);
}

void MainWindow::showProblem(const QString &message)
{
    statusBar()->showMessage(message);
}

void MainWindow::updateConnectionLabel()
{
    m_connectionLabel->setText(m_connections->activeDescription());
}

} // namespace nt
