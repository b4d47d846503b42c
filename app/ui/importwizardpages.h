#pragma once

#include "importtypes.h"

#include <QElapsedTimer>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace nt {

class ImportWizard;

// The pages of ImportWizard. Each reads and changes the wizard's plan; none holds SQL or converts
// a value itself (the preview is the engine's ImportReader).

// 1. Choose file. Next (or "Import with these settings") opens the file; what is wrong with it is
// said on the page, in plain words, never in a dialog.
class ImportFilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);
    void setPath(const QString &path);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_error;
};

// 2. What was found: the table, a recognised app, and one row per field (column + confidence).
// Complete when a table is chosen and the title comes from somewhere.
class ImportFoundPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFoundPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    struct FieldRow
    {
        ImportField field;
        QComboBox *column;
        QLabel *confidence;
        QLabel *example;
    };
    void fillTables();
    void fillMapping();
    void updateHint();
    void showConfidence(const FieldRow &row);

    ImportWizard *m_wizard;
    QComboBox *m_table;
    QLabel *m_app;
    QLabel *m_hint;
    QList<FieldRow> m_rows;
};

// 3. The first rows after conversion, with the warnings marked per cell and rejects with reasons.
class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    static constexpr int Rows = 20;
    explicit ImportPreviewPage(ImportWizard *wizard);
    void initializePage() override;

private:
    ImportWizard *m_wizard;
    QLabel *m_summary;
    QTableWidget *m_table;
};

// 4. Options: target list, time zone of naive times, where the todos go. Its button is "Import".
class ImportOptionsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportOptionsPage(ImportWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    ImportWizard *m_wizard;
    QComboBox *m_list;
    QComboBox *m_zone;
    QLabel *m_where;
    QLabel *m_summary;
};

// 5. Run: progress with rows, rows/s and time left. Cancel is the wizard's own button. Moves on to
// the result by itself when the import ends, however it ends.
class ImportRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void showProgress(qint64 done, qint64 total, qint64 elapsedMs);

    ImportWizard *m_wizard;
    QLabel *m_stage;
    QProgressBar *m_bar;
    QLabel *m_rows;
    QLabel *m_rate;
    QLabel *m_left;
    bool m_done = false;
};

// 6. Result: imported, already there, rejected (with reasons, savable as CSV), warnings,
// verification; or that it was cancelled or failed, and that the target was left as it was.
class ImportResultPage : public QWizardPage
{
    Q_OBJECT
public:
    static constexpr int ListedRejects = 500; // the CSV holds them all
    explicit ImportResultPage(ImportWizard *wizard);
    void initializePage() override;

private:
    void saveRejects();

    ImportWizard *m_wizard;
    QLabel *m_headline;
    QLabel *m_detail;
    QWidget *m_numbers;
    QLabel *m_imported;
    QLabel *m_alreadyThere;
    QLabel *m_rejected;
    QLabel *m_warnings;
    QLabel *m_verification;
    QLabel *m_rejectsLabel;
    QListWidget *m_rejects;
    QPushButton *m_save;
};

} // namespace nt
