#include "todolistmodel.h"

#include "duetext.h"
#include "mirrorpull.h"
#include "todorepository.h"
#include "utctime.h"
#include "uuids.h"

#include <QLoggingCategory>

#include <QLocale>

#include <algorithm>

namespace nt {

TodoListModel::TodoListModel(QObject *parent) : QAbstractTableModel(parent) {}

int TodoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TodoListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TodoListModel::listName(const QUuid &id) const
{
    return id.isNull() ? QString() : m_listNames.value(id);
}

QVariant TodoListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Todo &t = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return t.id;
    case CompletedRole:
        return t.completed;
    case DueRole:
        return t.dueAt;
    case DueAllDayRole:
        return t.dueAllDay;
    case DueStateRole:
        return int(DueText::state(t.dueAt, t.dueAllDay, QDateTime::currentDateTime()));
    case PriorityRole:
        return t.priority;
    case ListIdRole:
        return t.listId;
    case NotesRole:
        return t.notes;
    case PositionRole:
        return t.position;
    case CreatedRole:
        return t.createdAt;
    case UpdatedRole:
        return t.updatedAt;
    case VersionRole:
        return t.version;
    default:
        break;
    }

    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole)
            return t.title;
        if (role == Qt::CheckStateRole)
            return t.completed ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole && !t.notes.isEmpty())
            return t.notes.left(500);
        break;
    case DueColumn:
        if (role == Qt::DisplayRole)
            return DueText::text(t.dueAt, t.dueAllDay, QDateTime::currentDateTime());
        if (role == Qt::EditRole)
            return t.dueAt;
        if (role == Qt::ToolTipRole && t.dueAt.isValid())
            return t.dueAllDay ? QLocale().toString(t.dueAt.toUTC().date(), QLocale::LongFormat)
                               : QLocale().toString(t.dueAt.toLocalTime(), QLocale::LongFormat);
        break;
    case PriorityColumn:
        if (role == Qt::DisplayRole) {
            static const QStringList marks{QString(), QStringLiteral("!"), QStringLiteral("!!"), QStringLiteral("!!!")};
            return marks.value(t.priority);
        }
        if (role == Qt::EditRole)
            return t.priority;
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
            const QStringList words{tr("No priority"), tr("Low priority"), tr("Medium priority"), tr("High priority")};
            return words.value(t.priority);
        }
        break;
    case ListColumn:
        if (role == Qt::DisplayRole)
            return listName(t.listId);
        if (role == Qt::EditRole)
            return t.listId;
        break;
    case NotesColumn:
        if (role == Qt::DisplayRole)
            return t.notes.isEmpty() ? QString() : QStringLiteral("✎");
        if (role == Qt::EditRole || role == Qt::ToolTipRole)
            return t.notes;
        if (role == Qt::AccessibleTextRole)
            return t.notes.isEmpty() ? tr("No notes") : tr("Has notes");
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return DueText::shortDateTime(t.createdAt.toLocalTime());
        if (role == Qt::EditRole)
            return t.createdAt;
        break;
    default:
        break;
    }
    return {};
}

QVariant TodoListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case DueColumn:
        return tr("Due");
    case PriorityColumn:
        return tr("Priority");
    case ListColumn:
        return tr("List");
    case NotesColumn:
        return tr("Notes");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

Qt::ItemFlags TodoListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f | Qt::ItemIsDropEnabled;
    f |= Qt::ItemIsDragEnabled;
    if (index.column() == TitleColumn)
        f |= Qt::ItemIsEditable | Qt::ItemIsUserCheckable;
    return f;
}

bool TodoListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Todo &t = m_rows.at(index.row());
    TodoPatch patch;
    QString description;
    if (role == Qt::CheckStateRole || role == CompletedRole) {
        patch.completed = role == CompletedRole ? value.toBool() : value.toInt() == Qt::Checked;
        description = *patch.completed ? tr("Complete “%1”").arg(t.title) : tr("Reopen “%1”").arg(t.title);
    } else if (role == PriorityRole) {
        patch.priority = value.toInt();
        description = tr("Set priority");
    } else if (role == NotesRole) {
        patch.notes = value.toString();
        description = tr("Edit notes");
    } else if (role == Qt::EditRole && index.column() == TitleColumn) {
        if (value.toString().trimmed() == t.title)
            return true;
        patch.title = value.toString();
        description = tr("Rename “%1”").arg(t.title);
    } else {
        return false; // due dates and lists are edited in the detail pane, with proper pickers
    }
    if (m_editHandler)
        return m_editHandler(t.id, patch, description);
    return !update(t.id, patch);
}

