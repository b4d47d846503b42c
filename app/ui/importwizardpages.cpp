#include "importwizardpages.h"
#include "importwizardsupport.h"

#include "duetext.h"
#include "importreader.h"
#include "importwizard.h"
#include "messagepresenter.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextStream>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace nt {

using namespace WizardSupport;

namespace {
enum ItemKind { ColumnItem, NotImportedItem, BuiltInItem };
constexpr int KindRole = Qt::UserRole + 1;

} // namespace

// --- 1. Choose file ---

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : m_wizard(wizard), m_path(new QLineEdit), m_browse(new QPushButton(tr("Browse…"))), m_error(new QLabel)
{
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("Choose the file to import"));
    setSubTitle(tr("The SQLite file your old todo app kept, for example todo_app_local.db. It is only read, "
                   "never changed."));
    named(m_path, "importFilePath", tr("File to import"));
    m_path->setPlaceholderText(tr("Path of a .db, .sqlite or .sqlite3 file"));
    m_path->setClearButtonEnabled(true);
    named(m_browse, "importBrowse", tr("Browse for the file to import"));
    named(problemLabel(m_error), "importFileError", tr("Problem with the file"));
    auto *label = named(new QLabel(tr("&File:")), "importFileLabel", tr("File"));
    label->setBuddy(m_path);
    auto *about =
        named(wrapped(new QLabel(
                  tr("Neon Todo recognises the files of Joplin, Thunderbird and Things 3. For any other "
                     "todo app it guesses which table and columns hold the todos; the next pages show "
                     "every guess, and you can change each one. Running the same import again later "
                     "brings nothing over twice."))),
              "importFileAbout", tr("About importing"));
    dim(about);

    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addSpacing(12);
    layout->addWidget(about);
    layout->addStretch(1);

    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_error->hide();
        emit completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
}

void ImportFilePage::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

bool ImportFilePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

bool ImportFilePage::validatePage()
{
    QString path = m_path->text().trimmed();
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Error e = m_wizard->openFile(QDir::fromNativeSeparators(path));
    QApplication::restoreOverrideCursor();
    if (e) {
        m_error->setText(e.message);
        m_error->setToolTip(e.detail);
        m_error->show();
        return false;
    }
    return true;
}

void ImportFilePage::browse()
{
    const QString current = m_path->text().trimmed();
    const QString start =
        current.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation) : current;
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose the SQLite file to import"), start,
                                     tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!file.isEmpty())
        setPath(file);
}

// --- 2. What was found ---

