#include "apptestfixture.h"
#include "todorepository.h"

#include "todoview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSqlDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTest>
#include <QTimeZone>
#include <QTreeView>
#include <QUndoStack>

using namespace nt;
using namespace nt::test;

namespace {

QTreeView *listView(const AppFixture &app)
{
    return app.window->findChild<QTreeView *>(QStringLiteral("todoList"));
}

QStringList shownTitles(const AppFixture &app)
{
    QStringList titles;
    const QAbstractItemModel *m = listView(app)->model();
    for (int r = 0; r < m->rowCount(); ++r)
        titles << m->index(r, 0).data().toString();
    return titles;
}

QList<Todo> stored(const AppFixture &app)
{
    auto rows = TodoRepository(app.activeConnection()).list();
    return rows.ok() ? rows.value() : QList<Todo>{};
}

std::optional<Todo> storedNamed(const AppFixture &app, const QString &title)
{
    for (const Todo &t : stored(app))
        if (t.title == title)
            return t;
    return std::nullopt;
}

// Types into the quick-add bar and presses Enter, as a person does.
void quickAdd(AppFixture &app, const QString &text)
{
    auto *edit = app.window->findChild<QLineEdit *>(QStringLiteral("quickAdd"));
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void selectTitles(AppFixture &app, const QStringList &titles)
{
    QTreeView *view = listView(app);
    view->setFocus();
    view->selectionModel()->clear();
    const QAbstractItemModel *m = view->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (titles.contains(m->index(r, 0).data().toString())) {
            view->selectionModel()->select(m->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            view->selectionModel()->setCurrentIndex(m->index(r, 0), QItemSelectionModel::NoUpdate);
        }
    }
}

bool showAndActivate(AppFixture &app)
{
    app.window->show();
    app.window->activateWindow();
    return QTest::qWaitForWindowExposed(app.window.get()) && QTest::qWaitForWindowActive(app.window.get());
}

#define NT_APP(app)                                                                                                    \
    QFETCH(Driver, driver);                                                                                            \
    AppFixture app(driver);                                                                                            \
    QVERIFY2(app.ok(), qPrintable(app.error()));                                                                       \
    QVERIFY(showAndActivate(app));                                                                                     \
    QAbstractItemModelTester proxyTester(listView(app)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest)

} // namespace

class tst_TodoWorkflow : public QObject
{
    Q_OBJECT
private slots:
    void shouldQuickAddWithDatePriorityAndList_data() { addDriverColumn(); addDriverRows(); }
    void shouldQuickAddWithDatePriorityAndList();
    void shouldKeepWordsThatAreNotDates_data() { addDriverColumn(); addDriverRows(); }
    void shouldKeepWordsThatAreNotDates();
    void shouldEditTitleInPlace_data() { addDriverColumn(); addDriverRows(); }
    void shouldEditTitleInPlace();
    void shouldCompleteWithSpaceAndUndoRedo_data() { addDriverColumn(); addDriverRows(); }
    void shouldCompleteWithSpaceAndUndoRedo();
    void shouldCompleteByClickingTheCircle_data() { addDriverColumn(); addDriverRows(); }
    void shouldCompleteByClickingTheCircle();
    void shouldDeleteAndUndoRedo_data() { addDriverColumn(); addDriverRows(); }
    void shouldDeleteAndUndoRedo();
    void shouldBulkCompleteAndUndo_data() { addDriverColumn(); addDriverRows(); }
    void shouldBulkCompleteAndUndo();
    void shouldSearchHostileTextSafely_data() { addDriverColumn(); addDriverRows(); }
    void shouldSearchHostileTextSafely();
    void shouldSortFromTheViewMenu_data() { addDriverColumn(); addDriverRows(); }
    void shouldSortFromTheViewMenu();
    void shouldReorderAndUndo_data() { addDriverColumn(); addDriverRows(); }
    void shouldReorderAndUndo();
    void shouldEditDetailsInThePane_data() { addDriverColumn(); addDriverRows(); }
    void shouldEditDetailsInThePane();
    void shouldAskWhenAnotherDeviceChangedTheTodo_data() { addDriverColumn(); addDriverRows(); }
    void shouldAskWhenAnotherDeviceChangedTheTodo();
    void shouldKeepSelectionAndHalfTypedEditAcrossSwitch();
    void shouldNotLetUndoOverwriteAnotherDevice_data() { addDriverColumn(); addDriverRows(); }
    void shouldNotLetUndoOverwriteAnotherDevice();
    void shouldKeepQuickAddTextWhenSavingFails_data() { addDriverColumn(); addDriverRows(); }
    void shouldKeepQuickAddTextWhenSavingFails();
    void shouldShowTheNewDatabaseWhenSwitchingBetweenNeonProfiles();
};

void tst_TodoWorkflow::shouldQuickAddWithDatePriorityAndList()
{
    NT_APP(app);
    // GIVEN the quick-add bar, WHEN a person types a todo with a date, a priority and a list
    auto *edit = app.window->findChild<QLineEdit *>(QStringLiteral("quickAdd"));
    auto *hint = app.window->findChild<QLabel *>(QStringLiteral("quickAddHint"));
    QVERIFY(edit->hasFocus()); // focused on start
    QTest::keyClicks(edit, QStringLiteral("Pay rent tomorrow 5pm !3 #home"));
    // THEN before Enter the hint says what was understood
    QVERIFY2(hint->text().contains(QStringLiteral("Priority: high")), qPrintable(hint->text()));
    QVERIFY(hint->text().contains(QStringLiteral("List: home")));
    QVERIFY(hint->text().contains(QStringLiteral("Due:")));
    QTest::keyClick(edit, Qt::Key_Return);
    // AND after Enter it is stored with each part in its field, the list created, the bar empty
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("Pay rent")});
    const auto rent = storedNamed(app, QStringLiteral("Pay rent"));
    QVERIFY(rent);
    QCOMPARE(rent->priority, 3);
    const QDateTime due = QDateTime(QDate::currentDate().addDays(1), QTime(17, 0)).toUTC();
    QCOMPARE(rent->dueAt, due);
    QVERIFY(!rent->dueAllDay);
    const auto home = app.sidebar->listNamed(QStringLiteral("home"));
    QVERIFY(home);
    QCOMPARE(rent->listId, home->id);
    QVERIFY(edit->text().isEmpty());
    // Ctrl+N brings focus back to the bar from anywhere
    listView(app)->setFocus();
    QTest::keyClick(app.window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(edit->hasFocus());
}