QHash<int, QByteArray> TodoListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(CompletedRole, "completed");
    names.insert(DueRole, "due");
    names.insert(PriorityRole, "priority");
    names.insert(ListIdRole, "listId");
    names.insert(NotesRole, "notes");
    return names;
}

std::optional<Todo> TodoListModel::todo(const QUuid &id) const
{
    const int row = rowOf(id);
    if (row >= 0)
        return m_rows.at(row);
    if (m_tombstones.contains(id))
        return m_tombstones.value(id);
    return std::nullopt;
}

void TodoListModel::setListNames(const QHash<QUuid, QString> &names)
{
    m_listNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ListColumn), index(rowCount() - 1, ListColumn), {Qt::DisplayRole});
}

Error TodoListModel::setConnection(const QString &connectionName)
{
    m_connection = connectionName;
    m_tombstones.clear();
    return reload();
}

void TodoListModel::refreshDueTexts()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DueColumn), index(rowCount() - 1, DueColumn), {Qt::DisplayRole, DueStateRole});
}

namespace {
Q_LOGGING_CATEGORY(lcMirror, "neontodo.mirror")

// The failures after which the same change is made on the local mirror instead: the connection is
// gone or did not answer in time. Not a refused password, a refused permission or a conflict.
bool connectionGone(const Error &e)
{
    return e.kind == Error::Kind::Connection || e.kind == Error::Kind::Timeout;
}
} // namespace

bool TodoListModel::fallBackAfter(const Error &error)
{
    if (!m_offline.fallBack || m_offline.mirror.isEmpty() || m_connection == m_offline.mirror
        || !connectionGone(error))
        return false;
    return m_offline.fallBack(error) && m_connection == m_offline.mirror;
}

void TodoListModel::mirror(const QList<Todo> &rows) const
{
    if (m_offline.mirror.isEmpty() || m_connection == m_offline.mirror || rows.isEmpty())
        return;
    // The write itself succeeded; a mirror that could not follow catches up at the next pull.
    if (Error e = MirrorPull::storeTodos(m_offline.mirror, rows))
        qCWarning(lcMirror) << "could not copy rows to the local mirror:" << e.message << e.detail;
}

void TodoListModel::mirrorLists(const QList<ListInfo> &lists) const
{
    if (m_offline.mirror.isEmpty() || m_connection == m_offline.mirror || lists.isEmpty())
        return;
    if (Error e = MirrorPull::storeLists(m_offline.mirror, lists))
        qCWarning(lcMirror) << "could not copy lists to the local mirror:" << e.message << e.detail;
}

Error TodoListModel::reload()
{
    if (m_connection.isEmpty())
        return {};
    auto rows = TodoRepository(m_connection).list();
    if (!rows && fallBackAfter(rows.error()))
        return {}; // the fallback loaded the mirror
    if (!rows) {
        emit writeFailed(rows.error());
        return rows.error();
    }
    applyRows(std::move(rows).value());
    emit reloaded(m_connection);
    return {};
}

void TodoListModel::rebuildIndex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
}

void TodoListModel::applyRows(QList<Todo> rows)
{
    QHash<QUuid, int> incoming;
    incoming.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        incoming.insert(rows.at(i).id, i);

    // 1. Rows that are gone, removed from the end in contiguous runs.
    for (int end = int(m_rows.size()) - 1; end >= 0;) {
        if (incoming.contains(m_rows.at(end).id)) {
            --end;
            continue;
        }
        int start = end;
        while (start > 0 && !incoming.contains(m_rows.at(start - 1).id))
            --start;
        beginRemoveRows({}, start, end);
        for (int i = start; i <= end; ++i)
            m_index.remove(m_rows.at(i).id);
        m_rows.remove(start, end - start + 1);
        endRemoveRows();
        end = start - 1;
    }
    rebuildIndex();

    // 2. Rows on both sides: take the new values, tell views about the ones that changed.
    std::vector<bool> seen(rows.size(), false);
    for (int row = 0; row < m_rows.size(); ++row) {
        const int i = incoming.value(m_rows.at(row).id);
        seen[size_t(i)] = true;
        const Todo &fresh = rows.at(i);
        Todo &mine = m_rows[row];
        // Every field: a row read from the mirror and the server's row can carry the same version
        // and time (each side numbers its own versions; a push keeps the edit's time) and still differ.
        if (fresh != mine) {
            mine = fresh;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }

    // 3. New rows, appended (views sort through a proxy).
    int added = 0;
    for (bool s : seen)
        added += s ? 0 : 1;
    if (added > 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + added - 1);
        m_rows.reserve(m_rows.size() + added);
        for (int i = 0; i < rows.size(); ++i)
            if (!seen[size_t(i)])
                m_rows.append(std::move(rows[i]));
        rebuildIndex(first);
        endInsertRows();
    }
}

