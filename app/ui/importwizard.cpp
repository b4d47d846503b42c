#include "importwizard.h"

#include "connectionmanager.h"
#include "importer.h"
#include "importwizardpages.h"
#include "knownapps.h"
#include "mappingguesser.h"
#include "sourceinspector.h"
#include "sourcesnapshot.h"
#include "uuids.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QThread>

namespace nt {

namespace {

// Everything the worker needs, copied: it touches nothing of the wizard but the cancel flag.
struct RunRequest
{
    QString file;
    ImportPlan plan;
    bool remote = false;
    ConnectionProfile profile; // remote: the active profile, password included (memory only)
    QString localPath;         // local: the app's SQLite file
    QString targetDescription;
};

using StageFn = std::function<void(const QString &)>;
using ProgressFn = std::function<void(qint64 done, qint64 total, qint64 elapsedMs)>;

// Runs on the worker thread. Opens its own snapshot of the file and its own target connection (a
// ConnectionManager of its own, under a unique prefix), so no connection crosses threads; both are
// closed and removed before it returns.
Result<ImportReport> runImport(const RunRequest &r, const std::atomic_bool &cancel, const StageFn &stage,
                               const ProgressFn &progress)
{
    ImportReport stopped;
    stopped.cancelled = true;
    stage(ImportWizard::tr("Making a private copy of the file…"));
    auto snapshot = SourceSnapshot::open(r.file);
    if (!snapshot)
        return snapshot.error();
    if (cancel.load())
        return stopped;
    stage(r.remote ? ImportWizard::tr("Connecting to %1…").arg(r.targetDescription)
                   : ImportWizard::tr("Opening the local database…"));
    // Declared after the snapshot, so it is removed first.
    ConnectionManager target(QStringLiteral("import-%1-").arg(Uuids::toText(Uuids::createV7())));
    const Error opened = r.remote ? target.openRemote(r.profile, false)
                                  : target.openLocal(r.localPath, ConnectionManager::Migrate::No);
    if (opened)
        return opened;
    if (cancel.load())
        return stopped;
    stage(ImportWizard::tr("Reading, converting and writing your todos…"));
    QElapsedTimer clock;
    clock.start();
    ImportOptions options;
    options.targetList = r.plan.targetList;
    options.progress = [&](qint64 done, qint64 total) { progress(done, total, clock.elapsed()); };
    options.cancelled = [&cancel] { return cancel.load(); };
    return Importer::run(snapshot.value()->connectionName(), snapshot.value()->fingerprint(), r.plan,
                         r.remote ? target.remoteName() : target.localName(), options);
}

} // namespace

ImportWizard::ImportWizard(ConnectionManager *connections, QList<ListInfo> lists, QWidget *parent)
    : QWizard(parent), m_connections(connections), m_lists(std::move(lists))
{
    setObjectName(QStringLiteral("importWizard"));
    setAccessibleName(tr("Import from SQLite"));
    setWindowTitle(tr("Import from SQLite"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::HaveCustomButton1 |
               QWizard::NoCancelButtonOnLastPage);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/dev.neontodo.NeonTodo.svg")).pixmap(48, 48));
    setMinimumSize(760, 620);

    setPage(FilePageId, new ImportFilePage(this));
    setPage(FoundPageId, new ImportFoundPage(this));
    setPage(PreviewPageId, new ImportPreviewPage(this));
    setPage(OptionsPageId, new ImportOptionsPage(this));
    setPage(RunPageId, new ImportRunPage(this));
    setPage(ResultPageId, new ImportResultPage(this));
    setStartId(FilePageId);

    setButtonText(QWizard::CustomButton1, tr("Import with these settings"));
    setButtonText(QWizard::CommitButton, tr("Import"));
    const QList<QPair<WizardButton, const char *>> buttons{
        {BackButton, "wizardBack"},     {NextButton, "wizardNext"},     {CommitButton, "wizardCommit"},
        {FinishButton, "wizardFinish"}, {CancelButton, "wizardCancel"}, {CustomButton1, "importNowButton"}};
    for (const auto &[which, name] : buttons) {
        QAbstractButton *b = button(which);
        b->setObjectName(QString::fromLatin1(name));
        b->setAccessibleName(b->text());
    }
    button(CustomButton1)->setToolTip(tr("Skip the checks and import with what Neon Todo found in the file"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            importNow();
    });
    connect(page(FilePageId), &QWizardPage::completeChanged, this,
            [this] { button(CustomButton1)->setEnabled(page(FilePageId)->isComplete()); });
    connect(this, &QWizard::currentIdChanged, this, &ImportWizard::updateButtons);
    updateButtons(FilePageId);
    button(CustomButton1)->setEnabled(false);
}

ImportWizard::~ImportWizard()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait(); // the engine stops at its next check and rolls back
        delete m_thread;
    }
}

