#include "sidebar.h"

#include "sidebarmodel.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace nt {

namespace {

// Draws each entry as a symbol, the name and, at the right, the count; a gap and a heading
// separate the smart lists from the person's own lists.
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static int headingHeight(const QFontMetrics &fm) { return fm.height() * 2; }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(option.fontMetrics.height() * 2);
        if (index.row() == SidebarModel::SmartCount)
            s.rheight() += headingHeight(option.fontMetrics);
        return s;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        painter->save();
        if (index.row() == SidebarModel::SmartCount) {
            // The "Lists" heading above the first list.
            QRect heading = opt.rect;
            heading.setHeight(headingHeight(opt.fontMetrics));
            QFont small = opt.font;
            small.setBold(true);
            small.setPointSizeF(small.pointSizeF() * 0.85);
            painter->setFont(small);
            painter->setPen(opt.palette.color(QPalette::PlaceholderText));
            painter->drawText(heading.adjusted(12, 0, 0, -4), Qt::AlignLeft | Qt::AlignBottom, SidebarModel::tr("LISTS"));
            opt.rect.setTop(heading.bottom() + 1);
        }
        const bool selected = opt.state & QStyle::State_Selected;
        const QRect row = opt.rect.adjusted(4, 1, -4, -1);
        if (selected) {
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(opt.palette.color(QPalette::Highlight));
            painter->drawRoundedRect(row, 6, 6);
        } else if (opt.state & QStyle::State_MouseOver) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(opt.palette.color(QPalette::Midlight));
            painter->drawRoundedRect(row, 6, 6);
        }
        const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::WindowText);
        const QColor dim = selected ? text : opt.palette.color(QPalette::PlaceholderText);
        painter->setFont(opt.font);
        const int symbolWidth = opt.fontMetrics.height() * 3 / 2;
        painter->setPen(index.data(SidebarModel::IsListRole).toBool() ? dim : text);
        painter->drawText(QRect(row.left() + 6, row.top(), symbolWidth, row.height()), Qt::AlignCenter,
                          index.data(SidebarModel::SymbolRole).toString());
        const int count = index.data(SidebarModel::CountRole).toInt();
        const QString countText = count > 0 ? QLocale().toString(count) : QString();
        const int countWidth = opt.fontMetrics.horizontalAdvance(countText) + 12;
        painter->setPen(text);
        const QRect name(row.left() + 6 + symbolWidth + 4, row.top(), row.width() - symbolWidth - countWidth - 16, row.height());
        painter->drawText(name, Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, name.width()));
        painter->setPen(dim);
        painter->drawText(row.adjusted(0, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, countText);
        painter->restore();
    }

    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        if (index.row() == SidebarModel::SmartCount)
            editor->setGeometry(editor->geometry().adjusted(0, headingHeight(option.fontMetrics), 0, 0));
    }
};

} // namespace

Sidebar::Sidebar(SidebarModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QListView(this)), m_newList(new QLineEdit(this))
{
    setObjectName(QStringLiteral("sidebarPane"));
    m_view->setObjectName(QStringLiteral("sidebar"));
    m_view->setAccessibleName(tr("Lists"));
    m_view->setModel(model);
    m_view->setItemDelegate(new SidebarDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    // A sidebar, not a white list: the window's own colour behind the entries.
    QPalette sidebarPalette = m_view->palette();
    sidebarPalette.setColor(QPalette::Base, sidebarPalette.color(QPalette::Window));
    m_view->setPalette(sidebarPalette);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_newList->setObjectName(QStringLiteral("newList"));
    m_newList->setAccessibleName(tr("New list"));
    m_newList->setPlaceholderText(tr("+ New list"));
    m_newList->setClearButtonEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_newList);

    connect(m_view, &QListView::customContextMenuRequested, this, &Sidebar::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_restoring)
            emit scopeChanged(scope(), listId());
    });
    // A reset (another connection, lists reordered) keeps the entry the person was looking at.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptRow = m_view->currentIndex().row();
        m_keptList = listId();
        m_restoring = true;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int listRow = m_keptList.isNull() ? -1 : m_model->rowOfList(m_keptList);
        const int row = listRow >= 0 ? listRow : (m_keptRow >= 0 && m_keptRow < SidebarModel::SmartCount ? m_keptRow : 0);
        m_view->setCurrentIndex(m_model->index(row));
        m_restoring = false;
        emit scopeChanged(scope(), listId());
    });
    connect(m_newList, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_newList->text().trimmed();
        if (name.isEmpty())
            return;
        auto added = m_model->addList(name);
        if (!added) {
            emit problem(added.error().message);
            return;
        }
        m_newList->clear();
        selectRow(m_model->rowOfList(added.value().id));
    });
    auto *rename = new QAction(tr("Rename list"), m_view);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this, [this] {
        if (m_view->currentIndex().data(SidebarModel::IsListRole).toBool())
            m_view->edit(m_view->currentIndex());
    });
    auto *up = new QAction(tr("Move list up"), m_view);
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    up->setShortcutContext(Qt::WidgetShortcut);
    connect(up, &QAction::triggered, this, [this] { moveSelected(-1); });
    auto *down = new QAction(tr("Move list down"), m_view);
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    down->setShortcutContext(Qt::WidgetShortcut);
    connect(down, &QAction::triggered, this, [this] { moveSelected(1); });
    auto *remove = new QAction(tr("Delete list"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (i.data(SidebarModel::IsListRole).toBool())
            emit removeListRequested(i.data(SidebarModel::ListIdRole).toUuid(), i.data().toString());
    });
    m_view->addActions({rename, up, down, remove});
}

void Sidebar::selectRow(int row)
{
    if (!m_view->selectionModel())
        return;
    const QModelIndex i = m_model->index(std::clamp(row, 0, m_model->rowCount() - 1));
    m_view->setCurrentIndex(i);
}

TodoFilterModel::Scope Sidebar::scope() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(SidebarModel::ScopeRole).value<TodoFilterModel::Scope>() : TodoFilterModel::Scope::All;
}

QUuid Sidebar::listId() const
{
    return m_view->currentIndex().data(SidebarModel::ListIdRole).toUuid();
}

void Sidebar::showMenu(const QPoint &pos)
{
    const QModelIndex i = m_view->indexAt(pos);
    if (!i.data(SidebarModel::IsListRole).toBool())
        return;
    m_view->setCurrentIndex(i);
    QMenu menu(this);
    menu.addActions(m_view->actions());
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void Sidebar::moveSelected(int delta)
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.data(SidebarModel::IsListRole).toBool())
        return;
    const int listRow = i.row() - SidebarModel::SmartCount;
    const auto &lists = m_model->lists();
    const int target = listRow + delta;
    if (target < 0 || target >= lists.size())
        return;
    const QUuid id = lists.at(listRow).id;
    // Moving down by one = placing before the list two below (or at the end).
    const QUuid before = delta < 0 ? lists.at(target).id : (target + 1 < lists.size() ? lists.at(target + 1).id : QUuid());
    if (Error e = m_model->moveList(id, before)) {
        emit problem(e.message);
        return;
    }
    selectRow(m_model->rowOfList(id));
}

} // namespace nt
