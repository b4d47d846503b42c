#include "todofiltermodel.h"

#include "duetext.h"
#include "todolistmodel.h"

namespace nt {

namespace {

// Qt 6's collator compares code points in the C locale (no case folding, no numeric mode); a
// person never means "C", so sort as English then.
QLocale collationLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
}

} // namespace

TodoFilterModel::TodoFilterModel(QObject *parent) : QSortFilterProxyModel(parent), m_collator(collationLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

void TodoFilterModel::setSourceModel(QAbstractItemModel *source)
{
    m_todos = qobject_cast<TodoListModel *>(source);
    Q_ASSERT_X(m_todos, "TodoFilterModel", "the source must be a TodoListModel");
    QSortFilterProxyModel::setSourceModel(source);
}

void TodoFilterModel::refilter()
{
    invalidateMoment();
    // Qt 6.4's invalidateFilter() removes non-matching rows one run at a time and rebuilds its map
    // after each (slow on large lists); invalidate() rebuilds the mapping once.
    invalidate();
}

void TodoFilterModel::setScope(Scope scope, const QUuid &listId)
{
    if (scope == m_scope && listId == m_listId)
        return;
    m_scope = scope;
    m_listId = scope == Scope::List ? listId : QUuid();
    refilter();
}

void TodoFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
}

void TodoFilterModel::setShowCompleted(bool show)
{
    if (show == m_showCompleted)
        return;
    m_showCompleted = show;
    refilter();
}

void TodoFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    invalidate();
    sort(0);
}

TodoFilterModel::Moment TodoFilterModel::Moment::current()
{
    Moment m;
    const QDateTime local = QDateTime::currentDateTime();
    m.nowUtc = local.toUTC();
    m.today = local.date();
    m.todayStartUtc = QDateTime(m.today, QTime(0, 0)).toUTC();
    m.tomorrowStartUtc = QDateTime(m.today.addDays(1), QTime(0, 0)).toUTC();
    return m;
}

bool TodoFilterModel::inScope(const Todo &t, Scope scope, const QUuid &listId, const Moment &m, bool showCompleted)
{
    switch (scope) {
    case Scope::All:
        return showCompleted || !t.completed;
    case Scope::Completed:
        return t.completed;
    case Scope::List:
        return t.listId == listId && (showCompleted || !t.completed);
    default:
        break;
    }
    if (t.completed || !t.dueAt.isValid())
        return false;
    // An all-day date is a calendar date (stored at 00:00 UTC); a timed one is an instant.
    const QDate day = t.dueAllDay ? t.dueAt.toUTC().date() : QDate();
    switch (scope) {
    case Scope::Today:
        return t.dueAllDay ? day == m.today : (t.dueAt >= m.todayStartUtc && t.dueAt < m.tomorrowStartUtc);
    case Scope::Upcoming:
        return t.dueAllDay ? day > m.today : t.dueAt >= m.tomorrowStartUtc;
    case Scope::Overdue:
        return t.dueAllDay ? day < m.today : t.dueAt < m.nowUtc;
    default:
        return false;
    }
}

bool TodoFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_todos)
        return false;
    const Todo &t = m_todos->todoAt(sourceRow);
    if (!inScope(t, m_scope, m_listId, m_moment, m_showCompleted))
        return false;
    if (m_words.isEmpty())
        return true;
    // Compared in place, case-insensitively (Qt folds each character as it goes): no folded copy of
    // 100,000 titles to build first or to keep current.
    for (const QString &word : m_words)
        if (!t.title.contains(word, Qt::CaseInsensitive) && !t.notes.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

bool TodoFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Todo &a = m_todos->todoAt(left.row());
    const Todo &b = m_todos->todoAt(right.row());
    auto manual = [&] {
        if (a.position != b.position)
            return a.position < b.position;
        if (a.createdAt != b.createdAt)
            return a.createdAt < b.createdAt;
        return a.id < b.id;
    };
    switch (m_sortKey) {
    case SortKey::Manual:
        return manual();
    case SortKey::Due: {
        if (a.dueAt.isValid() != b.dueAt.isValid())
            return a.dueAt.isValid(); // no due date last
        // An all-day date counts from the start of that day where the person is.
        auto instant = [](const Todo &t) {
            return t.dueAllDay ? QDateTime(t.dueAt.toUTC().date(), QTime(0, 0)).toUTC() : t.dueAt;
        };
        const QDateTime da = instant(a);
        const QDateTime db = instant(b);
        if (da != db)
            return da < db;
        return manual();
    }
    case SortKey::Priority:
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return manual();
    case SortKey::Created:
        if (a.createdAt != b.createdAt)
            return a.createdAt > b.createdAt; // newest first
        return a.id > b.id;
    case SortKey::Title:
        if (const int c = m_collator.compare(a.title, b.title); c != 0)
            return c < 0;
        return manual();
    }
    return manual();
}

} // namespace nt
