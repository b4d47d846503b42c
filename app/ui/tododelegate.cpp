#include "tododelegate.h"

#include "duetext.h"
#include "todolistmodel.h"

#include <QApplication>
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
