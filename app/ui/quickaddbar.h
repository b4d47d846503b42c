#pragma once

#include "quickaddparser.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace nt {

// The line where todos are born: type, see what was understood (due date, priority, list), Enter.
class QuickAddBar : public QWidget
{
    Q_OBJECT
public:
    explicit QuickAddBar(QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    // What the current text would add, as of now.
    QuickAdd preview() const;

signals:
    void addRequested(const nt::QuickAdd &todo);

private:
    void updateHint();
    void submit();

    QLineEdit *m_edit;
    QLabel *m_hint;
};

} // namespace nt