ImportFoundPage::ImportFoundPage(ImportWizard *wizard)
    : m_wizard(wizard), m_table(new QComboBox), m_app(new QLabel), m_hint(new QLabel)
{
    setObjectName(QStringLiteral("importFoundPage"));
    setTitle(tr("What was found"));
    setSubTitle(tr("Check the table that holds your todos and the column each field is read from. Change "
                   "anything that looks wrong."));
    named(m_table, "importTable", tr("Table with the todos"));
    m_table->setPlaceholderText(tr("Choose the table with your todos"));
    m_table->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    named(wrapped(m_app), "importRecognised", tr("What kind of file this is"));
    named(problemLabel(m_hint), "importMappingHint", tr("What is missing"));

    auto *tableLabel = named(new QLabel(tr("&Table:")), "importTableLabel", tr("Table"));
    tableLabel->setBuddy(m_table);
    auto *top = new QHBoxLayout;
    top->addWidget(tableLabel);
    top->addWidget(m_table);
    top->addStretch(1);

    auto *group = named(new QGroupBox(tr("Columns")), "importMapping", tr("Which column feeds each field"));
    auto *grid = new QGridLayout(group);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(4);
    const QStringList headers{tr("Field"), tr("Read from column"), tr("How sure"), tr("Example")};
    for (int c = 0; c < headers.size(); ++c) {
        auto *h = new QLabel(headers.at(c));
        h->setObjectName(QStringLiteral("mappingHeader%1").arg(c));
        QFont f = h->font();
        f.setBold(true);
        h->setFont(f);
        dim(h);
        grid->addWidget(h, 0, c);
    }
    int r = 1;
    for (const FieldText &f : FieldTexts) {
        const QString label = fieldLabel(f.field);
        const QByteArray key(f.key);
        auto *name = new QLabel(label + QLatin1Char(':'));
        name->setObjectName(QString::fromLatin1(QByteArray("field" + key)));
        auto *combo =
            named(new QComboBox, QByteArray("map" + key).constData(), tr("Column for %1").arg(label));
        combo->setMinimumWidth(220);
        name->setBuddy(combo);
        auto *confidence =
            named(new QLabel, QByteArray("confidence" + key).constData(), tr("How sure for %1").arg(label));
        confidence->setMinimumWidth(80);
        auto *example =
            named(new QLabel, QByteArray("example" + key).constData(), tr("Example for %1").arg(label));
        example->setTextFormat(Qt::PlainText);
        dim(example);
        grid->addWidget(name, r, 0);
        grid->addWidget(combo, r, 1);
        grid->addWidget(confidence, r, 2);
        grid->addWidget(example, r, 3);
        ++r;
        const FieldRow row{f.field, combo, confidence, example};
        m_rows << row;
        connect(combo, &QComboBox::activated, this, [this, row](int index) {
            const auto kind = ItemKind(row.column->itemData(index, KindRole).toInt());
            m_wizard->chooseColumn(row.field,
                                   kind == ColumnItem ? row.column->itemData(index).toString() : QString(),
                                   kind == BuiltInItem);
            showConfidence(row);
            updateHint();
            emit completeChanged();
        });
    }
    grid->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_app);
    layout->addWidget(group);
    layout->addWidget(m_hint);
    layout->addStretch(1);

    connect(m_table, &QComboBox::activated, this, [this](int index) {
        m_wizard->chooseTable(m_table->itemData(index).toString());
        fillMapping();
        emit completeChanged();
    });
}

void ImportFoundPage::initializePage()
{
    fillTables();
    fillMapping();
}

bool ImportFoundPage::isComplete() const
{
    return m_wizard->readyToImport();
}

void ImportFoundPage::fillTables()
{
    auto *model = new QStandardItemModel(m_table);
    int current = -1;
    for (const SourceTable &t : m_wizard->tables()) {
        auto *item = new QStandardItem(t.isView ? tr("%1 (view, ignored)").arg(t.name)
                                                : tr("%1 — %2").arg(t.name, rowsText(t.rowCount)));
        item->setData(t.name, Qt::UserRole);
        QStringList columns;
        for (const SourceColumn &c : t.columns)
            columns << c.name;
        item->setToolTip(tr("Columns: %1").arg(columns.join(QStringLiteral(", "))));
        if (t.isView)
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        if (t.name == m_wizard->plan().table)
            current = model->rowCount();
        model->appendRow(item);
    }
    const QSignalBlocker blocker(m_table);
    m_table->setModel(model); // deletes the previous model, which it owns
    m_table->setCurrentIndex(current);
}

