#include "apptestfixture.h"
#include "importfixtures.h"
#include "importwizard.h"
#include "todorepository.h"
#include "todoview.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSemaphore>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTest>

#include <atomic>

using namespace nt;
using namespace nt::test;

namespace {

constexpr int RunTimeoutMs = 120000;

QStringList storedTitles(const AppFixture &app)
{
    QStringList titles;
    const auto rows = TodoRepository(app.activeConnection()).list();
    if (rows.ok())
        for (const Todo &t : rows.value())
            titles << t.title;
    titles.sort();
    return titles;
}

QStringList expectedTitles(int n)
{
    QStringList titles;
    for (int i = 1; i <= n; ++i)
        titles << QStringLiteral("Todo %1").arg(i);
    titles.sort();
    return titles;
}

// File > Import from SQLite…, as a person opens it, with the path typed into the first page.
ImportWizard *openWizard(AppFixture &app, const QString &file)
{
    app.window->findChild<QAction *>(QStringLiteral("actionImport"))->trigger();
    auto *wizard = app.window->findChild<ImportWizard *>(QStringLiteral("importWizard"));
    if (!wizard)
        return nullptr;
    auto *path = wizard->findChild<QLineEdit *>(QStringLiteral("importFilePath"));
    path->setFocus();
    QTest::keyClicks(path, file);
    return wizard;
}

// Clicks a visible, enabled button of the wizard by its objectName; false when it cannot.
bool click(ImportWizard *wizard, const char *name)
{
    auto *button = wizard->findChild<QAbstractButton *>(QString::fromLatin1(name));
    if (!button || !button->isVisible() || !button->isEnabled()) {
        qWarning("button %s: %s", name, !button ? "missing" : !button->isVisible() ? "hidden" : "disabled");
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

// Controls on the current page a screen reader could not name (a button's text is its name).
QStringList unnamedControls(ImportWizard *wizard)
{
    QStringList unnamed;
    for (QWidget *w : wizard->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w) ||
                             qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractButton *>(w);
        if (!control || !w->isVisibleTo(wizard) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
            continue;
        if (w->accessibleName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            unnamed << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(w->metaObject()->className()),
                                                     w->objectName());
    }
    return unnamed;
}

QString text(ImportWizard *wizard, const char *label)
{
    auto *l = wizard->findChild<QLabel *>(QString::fromLatin1(label));
    return l ? l->text() : QStringLiteral("(no %1)").arg(QString::fromLatin1(label));
}

} // namespace

class tst_ImportWizard : public QObject
{
    Q_OBJECT
private slots:
    void shouldImportWithEveryDefaultClickingThrough_data()
    {
        addDriverColumn();
        addDriverRows();
    }
    void shouldImportWithEveryDefaultClickingThrough();
    void shouldImportWithOneClickAndNothingTwice_data()
    {
        addDriverColumn();
        addDriverRows();
    }
    void shouldImportWithOneClickAndNothingTwice();
    void shouldLeaveDatabaseUntouchedWhenCancelledHalfway_data()
    {
        addDriverColumn();
        addDriverRows();
    }
    void shouldLeaveDatabaseUntouchedWhenCancelledHalfway();
    void shouldSayOnThePageWhatIsWrongWithTheFile();
    void shouldLetThePersonChangeTableAndColumns();
    void shouldOpenWithADroppedSqliteFile();

private:
    QTemporaryDir m_dir;
};

void tst_ImportWizard::shouldImportWithEveryDefaultClickingThrough()
{
    QFETCH(Driver, driver);
    // GIVEN the seed app's file with 30 todos and the app on an empty database
    AppFixture app(driver);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    const QString file = m_dir.filePath(QStringLiteral("defaults-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 30), QString());
    app.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));

    // WHEN the person opens File > Import from SQLite…, chooses the file and accepts every default
    ImportWizard *wizard = openWizard(app, file);
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
    QCOMPARE(unnamedControls(wizard), QStringList());
    QVERIFY(click(wizard, "wizardNext"));
    QCOMPARE(wizard->currentId(), int(ImportWizard::FoundPageId));
    QCOMPARE(unnamedControls(wizard), QStringList());
    // (what was found: the todo table, its title column, surely)
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("importTable"))->currentData().toString(),
             QStringLiteral("todo"));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("mapTitle"))->currentData().toString(),
             QStringLiteral("title"));
    QVERIFY2(text(wizard, "confidenceTitle").contains(QLatin1String("% sure")),
             qPrintable(text(wizard, "confidenceTitle")));
    QVERIFY(click(wizard, "wizardNext"));
    QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPageId));
    auto *preview = wizard->findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(preview->rowCount(), 20);
    QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("Todo 1"));
    QCOMPARE(unnamedControls(wizard), QStringList());
    QVERIFY(click(wizard, "wizardNext"));
    QCOMPARE(wizard->currentId(), int(ImportWizard::OptionsPageId));
    QCOMPARE(unnamedControls(wizard), QStringList());
    QVERIFY(click(wizard, "wizardCommit"));

    // THEN the result page says 30 imported and verified
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), RunTimeoutMs);
    QCOMPARE(text(wizard, "resultImported"), QStringLiteral("30"));
    QCOMPARE(text(wizard, "resultAlreadyThere"), QStringLiteral("0"));
    QCOMPARE(text(wizard, "resultRejected"), QStringLiteral("0"));
    QVERIFY2(text(wizard, "resultVerification").startsWith(QLatin1String("Passed")),
             qPrintable(text(wizard, "resultVerification")));
    QCOMPARE(unnamedControls(wizard), QStringList());
    // AND the active database holds exactly the file's todos
    QCOMPARE(storedTitles(app), expectedTitles(30));
    QDir().mkpath(QStringLiteral(NEON_TODO_SCREENSHOT_DIR));
    wizard->grab().save(QStringLiteral(NEON_TODO_SCREENSHOT_DIR "/import-result-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    // AND the window shows them without a restart, in the order they were created (the file's
    // rows were created a minute apart, in file order; every even one is completed, so hidden)
    QTRY_COMPARE(app.todos.rowCount(), 30);
    QVERIFY(click(wizard, "wizardFinish"));
    QTRY_VERIFY(!app.window->findChild<ImportWizard *>());
    QStringList shown;
    for (const QUuid &id : app.window->findChild<TodoView *>()->visibleIds())
        shown << app.todos.todo(id).value_or(Todo{}).title;
    QStringList created;
    for (int i = 1; i <= 30; i += 2)
        created << QStringLiteral("Todo %1").arg(i);
    QCOMPARE(shown, created);
    app.window->grab().save(QStringLiteral(NEON_TODO_SCREENSHOT_DIR "/import-window-%1.png").arg(QLatin1String(QTest::currentDataTag())));
}

void tst_ImportWizard::shouldImportWithOneClickAndNothingTwice()
{
    QFETCH(Driver, driver);
    AppFixture app(driver);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    const QString file = m_dir.filePath(QStringLiteral("oneclick-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 30), QString());
    app.window->show();

    // WHEN the person chooses the file and clicks "Import with these settings"
    ImportWizard *wizard = openWizard(app, file);
    QVERIFY(wizard);
    QVERIFY(click(wizard, "importNowButton"));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), RunTimeoutMs);
    // THEN everything is imported
    QCOMPARE(text(wizard, "resultImported"), QStringLiteral("30"));
    QCOMPARE(storedTitles(app), expectedTitles(30));
    QVERIFY(click(wizard, "wizardFinish"));
    QTRY_VERIFY(!app.window->findChild<ImportWizard *>());

    // WHEN the same file is imported again
    wizard = openWizard(app, file);
    QVERIFY(wizard);
    QVERIFY(click(wizard, "importNowButton"));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), RunTimeoutMs);
    // THEN nothing is doubled, and the result page says why
    QCOMPARE(text(wizard, "resultImported"), QStringLiteral("0"));
    QCOMPARE(text(wizard, "resultAlreadyThere"), QStringLiteral("30"));
    QCOMPARE(storedTitles(app), expectedTitles(30));
}

