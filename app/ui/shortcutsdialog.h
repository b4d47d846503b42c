#pragma once

#include <QDialog>

class QAction;

namespace nt {

// Lists every action that has a keyboard shortcut, with the keys in the platform's notation.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
};

} // namespace nt
