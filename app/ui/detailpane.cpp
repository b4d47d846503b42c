#include "detailpane.h"

#include "duetext.h"
#include "utctime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedLayout>
#include <QTimeEdit>
#include <QTimeZone>

namespace nt {

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent), m_title(new QLineEdit), m_notes(new QPlainTextEdit), m_hasDue(new QCheckBox(tr("Due"))),
      m_dueDate(new QDateEdit), m_hasTime(new QCheckBox(tr("at"))), m_dueTime(new QTimeEdit), m_priority(new QComboBox),
      m_list(new QComboBox), m_stamps(new QLabel), m_placeholder(new QLabel), m_form(new QWidget)
{
    setObjectName(QStringLiteral("detailPane"));
    setAccessibleName(tr("Todo details"));
    auto name = [](QWidget *w, const char *object, const QString &accessible) {
        w->setObjectName(QString::fromLatin1(object));
        w->setAccessibleName(accessible);
    };
    name(m_title, "detailTitle", tr("Title"));
    name(m_notes, "detailNotes", tr("Notes"));
    name(m_hasDue, "detailHasDue", tr("Has a due date"));
    name(m_dueDate, "detailDueDate", tr("Due date"));
    name(m_hasTime, "detailHasTime", tr("Due at a time"));
    name(m_dueTime, "detailDueTime", tr("Due time"));
    name(m_priority, "detailPriority", tr("Priority"));
    name(m_list, "detailList", tr("List"));
    m_stamps->setObjectName(QStringLiteral("detailStamps"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setFrame(false);
    m_title->setMaxLength(Todo::MaxTitleLength);
    m_notes->setPlaceholderText(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_dueDate->setCalendarPopup(true);
    m_dueDate->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_dueTime->setDisplayFormat(DueText::timeFormat());
    m_priority->addItems({tr("None"), tr("Low"), tr("Medium"), tr("High")});
    m_stamps->setForegroundRole(QPalette::PlaceholderText);
    m_stamps->setWordWrap(true);

    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_dueDate, 1);
    dueRow->addWidget(m_hasTime);
    dueRow->addWidget(m_dueTime, 1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(dueRow);
    form->addRow(tr("Priority"), m_priority);
    form->addRow(tr("List"), m_list);

    auto *formBox = new QVBoxLayout(m_form);
    formBox->setContentsMargins(0, 0, 0, 0);
    formBox->addWidget(m_title);
    formBox->addLayout(form);
    formBox->addWidget(m_notes, 1);
    formBox->addWidget(m_stamps);

    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setText(tr("Select a todo to see its details."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(m_form);

    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(800); // save a pause after typing, not every keystroke
    connect(&m_notesTimer, &QTimer::timeout, this, &DetailPane::flush);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_notesTimer.start();
    });
    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        if (m_todo && !m_loading && m_title->text().trimmed() != m_todo->title)
            emitPatch(TodoPatch{.title = m_title->text()}, tr("Rename todo"));
    });
    connect(m_hasDue, &QCheckBox::toggled, this, &DetailPane::dueChanged);
    connect(m_hasTime, &QCheckBox::toggled, this, &DetailPane::dueChanged);
    connect(m_dueDate, &QDateEdit::dateChanged, this, &DetailPane::dueChanged);
    connect(m_dueTime, &QTimeEdit::editingFinished, this, &DetailPane::dueChanged);
    connect(m_priority, &QComboBox::activated, this, [this](int level) {
        emitPatch(TodoPatch{.priority = level}, tr("Set priority"));
    });
    connect(m_list, &QComboBox::activated, this, [this](int row) {
        emitPatch(TodoPatch{.listId = m_list->itemData(row).toUuid()}, tr("Move to list"));
    });
    showTodo(std::nullopt);
}

void DetailPane::setLists(const QList<ListInfo> &lists)
{
    m_loading = true;
    m_list->clear();
    m_list->addItem(tr("No list"), QUuid());
    for (const ListInfo &l : lists)
        m_list->addItem(l.name, l.id);
    if (m_todo)
        m_list->setCurrentIndex(std::max(0, m_list->findData(m_todo->listId)));
    m_loading = false;
}

void DetailPane::showTodo(const std::optional<Todo> &todo)
{
    const bool sameTodo = todo && m_todo && todo->id == m_todo->id;
    if (!sameTodo)
        flush();
    m_todo = todo;
    auto *stack = static_cast<QStackedLayout *>(layout());
    stack->setCurrentWidget(todo ? m_form : static_cast<QWidget *>(m_placeholder));
    if (!todo)
        return;

    m_loading = true;
    if (!(sameTodo && m_title->hasFocus()))
        m_title->setText(todo->title);
    // Text the person is typing stays; a refresh only replaces notes that are not being edited.
    if (!(sameTodo && (m_notes->hasFocus() || m_notesTimer.isActive())) && m_notes->toPlainText() != todo->notes)
        m_notes->setPlainText(todo->notes);
    m_hasDue->setChecked(todo->dueAt.isValid());
    const QDateTime localDue = todo->dueAllDay ? todo->dueAt.toUTC() : todo->dueAt.toLocalTime();
    m_dueDate->setDate(todo->dueAt.isValid() ? localDue.date() : QDate::currentDate());
    m_hasTime->setChecked(todo->dueAt.isValid() && !todo->dueAllDay);
    m_dueTime->setTime(todo->dueAt.isValid() && !todo->dueAllDay ? localDue.time() : QTime(9, 0));
    m_priority->setCurrentIndex(todo->priority);
    m_list->setCurrentIndex(std::max(0, m_list->findData(todo->listId)));
    m_stamps->setText(tr("Created %1 · changed %2")
                          .arg(DueText::shortDateTime(todo->createdAt.toLocalTime()),
                               DueText::shortDateTime(todo->updatedAt.toLocalTime())));
    m_loading = false;
    updateEnabled();
}

void DetailPane::updateEnabled()
{
    m_dueDate->setEnabled(m_hasDue->isChecked());
    m_hasTime->setEnabled(m_hasDue->isChecked());
    m_dueTime->setEnabled(m_hasDue->isChecked() && m_hasTime->isChecked());
}

void DetailPane::flush()
{
    m_notesTimer.stop();
    if (m_todo && m_notes->toPlainText() != m_todo->notes)
        emitPatch(TodoPatch{.notes = m_notes->toPlainText()}, tr("Edit notes"));
}

void DetailPane::dueChanged()
{
    updateEnabled();
    if (m_loading || !m_todo)
        return;
    TodoPatch patch;
    if (!m_hasDue->isChecked()) {
        patch.dueAt = QDateTime();
        patch.dueAllDay = false;
    } else if (m_hasTime->isChecked()) {
        patch.dueAt = UtcTime::fromLocal(m_dueDate->date(), m_dueTime->time());
        patch.dueAllDay = false;
    } else {
        patch.dueAt = QDateTime(m_dueDate->date(), QTime(0, 0), QTimeZone::utc());
        patch.dueAllDay = true;
    }
    if (patch.dueAt == m_todo->dueAt && patch.dueAllDay == m_todo->dueAllDay)
        return;
    emitPatch(patch, tr("Set due date"));
}

void DetailPane::emitPatch(const TodoPatch &patch, const QString &description)
{
    if (m_todo && !m_loading)
        emit patchRequested(m_todo->id, patch, description);
}

} // namespace nt
