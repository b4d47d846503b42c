#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace nt {

// Every message box the app shows goes through here, so tests can answer them. The default shows
// real QMessageBoxes; a test installs its own with setInstance() and scripts the answers.
class MessagePresenter
{
public:
    virtual ~MessagePresenter() = default;

    // A problem or a notice the person acknowledges.
    virtual void inform(QWidget *parent, const QString &title, const QString &text) = 0;
    // A choice between `buttons` (first = default). Returns the index chosen, -1 when dismissed.
    virtual int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &buttons) = 0;

    static MessagePresenter &instance();
    // Installs a presenter (tests); nullptr restores the default. Not owned.
    static void setInstance(MessagePresenter *presenter);
};

} // namespace nt