void ImportFoundPage::fillMapping()
{
    const ImportPlan &plan = m_wizard->plan();
    const SourceTable *table = m_wizard->table(plan.table);
    const auto &recognised = m_wizard->recognised();
    const bool knownTable = recognised && recognised->table == plan.table;

    if (plan.table.isEmpty())
        m_app->setText(
            tr("No table in this file looks like a todo list. Choose the one that holds your todos."));
    else if (!plan.knownApp.isEmpty())
        m_app->setText(
            tr("Recognised as %1. Its to-dos are read with Neon Todo's built-in mapping; notes, trashed "
               "items and other things that are not to-dos are left out.")
                .arg(plan.knownApp));
    else
        m_app->setText(
            tr("Not the file of an app Neon Todo knows, so the columns below are guessed from their names "
               "and values."));

    for (const FieldRow &row : std::as_const(m_rows)) {
        const QSignalBlocker blocker(row.column);
        row.column->clear();
        const ColumnMapping *m = entryFor(plan, row.field);
        const bool isKey = row.field == ImportField::SourceKey;
        // The key always comes from somewhere: without a column it is the row number.
        if (isKey) {
            row.column->addItem(tr("(row number)"), QStringLiteral("rowid"));
            row.column->setItemData(0, ColumnItem, KindRole);
        } else {
            row.column->addItem(tr("(not imported)"), QString());
            row.column->setItemData(0, NotImportedItem, KindRole);
        }
        const ColumnMapping *known = knownTable ? entryFor(*recognised, row.field) : nullptr;
        if (known && !known->expression.isEmpty()) {
            row.column->addItem(tr("built in for %1").arg(recognised->knownApp));
            row.column->setItemData(row.column->count() - 1, BuiltInItem, KindRole);
        }
        if (table) {
            for (const SourceColumn &c : table->columns) {
                row.column->addItem(
                    c.declaredType.isEmpty() ? c.name : tr("%1 (%2)").arg(c.name, c.declaredType), c.name);
                const int i = row.column->count() - 1;
                row.column->setItemData(i, ColumnItem, KindRole);
                if (!c.samples.isEmpty())
                    row.column->setItemData(
                        i, tr("For example: %1").arg(c.samples.join(QStringLiteral(" · "))), Qt::ToolTipRole);
            }
        }
        int current = 0;
        if (m && !m->expression.isEmpty()) {
            current = qMax(0, row.column->findData(BuiltInItem, KindRole));
        } else if (m && !m->column.isEmpty()) {
            for (int i = 0; i < row.column->count(); ++i)
                if (row.column->itemData(i, KindRole).toInt() == ColumnItem &&
                    row.column->itemData(i).toString() == m->column)
                    current = i;
        }
        row.column->setCurrentIndex(current);
        showConfidence(row);
    }
    updateHint();
}

void ImportFoundPage::updateHint()
{
    const ImportPlan &plan = m_wizard->plan();
    if (plan.table.isEmpty())
        m_hint->setText(tr("Choose the table that holds your todos to go on."));
    else if (!plan.mapping(ImportField::Title))
        m_hint->setText(tr("Choose the column that holds the titles to go on: every todo needs one."));
    m_hint->setVisible(!m_wizard->readyToImport());
}

void ImportFoundPage::showConfidence(const FieldRow &row)
{
    const ImportPlan &plan = m_wizard->plan();
    const ColumnMapping *m = entryFor(plan, row.field);
    const bool mapped = m && (!m->column.isEmpty() || !m->expression.isEmpty());
    QString text;
    QString tip;
    bool sure = true;
    if (!mapped) {
        text = row.field == ImportField::SourceKey ? tr("row number") : QString();
        sure = false;
    } else if (m_wizard->chosenByPerson(row.field)) {
        text = tr("your choice");
    } else if (!plan.knownApp.isEmpty()) {
        text = tr("built in");
        tip = tr("The mapping Neon Todo has for %1 files").arg(plan.knownApp);
    } else if (m->confidence >= 0.75) {
        text = tr("%1% sure").arg(qRound(m->confidence * 100));
    } else {
        text = tr("guess");
        tip = tr("%1% sure: check the example").arg(qRound(m->confidence * 100));
        sure = false;
    }
    row.confidence->setText(text);
    row.confidence->setToolTip(tip);
    row.confidence->setForegroundRole(sure ? QPalette::WindowText : QPalette::PlaceholderText);

    // A sample of the column; none when a row filter applies (the samples may be rows it leaves out).
    QString example;
    if (const SourceTable *table = m_wizard->table(plan.table);
        table && m && m->expression.isEmpty() && plan.rowFilter.isEmpty())
        for (const SourceColumn &c : table->columns)
            if (c.name == m->column && !c.samples.isEmpty())
                example = c.samples.first().simplified();
    row.example->setText(row.example->fontMetrics().elidedText(example, Qt::ElideRight, 220));
    row.example->setToolTip(example);
}

