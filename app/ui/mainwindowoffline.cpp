// The main window's part of offline mode: the banner, File > Work offline, View > Conflict log…,
// and what a sync did, said in the status bar.
#include "conflictlogdialog.h"
#include "connectionmanager.h"
#include "mainwindow.h"
#include "offlinebanner.h"
#include "synccontroller.h"
#include "todocommands.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace nt {

void MainWindow::setSyncController(SyncController *sync)
{
    m_sync = sync;
    m_centreLayout->insertWidget(0, new OfflineBanner(sync, this));

    auto *workOffline = new QAction(tr("Work offline"), this);
    workOffline->setObjectName(QStringLiteral("actionWorkOffline"));
    workOffline->setCheckable(true);
    addAction(workOffline);
    connect(workOffline, &QAction::toggled, sync, &SyncController::setWorkOffline);
    auto *conflicts = new QAction(tr("Conflict log…"), this);
    conflicts->setObjectName(QStringLiteral("actionConflictLog"));
    addAction(conflicts);
    connect(conflicts, &QAction::triggered, this, &MainWindow::openConflictLog);
    const QList<QMenu *> menus = menuBar()->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    for (QMenu *menu : menus) {
        const QList<QAction *> actions = menu->actions();
        if (actions.contains(findChild<QAction *>(QStringLiteral("actionRefresh"))))
            menu->insertAction(findChild<QAction *>(QStringLiteral("actionSettings")), workOffline);
        if (actions.contains(findChild<QAction *>(QStringLiteral("actionShowCompleted"))))
            menu->addAction(conflicts);
    }

    connect(sync, &SyncController::stateChanged, this, [this, workOffline](SyncController::State state) {
        const bool byChoice = state == SyncController::State::WorkingOffline;
        if (workOffline->isChecked() != byChoice) {
            const QSignalBlocker quiet(workOffline);
            workOffline->setChecked(byChoice);
        }
        workOffline->setEnabled(state != SyncController::State::LocalOnly);
        updateConnectionLabel();
        if (m_conflictLog)
            m_conflictLog->reload(m_connections->activeName());
    });
    workOffline->setEnabled(sync->state() != SyncController::State::LocalOnly);
    connect(sync, &SyncController::synced, this, [this](const OutboxPush::Outcome &done) {
        QStringList said;
        if (done.sent > 0)
            said << tr("Sent %n change(s) made offline.", nullptr, done.sent);
        if (done.revived > 0)
            said << tr("%n todo(s) deleted on another device came back because you changed them.", nullptr, done.revived);
        if (done.conflicts > 0)
            said << tr("%n value(s) changed on two devices: the later change was kept, the other is in "
                       "View > Conflict log.", nullptr, done.conflicts);
        if (!said.isEmpty())
            statusBar()->showMessage(said.join(QLatin1Char(' ')), 15000);
    });
}

void MainWindow::openConflictLog()
{
    if (!m_conflictLog) {
        m_conflictLog = new ConflictLogDialog(m_connections->activeName(), m_todos, this);
        connect(m_conflictLog, &ConflictLogDialog::restoreRequested, this,
                [this](const QUuid &id, const TodoPatch &patch, const QString &description) {
                    m_undo->push(new TodoEditCommand(m_todos, {id}, patch, description));
                });
    } else {
        m_conflictLog->reload(m_connections->activeName());
    }
    m_conflictLog->show();
    m_conflictLog->raise();
    m_conflictLog->activateWindow();
}

} // namespace nt