void tst_TodoWorkflow::shouldKeepWordsThatAreNotDates()
{
    NT_APP(app);
    for (const char *text : {"Read chapter 5", "Watch Friday Night Lights", "Call May", "Fix the Friday deploy script"})
        quickAdd(app, QString::fromUtf8(text));
    QTRY_COMPARE(stored(app).size(), 4);
    for (const Todo &t : stored(app)) {
        QVERIFY2(!t.dueAt.isValid(), qPrintable(t.title));
        QCOMPARE(t.priority, 0);
    }
    QVERIFY(storedNamed(app, QStringLiteral("Watch Friday Night Lights")));
    QVERIFY(storedNamed(app, QStringLiteral("Read chapter 5")));
}

void tst_TodoWorkflow::shouldEditTitleInPlace()
{
    NT_APP(app);
    quickAdd(app, QStringLiteral("Buy milk"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    selectTitles(app, {QStringLiteral("Buy milk")});
    // WHEN F2 opens the editor and a new title is typed
    QTest::keyClick(listView(app), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = listView(app)->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Buy oat milk"));
    QTest::keyClick(editor, Qt::Key_Return);
    // THEN the list and the database have it, and undo brings the old title back
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("Buy oat milk")});
    QVERIFY(storedNamed(app, QStringLiteral("Buy oat milk")));
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(storedNamed(app, QStringLiteral("Buy milk")));
}

void tst_TodoWorkflow::shouldCompleteWithSpaceAndUndoRedo()
{
    NT_APP(app);
    quickAdd(app, QStringLiteral("Water plants"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    app.window->findChild<QAction *>(QStringLiteral("actionShowCompleted"))->setChecked(true);
    selectTitles(app, {QStringLiteral("Water plants")});
    // WHEN Space is pressed on the row
    QTest::keyClick(listView(app), Qt::Key_Space);
    // THEN it is completed (with a stamp); Ctrl+Z reopens; Ctrl+Shift+Z completes again
    QTRY_VERIFY(storedNamed(app, QStringLiteral("Water plants"))->completed);
    QVERIFY(storedNamed(app, QStringLiteral("Water plants"))->completedAt.isValid());
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!storedNamed(app, QStringLiteral("Water plants"))->completed);
    QVERIFY(!storedNamed(app, QStringLiteral("Water plants"))->completedAt.isValid());
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(storedNamed(app, QStringLiteral("Water plants"))->completed);
}

void tst_TodoWorkflow::shouldCompleteByClickingTheCircle()
{
    NT_APP(app);
    quickAdd(app, QStringLiteral("Feed the cat"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    QTreeView *view = listView(app);
    const QModelIndex row = view->model()->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(row);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    const QRect check = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    // WHEN the circle is clicked
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, check.center());
    // THEN the todo is completed (and leaves the open list)
    QTRY_VERIFY(storedNamed(app, QStringLiteral("Feed the cat"))->completed);
    QTRY_COMPARE(shownTitles(app), QStringList{});
    // AND Ctrl+Z takes back that click (not the add before it)
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("Feed the cat")});
    QVERIFY(!storedNamed(app, QStringLiteral("Feed the cat"))->completed);
}

void tst_TodoWorkflow::shouldDeleteAndUndoRedo()
{
    NT_APP(app);
    for (const char *t : {"keep", "remove me"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 2);
    selectTitles(app, {QStringLiteral("remove me")});
    // WHEN Delete is pressed: no dialog, the row goes, and the status bar says how to undo
    QTest::keyClick(listView(app), Qt::Key_Delete);
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("keep")});
    QCOMPARE(stored(app).size(), 1);
    QVERIFY(app.window->statusBar()->currentMessage().contains(QStringLiteral("Undo")));
    // THEN undo brings it back, redo deletes it again
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(shownTitles(app), (QStringList{QStringLiteral("keep"), QStringLiteral("remove me")}));
    QCOMPARE(stored(app).size(), 2);
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("keep")});
}

