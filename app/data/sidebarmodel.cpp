#include "sidebarmodel.h"

#include "listrepository.h"
#include "uuids.h"
#include "todolistmodel.h"

namespace nt {

namespace {

using Scope = TodoFilterModel::Scope;
constexpr Scope SmartScopes[SidebarModel::SmartCount] = {Scope::All, Scope::Today, Scope::Upcoming, Scope::Overdue,
                                                         Scope::Completed};

QString smartName(Scope scope)
{
    switch (scope) {
    case Scope::All:
        return SidebarModel::tr("All");
    case Scope::Today:
        return SidebarModel::tr("Today");
    case Scope::Upcoming:
        return SidebarModel::tr("Upcoming");
    case Scope::Overdue:
        return SidebarModel::tr("Overdue");
    case Scope::Completed:
        return SidebarModel::tr("Completed");
    case Scope::List:
        break;
    }
    return {};
}

} // namespace

Result<ListInfo> SidebarModel::write(const std::function<Result<ListInfo>(const ListRepository &)> &op)
{
    auto result = op(ListRepository(m_todos->connectionName()));
    // The connection went: the same change on the local mirror (the lists follow the todos there).
    if (!result && m_todos->fallBackAfter(result.error()))
        result = op(ListRepository(m_todos->connectionName()));
    if (result)
        m_todos->mirrorLists({result.value()});
    return result;
}

SidebarModel::SidebarModel(TodoListModel *todos, QObject *parent) : QAbstractListModel(parent), m_todos(todos)
{
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(0); // coalesce bursts of changes into one recount
    connect(&m_countTimer, &QTimer::timeout, this, &SidebarModel::recount);
    connect(m_todos, &QAbstractItemModel::modelReset, this, &SidebarModel::scheduleCounts);
    connect(m_todos, &QAbstractItemModel::rowsInserted, this, &SidebarModel::scheduleCounts);
    connect(m_todos, &QAbstractItemModel::rowsRemoved, this, &SidebarModel::scheduleCounts);
    connect(m_todos, &QAbstractItemModel::dataChanged, this, &SidebarModel::scheduleCounts);
    // A new connection brings other lists; a reload of the same one keeps ours (and the selection).
    connect(m_todos, &TodoListModel::reloaded, this, [this](const QString &connection) {
        if (connection != m_connection)
            reload();
    });
    reload();
    recount();
}

int SidebarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SmartCount + int(m_lists.size());
}

QVariant SidebarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool isList = row >= SmartCount;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return isList ? m_lists.at(row - SmartCount).name : smartName(SmartScopes[row]);
    case SymbolRole: {
        // Symbols every desktop font has (DejaVu, Noto): no icon theme needed.
        static const QStringList symbols{QStringLiteral("☰"), QStringLiteral("☀"), QStringLiteral("◷"),
                                         QStringLiteral("⚠"), QStringLiteral("✓")};
        return isList ? QStringLiteral("•") : symbols.at(row);
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %n todo(s)", nullptr, m_counts.value(row)).arg(data(index, Qt::DisplayRole).toString());
    case ScopeRole:
        return QVariant::fromValue(isList ? Scope::List : SmartScopes[row]);
    case ListIdRole:
        return isList ? m_lists.at(row - SmartCount).id : QUuid();
    case CountRole:
        return m_counts.value(row);
    case IsListRole:
        return isList;
    default:
        return {};
    }
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid() && index.row() >= SmartCount)
        f |= Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    return f | Qt::ItemIsDropEnabled;
}

bool SidebarModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() < SmartCount)
        return false;
    return !renameList(m_lists.at(index.row() - SmartCount).id, value.toString());
}

int SidebarModel::rowOfList(const QUuid &id) const
{
    for (int i = 0; i < m_lists.size(); ++i)
        if (m_lists.at(i).id == id)
            return SmartCount + i;
    return -1;
}

std::optional<ListInfo> SidebarModel::listNamed(const QString &name) const
{
    for (const ListInfo &l : m_lists)
        if (l.name.compare(name, Qt::CaseInsensitive) == 0)
            return l;
    return std::nullopt;
}

void SidebarModel::publishNames()
{
    QHash<QUuid, QString> names;
    for (const ListInfo &l : m_lists)
        names.insert(l.id, l.name);
    m_todos->setListNames(names);
    emit listsChanged();
}

