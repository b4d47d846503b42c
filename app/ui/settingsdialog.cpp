#include "settingsdialog.h"

#include "messagepresenter.h"
#include "profilestore.h"
#include "secretstore.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

// Qt 6.4's QPalette has no role for errors: a red whose lightness keeps its contrast against the
// window colour of the theme in use, light or dark.
QColor problemColour(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor::fromHsl(0, 190, 175)
                                                             : QColor::fromHsl(0, 180, 100);
}

// Options that ProfileStore::load() adds for Neon hosts. Leaving out the ones with exactly the value
// load() would add changes nothing, and keeps the shown URL close to what the person pasted.
ConnectionProfile withoutAddedDefaults(ConnectionProfile profile)
{
    const QStringList keys{u"sslmode"_s, u"sslrootcert"_s, u"channel_binding"_s, u"connect_timeout"_s};
    ConnectionProfile bare = profile;
    for (const QString &key : keys)
        bare.options.remove(key);
    bare.applyNeonDefaults();
    for (const QString &key : keys)
        if (bare.options.contains(key) && bare.options.value(key) == profile.options.value(key))
            profile.options.remove(key);
    return profile;
}

QPushButton *makeButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setAccessibleName(QString(text).remove(u'&').remove(u'…'));
    button->setAutoDefault(false); // Enter in a field must not press a button that saves or closes
    return button;
}

QLabel *makeLabel(const QString &text, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    return label;
}