void tst_ImportWizard::shouldLeaveDatabaseUntouchedWhenCancelledHalfway()
{
    QFETCH(Driver, driver);
    // Outlive the app: the wizard's destructor waits for the worker, which may be in the probe.
    QSemaphore halfway;
    QSemaphore resume;
    std::atomic_bool held{false};
    // GIVEN a file with 20000 todos
    AppFixture app(driver);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    const QString file = m_dir.filePath(QStringLiteral("cancel-%1.db").arg(int(driver)));
    QCOMPARE(ImportFixtures::sqlModelFile(file, 20000), QString());
    app.window->show();
    ImportWizard *wizard = openWizard(app, file);
    QVERIFY(wizard);
    // (the worker is held at the first progress report from halfway on, until Cancel is clicked)
    wizard->setProgressProbe([&](qint64 done, qint64) {
        if (done >= 10000 && !held.exchange(true)) {
            halfway.release();
            resume.tryAcquire(1, 30000);
        }
    });

    // WHEN the import runs and the person clicks Cancel halfway
    QVERIFY(click(wizard, "importNowButton"));
    QCOMPARE(wizard->currentId(), int(ImportWizard::RunPageId));
    QTRY_VERIFY_WITH_TIMEOUT(halfway.available() > 0, RunTimeoutMs); // (QTRY evaluates it more than once)
    QVERIFY(click(wizard, "wizardCancel"));
    QVERIFY(wizard->isVisible()); // it stays open to say how it ended
    resume.release();

    // THEN the wizard says it was cancelled, and the database has no todo
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ResultPageId), RunTimeoutMs);
    QCOMPARE(text(wizard, "resultHeadline"), QStringLiteral("Import cancelled"));
    QVERIFY2(text(wizard, "resultDetail").contains(QLatin1String("Nothing was changed")),
             qPrintable(text(wizard, "resultDetail")));
    QCOMPARE(storedTitles(app).size(), 0);
}

