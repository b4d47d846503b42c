#pragma once

#include "connectionmanager.h"
#include "mainwindow.h"
#include "messagepresenter.h"
#include "sidebarmodel.h"
#include "testdatabase.h"
#include "todolistmodel.h"

#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace nt::test {

// Answers message boxes from a script, and remembers what was asked.
class ScriptedPresenter : public MessagePresenter
{
public:
    ScriptedPresenter() { MessagePresenter::setInstance(this); }
    ~ScriptedPresenter() override { MessagePresenter::setInstance(nullptr); }
    void inform(QWidget *, const QString &title, const QString &text) override { asked << title + u'\n' + text; }
    int choose(QWidget *, const QString &title, const QString &text, const QStringList &buttons) override
    {
        asked << title + u'\n' + text;
        offered << buttons;
        return answers.isEmpty() ? -1 : answers.takeFirst();
    }
    QStringList asked;
    QList<QStringList> offered;
    QList<int> answers;
};

// The app as main.cpp wires it, on a fresh local database, and for the PostgreSQL row with a fresh
// remote database made active.
class AppFixture
{
public:
    explicit AppFixture(Driver driver)
        : m_connections(QStringLiteral("ui-%1-").arg(++s_instances))
    {
        QStandardPaths::setTestModeEnabled(true);
        if (Error e = m_connections.openLocal(m_dir.filePath(QStringLiteral("local.sqlite3")))) {
            m_error = e.toString();
            return;
        }
        if (driver == Driver::PostgreSQL) {
            m_remote = std::make_unique<ScratchDatabase>(Driver::PostgreSQL, QStringLiteral("ui"));
            if (!m_remote->isValid()) {
                m_error = m_remote->error();
                return;
            }
            if (Error e = m_connections.openRemote(m_remote->profile())) {
                m_error = e.toString();
                return;
            }
            m_connections.setActive(m_connections.remoteName());
        }
        todos.setConnection(m_connections.activeName());
        QObject::connect(&m_connections, &ConnectionManager::activeChanged, &todos, &TodoListModel::setConnection);
        sidebar = std::make_unique<SidebarModel>(&todos);
        window = std::make_unique<MainWindow>(&m_connections, &todos, sidebar.get());
        window->resize(1100, 700);
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    ConnectionManager &connections() { return m_connections; }
    QString activeConnection() const { return todos.connectionName(); }
    ScratchDatabase *remote() const { return m_remote.get(); }

    QTemporaryDir m_dir;
    ConnectionManager m_connections;
    TodoListModel todos;
    std::unique_ptr<SidebarModel> sidebar;
    std::unique_ptr<MainWindow> window;

private:
    std::unique_ptr<ScratchDatabase> m_remote;
    QString m_error;
    static inline int s_instances = 0;
};

} // namespace nt::test
