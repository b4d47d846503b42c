#include "apptestfixture.h"
#include "duetext.h"
#include "profilestore.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace nt;
using namespace nt::test;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QStringList translations; // one per numerus form; one for plain messages
    bool numerus = false;
    bool finished = true;
    bool dropped = false; // vanished or obsolete: not compiled, not checked
};

// Every live message of a .ts file; empty (with `error` set) when it cannot be read.
QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == "message"_L1) {
            if (!message.dropped)
                messages << message;
            message = {};
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message.context = context;
            message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (name == "translation"_L1) {
            const auto type = xml.attributes().value("type"_L1);
            message.finished = type.isEmpty();
            message.dropped = type == "vanished"_L1 || type == "obsolete"_L1;
            if (!message.numerus) // else the numerusform children follow
                message.translations << xml.readElementText();
        } else if (name == "numerusform"_L1) {
            message.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = path + u": "_s + xml.errorString();
    return messages;
}

// "%1", "%2", "%n", "%L1": what .arg() and tr()'s plural fill in, sorted and once each.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (const auto &m : re.globalMatch(text))
        found << m.captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

// The HTML tags in order: a translation may reword the text, not restructure it.
QStringList tags(const QString &text)
{
    static const QRegularExpression re(u"<[^<>]+>"_s);
    QStringList found;
    for (const auto &m : re.globalMatch(text))
        found << m.captured();
    return found;
}

QString mnemonicOf(const QString &text)
{
    return QKeySequence::mnemonic(text).toString();
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void shouldEmbedTheGermanCatalogue();
    void shouldTranslateStringsOfEveryLayer_data();
    void shouldTranslateStringsOfEveryLayer();
    void shouldFillBothPluralForms();
    void shouldShowTheMainWindowInGerman();
    void shouldKeepAcceleratorsDistinctInTheSettingsDialog();
    void shouldTranslateDueTexts();
    void shouldKeepPlaceholdersMarkupAndAccelerators_data();
    void shouldKeepPlaceholdersMarkupAndAccelerators();

private:
    QTemporaryDir m_runtimeDir; // an XDG_RUNTIME_DIR without a session bus: no keychain
};

void tst_Translations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_runtimeDir.isValid());
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
    // GIVEN a German desktop, set up the way main.cpp does it
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslations(*QCoreApplication::instance());
}

void tst_Translations::cleanupTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_Translations::shouldEmbedTheGermanCatalogue()
{
    // GIVEN the resources linked in with neontodo_ui
    QTranslator translator;
    // WHEN the German catalogue is looked up the way installTranslations() does it
    QVERIFY(translator.load(QLocale(QLocale::German), u"neon-todo"_s, u"_"_s, u":/i18n"_s));
    // THEN it is the embedded German one
    QCOMPARE(translator.filePath(), u":/i18n/neon-todo_de.qm"_s);
    QCOMPARE(translator.language(), u"de_DE"_s);
    QVERIFY(!translator.isEmpty());
}

void tst_Translations::shouldTranslateStringsOfEveryLayer_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    // One or more per layer and per class with strings: main.cpp, ui, data, core.
    const QList<std::pair<const char *, const char *>> rows{
        {"QObject", "Password:"},
        {"nt::MainWindow", "&File"},
        {"nt::MainWindow", "&Edit"},
        {"nt::MainWindow", "Undo"},
        {"nt::MainWindow", "Redo"},
        {"nt::MainWindow", "Search"},
        {"nt::MainWindow", "<h2>Nothing to do</h2><p>Type a todo above and press Enter.</p>"},
        {"nt::DetailPane", "Due"},
        {"nt::QuickAddBar", "Add a todo"},
        {"nt::SettingsDialog", "Connection settings"},
        {"nt::SettingsDialog", "&Test connection"},
        {"nt::ShortcutsDialog", "Keyboard shortcuts"},
        {"nt::Sidebar", "New list"},
        {"nt::TodoView", "Todos"},
        {"TodoCommands", "Add “%1”"},
        {"nt::ConnectionManager", "Local database"},
        {"nt::ConnectionTester", "Schema up to date."},
        {"nt::SidebarModel", "Today"},
        {"nt::SidebarModel", "Completed"},
        {"nt::TodoListModel", "Priority"},
        {"QuickAdd", "Priority: %1"},
    };
    for (const auto &[context, source] : rows)
        QTest::addRow("%s: %s", context, source) << QByteArray(context) << QByteArray(source);
}

