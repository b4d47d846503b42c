#include "activetodomodel.h"

#include "connectionmanager.h"
#include "todotablemodel.h"

#include <QIdentityProxyModel>
#include <QSqlError>

namespace nt {

ActiveTodoModel::ActiveTodoModel(ConnectionManager *connections, QObject *parent)
    : QObject(parent), m_connections(connections), m_proxy(new QIdentityProxyModel(this))
{
    connect(m_connections, &ConnectionManager::activeChanged, this, &ActiveTodoModel::rebuild);
    if (!m_connections->activeName().isEmpty())
        rebuild(m_connections->activeName());
}

ActiveTodoModel::~ActiveTodoModel()
{
    m_proxy->setSourceModel(nullptr);
    delete m_table;
}

QAbstractItemModel *ActiveTodoModel::model() const
{
    return m_proxy;
}

void ActiveTodoModel::rebuild(const QString &connectionName)
{
    auto *table = new TodoTableModel(connectionName, this);
    if (!table->select())
        emit loadFailed(tr("Could not load your todos: %1").arg(table->lastError().text()));
    m_proxy->setSourceModel(table);
    delete m_table;
    m_table = table;
    emit rebuilt(connectionName);
}

bool ActiveTodoModel::refresh()
{
    return m_table && m_table->select();
}

} // namespace nt
