#include "messagepresenter.h"
#include "profilestore.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "testdatabase.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace nt;
using namespace nt::test;

namespace {

// Answers every question with the next scripted answer (-1, "dismissed", when none is left) and
// remembers what was asked.
class ScriptedPresenter final : public MessagePresenter
{
public:
    void inform(QWidget *, const QString &title, const QString &text) override
    {
        titles << title;
        texts << text;
    }
    int choose(QWidget *, const QString &title, const QString &text, const QStringList &) override
    {
        titles << title;
        texts << text;
        return answers.isEmpty() ? -1 : answers.takeFirst();
    }
    void reset()
    {
        answers.clear();
        titles.clear();
        texts.clear();
    }

    QList<int> answers;
    QStringList titles;
    QStringList texts;
};

const QString NeonPassword = u"AbC123@xyz"_s; // '@' travels as %40 in the URL
const QString NeonUrl = u"postgresql://alex:AbC123%40xyz@ep-cool-darkness-123456.us-east-2.aws.neon.tech/"
                        u"neondb?sslmode=require"_s;

} // namespace

class tst_SettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase() { MessagePresenter::setInstance(nullptr); }

    void shouldListBuiltInProfilesAsNotConfigured();
    void shouldMovePastedPasswordToPasswordField_data();
    void shouldMovePastedPasswordToPasswordField();
    void shouldExplainMalformedConnectionString_data();
    void shouldExplainMalformedConnectionString();
    void shouldTestConnectionAgainstServer();
    void shouldSaveProfileWithoutPassword();
    void shouldEmitUseProfileWithPassword();
    void shouldSwitchToLocalDatabase();
    void shouldRemoveProfileOnlyAfterConfirmation();
    void shouldValidateNewProfileNameInline();
    void shouldAskBeforeDiscardingUnsavedChanges();

private:
    template <typename T> T *child(const QString &name) const { return m_dialog->findChild<T *>(name); }
    std::unique_ptr<SettingsDialog> makeDialog();
    QListWidgetItem *itemOf(const QString &profile) const;
    void clickProfile(const QString &profile) const;
    void paste(QLineEdit *edit, const QString &text) const;
    void click(const QString &buttonName) const;

    QTemporaryDir m_runtimeDir; // an XDG_RUNTIME_DIR without a session bus: no keychain
    ScriptedPresenter m_presenter;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    QString m_settingsPath;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    SettingsDialog *m_dialog = nullptr;
};

void tst_SettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Tests never touch a real keychain: hide the session bus, so SecretStore fails fast.
    QVERIFY(m_runtimeDir.isValid());
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
    QVERIFY(!SecretStore::isAvailable());
    MessagePresenter::setInstance(&m_presenter);
}

void tst_SettingsDialog::init()
{
    m_presenter.reset();
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_settingsDir->isValid());
    m_settingsPath = m_settingsDir->filePath(u"neon-todo.ini"_s);
    m_store =
        std::make_unique<ProfileStore>(std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat));
    m_secrets = std::make_unique<SecretStore>(u"dev.neontodo.NeonTodo.tests"_s);
}

void tst_SettingsDialog::cleanup()
{
    m_dialog = nullptr;
    m_store.reset();
    m_settingsDir.reset();
}

std::unique_ptr<SettingsDialog> tst_SettingsDialog::makeDialog()
{
    auto dialog = std::make_unique<SettingsDialog>(m_store.get(), m_secrets.get());
    m_dialog = dialog.get();
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("the settings dialog was not exposed");
    return dialog;
}

QListWidgetItem *tst_SettingsDialog::itemOf(const QString &profile) const
{
    auto *list = child<QListWidget>(u"profileList"_s);
    for (int row = 0; list && row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == profile)
            return list->item(row);
    return nullptr;
}