QLabel *makeStatusLabel(const QString &objectName, const QString &accessibleName)
{
    QLabel *label = makeLabel({}, objectName, accessibleName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A row with nothing in the label column. QFormLayout sizes a row that has no label by its size hint,
// not by its height for the actual width, which leaves gaps under word-wrapped text; an empty label
// keeps the row in the height-for-width layout.
void addFieldOnly(QFormLayout *form, QWidget *widget)
{
    QLabel *empty = makeLabel({}, widget->objectName() + u"Spacer"_s, widget->accessibleName());
    form->addRow(empty, widget);
}

} // namespace

SettingsDialog::SettingsDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_tester(new ConnectionTester(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Connection settings"));
    setAccessibleName(tr("Connection settings"));

    auto *columns = new QHBoxLayout;
    columns->setSpacing(18);
    columns->addWidget(buildProfilePane());
    columns->addWidget(buildFormPane(), 1);

    m_useLocalButton = makeButton(tr("Use the &local database only"), u"useLocalButton"_s);
    m_useLocalButton->setToolTip(tr("Keep your todos in the local database on this computer."));
    m_saveStatus = makeStatusLabel(u"saveStatus"_s, tr("Save status"));
    m_saveButton = makeButton(tr("&Save"), u"saveButton"_s);
    m_useButton = makeButton(tr("&Use this profile"), u"useButton"_s);
    m_useButton->setToolTip(tr("Save this profile and switch Neon Todo to its database."));
    m_closeButton = makeButton(tr("Close"), u"closeButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_useLocalButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_saveStatus, 1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_useButton);
    buttons->addWidget(m_closeButton);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(18, 18, 18, 14);
    root->setSpacing(16);
    root->addLayout(columns, 1);
    root->addLayout(buttons);

    connect(m_tester, &ConnectionTester::finished, this, &SettingsDialog::onTestFinished);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_useButton, &QPushButton::clicked, this, &SettingsDialog::useSelected);
    connect(m_useLocalButton, &QPushButton::clicked, this, &SettingsDialog::useLocal);
    connect(m_closeButton, &QPushButton::clicked, this, &SettingsDialog::reject);

    const QStringList names = m_store->names();
    QString first = m_store->currentName();
    if (!names.contains(first)) {
        const auto configured = std::find_if(names.cbegin(), names.cend(), [this](const QString &name) {
            return m_store->isConfigured(name);
        });
        first = configured != names.cend() ? *configured : names.value(0);
    }
    setMinimumSize(720, 440);
    resize(860, 520);
    selectProfile(first);
    applyColours();
}

SettingsDialog::~SettingsDialog() = default; // the tester (a child) waits for a running test

QWidget *SettingsDialog::buildProfilePane()
{
    auto *pane = new QWidget;
    pane->setObjectName(u"profilePane"_s);
    pane->setAccessibleName(tr("Profiles"));
    pane->setFixedWidth(230);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    QLabel *heading = makeLabel(tr("&Profiles"), u"profilesHeading"_s, tr("Profiles"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    m_list = new QListWidget;
    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    heading->setBuddy(m_list);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        m_selected = item->data(Qt::UserRole).toString();
        showSelected();
    });

    m_addButton = makeButton(tr("&Add…"), u"addProfileButton"_s);
    m_removeButton = makeButton(tr("&Remove"), u"removeProfileButton"_s);
    connect(m_addButton, &QPushButton::clicked, this, [this] { showAddPanel(true); });
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeSelected);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);

    m_addPanel = new QWidget;
    m_addPanel->setObjectName(u"addProfilePanel"_s);
    m_addPanel->setAccessibleName(tr("New profile"));
    auto *addLayout = new QVBoxLayout(m_addPanel);
    addLayout->setContentsMargins(0, 4, 0, 0);
    m_newName = new QLineEdit;
    m_newName->setObjectName(u"newProfileName"_s);
    m_newName->setAccessibleName(tr("New profile name"));
    m_newName->setPlaceholderText(tr("Name, for example my-laptop"));
    m_newName->installEventFilter(this);
    m_createButton = makeButton(tr("Add profile"), u"createProfileButton"_s);
    QPushButton *cancel = makeButton(tr("Cancel"), u"cancelAddProfileButton"_s);
    m_newNameError = makeStatusLabel(u"newProfileError"_s, tr("Problem with the new profile name"));
    auto *addButtons = new QHBoxLayout;
    addButtons->addWidget(m_createButton);
    addButtons->addWidget(cancel);
    addButtons->addStretch(1);
    addLayout->addWidget(m_newName);
    addLayout->addWidget(m_newNameError);
    addLayout->addLayout(addButtons);
    m_addPanel->hide();
    connect(m_newName, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString problem = newNameProblem(text.trimmed());
        setStatus(m_newNameError, problem, true);
        m_newNameError->setVisible(!problem.isEmpty());
        m_createButton->setEnabled(!text.trimmed().isEmpty() && problem.isEmpty());
    });
    connect(m_newName, &QLineEdit::returnPressed, this, &SettingsDialog::addProfile);
    connect(m_createButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(cancel, &QPushButton::clicked, this, [this] { showAddPanel(false); });

    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addWidget(m_addPanel);
    return pane;
}

