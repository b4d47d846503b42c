#pragma once

#include <QObject>

class QAbstractItemModel;
class QIdentityProxyModel;

namespace nt {

class ConnectionManager;
class TodoTableModel;

// The todo model of whichever connection is active. Views bind to model(), a proxy that stays the
// same object for the life of the app; when the active connection changes, a TodoTableModel is
// built on the new connection, selected, and put behind the proxy, and the old one is deleted.
class ActiveTodoModel : public QObject
{
    Q_OBJECT
public:
    explicit ActiveTodoModel(ConnectionManager *connections, QObject *parent = nullptr);
    ~ActiveTodoModel() override;

    QAbstractItemModel *model() const;
    TodoTableModel *tableModel() const { return m_table; }

    // Reads the active connection's rows again.
    bool refresh();

signals:
    // After the proxy shows the rows of `connectionName`.
    void rebuilt(const QString &connectionName);
    void loadFailed(const QString &message);

private:
    void rebuild(const QString &connectionName);

    ConnectionManager *m_connections;
    QIdentityProxyModel *m_proxy;
    TodoTableModel *m_table = nullptr; // owned; replaced on every switch
};

} // namespace nt