void tst_TodoWorkflow::shouldBulkCompleteAndUndo()
{
    NT_APP(app);
    for (const char *t : {"one", "two", "three", "four"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 4);
    selectTitles(app, {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("four")});
    // WHEN three are completed at once
    QTest::keyClick(listView(app), Qt::Key_Space);
    // THEN they leave the open list together and the database agrees; one undo brings all back
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("three")});
    int done = 0;
    for (const Todo &t : stored(app))
        done += t.completed ? 1 : 0;
    QCOMPARE(done, 3);
    QCOMPARE(app.window->undoStack()->count(), 5); // four adds, one bulk edit
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(shownTitles(app).size(), 4);
    for (const Todo &t : stored(app))
        QVERIFY(!t.completed);
}

void tst_TodoWorkflow::shouldSearchHostileTextSafely()
{
    NT_APP(app);
    for (const char *t : {"Buy milk", "50% off sale", "snake_case rename"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 3);
    auto *search = app.window->findChild<QLineEdit *>(QStringLiteral("search"));
    QTest::keyClick(app.window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    // WHEN hostile text is typed
    QTest::keyClicks(search, QStringLiteral("'%_\\\"; DROP TABLE todos;--"));
    // THEN nothing matches, nothing went wrong, and the table is intact
    QTRY_COMPARE(shownTitles(app), QStringList{});
    QVERIFY(app.window->statusBar()->currentMessage().isEmpty());
    QCOMPARE(stored(app).size(), 3);
    // AND the wildcard characters match only themselves
    search->clear();
    QTest::keyClicks(search, QStringLiteral("%"));
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("50% off sale")});
    search->clear();
    QTest::keyClicks(search, QStringLiteral("_"));
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("snake_case rename")});
    search->clear();
    QTRY_COMPARE(shownTitles(app).size(), 3);
}

