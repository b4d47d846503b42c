#pragma once

#include "todo.h"

#include <QCollator>
#include <QLocale>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QUuid>

namespace nt {

class TodoListModel;

// Which todos a view shows and in what order. All filtering happens in memory on the loaded rows:
// search text is compared, never put into SQL.
class TodoFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // The smart lists, and a user list.
    enum class Scope { All, Today, Upcoming, Overdue, Completed, List };
    Q_ENUM(Scope)
    enum class SortKey { Manual, Due, Priority, Created, Title };
    Q_ENUM(SortKey)

    explicit TodoFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    void setScope(Scope scope, const QUuid &listId = {});
    Scope scope() const { return m_scope; }
    QUuid scopeListId() const { return m_listId; }
    // Case-insensitive, in title and notes; words must all appear (in any order).
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Completed todos are shown in All and list scopes only when asked (the Completed scope shows them).
    void setShowCompleted(bool show);
    bool showCompleted() const { return m_showCompleted; }
    void setSortKey(SortKey key);
    SortKey sortKey() const { return m_sortKey; }

    // "Now" and "today" worked out once for a whole pass over the rows: scope tests then compare UTC
    // instants and dates only (a local-time conversion per row costs more than everything else).
    struct Moment
    {
        QDateTime nowUtc;
        QDate today;                 // the person's local date
        QDateTime todayStartUtc;     // local midnight starting today, as UTC
        QDateTime tomorrowStartUtc;  // local midnight starting tomorrow, as UTC
        static Moment current();
    };

    // Whether `todo` belongs in a scope at `moment`, regardless of search. For counts too.
    static bool inScope(const Todo &todo, Scope scope, const QUuid &listId, const Moment &moment, bool showCompleted = false);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void invalidateMoment() { m_moment = Moment::current(); }

    TodoListModel *m_todos = nullptr;
    Scope m_scope = Scope::All;
    QUuid m_listId;
    QString m_searchText;
    QStringList m_words;
    bool m_showCompleted = false;
    SortKey m_sortKey = SortKey::Manual;
    QCollator m_collator;
    Moment m_moment = Moment::current(); // refreshed on every refilter (and at midnight)
};

} // namespace nt