void ImportWizard::updateButtons(int pageId)
{
    switch (pageId) {
    case FilePageId:
        setButtonLayout({CustomButton1, Stretch, NextButton, CancelButton});
        break;
    case RunPageId:
        setButtonLayout({Stretch, CancelButton});
        break;
    case ResultPageId:
        setButtonLayout({Stretch, FinishButton});
        break;
    default:
        setButtonLayout({Stretch, BackButton, NextButton, CommitButton, CancelButton});
        break;
    }
}

void ImportWizard::setFile(const QString &path)
{
    static_cast<ImportFilePage *>(page(FilePageId))->setPath(path);
}

Error ImportWizard::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_snapshot && absolute == m_snapshot->sourcePath())
        return {};
    auto opened = SourceSnapshot::open(path);
    if (!opened)
        return opened.error();
    auto snapshot = std::move(opened).value();
    QList<SourceTable> tables = SourceInspector(*snapshot).tables();
    const bool anyTable =
        std::any_of(tables.cbegin(), tables.cend(), [](const SourceTable &t) { return !t.isView; });
    if (!anyTable)
        return Error::make(
            Error::Kind::InvalidInput,
            tr("This SQLite file has no tables, so there is nothing to import. Choose the file your "
               "old todo app saved its todos in."));
    m_snapshot = std::move(snapshot);
    m_tables = std::move(tables);
    m_recognised = KnownApps::recognise(m_tables);
    m_plan = m_recognised.value_or(MappingGuesser::guess(m_tables));
    const SourceTable *chosen = table(m_plan.table);
    m_guessed = chosen ? MappingGuesser::guessFor(*chosen) : ImportPlan{};
    m_chosen.clear();
    return {};
}

QString ImportWizard::sourcePath() const
{
    return m_snapshot ? m_snapshot->sourcePath() : QString();
}

QString ImportWizard::snapshotConnection() const
{
    return m_snapshot ? m_snapshot->connectionName() : QString();
}

QString ImportWizard::fingerprint() const
{
    return m_snapshot ? m_snapshot->fingerprint() : QString();
}

