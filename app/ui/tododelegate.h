#pragma once

#include <QStyledItemDelegate>

namespace nt {

// How a todo row looks: completed titles struck through and dimmed, due dates coloured by how close
// they are, priority marks coloured by level. Colours come from the palette, so dark mode works.
class TodoDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The completion mark is a circle drawn from palette roles (a style's check box can vanish on
    // dark palettes); clicks still land on the style's check area.
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// Colours that read on light and dark palettes alike.
namespace Tones {
QColor overdue(const QPalette &palette);
QColor soon(const QPalette &palette);
QColor priority(const QPalette &palette, int level);
} // namespace Tones

} // namespace nt
