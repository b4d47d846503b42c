#include "conflictlogdialog.h"

#include "todolistmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nt {

ConflictLogDialog::ConflictLogDialog(const QString &connectionName, const TodoListModel *todos, QWidget *parent)
    : QDialog(parent), m_todos(todos), m_tree(new QTreeWidget(this)), m_restore(new QPushButton(tr("Put back"), this))
{
    setObjectName(QStringLiteral("conflictLog"));
    setWindowTitle(tr("Conflict log"));
    auto *intro = new QLabel(tr("When the same field was changed on two devices, the later change was kept. "
                                "The other value is listed here; “Put back” makes it the value again."),
                             this);
    intro->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("conflictList"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("When"), tr("Todo"), tr("Field"), tr("Kept"), tr("Replaced")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_restore->setObjectName(QStringLiteral("putBack"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &ConflictLogDialog::restoreSelected);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ConflictLogDialog::updateButton);
    resize(760, 420);
    reload(connectionName);
}

void ConflictLogDialog::reload(const QString &connectionName)
{
    m_connection = connectionName;
    m_tree->clear();
    auto entries = ConflictLog(m_connection).list();
    m_entries = entries ? entries.value() : QList<ConflictEntry>{};
    for (const ConflictEntry &e : m_entries) {
        const auto todo = e.isList ? std::nullopt : m_todos->todo(e.entityId);
        const QString what = e.isList ? tr("(a list)") : todo ? todo->title : tr("(a todo not shown)");
        auto *item = new QTreeWidgetItem(m_tree, {QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat), what,
                                                  ConflictLog::fieldName(e.field),
                                                  ConflictLog::valueText(e.field, e.kept),
                                                  ConflictLog::valueText(e.field, e.lost)});
        if (e.restoredAt.isValid())
            item->setToolTip(4, tr("Put back on %1").arg(QLocale().toString(e.restoredAt.toLocalTime(), QLocale::ShortFormat)));
    }
    if (m_entries.isEmpty())
        new QTreeWidgetItem(m_tree, {QString(), tr("No conflicts: nothing was replaced.")});
    m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButton();
}

void ConflictLogDialog::updateButton()
{
    const int row = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : -1;
    const bool can = row >= 0 && row < m_entries.size() && !m_entries.at(row).restoredAt.isValid()
                     && ConflictLog::restoring(m_entries.at(row)).has_value();
    m_restore->setEnabled(can);
}

void ConflictLogDialog::restoreSelected()
{
    const int row = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : -1;
    if (row < 0 || row >= m_entries.size())
        return;
    const ConflictEntry entry = m_entries.at(row);
    const auto patch = ConflictLog::restoring(entry);
    if (!patch)
        return;
    emit restoreRequested(entry.entityId, *patch, tr("Put back %1").arg(ConflictLog::fieldName(entry.field)));
    // The value is back either way; the mark only keeps Put back from being offered again.
    (void)ConflictLog(m_connection).markRestored(entry.id);
    reload(m_connection);
}

} // namespace nt