QWidget *SettingsDialog::buildFormPane()
{
    auto *pane = new QWidget;
    pane->setObjectName(u"profileForm"_s);
    pane->setAccessibleName(tr("Profile"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = makeLabel({}, u"profileTitle"_s, tr("Profile name"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_hint = makeLabel(tr("Paste the connection string from the Neon console (your project's Dashboard, "
                          "Connect). The password moves to its own field and is kept in the keychain."),
                       u"profileHint"_s, tr("How to fill in the profile"));
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(8);
    form->setHorizontalSpacing(12);

    QLabel *urlLabel =
        makeLabel(tr("&Connection string:"), u"connectionStringLabel"_s, tr("Connection string"));
    m_connectionString = new QLineEdit;
    m_connectionString->setObjectName(u"connectionString"_s);
    m_connectionString->setAccessibleName(tr("Connection string"));
    m_connectionString->setPlaceholderText(
        tr("postgresql://alex@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require"));
    m_connectionString->setClearButtonEnabled(true);
    urlLabel->setBuddy(m_connectionString);
    form->addRow(urlLabel, m_connectionString);
    m_parseStatus = makeStatusLabel(u"parseStatus"_s, tr("What the connection string says"));
    addFieldOnly(form, m_parseStatus);

    QLabel *passwordLabel = makeLabel(tr("Pass&word:"), u"passwordLabel"_s, tr("Password"));
    m_password = new QLineEdit;
    m_password->setObjectName(u"password"_s);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("The database user's password"));
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    // The note, the test button and its result, one under the other in the field column.
    auto *below = new QWidget;
    below->setObjectName(u"passwordAndTest"_s);
    below->setAccessibleName(tr("Password storage and connection test"));
    auto *belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    belowLayout->setSpacing(8);
    m_keychainNote = makeStatusLabel(u"keychainNote"_s, tr("Where the password is kept"));
    m_testButton = makeButton(tr("&Test connection"), u"testButton"_s);
    m_busy = new QProgressBar;
    m_busy->setObjectName(u"testBusy"_s);
    m_busy->setAccessibleName(tr("Testing the connection"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(88, 8);
    m_busy->hide();
    auto *testLayout = new QHBoxLayout;
    testLayout->addWidget(m_testButton);
    testLayout->addWidget(m_busy, 0, Qt::AlignVCenter);
    testLayout->addStretch(1);
    m_testResult = makeStatusLabel(u"testResult"_s, tr("Connection test result"));
    belowLayout->addWidget(m_keychainNote);
    belowLayout->addSpacing(6);
    belowLayout->addLayout(testLayout);
    belowLayout->addWidget(m_testResult);
    addFieldOnly(form, below);

    connect(m_connectionString, &QLineEdit::textChanged, this, &SettingsDialog::onConnectionStringChanged);
    connect(m_connectionString, &QLineEdit::editingFinished, this,
            [this] { m_connectionString->setCursorPosition(0); });
    connect(m_password, &QLineEdit::textChanged, this, &SettingsDialog::onPasswordChanged);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::startTest);

    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addSpacing(10);
    layout->addLayout(form);
    layout->addStretch(1);
    return pane;
}

void SettingsDialog::selectProfile(const QString &name)
{
    m_selected = name;
    refreshList();
    showSelected();
}

void SettingsDialog::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QStringList names = m_store->names();
    for (const QString &name : std::as_const(m_added))
        if (!names.contains(name))
            names << name;
    const QString current = m_store->currentName();
    const int rowHeight = m_list->fontMetrics().height() + 14;
    for (const QString &name : std::as_const(names)) {
        const bool configured = m_store->isConfigured(name);
        QString text = name;
        if (!configured)
            text += u' ' + (m_added.contains(name) ? tr("(not saved)") : tr("(not configured)"));
        else if (name == current)
            text += u' ' + tr("(in use)");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, name);
        item->setData(Qt::AccessibleTextRole, text);
        item->setSizeHint(QSize(0, rowHeight));
        if (!configured)
            item->setForeground(palette().brush(QPalette::PlaceholderText));
        if (configured && name == current) {
            QFont font = m_list->font();
            font.setBold(true);
            item->setFont(font);
        }
        if (name == m_selected)
            m_list->setCurrentItem(item);
    }
}

SettingsDialog::Draft &SettingsDialog::draft(const QString &name)
{
    auto it = m_drafts.find(name);
    if (it != m_drafts.end())
        return *it;
    Draft fresh;
    if (m_store->isConfigured(name)) {
        Result<ConnectionProfile> loaded = m_store->load(name);
        if (loaded)
            fresh.text = withoutAddedDefaults(loaded.value()).toUrl(false);
        else
            fresh.loadProblem = loaded.error().message;
        if (m_sessionPasswords.contains(name)) {
            fresh.password = m_sessionPasswords.value(name);
        } else if (SecretStore::isAvailable()) {
            Result<QString> stored = m_secrets->readPassword(name);
            if (stored)
                fresh.password = stored.value();
        }
    }
    return *m_drafts.insert(name, fresh);
}

void SettingsDialog::showSelected()
{
    const Draft &d = draft(m_selected);
    m_updating = true;
    m_connectionString->setText(d.text);
    m_connectionString->setCursorPosition(0); // the user and host, not the tail of the options
    m_password->setText(d.password);
    m_updating = false;
    m_title->setText(m_selected);
    m_saveStatus->clear();
    showAddPanel(false);
    updateParseStatus();
    updateKeychainNote();
    updateControls();
}

void SettingsDialog::onConnectionStringChanged(const QString &text)
{
    if (m_updating || m_selected.isEmpty())
        return;
    Draft &d = draft(m_selected);
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(text);
    if (parsed && !parsed.value().password.isEmpty()) {
        // A pasted URL with the password in it: the password goes to its own (masked) field.
        d.password = parsed.value().password;
        d.text = parsed.value().toUrl(false);
        m_updating = true;
        m_password->setText(d.password);
        m_connectionString->setText(d.text);
        m_updating = false;
    } else {
        d.text = text;
    }
    d.dirty = true;
    d.testResult.clear();
    if (m_testedProfile == m_selected)
        m_testedProfile.clear(); // a running test is for the old text: its result is dropped
    m_saveStatus->clear();
    updateParseStatus();
    updateControls();
}

void SettingsDialog::onPasswordChanged(const QString &text)
{
    if (m_updating || m_selected.isEmpty())
        return;
    Draft &d = draft(m_selected);
    d.password = text;
    d.dirty = true;
    d.testResult.clear();
    if (m_testedProfile == m_selected)
        m_testedProfile.clear();
    m_saveStatus->clear();
    updateControls();
}

void SettingsDialog::updateParseStatus()
{
    const QString text = m_connectionString->text();
    if (const QString problem = draft(m_selected).loadProblem; text.isEmpty() && !problem.isEmpty()) {
        setStatus(m_parseStatus, problem, true);
        return;
    }
    if (text.trimmed().isEmpty()) {
        setStatus(m_parseStatus, tr("Not configured yet."), false);
        m_parseStatus->setPalette([this] {
            QPalette p = palette();
            p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
            return p;
        }());
        return;
    }
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(text);
    if (!parsed) {
        setStatus(m_parseStatus, parsed.error().message, true);
        return;
    }
    const ConnectionProfile &p = parsed.value();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    QString rows;
    const auto addRow = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            rows +=
                u"<tr><td style=\"padding-right:14px\"><span style=\"color:%1\">%2</span></td><td>%3</td></tr>"_s
                    .arg(muted, key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    addRow(tr("Host"), p.host.isEmpty() ? p.hostAddress : p.host);
    if (p.port != 5432)
        addRow(tr("Port"), QString::number(p.port));
    addRow(tr("Database"), p.database);
    addRow(tr("User"), p.user);
    QString note;
    if (p.isNeonPooler())
        note = tr("Neon pooled host (PgBouncer)");
    else if (p.isNeon())
        note = tr("Neon direct host");
    if (!note.isEmpty())
        rows += u"<tr><td></td><td>%1</td></tr>"_s.arg(note.toHtmlEscaped());
    setStatus(m_parseStatus, {}, false);
    m_parseStatus->setTextFormat(Qt::RichText);
    m_parseStatus->setText(u"<table cellspacing=\"0\" cellpadding=\"1\">"_s + rows + u"</table>"_s);
}

void SettingsDialog::updateControls()
{
    const Draft &d = draft(m_selected);
    const bool parsedOk = ConnectionProfile::parse(m_connectionString->text()).ok();
    const bool configured = m_store->isConfigured(m_selected);
    const bool testingThis = m_tester->isRunning() && m_testedProfile == m_selected;
    m_testButton->setEnabled(parsedOk && !testingThis);
    m_busy->setVisible(testingThis);
    if (testingThis)
        setStatus(m_testResult, tr("Testing…"), false);
    else if (d.testResult.isEmpty())
        setStatus(m_testResult, {}, false);
    else
        setStatus(m_testResult, (d.testOk ? u"✓ "_s : u"✗ "_s) + d.testResult, !d.testOk);
    m_saveButton->setEnabled(parsedOk && (d.dirty || !configured));
    m_useButton->setEnabled(parsedOk);
    m_removeButton->setEnabled(configured || m_added.contains(m_selected));
}

void SettingsDialog::updateKeychainNote()
{
    QString note;
    if (m_keychainProblems.contains(m_selected))
        note = tr("The keychain could not store the password, so it is kept for this session only and asked "
                  "again next time.");
    else if (!SecretStore::isAvailable())
        note = tr("No keychain on this desktop: the password is kept for this session only and asked again "
                  "next time.");
    setStatus(m_keychainNote, note, false);
    m_keychainNote->setToolTip(m_keychainProblems.value(m_selected));
    m_keychainNote->setVisible(!note.isEmpty());
}

void SettingsDialog::applyColours()
{
    QPalette muted = palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_hint->setPalette(muted);
    refreshList();
    updateParseStatus();
    updateControls();
    const QString newNameProblemText = m_newNameError->text();
    setStatus(m_newNameError, newNameProblemText, true);
}

void SettingsDialog::setStatus(QLabel *label, const QString &text, bool problem)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, problemColour(p));
    label->setPalette(p);
}

Result<ConnectionProfile> SettingsDialog::formProfile() const
{
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(m_connectionString->text());
    if (!parsed)
        return parsed;
    ConnectionProfile profile = std::move(parsed).value();
    profile.name = m_selected;
    profile.password = m_password->text();
    return profile;
}

void SettingsDialog::startTest()
{
    Result<ConnectionProfile> profile = formProfile();
    if (!profile)
        return;
    ConnectionProfile effective = std::move(profile).value();
    effective.applyNeonDefaults(); // what the app itself will use
    m_testedProfile = m_selected;
    draft(m_selected).testResult.clear();
    m_tester->test(effective);
    updateControls();
}

void SettingsDialog::onTestFinished(const ConnectionTester::Report &report)
{
    if (!m_testedProfile.isEmpty()) {
        Draft &d = draft(m_testedProfile);
        d.testResult = report.summary();
        d.testOk = !report.error;
        m_testedProfile.clear();
    }
    updateControls();
}

bool SettingsDialog::save()
{
    Result<ConnectionProfile> parsed = formProfile();
    if (!parsed) {
        setStatus(m_saveStatus, parsed.error().message, true);
        return false;
    }
    const ConnectionProfile &profile = parsed.value();
    if (Error e = m_store->save(profile)) {
        setStatus(m_saveStatus, e.message, true);
        return false;
    }
    m_keychainProblems.remove(profile.name);
    if (profile.password.isEmpty()) {
        m_sessionPasswords.remove(profile.name);
        if (SecretStore::isAvailable())
            m_secrets->removePassword(profile.name); // nothing stored is fine too
    } else if (!SecretStore::isAvailable()) {
        m_sessionPasswords.insert(profile.name, profile.password);
    } else if (Error e = m_secrets->writePassword(profile.name, profile.password)) {
        m_sessionPasswords.insert(profile.name, profile.password);
        m_keychainProblems.insert(profile.name, e.message);
    } else {
        m_sessionPasswords.remove(profile.name);
    }
    m_added.removeAll(profile.name);
    draft(profile.name).dirty = false;
    refreshList();
    updateKeychainNote();
    updateControls();
    setStatus(m_saveStatus, tr("Saved."), false);
    return true;
}

void SettingsDialog::useSelected()
{
    const bool needsSave = draft(m_selected).dirty || !m_store->isConfigured(m_selected);
    if (needsSave && !save())
        return;
    Result<ConnectionProfile> parsed = formProfile();
    if (!parsed)
        return;
    ConnectionProfile profile = std::move(parsed).value();
    profile.applyNeonDefaults();
    m_store->setCurrentName(profile.name);
    refreshList();
    emit useProfileRequested(profile);
    accept();
}

void SettingsDialog::useLocal()
{
    m_store->setCurrentName({});
    refreshList();
    emit useLocalRequested();
    accept();
}

void SettingsDialog::showAddPanel(bool show)
{
    m_addPanel->setVisible(show);
    m_addButton->setEnabled(!show);
    if (!show)
        return;
    m_newName->clear();
    m_newNameError->hide();
    m_createButton->setEnabled(false);
    m_newName->setFocus();
}

QString SettingsDialog::newNameProblem(const QString &name) const
{
    static const QRegularExpression allowed(u"^[A-Za-z0-9._-]+$"_s);
    if (name.isEmpty())
        return {};
    if (!allowed.match(name).hasMatch())
        return tr("A name may only use letters, digits, “-”, “_” and “.”, for example my-laptop.");
    if (m_store->names().contains(name) || m_added.contains(name))
        return tr("There is already a profile named “%1”. Choose another name.").arg(name);
    return {};
}

void SettingsDialog::addProfile()
{
    const QString name = m_newName->text().trimmed();
    if (name.isEmpty() || !newNameProblem(name).isEmpty())
        return;
    m_added << name;
    selectProfile(name); // hides the panel
    m_connectionString->setFocus();
}

void SettingsDialog::removeSelected()
{
    const QString name = m_selected;
    const QStringList builtIn = ConnectionProfile::builtInNames();
    const bool stored = m_store->isConfigured(name); // else only added here, never saved: nothing to ask
    if (stored) {
        const int choice = MessagePresenter::instance().choose(
            this, tr("Remove profile"),
            tr("Remove the profile “%1” from this computer? Its connection string and saved password are "
               "deleted. The database itself and its todos are not touched.")
                .arg(name),
            {tr("Remove"), tr("Keep")});
        if (choice != 0)
            return;
        if (Error e = m_store->remove(name)) {
            setStatus(m_saveStatus, e.message, true);
            return;
        }
    }
    QString keychainProblem;
    if (stored && SecretStore::isAvailable()) {
        if (Error e = m_secrets->removePassword(name))
            keychainProblem =
                tr("The profile was removed, but its password is still in the keychain: %1").arg(e.message);
    }
    m_sessionPasswords.remove(name);
    m_keychainProblems.remove(name);
    m_drafts.remove(name);
    m_added.removeAll(name);
    selectProfile(builtIn.contains(name) ? name : m_store->names().value(0));
    setStatus(m_saveStatus, keychainProblem.isEmpty() ? tr("Removed “%1”.").arg(name) : keychainProblem,
              !keychainProblem.isEmpty());
}

void SettingsDialog::reject()
{
    QStringList unsaved;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        if (it->dirty)
            unsaved << u"“"_s + it.key() + u"”"_s;
    if (!unsaved.isEmpty()) {
        unsaved.sort();
        const int choice = MessagePresenter::instance().choose(
            this, tr("Unsaved changes"),
            tr("The changes to %1 are not saved. Close and lose them?").arg(unsaved.join(u", "_s)),
            {tr("Discard changes"), tr("Keep editing")});
        if (choice != 0)
            return;
        m_drafts.clear(); // the next opening shows what is stored
        m_added.clear();
        selectProfile(m_store->names().contains(m_selected) ? m_selected : m_store->names().value(0));
    }
    QDialog::reject();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_list && !m_selected.isEmpty())
        applyColours();
}

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_newName && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        showAddPanel(false); // Escape cancels the new name, not the whole dialog
        m_list->setFocus();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace nt
