#include "apptestfixture.h"
#include "listrepository.h"
#include "shortcutsdialog.h"
#include "todorepository.h"
#include "todoview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStyleFactory>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

using namespace nt;
using namespace nt::test;

// How the window looks with a realistic list, in the light and the dark palette, and whether every
// control can be reached by assistive technology. Screenshots go to <build>/screenshots/.
class tst_Appearance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void shouldNameEveryControl();
    void shouldGiveEveryActionAShortcut();
    void shouldRenderSampleData_data();
    void shouldRenderSampleData();

private:
    void addSampleData(AppFixture &app);
};

void tst_Appearance::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QDir().mkpath(QStringLiteral(NEON_TODO_SCREENSHOT_DIR));
}

void tst_Appearance::addSampleData(AppFixture &app)
{
    const QString c = app.activeConnection();
    ListRepository lists(c);
    QHash<QString, QUuid> ids;
    for (const char *name : {"Home", "Work", "Groceries"}) {
        ListInfo l;
        l.name = QString::fromUtf8(name);
        l.position = ids.size() + 1;
        ids.insert(l.name, lists.add(l).value().id);
    }
    const QDate today = QDate::currentDate();
    struct Sample { const char *title; int dueDays; int hour; int priority; const char *list; const char *notes; bool done; };
    const Sample samples[] = {
        {"Call the plumber about the kitchen sink", 0, 17, 3, "Home", "Ask about the leak under the sink", false},
        {"Write quarterly report", 1, 9, 3, "Work", "Numbers from finance first", false},
        {"Book flights to Lisbon", -2, -1, 1, "", "", false},
        {"Renew passport", 3, -1, 2, "Home", "Photos are in the drawer", false},
        {"Buy oat milk and coffee beans", -99, -1, 0, "Groceries", "", false},
        {"Reply to Anna about the weekend", -99, -1, 0, "", "", false},
        {"Plan team offsite", 24, -1, 1, "Work", "", false},
        {"Pay electricity bill", -1, -1, 2, "Home", "", true},
    };
    for (const Sample &s : samples) {
        Todo t = Todo::titled(QString::fromUtf8(s.title));
        if (s.dueDays != -99) {
            t.dueAllDay = s.hour < 0;
            t.dueAt = t.dueAllDay ? QDateTime(today.addDays(s.dueDays), QTime(0, 0), QTimeZone::utc())
                                  : QDateTime(today.addDays(s.dueDays), QTime(s.hour, 0)).toUTC();
        }
        t.priority = s.priority;
        t.listId = ids.value(QString::fromUtf8(s.list));
        t.notes = QString::fromUtf8(s.notes);
        t.completed = s.done;
        QVERIFY(TodoRepository(c).add(t).ok());
    }
    app.todos.reload();
    app.sidebar->reload();
}

void tst_Appearance::shouldNameEveryControl()
{
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    addSampleData(app);
    app.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
    // Every control a person can focus has a name a screen reader can say.
    QStringList unnamed;
    for (QWidget *w : app.window->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QAbstractButton *>(w);
        if (!control || !w->isVisibleTo(app.window.get()) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
            continue; // a button's text is its name
        if (w->accessibleName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            unnamed << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void tst_Appearance::shouldGiveEveryActionAShortcut()
{
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    QStringList missing;
    int listed = 0;
    for (QAction *a : app.window->findChildren<QAction *>()) {
        // Menu titles open with Alt; the entries of the list menu are reached through Ctrl+M.
        if (a->menu() || a->isSeparator() || a->text().isEmpty() || a->objectName().isEmpty())
            continue;
        ++listed;
        if (a->shortcut().isEmpty())
            missing << a->text();
    }
    QVERIFY(listed > 25);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    // No two window-wide actions share keys (Qt would then fire neither).
    QHash<QKeySequence, QString> owner;
    QStringList clashes;
    for (QAction *a : app.window->findChildren<QAction *>()) {
        if (a->shortcutContext() != Qt::WindowShortcut || a->objectName().isEmpty())
            continue;
        for (const QKeySequence &k : a->shortcuts()) {
            if (owner.contains(k) && owner.value(k) != a->text())
                clashes << QStringLiteral("%1: %2 / %3").arg(k.toString(), owner.value(k), a->text());
            owner.insert(k, a->text());
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    // The help window lists them.
    ShortcutsDialog help(app.window->findChildren<QAction *>());
    auto *table = help.findChild<QTreeWidget *>(QStringLiteral("shortcutsTable"));
    QVERIFY(table->topLevelItemCount() >= 25);
}

void tst_Appearance::shouldRenderSampleData_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void tst_Appearance::shouldRenderSampleData()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Button, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x9e, 0x8f));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        p.setColor(QPalette::Midlight, QColor(0x30, 0x33, 0x37));
        p.setColor(QPalette::Link, QColor(0x6c, 0xc4, 0xb6));
        QApplication::setPalette(p);
    }
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    addSampleData(app);
    app.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
    auto *view = app.window->findChild<TodoView *>(QStringLiteral("todoList"));
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::qWait(50);
    const QImage shot = app.window->grab().toImage();
    const QString path = QStringLiteral(NEON_TODO_SCREENSHOT_DIR "/mainwindow-%1.png").arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    QVERIFY(shot.save(path));
    // The list shows the open sample todos, and the picture is not blank.
    QCOMPARE(view->model()->rowCount(), 7);
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7)
            colours.insert(shot.pixel(x, y));
    QVERIFY2(colours.size() > 20, "the screenshot has content");
    QApplication::setPalette(original);
}

QTEST_MAIN(tst_Appearance)
#include "tst_appearance.moc"