void tst_Translations::shouldTranslateStringsOfEveryLayer()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    // WHEN the string is looked up as the code does
    const QString shown = QCoreApplication::translate(context.constData(), source.constData());
    // THEN it comes back in German
    QVERIFY2(!shown.isEmpty() && shown != QString::fromUtf8(source), qPrintable(shown));
}

void tst_Translations::shouldFillBothPluralForms()
{
    // WHEN a %n message is looked up for one and for several
    const QString one = QCoreApplication::translate("nt::MainWindow", "Delete %n todo(s)", nullptr, 1);
    const QString five = QCoreApplication::translate("nt::MainWindow", "Delete %n todo(s)", nullptr, 5);
    // THEN each has its German form and its number
    QCOMPARE(one, u"1 Aufgabe löschen"_s);
    QCOMPARE(five, u"5 Aufgaben löschen"_s);
}

void tst_Translations::shouldShowTheMainWindowInGerman()
{
    // GIVEN the window as main.cpp builds it
    AppFixture app(Driver::SQLite);
    QVERIFY2(app.ok(), qPrintable(app.error()));
    // THEN its menus are German, each with its own accelerator
    QStringList titles;
    QStringList mnemonics;
    for (const QAction *menu : app.window->menuBar()->actions()) {
        titles << menu->text();
        mnemonics << mnemonicOf(menu->text());
    }
    QCOMPARE(titles, (QStringList{u"&Datei"_s, u"&Bearbeiten"_s, u"Auf&gabe"_s, u"&Ansicht"_s, u"&Hilfe"_s}));
    QVERIFY2(!mnemonics.contains(QString()), qPrintable(mnemonics.join(u' ')));
    QCOMPARE(QSet<QString>(mnemonics.cbegin(), mnemonics.cend()).size(), mnemonics.size());
    // AND so is the sidebar, which comes from the data layer
    QCOMPARE(app.sidebar->index(0).data().toString(), u"Alle"_s);
}

void tst_Translations::shouldKeepAcceleratorsDistinctInTheSettingsDialog()
{
    // GIVEN the settings dialog on a settings file of its own
    QTemporaryDir dir;
    ProfileStore store(std::make_unique<QSettings>(dir.filePath(u"neon-todo.ini"_s), QSettings::IniFormat));
    SecretStore secrets(u"dev.neontodo.NeonTodo.tests"_s);
    SettingsDialog dialog(&store, &secrets);
    // WHEN its buttons and labels are read
    QStringList texts;
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        texts << button->text();
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    // THEN they are German and no two share an accelerator
    QVERIFY(texts.contains(u"&Speichern"_s));
    QVERIFY(texts.contains(u"Pass&wort:"_s));
    QHash<QString, QString> byKey;
    for (const QString &text : std::as_const(texts)) {
        const QString key = mnemonicOf(text);
        if (key.isEmpty())
            continue;
        QVERIFY2(!byKey.contains(key),
                 qPrintable(u"%1 is used by “%2” and “%3”"_s.arg(key, byKey.value(key), text)));
        byKey.insert(key, text);
    }
}

void tst_Translations::shouldTranslateDueTexts()
{
    // GIVEN something due today at 17:00
    const QDateTime now(QDate::currentDate(), QTime(9, 0));
    const QDateTime due(QDate::currentDate(), QTime(17, 0));
    // WHEN the list shows it
    const QString shown = DueText::text(due.toUTC(), false, now);
    // THEN it says so in German
    QVERIFY2(shown.startsWith(u"Heute"_s), qPrintable(shown));
}

void tst_Translations::shouldKeepPlaceholdersMarkupAndAccelerators_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    QTest::addColumn<bool>("finished");
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(NEON_TODO_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    for (const Message &m : messages) {
        for (qsizetype form = 0; form < m.translations.size(); ++form) {
            QString tag = m.context + u": "_s + m.source;
            if (!m.comment.isEmpty())
                tag += u" ("_s + m.comment + u')';
            if (m.numerus)
                tag += u" [%1]"_s.arg(form);
            QTest::newRow(qPrintable(tag)) << m.source << m.translations.at(form) << m.finished;
        }
    }
}

void tst_Translations::shouldKeepPlaceholdersMarkupAndAccelerators()
{
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QFETCH(bool, finished);
    // THEN every message is translated, with what the code fills in and the markup it relies on
    QVERIFY2(finished && !translation.isEmpty(), "unfinished: run lupdate, then translate it");
    QCOMPARE(placeholders(translation), placeholders(source));
    QCOMPARE(tags(translation), tags(source));
    QCOMPARE(mnemonicOf(translation).isEmpty(), mnemonicOf(source).isEmpty());
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
