#include "tododelegate.h"

#include "duetext.h"
#include "todolistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>

namespace nt {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor tone(const QPalette &palette, int hue, int saturation = 200)
{
    return QColor::fromHsl(hue, saturation, isDark(palette) ? 170 : 95);
}

} // namespace

namespace Tones {
QColor overdue(const QPalette &palette)
{
    return tone(palette, 0);
}
QColor soon(const QPalette &palette)
{
    return palette.color(QPalette::Link);
}
QColor priority(const QPalette &palette, int level)
{
    switch (level) {
    case 3:
        return tone(palette, 0);
    case 2:
        return tone(palette, 30);
    case 1:
        return tone(palette, 210, 120);
    default:
        return palette.color(QPalette::PlaceholderText);
    }
}
} // namespace Tones

QSize TodoDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2)); // room to breathe
    return size;
}

void TodoDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (index.column() != TodoListModel::TitleColumn)
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect check = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
    if (!check.isValid())
        return;
    const bool selected = opt.state & QStyle::State_Selected;
    const bool done = index.data(TodoListModel::CompletedRole).toBool();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Cover the style's box with the row's own background, then draw the circle.
    QColor background = opt.palette.color(selected ? QPalette::Highlight
                                                   : (opt.features & QStyleOptionViewItem::Alternate) ? QPalette::AlternateBase
                                                                                                     : QPalette::Base);
    painter->fillRect(check.adjusted(-1, -1, 1, 1), background);
    const int d = std::min(check.width(), check.height()) + 2;
    const QRectF circle(check.center().x() - d / 2.0 + 0.5, check.center().y() - d / 2.0 + 0.5, d - 1, d - 1);
    const QColor ring = selected ? opt.palette.color(QPalette::HighlightedText)
                                 : (done ? opt.palette.color(QPalette::Highlight) : opt.palette.color(QPalette::PlaceholderText));
    painter->setPen(QPen(ring, 1.5));
    painter->setBrush(done ? ring : Qt::transparent);
    painter->drawEllipse(circle);
    if (done) {
        QPen tick(selected ? opt.palette.color(QPalette::Highlight) : opt.palette.color(QPalette::HighlightedText), 1.8);
        tick.setCapStyle(Qt::RoundCap);
        tick.setJoinStyle(Qt::RoundJoin);
        painter->setPen(tick);
        const QPointF c = circle.center();
        const double r = circle.width() / 2;
        painter->drawPolyline(QList<QPointF>{c + QPointF(-r * 0.45, 0), c + QPointF(-r * 0.1, r * 0.35), c + QPointF(r * 0.45, -r * 0.35)});
    }
    painter->restore();
}

void TodoDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool done = index.data(TodoListModel::CompletedRole).toBool();
    const QPalette &palette = option->palette;
    auto setText = [option](const QColor &c) {
        option->palette.setColor(QPalette::Text, c);
        option->palette.setColor(QPalette::WindowText, c);
    };
    if (done) {
        setText(palette.color(QPalette::PlaceholderText));
        if (index.column() == TodoListModel::TitleColumn)
            option->font.setStrikeOut(true);
        return;
    }
    switch (index.column()) {
    case TodoListModel::DueColumn:
        switch (DueText::State(index.data(TodoListModel::DueStateRole).toInt())) {
        case DueText::State::Overdue:
            setText(Tones::overdue(palette));
            option->font.setBold(true);
            break;
        case DueText::State::Today:
            setText(Tones::soon(palette));
            option->font.setBold(true);
            break;
        case DueText::State::Tomorrow:
            setText(Tones::soon(palette));
            break;
        default:
            setText(palette.color(QPalette::PlaceholderText));
            break;
        }
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        break;
    case TodoListModel::PriorityColumn:
        setText(Tones::priority(palette, index.data(TodoListModel::PriorityRole).toInt()));
        option->font.setBold(true);
        option->displayAlignment = Qt::AlignCenter;
        break;
    case TodoListModel::NotesColumn:
        setText(palette.color(QPalette::PlaceholderText));
        option->displayAlignment = Qt::AlignCenter;
        break;
    case TodoListModel::ListColumn:
    case TodoListModel::CreatedColumn:
        setText(palette.color(QPalette::PlaceholderText));
        break;
    default:
        break;
    }
}

} // namespace nt
