#pragma once

#include "importtypes.h"
#include "listinfo.h"
#include "result.h"

#include <QSet>
#include <QWizard>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace nt {

class ConnectionManager;
class SourceSnapshot;

// File > Import from SQLite…: a thin shell over app/importer. It holds no SQL and converts no
// value itself; every decision it shows (table, mapping, confidence, preview, target) is the
// engine's, and every one of them can be changed before anything is written.
//
// Pages: choose file -> what was found -> preview -> options -> run -> result. Pages 2-4 are filled
// in from the engine's guess, so accepting every default is Next, Next, Next, Import; page 1 also
// offers "Import with these settings" once a file is chosen, which goes straight to the run.
//
// Threads. The snapshot this wizard inspects and previews belongs to the GUI thread. The import
// itself runs on a worker thread that opens its OWN snapshot of the same file and its OWN
// connection to the target (the active database when the run starts: the remote PostgreSQL
// through a profile that includes the password, or the local SQLite file), and removes both when
// it ends. Progress comes back as queued calls; cancel goes the other way as an atomic flag the
// engine polls. Cancel, Esc or closing the window while the import runs asks it to stop (the
// target is left exactly as it was) and the result page says so; the wizard never closes with
// the worker still running (its destructor cancels and waits).
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, FoundPageId, PreviewPageId, OptionsPageId, RunPageId, ResultPageId };

    // `connections`: whose active database receives the todos; `lists`: the person's lists in it
    // (choices for "put everything in this list").
    ImportWizard(ConnectionManager *connections, QList<ListInfo> lists, QWidget *parent = nullptr);
    ~ImportWizard() override;

    // Fills in the path on the first page (a dropped file, a path from the command line).
    void setFile(const QString &path);

    // --- What the pages read and change ---

    // Opens a snapshot of `path` (unless it is the file already open), inspects it and makes the
    // default plan (a recognised app's, else the guessed one). An Error's message is for the
    // person, in plain words; on error the previous file (if any) stays open.
    Error openFile(const QString &path);
    QString sourcePath() const;
    QString snapshotConnection() const;
    QString fingerprint() const;
    const QList<SourceTable> &tables() const { return m_tables; }
    const SourceTable *table(const QString &name) const;
    const ImportPlan &plan() const { return m_plan; }
    ImportPlan &plan() { return m_plan; }
    // The recognised app's plan, when the file is one (its table, filter and expressions).
    const std::optional<ImportPlan> &recognised() const { return m_recognised; }
    // Picks the source table: the recognised app's plan for its table, else MappingGuesser::guessFor.
    void chooseTable(const QString &name);
    // A person's choice for one field: a column of the table (confidence 1), empty for "not
    // imported", or builtIn for the recognised app's own expression.
    void chooseColumn(ImportField field, const QString &column, bool builtIn = false);
    bool chosenByPerson(ImportField field) const { return m_chosen.contains(field); }
    // A table is chosen and its titles come from somewhere: the import can run.
    bool readyToImport() const;

    const QList<ListInfo> &lists() const { return m_lists; }
    bool targetIsRemote() const;
    // Where the todos go, for a status line: "Neon: host / database" or "Local database".
    QString targetDescription() const;
    // The same inside a sentence: "your Neon database (Neon: host / database)", "the local database
    // on this computer".
    QString targetPhrase() const;

    // --- The run (page 5) ---

    // Starts the import of plan() on the worker thread. Emits stageChanged and progressed while it
    // runs and runFinished once, after outcome() is set.
    void startImport();
    // Asks a running import to stop; the engine rolls back at its next check.
    void requestCancel();
    bool isRunning() const { return m_thread != nullptr; }
    bool cancelRequested() const { return m_cancel.load(); }
    const std::optional<Result<ImportReport>> &outcome() const { return m_outcome; }

    // Tests: called on the worker thread with each progress report before it is posted here, so
    // a test can hold the import at a known row (e.g. halfway) while it clicks Cancel.
    void setProgressProbe(std::function<void(qint64 done, qint64 total)> probe)
    {
        m_probe = std::move(probe);
    }

    int nextId() const override;
    // While the import runs, Cancel, Esc and closing the window stop the import instead.
    void reject() override;

signals:
    void stageChanged(const QString &text);
    void progressed(qint64 done, qint64 total, qint64 elapsedMs);
    void runFinished();
    // An import was written to the target (not cancelled, not failed): the caller reloads.
    void importFinished(qint64 imported);

private:
    void importNow();
    void updateButtons(int pageId);
    void finishRun(const Result<ImportReport> &result);

    ConnectionManager *m_connections;
    QList<ListInfo> m_lists;
    std::unique_ptr<SourceSnapshot> m_snapshot;
    QList<SourceTable> m_tables;
    std::optional<ImportPlan> m_recognised;
    ImportPlan m_guessed; // MappingGuesser::guessFor of the plan's table (encodings of its columns)
    ImportPlan m_plan;
    QSet<ImportField> m_chosen;
    bool m_quick = false; // "Import with these settings": page 1 -> run

    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    std::optional<Result<ImportReport>> m_outcome;
    std::function<void(qint64, qint64)> m_probe;
};

} // namespace nt