Error SidebarModel::reload()
{
    m_connection = m_todos->connectionName();
    if (m_connection.isEmpty())
        return {};
    auto lists = ListRepository(m_todos->connectionName()).list();
    if (!lists) {
        emit failed(lists.error());
        return lists.error();
    }
    const QList<ListInfo> &fresh = lists.value();
    const bool sameRows = fresh.size() == m_lists.size()
        && std::equal(fresh.cbegin(), fresh.cend(), m_lists.cbegin(),
                      [](const ListInfo &a, const ListInfo &b) { return a.id == b.id; });
    if (sameRows) {
        // Same lists in the same order: names may have changed elsewhere, nothing else.
        m_lists = fresh;
        if (!m_lists.isEmpty())
            emit dataChanged(index(SmartCount), index(rowCount() - 1));
    } else {
        beginResetModel();
        m_lists = fresh;
        endResetModel();
    }
    publishNames();
    recount();
    return {};
}

Result<ListInfo> SidebarModel::addList(const QString &name)
{
    ListInfo list;
    // The id is chosen here, so a list that may have reached the server before the connection went
    // is the same list when it is made on the mirror and sent again.
    list.id = Uuids::createV7();
    list.name = name;
    list.position = m_lists.isEmpty() ? 1 : std::floor(m_lists.last().position) + 1;
    auto added = write([&](const ListRepository &r) { return r.add(list); });
    if (!added) {
        emit failed(added.error());
        return added;
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_lists.append(added.value());
    m_counts.append(0);
    endInsertRows();
    publishNames();
    return added;
}

Error SidebarModel::renameList(const QUuid &id, const QString &name)
{
    auto renamed = write([&](const ListRepository &r) { return r.rename(id, name); });
    if (!renamed) {
        emit failed(renamed.error());
        return renamed.error();
    }
    const int row = rowOfList(id);
    if (row >= 0) {
        m_lists[row - SmartCount] = renamed.value();
        emit dataChanged(index(row), index(row));
    }
    publishNames();
    return {};
}

Error SidebarModel::removeList(const QUuid &id)
{
    auto removed = write([&](const ListRepository &r) { return r.remove(id); });
    if (!removed) {
        emit failed(removed.error());
        return removed.error();
    }
    const int row = rowOfList(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_lists.removeAt(row - SmartCount);
        m_counts.removeAt(row);
        endRemoveRows();
    }
    publishNames();
    return m_todos->reload(); // its todos went with it
}

Error SidebarModel::restoreList(const QUuid &id)
{
    auto restored = write([&](const ListRepository &r) { return r.restore(id); });
    if (!restored) {
        emit failed(restored.error());
        return restored.error();
    }
    if (Error e = reload())
        return e;
    return m_todos->reload();
}

Error SidebarModel::moveList(const QUuid &id, const QUuid &beforeId)
{
    const int from = rowOfList(id) - SmartCount;
    if (from < 0 || id == beforeId)
        return {};
    QList<ListInfo> order = m_lists;
    const ListInfo moving = order.takeAt(from);
    int to = int(order.size());
    for (int i = 0; i < order.size(); ++i)
        if (order.at(i).id == beforeId)
            to = i;
    const double before = to > 0 ? order.at(to - 1).position : order.isEmpty() ? 0 : order.first().position - 2;
    const double after = to < order.size() ? order.at(to).position : before + 2;
    auto moved = write([&](const ListRepository &r) { return r.move(id, (before + after) / 2); });
    if (!moved) {
        emit failed(moved.error());
        return moved.error();
    }
    order.insert(to, moved.value());
    beginResetModel();
    m_lists = order;
    endResetModel();
    recount();
    publishNames();
    return {};
}

void SidebarModel::scheduleCounts()
{
    m_countTimer.start();
}

void SidebarModel::recount()
{
    const TodoFilterModel::Moment now = TodoFilterModel::Moment::current();
    QList<int> counts(rowCount(), 0);
    QHash<QUuid, int> listRow;
    for (int i = 0; i < m_lists.size(); ++i)
        listRow.insert(m_lists.at(i).id, SmartCount + i);
    for (int r = 0; r < m_todos->rowCount(); ++r) {
        const Todo &t = m_todos->todoAt(r);
        for (int s = 0; s < SmartCount; ++s)
            counts[s] += TodoFilterModel::inScope(t, SmartScopes[s], {}, now) ? 1 : 0;
        if (!t.completed && !t.listId.isNull())
            if (const int row = listRow.value(t.listId, -1); row >= 0)
                ++counts[row];
    }
    if (counts == m_counts)
        return;
    m_counts = counts;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {CountRole, Qt::AccessibleTextRole});
}

} // namespace nt
