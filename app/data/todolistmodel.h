#pragma once

#include "listinfo.h"
#include "result.h"
#include "todo.h"
#include "todopatch.h"

#include <QAbstractTableModel>

#include <functional>
#include <QHash>
#include <QList>

namespace nt {

// A change that could not be saved because another device changed the todo first.
struct TodoConflict
{
    Todo theirs;     // the row as it is in the database now (deletedAt set when it was deleted)
    TodoPatch mine;  // what this person tried to save
};

// The todos of the active connection, in memory: one SELECT to load, one statement per write.
//
// Promises:
// - Reading never touches the database after load; writes go through TodoRepository (one round trip
//   each, version-checked, the stored row returned) and the row is updated from what came back.
// - A write that fails leaves the row as it was stored and says why (writeFailed); a write that
//   lost to another device's change emits conflictDetected and changes nothing.
// - reload() and a switch of the active connection apply the new rows as a difference by id
//   (rows removed, changed, added), never as a reset, so views keep their selection, scroll
//   position and open editors for the rows that are still there.
// - Deleted rows leave the model; their tombstones are remembered for the session so undo can
//   bring them back.
class TodoListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, DueColumn, PriorityColumn, ListColumn, NotesColumn, CreatedColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1,
        CompletedRole,
        DueRole,        // UTC QDateTime, null when none
        DueAllDayRole,
        DueStateRole,   // int(DueText::State)
        PriorityRole,
        ListIdRole,     // QUuid
        NotesRole,
        PositionRole,
        CreatedRole,
        UpdatedRole,
        VersionRole,
    };
    Q_ENUM(Role)

    explicit TodoListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    const Todo &todoAt(int row) const { return m_rows.at(row); }
    int rowOf(const QUuid &id) const { return m_index.value(id, -1); }
    // A todo by id: the model's row, or a tombstone deleted in this session.
    std::optional<Todo> todo(const QUuid &id) const;
    QString connectionName() const { return m_connection; }
    // Loads the todos of another connection (the app calls this when the active one switches),
    // applied as a difference like reload().
    Error setConnection(const QString &connectionName);

    // Names shown in the list column, kept current by whoever owns the lists.
    void setListNames(const QHash<QUuid, QString> &names);

    // The day changed: due texts ("Today", "Overdue 2d") and due states are words about now.
    void refreshDueTexts();

    // Reads the active connection's todos again and applies them as a difference.
    Error reload();

    Result<Todo> add(Todo todo);
    // One todo, one statement. Restoring a deleted todo (patch.deleted = false) brings it back.
    // `expectedVersion`: the version the caller last saw (undo passes the one its change left);
    // by default the model's own. A different version in the database is a conflict.
    Error update(const QUuid &id, const TodoPatch &patch, std::optional<qint64> expectedVersion = std::nullopt);
    // Many todos, one statement. Conflicts are reported one by one; the others are saved.
    Error updateMany(const QList<QUuid> &ids, const TodoPatch &patch, const QHash<QUuid, qint64> &expectedVersions = {});

    // Edits made through setData (a view's check box, an inline editor) go to this handler when one
    // is set, so the window can make them undoable; it returns whether the change was saved.
    using EditHandler = std::function<bool(const QUuid &id, const TodoPatch &patch, const QString &description)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }
    // After a conflict: keeps the database's row (drops the person's change).
    void acceptTheirs(const Todo &theirs);

    // Offline support (set by SyncController while a Neon profile is in use):
    // - `mirror`: the local connection that mirrors the remote one. Every row an online write
    //   returns is copied there, so falling back never shows a stale list.
    // - `fallBack`: called when a read or write on another connection failed because the
    //   connection is gone (reset, refused, past the deadline). It switches the model to the
    //   mirror and returns true; the write is then made there (and waits in the outbox), so the
    //   person retypes nothing.
    struct OfflineSupport
    {
        QString mirror;
        std::function<bool(const nt::Error &why)> fallBack;
    };
    void setOfflineSupport(OfflineSupport support) { m_offline = std::move(support); }
    bool isOnMirror() const { return !m_offline.mirror.isEmpty() && m_connection == m_offline.mirror; }
    // For the lists' model, which writes on the same connection: mirrors rows / falls back alike.
    void mirrorLists(const QList<ListInfo> &lists) const;
    bool fallBackAfter(const Error &error);

signals:
    void reloaded(const QString &connectionName);
    void conflictDetected(const nt::TodoConflict &conflict);
    void writeFailed(const nt::Error &error);

private:
    void applyRows(QList<Todo> rows);
    void storeRow(const Todo &todo); // replaces, inserts or removes the row as `todo` says
    void mirror(const QList<Todo> &rows) const;
    void rebuildIndex(int from = 0);
    QString listName(const QUuid &id) const;

    QString m_connection;
    QList<Todo> m_rows;
    QHash<QUuid, int> m_index;
    QHash<QUuid, Todo> m_tombstones;
    QHash<QUuid, QString> m_listNames;
    EditHandler m_editHandler;
    OfflineSupport m_offline;
};

} // namespace nt
