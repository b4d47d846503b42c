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

QString csvField(QString value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

// --- 4. Options ---

ImportOptionsPage::ImportOptionsPage(ImportWizard *wizard)
    : m_wizard(wizard), m_list(new QComboBox), m_zone(new QComboBox), m_where(new QLabel),
      m_summary(new QLabel)
{
    setObjectName(QStringLiteral("importOptionsPage"));
    setTitle(tr("Options"));
    setSubTitle(tr("Where the todos go. The defaults suit most files."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Import"));
    named(m_list, "importTargetList", tr("List for the imported todos"));
    named(m_zone, "importTimeZone", tr("Time zone for times without one"));
    named(wrapped(m_where), "importDestination", tr("Where the todos go"));
    named(wrapped(m_summary), "importSummary", tr("What will be imported"));
    m_list->setToolTip(
        tr("Keep the file's lists: each todo goes into the list of the same name (made when it does "
           "not exist yet). Or put every todo into one of your lists."));
    m_zone->setToolTip(
        tr("Many old apps wrote times without a time zone (“2026-01-15 10:20”). They are taken as "
           "times in this zone."));
    // This computer's zone first (its id need not be in the list, e.g. Etc/UTC), then every other.
    const QByteArray system = QTimeZone::systemTimeZone().id();
    m_zone->addItem(tr("%1 (this computer)").arg(QString::fromUtf8(system)), system);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (id != system)
            m_zone->addItem(QString::fromUtf8(id), id);

    auto *form = new QFormLayout;
    form->addRow(tr("Put the todos &into:"), m_list);
    form->addRow(tr("Times without a &zone are in:"), m_zone);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_where);
    layout->addStretch(1);
}

void ImportOptionsPage::initializePage()
{
    const ImportPlan &plan = m_wizard->plan();
    m_list->clear();
    m_list->addItem(tr("Keep the file's lists"), QString());
    for (const ListInfo &l : m_wizard->lists())
        m_list->addItem(l.name, l.id.toString(QUuid::WithoutBraces));
    m_list->setCurrentIndex(
        qMax(0, m_list->findData(plan.targetList.isNull() ? QString()
                                                          : plan.targetList.toString(QUuid::WithoutBraces))));
    m_zone->setCurrentIndex(qMax(0, m_zone->findData(plan.naiveZone.id())));

    m_where->setText(m_wizard->targetIsRemote()
                         ? tr("The todos go to %1.").arg(m_wizard->targetPhrase())
                         : tr("The todos go to %1, as Neon Todo is not connected to Neon now.")
                               .arg(m_wizard->targetPhrase()));
    const auto count = ImportReader(m_wizard->snapshotConnection(), plan, m_wizard->fingerprint()).count();
    const QString file = QFileInfo(m_wizard->sourcePath()).fileName();
    m_summary->setText(count ? tr("Ready to import %1 from “%2” in %3. Everything is written in one step: if "
                                  "anything goes wrong, or you cancel, nothing changes.")
                                   .arg(rowsText(count.value()), plan.table, file)
                             : count.error().message);
}

bool ImportOptionsPage::validatePage()
{
    ImportPlan &plan = m_wizard->plan();
    plan.targetList = QUuid(m_list->currentData().toString());
    plan.naiveZone = QTimeZone(m_zone->currentData().toByteArray());
    if (!plan.naiveZone.isValid())
        plan.naiveZone = QTimeZone::systemTimeZone();
    return true;
}

// --- 5. Run ---

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : m_wizard(wizard), m_stage(new QLabel), m_bar(new QProgressBar), m_rows(new QLabel), m_rate(new QLabel),
      m_left(new QLabel)
{
    setObjectName(QStringLiteral("importRunPage"));
    setTitle(tr("Importing"));
    setSubTitle(tr("Everything is written in one step at the end: cancel at any time and nothing changes."));
    setButtonText(QWizard::CancelButton, tr("Cancel import"));
    named(wrapped(m_stage), "runStage", tr("What is happening"));
    named(m_bar, "runProgress", tr("Import progress"));
    named(m_rows, "runRows", tr("Rows done"));
    named(m_rate, "runRate", tr("Rows per second"));
    named(m_left, "runTimeLeft", tr("Time left"));
    for (QLabel *l : {m_rate, m_left})
        dim(l);
    auto *numbers = new QHBoxLayout;
    numbers->addWidget(m_rows);
    numbers->addStretch(1);
    numbers->addWidget(m_rate);
    numbers->addSpacing(16);
    numbers->addWidget(m_left);
    auto *layout = new QVBoxLayout(this);
    layout->addSpacing(24);
    layout->addWidget(m_stage);
    layout->addWidget(m_bar);
    layout->addLayout(numbers);
    layout->addStretch(1);

    connect(wizard, &ImportWizard::stageChanged, m_stage, &QLabel::setText);
    connect(wizard, &ImportWizard::progressed, this, &ImportRunPage::showProgress);
    connect(wizard, &ImportWizard::runFinished, this, [this] {
        m_done = true;
        emit completeChanged();
        QTimer::singleShot(0, m_wizard, [w = m_wizard] {
            if (w->currentId() == ImportWizard::RunPageId)
                w->next();
        });
    });
}

void ImportRunPage::initializePage()
{
    m_done = false;
    m_stage->clear();
    m_bar->setRange(0, 0); // busy until the first rows are counted
    m_rows->clear();
    m_rate->clear();
    m_left->clear();
    m_wizard->startImport();
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

void ImportRunPage::showProgress(qint64 done, qint64 total, qint64 elapsedMs)
{
    const QLocale locale;
    // A QProgressBar counts in int: scale very large files down.
    const int scale = total > 1000000000 ? 1000 : 1;
    m_bar->setRange(0, int(qMax<qint64>(1, total / scale)));
    m_bar->setValue(int(qMin(done, total) / scale));
    m_rows->setText(tr("%1 of %2").arg(locale.toString(done), rowsText(total)));
    if (elapsedMs <= 0 || done <= 0)
        return;
    const double rate = double(done) * 1000.0 / double(elapsedMs);
    m_rate->setText(tr("%1 rows/s").arg(locale.toString(qRound64(rate))));
    const double left = double(total - done) / rate;
    if (done >= total)
        m_left->setText(tr("checking and saving…"));
    else if (left < 1.0)
        m_left->setText(tr("less than a second left"));
    else if (left < 90.0)
        m_left->setText(tr("about %1 s left").arg(qRound(left)));
    else
        m_left->setText(tr("about %1 min left").arg(qRound(left / 60.0)));
}

// --- 6. Result ---

ImportResultPage::ImportResultPage(ImportWizard *wizard)
    : m_wizard(wizard), m_headline(new QLabel), m_detail(new QLabel), m_numbers(new QWidget),
      m_imported(new QLabel), m_alreadyThere(new QLabel), m_rejected(new QLabel), m_warnings(new QLabel),
      m_verification(new QLabel), m_rejectsLabel(new QLabel(tr("Not imported, with the reason:"))),
      m_rejects(new QListWidget), m_save(new QPushButton(tr("Save rejects as CSV…")))
{
    setObjectName(QStringLiteral("importResultPage"));
    setTitle(tr("Result"));
    setSubTitle(tr("What was imported, and what was not."));
    named(wrapped(m_headline), "resultHeadline", tr("Result"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_headline->setFont(big);
    named(wrapped(m_detail), "resultDetail", tr("What happened"));
    m_numbers->setObjectName(QStringLiteral("resultNumbers"));
    named(m_imported, "resultImported", tr("Imported"));
    named(m_alreadyThere, "resultAlreadyThere", tr("Already there"));
    named(m_rejected, "resultRejected", tr("Rejected"));
    named(m_warnings, "resultWarnings", tr("Values with a warning"));
    named(wrapped(m_verification), "resultVerification", tr("Verification"));
    m_rejectsLabel->setObjectName(QStringLiteral("resultRejectsLabel"));
    m_rejectsLabel->setBuddy(m_rejects);
    named(m_rejects, "resultRejects", tr("Rows that were not imported, with the reason"));
    named(m_save, "saveRejectsButton", tr("Save rejects as CSV"));
    m_rejects->setAlternatingRowColors(true);

    auto *form = new QFormLayout(m_numbers);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Imported:"), m_imported);
    form->addRow(tr("Already there:"), m_alreadyThere);
    form->addRow(tr("Rejected:"), m_rejected);
    form->addRow(tr("Values with a warning:"), m_warnings);
    form->addRow(tr("Verification:"), m_verification);

    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail);
    layout->addSpacing(8);
    layout->addWidget(m_numbers);
    layout->addSpacing(8);
    layout->addWidget(m_rejectsLabel);
    layout->addWidget(m_rejects, 1);
    layout->addLayout(saveRow);
    layout->addStretch(0);

    connect(m_save, &QPushButton::clicked, this, &ImportResultPage::saveRejects);
}

void ImportResultPage::initializePage()
{
    const auto &outcome = m_wizard->outcome();
    if (!outcome)
        return;
    const QLocale locale;
    const QString where = m_wizard->targetPhrase();
    const QString file = QFileInfo(m_wizard->sourcePath()).fileName();
    const bool failed = !outcome->ok();
    const bool cancelled = !failed && outcome->value().cancelled;
    setSubTitle(tr("From “%1” into %2.").arg(file, where));
    m_numbers->setVisible(!failed && !cancelled);
    m_rejects->clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_rejectsLabel, m_rejects, m_save})
        w->hide();
    if (failed) {
        const Error e = outcome->error();
        m_headline->setText(tr("The import did not complete"));
        m_detail->setText(
            e.message + QStringLiteral("\n\n") +
            tr("Nothing was changed in %1. When the problem is solved, run the import again.").arg(where));
        m_detail->setToolTip(e.detail);
        return;
    }
    const ImportReport &r = outcome->value();
    if (cancelled) {
        m_headline->setText(tr("Import cancelled"));
        m_detail->setText(
            tr("You cancelled the import. Nothing was changed in %1: no todo was added. Run the import "
               "again whenever you like.")
                .arg(where));
        return;
    }
    m_headline->setText(r.imported > 0       ? tr("Imported %1").arg(todosText(r.imported))
                        : r.alreadyThere > 0 ? tr("Nothing new to import")
                                             : tr("No todos imported"));
    QStringList detail;
    detail << (r.elapsedMs < 1000 ? tr("It took less than a second.")
                                  : tr("It took %1 s.").arg(locale.toString(r.elapsedMs / 1000.0, 'f', 1)));
    if (r.alreadyThere > 0)
        detail << tr("An earlier import of this file had brought over %1; they were left as they were.")
                      .arg(todosText(r.alreadyThere));
    if (m_wizard->cancelRequested())
        detail << tr("Cancel came too late: the import had already been written.");
    m_detail->setText(detail.join(QLatin1Char(' ')));
    m_detail->setToolTip({});
    m_imported->setText(locale.toString(r.imported));
    m_alreadyThere->setText(locale.toString(r.alreadyThere));
    m_rejected->setText(locale.toString(r.rejected.size()));
    m_warnings->setText(locale.toString(r.warnings));
    m_verification->setText(r.verified ? tr("Passed: %1").arg(r.verification)
                                       : tr("Failed: %1").arg(r.verification));
    m_verification->setProperty("passed", r.verified);
    if (!r.rejected.isEmpty()) {
        for (const ImportRow &row : r.rejected.mid(0, ListedRejects))
            m_rejects->addItem(tr("row %1: %2").arg(row.sourceKey, row.rejectReason));
        if (r.rejected.size() > ListedRejects)
            m_rejects->addItem(tr("… and %1 more: save them as CSV to see them all.")
                                   .arg(locale.toString(r.rejected.size() - ListedRejects)));
        for (QWidget *w : std::initializer_list<QWidget *>{m_rejectsLabel, m_rejects, m_save})
            w->show();
    }
}

void ImportResultPage::saveRejects()
{
    const auto &outcome = m_wizard->outcome();
    if (!outcome || !outcome->ok())
        return;
    const QFileInfo source(m_wizard->sourcePath());
    const QString suggested =
        source.dir().filePath(source.completeBaseName() + QStringLiteral("-rejects.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save rejects as CSV"), suggested,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QTextStream s(&file);
        s << "source_key,reason,title\n"; // the same columns as neon-todo-cli import --rejects
        for (const ImportRow &row : outcome->value().rejected)
            s << csvField(row.sourceKey) << ',' << csvField(row.rejectReason) << ','
              << csvField(row.todo.title) << '\n';
        s.flush();
        if (file.commit()) {
            m_save->setText(tr("Saved to %1").arg(QFileInfo(path).fileName()));
            return;
        }
    }
    MessagePresenter::instance().inform(this, tr("Could not save the rejects"),
                                        tr("Could not write %1 (%2). Choose another folder and try again.")
                                            .arg(QDir::toNativeSeparators(path), file.errorString()));
}

} // namespace nt