// --- 3. Preview ---

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard)
    : m_wizard(wizard), m_summary(new QLabel), m_table(new QTableWidget(0, 5))
{
    setObjectName(QStringLiteral("importPreviewPage"));
    setTitle(tr("Preview"));
    setSubTitle(tr("The first rows as they will be imported. ⚠ marks a value that was changed on the way in: "
                   "point at it to see why."));
    named(wrapped(m_summary), "previewSummary", tr("Preview summary"));
    named(m_table, "previewTable", tr("The first rows after conversion"));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Due"), tr("Completed"), tr("Priority"), tr("List")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setToolTip(tr("The row's key in the file"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void ImportPreviewPage::initializePage()
{
    m_table->setRowCount(0);
    ImportReader reader(m_wizard->snapshotConnection(), m_wizard->plan(), m_wizard->fingerprint());
    const auto total = reader.count();
    if (Error e = reader.open(Rows)) {
        m_summary->setText(e.message);
        return;
    }
    const QLocale locale;
    const QColor dimmed = palette().color(QPalette::PlaceholderText);
    const QStringList priorities{QString(), tr("Low"), tr("Medium"), tr("High")};
    int rejected = 0;
    int warned = 0;
    qsizetype longestKey = 0;
    while (auto row = reader.next()) {
        longestKey = qMax(longestKey, row->sourceKey.size());
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(row->sourceKey));
        QList<QTableWidgetItem *> cells;
        for (int c = 0; c < 5; ++c) {
            cells << new QTableWidgetItem;
            m_table->setItem(r, c, cells.last());
        }
        cells[0]->setToolTip(tr("Row %1 of the file").arg(row->sourceKey));
        if (row->rejected()) {
            ++rejected;
            cells[0]->setText(tr("Not imported: %1").arg(row->rejectReason));
            cells[0]->setToolTip(
                tr("Row %1 will not be imported: %2").arg(row->sourceKey, row->rejectReason));
            QFont italic = m_table->font();
            italic.setItalic(true);
            cells[0]->setFont(italic);
            for (QTableWidgetItem *cell : std::as_const(cells))
                cell->setForeground(dimmed);
            continue;
        }
        const Todo &t = row->todo;
        cells[0]->setText(t.title);
        if (t.dueAt.isValid())
            cells[1]->setText(t.dueAllDay
                                  ? locale.toString(DueText::localDate(t.dueAt, true), QLocale::ShortFormat)
                                  : DueText::shortDateTime(t.dueAt.toLocalTime()));
        cells[2]->setText(t.completed ? tr("Done") : tr("Open"));
        if (!t.completed)
            cells[2]->setForeground(dimmed);
        cells[3]->setText(priorities.value(t.priority));
        cells[4]->setText(row->listName);
        for (const ImportWarning &w : std::as_const(row->warnings)) {
            int c = 0; // notes, key and times not shown: on the title
            switch (w.field) {
            case ImportField::DueAt:
                c = 1;
                break;
            case ImportField::Completed:
            case ImportField::CompletedAt:
                c = 2;
                break;
            case ImportField::Priority:
                c = 3;
                break;
            case ImportField::ListName:
                c = 4;
                break;
            default:
                break;
            }
            QTableWidgetItem *cell = cells[c];
            if (!cell->text().startsWith(QStringLiteral("⚠ "))) {
                cell->setText(QStringLiteral("⚠ ") + cell->text());
                cell->setBackground(QColor(255, 179, 0, 48));
            }
            const QString before = cell->toolTip();
            cell->setToolTip((before.isEmpty() ? QString() : before + QLatin1Char('\n')) +
                             fieldLabel(w.field) + QStringLiteral(": ") + w.message);
            ++warned;
        }
    }
    if (Error e = reader.error(); e.isError()) {
        m_summary->setText(e.message);
        return;
    }
    m_table->clearSelection();
    m_table->setCurrentItem(nullptr);
    // The keys as row headers when they are short (row numbers); long ones (UUIDs) only as tooltips.
    m_table->verticalHeader()->setVisible(longestKey <= 10);
    const qint64 rows = total ? total.value() : m_table->rowCount();
    QStringList text;
    text << (rows > m_table->rowCount()
                 ? tr("The first %1 of %2 in “%3”.")
                       .arg(locale.toString(m_table->rowCount()), rowsText(rows), m_wizard->plan().table)
                 : tr("All %1 in “%2”.").arg(rowsText(rows), m_wizard->plan().table));
    if (warned > 0)
        text << tr("Values changed on the way in: %1 (marked ⚠).").arg(warned);
    if (rejected > 0)
        text << tr("Rows that cannot be imported: %1 (the reason is shown in place of the title).")
                    .arg(rejected);
    if (warned == 0 && rejected == 0)
        text << tr("Every value shown comes over as it is.");
    m_summary->setText(text.join(QLatin1Char(' ')));
}

} // namespace nt