void tst_SettingsDialog::clickProfile(const QString &profile) const
{
    auto *list = child<QListWidget>(u"profileList"_s);
    QListWidgetItem *item = itemOf(profile);
    if (!list || !item)
        return;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

void tst_SettingsDialog::paste(QLineEdit *edit, const QString &text) const
{
    QGuiApplication::clipboard()->setText(text);
    edit->setFocus();
    edit->selectAll();
    QTest::keySequence(edit, QKeySequence::Paste);
}

void tst_SettingsDialog::click(const QString &buttonName) const
{
    auto *button = child<QPushButton>(buttonName);
    if (!button)
        QFAIL(qPrintable(u"no button "_s + buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

void tst_SettingsDialog::shouldListBuiltInProfilesAsNotConfigured()
{
    // GIVEN a store with one profile of the user's own
    ConnectionProfile mine = ConnectionProfile::parse(NeonUrl).value();
    mine.name = u"my-laptop"_s;
    QVERIFY(!m_store->save(mine));
    // WHEN the dialog opens
    auto dialog = makeDialog();
    // THEN the three environments come first, marked when empty, then the user's own
    auto *list = child<QListWidget>(u"profileList"_s);
    QVERIFY(list);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(0)->text(), u"development (not configured)"_s);
    QCOMPARE(list->item(1)->text(), u"staging (not configured)"_s);
    QCOMPARE(list->item(2)->text(), u"production (not configured)"_s);
    QCOMPARE(list->item(3)->text(), u"my-laptop"_s);
    // and the configured one is shown, without its (never stored) password
    QCOMPARE(dialog->selectedProfile(), u"my-laptop"_s);
    QVERIFY(child<QLineEdit>(u"connectionString"_s)->text().contains(u"ep-cool-darkness-123456"_s));
    QVERIFY(child<QLineEdit>(u"password"_s)->text().isEmpty());
    // and every widget can be found and named
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        if (widget->inherits("QScrollBar") || widget->inherits("QLineEditIconButton") ||
            widget->objectName().startsWith(u"qt_"_s))
            continue; // Qt's own parts of a composite widget
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
}

void tst_SettingsDialog::shouldMovePastedPasswordToPasswordField_data()
{
    QTest::addColumn<bool>("typed");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("kind");
    QTest::newRow("pasted, direct") << false << NeonUrl << u"Neon direct host"_s;
    QTest::newRow("typed, direct") << true << NeonUrl << u"Neon direct host"_s;
    QTest::newRow("pasted psql snippet, pooled")
        << false << u"psql '"_s + QString(NeonUrl).replace(u"-123456."_s, u"-123456-pooler."_s) + u'\''
        << u"Neon pooled host (PgBouncer)"_s;
}

void tst_SettingsDialog::shouldMovePastedPasswordToPasswordField()
{
    QFETCH(bool, typed);
    QFETCH(QString, url);
    QFETCH(QString, kind);
    // GIVEN the dialog on the unconfigured development profile
    auto dialog = makeDialog();
    QCOMPARE(dialog->selectedProfile(), u"development"_s);
    auto *edit = child<QLineEdit>(u"connectionString"_s);
    auto *password = child<QLineEdit>(u"password"_s);
    QVERIFY(edit && password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    // WHEN the Neon console's URL, password included, is pasted (or typed)
    if (typed)
        QTest::keyClicks(edit, url);
    else
        paste(edit, url);

    // THEN the password sits in the password field and the URL shows none
    QCOMPARE(password->text(), NeonPassword);
    QVERIFY2(!edit->text().contains(u"AbC123"_s), "the password is still in the URL");
    QVERIFY2(edit->text().contains(u"alex@ep-cool-darkness-123456"_s), qPrintable(edit->text()));
    QVERIFY(edit->text().endsWith(u"/neondb?sslmode=require"_s));
    // and the parsed parts are shown
    const QString status = child<QLabel>(u"parseStatus"_s)->text();
    QVERIFY2(status.contains(u"neondb"_s) && status.contains(u">alex<"_s), qPrintable(status));
    QVERIFY2(status.contains(kind), qPrintable(status));
    QVERIFY(!status.contains(u"AbC123"_s));
    QVERIFY(child<QPushButton>(u"testButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(u"saveButton"_s)->isEnabled());
}

void tst_SettingsDialog::shouldExplainMalformedConnectionString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port") << u"postgresql://alex@ep-a-1.us-east-2.aws.neon.tech:99999/neondb"_s
                          << u"The port must be a whole number"_s;
    QTest::newRow("scheme") << u"mysql://alex@db.example.com/todos"_s << u"is not a PostgreSQL address"_s;
    QTest::newRow("sslmode") << u"postgresql://alex@ep-a-1.us-east-2.aws.neon.tech/neondb?sslmode=strict"_s
                             << u"sslmode must be one of"_s;
}

void tst_SettingsDialog::shouldExplainMalformedConnectionString()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    auto dialog = makeDialog();
    auto *edit = child<QLineEdit>(u"connectionString"_s);
    auto *status = child<QLabel>(u"parseStatus"_s);
    QVERIFY(edit && status);
    const QColor normal = status->palette().color(QPalette::WindowText);

    // WHEN a malformed connection string is typed
    QTest::keyClicks(edit, text);

    // THEN the parser's plain-words message shows under it, in a colour of its own
    QCOMPARE(status->text(), ConnectionProfile::parse(text).error().message);
    QVERIFY2(status->text().contains(expected), qPrintable(status->text()));
    QVERIFY(status->palette().color(QPalette::WindowText) != normal);
    // and nothing can be tested, saved or used
    QVERIFY(!child<QPushButton>(u"testButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(u"saveButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(u"useButton"_s)->isEnabled());
    QVERIFY(m_presenter.titles.isEmpty()); // inline, never a message box
}

void tst_SettingsDialog::shouldTestConnectionAgainstServer()
{
    // GIVEN a database on the test stack and its URL with the password
    ScratchDatabase db(Driver::PostgreSQL);
    NT_REQUIRE(db);
    const ConnectionProfile profile = db.profile();
    auto dialog = makeDialog();
    auto *testButton = child<QPushButton>(u"testButton"_s);
    auto *result = child<QLabel>(u"testResult"_s);
    QVERIFY(testButton && result);
    paste(child<QLineEdit>(u"connectionString"_s), profile.toUrl(true));
    // (compared without printing: a failure must not put the stack's password in the log)
    QVERIFY2(child<QLineEdit>(u"password"_s)->text() == profile.password, "the password moved into its field");

    // WHEN Test connection is clicked
    click(u"testButton"_s);

    // THEN it is busy at once (the test runs off the GUI thread), then shows the server's answer
    QVERIFY(!testButton->isEnabled());
    QCOMPARE(result->text(), u"Testing…"_s);
    QTRY_VERIFY_WITH_TIMEOUT(testButton->isEnabled(), 30000);
    QVERIFY2(result->text().startsWith(u"✓ Connected to PostgreSQL 15"_s), qPrintable(result->text()));
    QVERIFY(result->text().contains(u"over TLS"_s));
    QVERIFY(!result->text().contains(profile.password));
    QVERIFY(m_presenter.titles.isEmpty());
}

void tst_SettingsDialog::shouldSaveProfileWithoutPassword()
{
    // GIVEN a pasted URL with its password
    auto dialog = makeDialog();
    paste(child<QLineEdit>(u"connectionString"_s), NeonUrl);

    // WHEN it is saved
    click(u"saveButton"_s);

    // THEN the settings file has the profile and no trace of the password
    QFile file(m_settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY2(contents.contains("ep-cool-darkness-123456"), contents.constData());
    QVERIFY2(!contents.contains("AbC123"), "the password was written to the settings file");
    ProfileStore reread(std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat));
    Result<ConnectionProfile> loaded = reread.load(u"development"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
    QCOMPARE(loaded.value().host, u"ep-cool-darkness-123456.us-east-2.aws.neon.tech"_s);
    QCOMPARE(loaded.value().user, u"alex"_s);
    QVERIFY(loaded.value().password.isEmpty());
    // and, with no keychain here, the password is kept for the run and the dialog says so
    QCOMPARE(dialog->sessionPassword(u"development"_s), NeonPassword);
    auto *note = child<QLabel>(u"keychainNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"kept for this session only"_s), qPrintable(note->text()));
    QCOMPARE(itemOf(u"development"_s)->text(), u"development"_s);
    QVERIFY(!child<QPushButton>(u"saveButton"_s)->isEnabled());
    QCOMPARE(child<QLabel>(u"saveStatus"_s)->text(), u"Saved."_s);
}

void tst_SettingsDialog::shouldEmitUseProfileWithPassword()
{
    // GIVEN the staging profile with a pasted URL
    auto dialog = makeDialog();
    clickProfile(u"staging"_s);
    QCOMPARE(dialog->selectedProfile(), u"staging"_s);
    QCOMPARE(child<QLabel>(u"profileTitle"_s)->text(), u"staging"_s);
    paste(child<QLineEdit>(u"connectionString"_s), NeonUrl);
    QSignalSpy use(dialog.get(), &SettingsDialog::useProfileRequested);

    // WHEN "Use this profile" is clicked
    click(u"useButton"_s);

    // THEN the profile is saved and current, and the signal carries it with the password and Neon's
    // recommended settings
    QCOMPARE(use.count(), 1);
    const auto profile = use.at(0).at(0).value<ConnectionProfile>();
    QCOMPARE(profile.name, u"staging"_s);
    QCOMPARE(profile.password, NeonPassword);
    QCOMPARE(profile.host, u"ep-cool-darkness-123456.us-east-2.aws.neon.tech"_s);
    QCOMPARE(profile.option(u"sslmode"_s), u"verify-full"_s); // the URL's require, checked fully for Neon
    QCOMPARE(profile.option(u"channel_binding"_s), u"require"_s);
    QCOMPARE(m_store->currentName(), u"staging"_s);
    QVERIFY(m_store->isConfigured(u"staging"_s));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isVisible());
}

void tst_SettingsDialog::shouldSwitchToLocalDatabase()
{
    // GIVEN production is the current profile
    ConnectionProfile production = ConnectionProfile::parse(NeonUrl).value();
    production.name = u"production"_s;
    production.password.clear();
    QVERIFY(!m_store->save(production));
    m_store->setCurrentName(u"production"_s);
    auto dialog = makeDialog();
    QCOMPARE(itemOf(u"production"_s)->text(), u"production (in use)"_s);
    QSignalSpy local(dialog.get(), &SettingsDialog::useLocalRequested);

    // WHEN "Use the local database only" is clicked
    click(u"useLocalButton"_s);

    // THEN no profile is current any more (the saved one stays) and the window is told
    QCOMPARE(local.count(), 1);
    QVERIFY(m_store->currentName().isEmpty());
    QVERIFY(m_store->isConfigured(u"production"_s));
}

void tst_SettingsDialog::shouldRemoveProfileOnlyAfterConfirmation()
{
    // GIVEN a profile of the user's own
    ConnectionProfile mine = ConnectionProfile::parse(NeonUrl).value();
    mine.name = u"mine"_s;
    QVERIFY(!m_store->save(mine));
    auto dialog = makeDialog();
    clickProfile(u"mine"_s);
    QCOMPARE(dialog->selectedProfile(), u"mine"_s);

    // WHEN Remove is clicked and the question is answered "Keep"
    m_presenter.answers = {1};
    click(u"removeProfileButton"_s);
    // THEN it was asked about by name, and nothing changed
    QCOMPARE(m_presenter.titles, QStringList{u"Remove profile"_s});
    QVERIFY(m_presenter.texts.value(0).contains(u"“mine”"_s));
    QVERIFY(m_store->isConfigured(u"mine"_s));
    QVERIFY(itemOf(u"mine"_s));

    // WHEN it is clicked again and answered "Remove"
    m_presenter.answers = {0};
    click(u"removeProfileButton"_s);
    // THEN the profile is gone from the store and the list
    QCOMPARE(m_presenter.titles.size(), 2);
    QVERIFY(!m_store->isConfigured(u"mine"_s));
    QVERIFY(!itemOf(u"mine"_s));
    QCOMPARE(dialog->selectedProfile(), u"development"_s);
}

void tst_SettingsDialog::shouldValidateNewProfileNameInline()
{
    auto dialog = makeDialog();
    click(u"addProfileButton"_s);
    auto *name = child<QLineEdit>(u"newProfileName"_s);
    auto *error = child<QLabel>(u"newProfileError"_s);
    auto *create = child<QPushButton>(u"createProfileButton"_s);
    QVERIFY(name && error && create);
    QVERIFY(name->isVisible());

    // a space is not allowed
    QTest::keyClicks(name, u"my laptop"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"letters, digits"_s), qPrintable(error->text()));
    QVERIFY(!create->isEnabled());
    // nor a name that exists
    name->clear();
    QTest::keyClicks(name, u"staging"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"already a profile named “staging”"_s), qPrintable(error->text()));
    QVERIFY(!create->isEnabled());
    // a good one clears the error, and Enter adds it
    name->clear();
    QTest::keyClicks(name, u"my-laptop_2.0"_s);
    QVERIFY(!error->isVisible());
    QVERIFY(create->isEnabled());
    QTest::keyClick(name, Qt::Key_Return);

    QVERIFY(!name->isVisible());
    QVERIFY(itemOf(u"my-laptop_2.0"_s));
    QCOMPARE(itemOf(u"my-laptop_2.0"_s)->text(), u"my-laptop_2.0 (not saved)"_s);
    QCOMPARE(dialog->selectedProfile(), u"my-laptop_2.0"_s);
    QVERIFY(dialog->isVisible()); // Enter did not close the dialog
    QVERIFY(m_presenter.titles.isEmpty());
    // and saving it makes it a profile of its own
    paste(child<QLineEdit>(u"connectionString"_s), NeonUrl);
    click(u"saveButton"_s);
    QVERIFY(m_store->isConfigured(u"my-laptop_2.0"_s));
    QCOMPARE(itemOf(u"my-laptop_2.0"_s)->text(), u"my-laptop_2.0"_s);
}

void tst_SettingsDialog::shouldAskBeforeDiscardingUnsavedChanges()
{
    auto dialog = makeDialog();
    paste(child<QLineEdit>(u"connectionString"_s), NeonUrl);
    // switching profiles keeps the edit
    clickProfile(u"production"_s);
    QVERIFY(child<QLineEdit>(u"connectionString"_s)->text().isEmpty());
    clickProfile(u"development"_s);
    QVERIFY(child<QLineEdit>(u"connectionString"_s)->text().contains(u"ep-cool-darkness"_s));
    QCOMPARE(child<QLineEdit>(u"password"_s)->text(), NeonPassword);

    // closing asks; "Keep editing" keeps the dialog open
    m_presenter.answers = {1};
    click(u"closeButton"_s);
    QCOMPARE(m_presenter.titles, QStringList{u"Unsaved changes"_s});
    QVERIFY(m_presenter.texts.value(0).contains(u"“development”"_s));
    QVERIFY(dialog->isVisible());
    // "Discard changes" closes it, having stored nothing
    m_presenter.answers = {0};
    click(u"closeButton"_s);
    QVERIFY(!dialog->isVisible());
    QVERIFY(!m_store->isConfigured(u"development"_s));
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