void TodoListModel::storeRow(const Todo &todo)
{
    const int row = rowOf(todo.id);
    if (todo.deletedAt.isValid()) {
        m_tombstones.insert(todo.id, todo);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_index.remove(todo.id);
        m_rows.removeAt(row);
        rebuildIndex(row);
        endRemoveRows();
        return;
    }
    m_tombstones.remove(todo.id);
    if (row >= 0) {
        m_rows[row] = todo;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(todo);
    m_index.insert(todo.id, at);
    endInsertRows();
}

Result<Todo> TodoListModel::add(Todo todo)
{
    // The id is chosen here, so a todo that may have reached the server before the connection went
    // is the same todo when it is made on the mirror and sent again.
    if (todo.id.isNull())
        todo.id = Uuids::createV7();
    auto added = TodoRepository(m_connection).add(todo);
    if (!added && fallBackAfter(added.error()))
        added = TodoRepository(m_connection).add(todo);
    if (added)
        mirror({added.value()});
    if (!added) {
        emit writeFailed(added.error());
        return added.error();
    }
    storeRow(added.value());
    return added;
}

Error TodoListModel::update(const QUuid &id, const TodoPatch &patch, std::optional<qint64> expectedVersion)
{
    QHash<QUuid, qint64> expected;
    if (expectedVersion)
        expected.insert(id, *expectedVersion);
    return updateMany({id}, patch, expected);
}

Error TodoListModel::updateMany(const QList<QUuid> &ids, const TodoPatch &patch, const QHash<QUuid, qint64> &expectedVersions)
{
    QHash<QUuid, qint64> versions;
    for (const QUuid &id : ids) {
        const auto t = todo(id);
        if (!t) {
            const Error e = Error::make(Error::Kind::NotFound, tr("That todo is no longer there."));
            emit writeFailed(e);
            return e;
        }
        versions.insert(id, expectedVersions.value(id, t->version));
    }
    auto outcomes = TodoRepository(m_connection).updateMany(versions, patch);
    if (!outcomes && fallBackAfter(outcomes.error()))
        outcomes = TodoRepository(m_connection).updateMany(versions, patch);
    if (outcomes) {
        QList<Todo> stored;
        for (const TodoRepository::Outcome &o : outcomes.value())
            if (o.status != TodoRepository::Outcome::Status::Missing)
                stored << o.todo; // conflicts too: the row as the server has it now
        mirror(stored);
    }
    if (!outcomes) {
        emit writeFailed(outcomes.error());
        return outcomes.error();
    }
    Error result;
    for (const QUuid &id : ids) {
        const TodoRepository::Outcome o = outcomes.value().value(id);
        switch (o.status) {
        case TodoRepository::Outcome::Status::Updated:
            storeRow(o.todo);
            break;
        case TodoRepository::Outcome::Status::Conflict:
            result = Error::make(Error::Kind::Conflict, tr("“%1” was changed on another device.").arg(o.todo.title));
            emit conflictDetected(TodoConflict{o.todo, patch});
            break;
        case TodoRepository::Outcome::Status::Missing: {
            const auto gone = todo(id);
            Todo removed = gone.value_or(Todo{});
            removed.deletedAt = UtcTime::now();
            storeRow(removed);
            result = Error::make(Error::Kind::NotFound, tr("“%1” is no longer in the database.").arg(removed.title));
            emit writeFailed(result);
            break;
        }
        }
    }
    return result;
}

void TodoListModel::acceptTheirs(const Todo &theirs)
{
    storeRow(theirs);
}

} // namespace nt