void tst_TodoWorkflow::shouldSortFromTheViewMenu()
{
    NT_APP(app);
    for (const char *t : {"b task !1", "c task !3", "a task"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 3);
    auto sortBy = [&](TodoFilterModel::SortKey key) {
        app.window->findChild<QAction *>(QStringLiteral("sort%1").arg(int(key)))->trigger();
        return shownTitles(app);
    };
    using K = TodoFilterModel::SortKey;
    QCOMPARE(sortBy(K::Title), (QStringList{QStringLiteral("a task"), QStringLiteral("b task"), QStringLiteral("c task")}));
    QCOMPARE(sortBy(K::Priority), (QStringList{QStringLiteral("c task"), QStringLiteral("b task"), QStringLiteral("a task")}));
    QCOMPARE(sortBy(K::Created), (QStringList{QStringLiteral("a task"), QStringLiteral("c task"), QStringLiteral("b task")}));
    QCOMPARE(sortBy(K::Manual), (QStringList{QStringLiteral("b task"), QStringLiteral("c task"), QStringLiteral("a task")}));
}

void tst_TodoWorkflow::shouldReorderAndUndo()
{
    NT_APP(app);
    for (const char *t : {"first", "second", "third", "fourth"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 4);
    auto *view = qobject_cast<TodoView *>(listView(app));
    QVERIFY(view);
    const QList<QUuid> ids = view->visibleIds();
    // WHEN "fourth" is dragged above "second" (the drop reports the move), then "first" to the end
    emit view->reorderRequested({ids.at(3)}, ids.at(1));
    QTRY_COMPARE(shownTitles(app), (QStringList{QStringLiteral("first"), QStringLiteral("fourth"), QStringLiteral("second"), QStringLiteral("third")}));
    emit view->reorderRequested({ids.at(0)}, QUuid());
    QTRY_COMPARE(shownTitles(app), (QStringList{QStringLiteral("fourth"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("first")}));
    // THEN the order is stored, and undo takes the moves back one by one
    auto reread = [&] {
        TodoListModel fresh;
        fresh.setConnection(app.activeConnection());
        TodoFilterModel f;
        f.setSourceModel(&fresh);
        QStringList t;
        for (int r = 0; r < f.rowCount(); ++r)
            t << f.index(r, 0).data().toString();
        return t;
    };
    QCOMPARE(reread(), shownTitles(app));
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(shownTitles(app), (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("fourth")}));
    QCOMPARE(reread(), shownTitles(app));
}

void tst_TodoWorkflow::shouldEditDetailsInThePane()
{
    NT_APP(app);
    quickAdd(app, QStringLiteral("Plan trip"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    selectTitles(app, {QStringLiteral("Plan trip")});
    auto *notes = app.window->findChild<QPlainTextEdit *>(QStringLiteral("detailNotes"));
    QTRY_VERIFY(notes->isVisible());
    // WHEN notes are typed (saved after a pause) and the priority is picked
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("Flights, hotel, train"));
    QTRY_COMPARE_WITH_TIMEOUT(storedNamed(app, QStringLiteral("Plan trip"))->notes, QStringLiteral("Flights, hotel, train"), 5000);
    auto *priority = app.window->findChild<QComboBox *>(QStringLiteral("detailPriority"));
    priority->setFocus();
    QTest::keyClick(priority, Qt::Key_Down);
    QTRY_COMPARE(storedNamed(app, QStringLiteral("Plan trip"))->priority, 1);
    // THEN the notes indicator shows in the list, and undo takes the priority back
    QCOMPARE(listView(app)->model()->index(0, TodoListModel::NotesColumn).data().toString(), QStringLiteral("✎"));
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(storedNamed(app, QStringLiteral("Plan trip"))->priority, 0);
}

void tst_TodoWorkflow::shouldAskWhenAnotherDeviceChangedTheTodo()
{
    NT_APP(app);
    ScriptedPresenter presenter;
    presenter.answers << 0; // "Keep my change"
    quickAdd(app, QStringLiteral("Buy milk"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    // GIVEN another device renames it meanwhile
    const Todo mine = stored(app).first();
    QString other;
    if (app.remote())
        other = app.remote()->openAnother(QStringLiteral("device-b"));
    else {
        other = QStringLiteral("device-b-sqlite");
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), other);
        db.setDatabaseName(app.connections().localPath());
        QVERIFY(db.open());
    }
    QVERIFY(TodoRepository(other).update(mine.id, mine.version, TodoPatch{.title = QStringLiteral("Buy oat milk")}).ok());
    // WHEN this device edits its stale copy
    selectTitles(app, {QStringLiteral("Buy milk")});
    QTest::keyClick(listView(app), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = listView(app)->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Buy milk and eggs"));
    QTest::keyClick(editor, Qt::Key_Return);
    // THEN the person is shown both values and chooses; their choice is saved
    QTRY_COMPARE(presenter.asked.size(), 1);
    QVERIFY(presenter.asked.first().contains(QStringLiteral("Buy oat milk")));
    QVERIFY(presenter.asked.first().contains(QStringLiteral("Buy milk and eggs")));
    QTRY_COMPARE(stored(app).first().title, QStringLiteral("Buy milk and eggs"));
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("Buy milk and eggs")});
    if (!app.remote())
        QSqlDatabase::removeDatabase(other);
}

void tst_TodoWorkflow::shouldKeepSelectionAndHalfTypedEditAcrossSwitch()
{
    // Switching needs both databases: the local one and PostgreSQL, holding the same todos.
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    QVERIFY(showAndActivate(app));
    for (const char *t : {"alpha", "beta", "gamma"})
        quickAdd(app, QString::fromUtf8(t));
    QTRY_COMPARE(shownTitles(app).size(), 3);
    ScratchDatabase remote(Driver::PostgreSQL, QStringLiteral("switch"));
    NT_REQUIRE(remote);
    QVERIFY(!app.connections().openRemote(remote.profile()));
    for (const Todo &t : stored(app))
        QVERIFY(TodoRepository(app.connections().remoteName()).add(t).ok());

    // GIVEN "beta" selected, its title editor open with half-typed text, and text in the quick-add bar
    selectTitles(app, {QStringLiteral("beta")});
    auto *bar = app.window->findChild<QLineEdit *>(QStringLiteral("quickAdd"));
    bar->setText(QStringLiteral("draft todo"));
    listView(app)->setFocus();
    QTest::keyClick(listView(app), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = listView(app)->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("beta, half typ"));

    // WHEN the active connection switches to PostgreSQL
    QVERIFY(!app.connections().setActive(app.connections().remoteName()));

    // THEN the selection, the open editor with its text, and the quick-add text are all still there
    QCOMPARE(app.activeConnection(), app.connections().remoteName());
    auto *view = qobject_cast<TodoView *>(listView(app));
    QCOMPARE(view->selectedIds().size(), 1);
    QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("beta"));
    QCOMPARE(listView(app)->viewport()->findChild<QLineEdit *>(), editor);
    QCOMPARE(editor->text(), QStringLiteral("beta, half typ"));
    QCOMPARE(bar->text(), QStringLiteral("draft todo"));
    QVERIFY(app.window->findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().startsWith(QStringLiteral("Neon")));
    // AND finishing the edit saves it to the database now active
    QTest::keyClicks(editor, QStringLiteral("ed"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(storedNamed(app, QStringLiteral("beta, half typed")));
    QVERIFY(!TodoRepository(app.connections().localName()).list().value().isEmpty());
}

namespace {

QString otherDevice(AppFixture &app, const QString &name)
{
    if (app.remote())
        return app.remote()->openAnother(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(app.connections().localPath());
    return db.open() ? name : QString();
}

} // namespace

void tst_TodoWorkflow::shouldNotLetUndoOverwriteAnotherDevice()
{
    NT_APP(app);
    ScriptedPresenter presenter;
    presenter.answers << 1; // "Use theirs"
    quickAdd(app, QStringLiteral("Call the bank"));
    QTRY_COMPARE(shownTitles(app).size(), 1);
    // GIVEN this device set the priority to high...
    selectTitles(app, {QStringLiteral("Call the bank")});
    QTest::keyClick(app.window.get(), Qt::Key_3, Qt::AltModifier);
    QTRY_COMPARE(storedNamed(app, QStringLiteral("Call the bank"))->priority, 3);
    // ...and then another device set it to low, and this window refreshed
    const QString other = otherDevice(app, QStringLiteral("undo-other-%1").arg(int(app.remote() != nullptr)));
    QVERIFY(!other.isEmpty());
    const Todo now = stored(app).first();
    QVERIFY(TodoRepository(other).update(now.id, now.version, TodoPatch{.priority = 1}).ok());
    QVERIFY(!app.todos.reload());
    // WHEN this device presses Ctrl+Z
    QTest::keyClick(app.window.get(), Qt::Key_Z, Qt::ControlModifier);
    // THEN the other device's change is not overwritten: the person is asked, and "theirs" stays
    QTRY_COMPARE(presenter.asked.size(), 1);
    QCOMPARE(storedNamed(app, QStringLiteral("Call the bank"))->priority, 1);
    if (!app.remote())
        QSqlDatabase::removeDatabase(other);
}

void tst_TodoWorkflow::shouldKeepQuickAddTextWhenSavingFails()
{
    NT_APP(app);
    auto *edit = app.window->findChild<QLineEdit *>(QStringLiteral("quickAdd"));
    // GIVEN a title longer than a todo may have
    const QString tooLong = QString(Todo::MaxTitleLength + 20, QLatin1Char('x'));
    edit->setFocus();
    edit->setText(tooLong);
    QTest::keyClick(edit, Qt::Key_Return);
    // THEN nothing was added, the person is told why, and the text is still there to fix
    QCOMPARE(stored(app).size(), 0);
    QVERIFY(!app.window->statusBar()->currentMessage().isEmpty());
    QCOMPARE(edit->text(), tooLong);
    QCOMPARE(app.window->undoStack()->count(), 0);
}

void tst_TodoWorkflow::shouldShowTheNewDatabaseWhenSwitchingBetweenNeonProfiles()
{
    // GIVEN the app on one PostgreSQL database with a todo in it
    AppFixture app(Driver::PostgreSQL);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    QVERIFY(showAndActivate(app));
    quickAdd(app, QStringLiteral("first database"));
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("first database")});
    // WHEN the person switches to another profile (another database) while on Neon
    ScratchDatabase second(Driver::PostgreSQL, QStringLiteral("second"));
    NT_REQUIRE(second);
    QVERIFY(!app.connections().openRemote(second.profile()));
    // THEN the window shows the new database's (empty) list, and undo cannot reach the old one
    QTRY_COMPARE(shownTitles(app), QStringList{});
    QCOMPARE(app.window->undoStack()->count(), 0);
    quickAdd(app, QStringLiteral("second database"));
    QTRY_COMPARE(shownTitles(app), QStringList{QStringLiteral("second database")});
}

QTEST_MAIN(tst_TodoWorkflow)
#include "tst_todoworkflow.moc"
