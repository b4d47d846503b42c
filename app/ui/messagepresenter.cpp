#include "messagepresenter.h"

#include <QMessageBox>
#include <QPushButton>

namespace nt {

namespace {

class BoxPresenter final : public MessagePresenter
{
public:
    void inform(QWidget *parent, const QString &title, const QString &text) override
    {
        QMessageBox::information(parent, title, text);
    }

    int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &buttons) override
    {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
        QList<QAbstractButton *> made;
        for (const QString &label : buttons)
            made << box.addButton(label, made.isEmpty() ? QMessageBox::AcceptRole : QMessageBox::ActionRole);
        if (!made.isEmpty())
            box.setDefaultButton(static_cast<QPushButton *>(made.first()));
        box.addButton(QMessageBox::Cancel);
        box.exec();
        return int(made.indexOf(box.clickedButton()));
    }
};

BoxPresenter defaultPresenter;
MessagePresenter *current = &defaultPresenter;

} // namespace

MessagePresenter &MessagePresenter::instance()
{
    return *current;
}

void MessagePresenter::setInstance(MessagePresenter *presenter)
{
    current = presenter ? presenter : &defaultPresenter;
}

} // namespace nt
