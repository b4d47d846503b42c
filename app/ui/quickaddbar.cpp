#include "quickaddbar.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace nt {

QuickAddBar::QuickAddBar(QWidget *parent) : QWidget(parent), m_edit(new QLineEdit(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("quickAddBar"));
    m_edit->setObjectName(QStringLiteral("quickAdd"));
    m_edit->setAccessibleName(tr("Add a todo"));
    m_edit->setPlaceholderText(tr("Add a todo — e.g. “Pay rent tomorrow 9am !3 #home”"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(2000);
    QFont big = m_edit->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_edit->setFont(big);
    m_edit->setMinimumHeight(m_edit->sizeHint().height() * 5 / 4);

    m_hint->setObjectName(QStringLiteral("quickAddHint"));
    m_hint->setAccessibleName(tr("What the new todo will be"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setIndent(4);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_hint);

    connect(m_edit, &QLineEdit::textChanged, this, &QuickAddBar::updateHint);
    connect(m_edit, &QLineEdit::returnPressed, this, &QuickAddBar::submit);
    updateHint();
}

QuickAdd QuickAddBar::preview() const
{
    return QuickAddParser().parse(m_edit->text());
}

void QuickAddBar::updateHint()
{
    if (m_edit->text().trimmed().isEmpty()) {
        m_hint->setText(tr("Press Enter to add. Dates like “fri 5pm”, !1–!3 for priority, #list for a list."));
        return;
    }
    const QuickAdd parsed = preview();
    const QString summary = parsed.summary();
    m_hint->setText(summary.isEmpty() ? tr("“%1”").arg(parsed.title) : tr("“%1” · %2").arg(parsed.title, summary));
}

void QuickAddBar::submit()
{
    if (m_edit->text().trimmed().isEmpty())
        return;
    if (m_addHandler && m_addHandler(preview()))
        m_edit->clear();
}

} // namespace nt
