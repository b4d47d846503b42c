#pragma once

#include "quickaddparser.h"

#include <QWidget>

#include <functional>

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

    // Called on Enter with what was typed; the text is cleared only when it returns true (saved),
    // so nothing typed is lost when saving fails.
    void setAddHandler(std::function<bool(const QuickAdd &)> handler) { m_addHandler = std::move(handler); }

private:
    void updateHint();
    void submit();

    QLineEdit *m_edit;
    QLabel *m_hint;
    std::function<bool(const QuickAdd &)> m_addHandler;
};

} // namespace nt