const SourceTable *ImportWizard::table(const QString &name) const
{
    for (const SourceTable &t : m_tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

void ImportWizard::chooseTable(const QString &name)
{
    const SourceTable *chosen = table(name);
    if (!chosen)
        return;
    const QTimeZone zone = m_plan.naiveZone;
    const QUuid list = m_plan.targetList;
    m_guessed = MappingGuesser::guessFor(*chosen);
    m_plan = m_recognised && m_recognised->table == name ? *m_recognised : m_guessed;
    m_plan.table = name; // a table nothing in it fits still is the one the person picked
    m_plan.naiveZone = zone;
    m_plan.targetList = list;
    m_chosen.clear();
}

void ImportWizard::chooseColumn(ImportField field, const QString &column, bool builtIn)
{
    auto find = [field](QList<ColumnMapping> &mappings) -> ColumnMapping * {
        for (ColumnMapping &m : mappings)
            if (m.field == field)
                return &m;
        return nullptr;
    };
    ColumnMapping *m = find(m_plan.mappings);
    if (!m) {
        m_plan.mappings << ColumnMapping{field, {}, {}, ValueEncoding::Auto, 0};
        m = &m_plan.mappings.last();
    }
    m_chosen.insert(field);
    if (builtIn && m_recognised) {
        if (ColumnMapping *known = find(m_recognised->mappings))
            *m = *known;
        m_chosen.remove(field);
        return;
    }
    // The guess knows how a column's values are written (e.g. milliseconds); another column is
    // read value by value (Auto).
    const ColumnMapping *guessed = find(m_guessed.mappings);
    m->column = column;
    m->expression.clear();
    m->encoding = guessed && guessed->column == column ? guessed->encoding : ValueEncoding::Auto;
    m->confidence = column.isEmpty() ? 0 : 1;
}

bool ImportWizard::readyToImport() const
{
    return !m_plan.table.isEmpty() && m_plan.mapping(ImportField::Title);
}

bool ImportWizard::targetIsRemote() const
{
    return m_connections->isRemoteActive();
}

QString ImportWizard::targetDescription() const
{
    return m_connections->activeDescription();
}

QString ImportWizard::targetPhrase() const
{
    return targetIsRemote() ? tr("your Neon database (%1)").arg(targetDescription())
                            : tr("the local database on this computer");
}

int ImportWizard::nextId() const
{
    if (m_quick && currentId() == FilePageId)
        return readyToImport() ? RunPageId : FoundPageId;
    return QWizard::nextId();
}

void ImportWizard::importNow()
{
    if (currentId() != FilePageId)
        return;
    // Like Next (the page opens the file), then straight to the run when the defaults are enough;
    // when they are not (no table or no title column), the next page says what to choose.
    m_quick = true;
    next();
    m_quick = false;
}

void ImportWizard::startImport()
{
    if (m_thread)
        return;
    m_outcome.reset();
    m_cancel = false;
    RunRequest request;
    request.file = sourcePath();
    request.plan = m_plan;
    request.remote = targetIsRemote();
    request.targetDescription = targetDescription();
    if (request.remote)
        request.profile = m_connections->remoteProfileWithPassword();
    else
        request.localPath = m_connections->localPath();
    const auto probe = m_probe;
    m_thread = QThread::create([this, request, probe] {
        // Queued calls only: the wizard lives on the GUI thread, and its destructor waits for this
        // thread, so `this` outlives every call made here.
        auto stage = [this](const QString &text) {
            QMetaObject::invokeMethod(
                this, [this, text] { emit stageChanged(text); }, Qt::QueuedConnection);
        };
        auto progress = [this, probe](qint64 done, qint64 total, qint64 elapsedMs) {
            if (probe)
                probe(done, total);
            QMetaObject::invokeMethod(
                this, [this, done, total, elapsedMs] { emit progressed(done, total, elapsedMs); },
                Qt::QueuedConnection);
        };
        const Result<ImportReport> result = runImport(request, m_cancel, stage, progress);
        QMetaObject::invokeMethod(
            this, [this, result] { finishRun(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("importWorker"));
    m_thread->start();
}

void ImportWizard::finishRun(const Result<ImportReport> &result)
{
    if (m_thread) {
        m_thread->wait(); // it has posted its last call and is ending
        delete m_thread;
        m_thread = nullptr;
    }
    m_outcome = result;
    button(CancelButton)->setEnabled(true);
    emit runFinished();
    if (result.ok() && !result.value().cancelled && !result.value().dryRun)
        emit importFinished(result.value().imported);
}

void ImportWizard::requestCancel()
{
    if (!m_thread || m_cancel.exchange(true))
        return;
    button(CancelButton)->setEnabled(false);
    emit stageChanged(tr("Stopping the import… Nothing will be changed in %1.").arg(targetPhrase()));
}

void ImportWizard::reject()
{
    if (m_thread) {
        requestCancel(); // the result page says it was cancelled
        return;
    }
    QWizard::reject();
}

} // namespace nt