void tst_ImportWizard::shouldSayOnThePageWhatIsWrongWithTheFile()
{
    ScriptedPresenter presenter;
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    const QString notSqlite = m_dir.filePath(QStringLiteral("todos.csv.db"));
    QCOMPARE(ImportFixtures::notSqliteFile(notSqlite), QString());
    app.window->show();
    for (const QString &file : {m_dir.filePath(QStringLiteral("missing.db")), notSqlite}) {
        // WHEN the person chooses a file that cannot be imported and clicks Next
        ImportWizard *wizard = openWizard(app, file);
        QVERIFY(wizard);
        QVERIFY(click(wizard, "wizardNext"));
        // THEN the first page says why, in words, and no dialog pops up
        QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
        auto *error = wizard->findChild<QLabel *>(QStringLiteral("importFileError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().size() > 20, qPrintable(error->text()));
        QVERIFY(presenter.asked.isEmpty());
        // AND editing the path clears it
        QTest::keyClick(wizard->findChild<QLineEdit *>(QStringLiteral("importFilePath")), Qt::Key_Backspace);
        QVERIFY(!error->isVisible());
        wizard->close();
        QTRY_VERIFY(!app.window->findChild<ImportWizard *>());
    }
}

void tst_ImportWizard::shouldLetThePersonChangeTableAndColumns()
{
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    // GIVEN a file whose todos are in `items` beside a bigger `settings` table and a view
    const QString file = m_dir.filePath(QStringLiteral("renamed.db"));
    QCOMPARE(ImportFixtures::renamedColumnsFile(file), QString());
    app.window->show();
    ImportWizard *wizard = openWizard(app, file);
    QVERIFY(wizard);
    QVERIFY(click(wizard, "wizardNext"));
    auto *table = wizard->findChild<QComboBox *>(QStringLiteral("importTable"));
    auto *title = wizard->findChild<QComboBox *>(QStringLiteral("mapTitle"));
    // THEN the todo table and its title column are preselected, and the view cannot be chosen
    QCOMPARE(table->currentData().toString(), QStringLiteral("items"));
    QCOMPARE(title->currentData().toString(), QStringLiteral("name"));
    const int view = table->findData(QStringLiteral("open_items"));
    QVERIFY(view >= 0);
    QVERIFY(table->itemText(view).contains(QLatin1String("view, ignored")));
    QVERIFY(!(qobject_cast<QStandardItemModel *>(table->model())->item(view)->flags() & Qt::ItemIsEnabled));

    // WHEN the person picks another table, the mapping is guessed again for it
    const int settings = table->findData(QStringLiteral("settings"));
    table->setCurrentIndex(settings);
    emit table->activated(settings);
    QCOMPARE(wizard->plan().table, QStringLiteral("settings"));
    QVERIFY(title->findData(QStringLiteral("name")) < 0);
    // WHEN the title is not imported from anywhere, the page cannot go on and says why
    table->setCurrentIndex(table->findData(QStringLiteral("items")));
    emit table->activated(table->currentIndex());
    QCOMPARE(title->currentData().toString(), QStringLiteral("name"));
    title->setCurrentIndex(0);
    emit title->activated(0);
    QVERIFY(!wizard->findChild<QAbstractButton *>(QStringLiteral("wizardNext"))->isEnabled());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("importMappingHint"))->isVisible());
    // AND choosing a column again is the person's choice
    const int body = title->findData(QStringLiteral("body"));
    title->setCurrentIndex(body);
    emit title->activated(body);
    QVERIFY(wizard->findChild<QAbstractButton *>(QStringLiteral("wizardNext"))->isEnabled());
    QCOMPARE(text(wizard, "confidenceTitle"), QStringLiteral("your choice"));
    QCOMPARE(wizard->plan().mapping(ImportField::Title)->column, QStringLiteral("body"));
}

void tst_ImportWizard::shouldOpenWithADroppedSqliteFile()
{
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    app.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
    const QPointF centre = QPointF(app.window->rect().center());
    auto drag = [&](const QString &file) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(app.window.get(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(app.window.get(), &drop);
        return true;
    };
    // A text file is not taken
    QVERIFY(!drag(m_dir.filePath(QStringLiteral("notes.txt"))));
    QVERIFY(!app.window->findChild<ImportWizard *>());
    // A SQLite file opens the wizard with it filled in
    const QString file = m_dir.filePath(QStringLiteral("dropped.sqlite3"));
    QVERIFY(drag(file));
    auto *wizard = app.window->findChild<ImportWizard *>();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("importFilePath"))->text(),
             QDir::toNativeSeparators(file));
    QVERIFY(wizard->findChild<QAbstractButton *>(QStringLiteral("importNowButton"))->isEnabled());
}

QTEST_MAIN(tst_ImportWizard)
#include "tst_importwizard.moc"
