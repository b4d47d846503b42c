#pragma once

#include "connectionprofile.h"
#include "connectiontester.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace nt {

class ProfileStore;
class SecretStore;

// Connection profiles: pick one, paste its connection string, test it off the GUI thread, save it
// and switch to it (or back to the local database).
//
// Promises:
// - Nothing is stored until Save or "Use this profile". Edits are kept per profile while the dialog
//   lives, so switching between profiles loses nothing; closing with unsaved edits asks first.
// - The password of a pasted URL is moved to the Password field at once and the URL is shown
//   without it. It is stored in the keychain only, never in the settings file. Where the keychain
//   cannot take it, it is kept in this object for the run (so keep one dialog for the whole run).
// - Message boxes go through MessagePresenter; problems with what was typed show inline.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QString selectedProfile() const { return m_selected; }
    void selectProfile(const QString &name);

    // The password kept for this run when the keychain could not store it; empty otherwise.
    QString sessionPassword(const QString &profileName) const
    {
        return m_sessionPasswords.value(profileName);
    }

public slots:
    void reject() override;

signals:
    // After "Use this profile": the profile was saved and made current. The profile carries the
    // password and Neon's recommended settings (ConnectionProfile::applyNeonDefaults).
    void useProfileRequested(const nt::ConnectionProfile &profileWithPassword);
    // After "Use the local database only": no profile is current any more.
    void useLocalRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // What the form shows for one profile, kept while the dialog lives.
    struct Draft
    {
        QString text; // the connection string, never with the password
        QString password;
        bool dirty = false;
        QString loadProblem; // the stored profile could not be read
        QString testResult;
        bool testOk = false;
    };

    QWidget *buildProfilePane();
    QWidget *buildFormPane();
    void refreshList();
    Draft &draft(const QString &name);
    void showSelected();
    void onConnectionStringChanged(const QString &text);
    void onPasswordChanged(const QString &text);
    void updateParseStatus();
    void updateControls();
    void updateKeychainNote();
    void applyColours();
    void startTest();
    void onTestFinished(const ConnectionTester::Report &report);
    Result<ConnectionProfile> formProfile() const;
    bool save();
    void useSelected();
    void useLocal();
    void showAddPanel(bool show);
    QString newNameProblem(const QString &name) const;
    void addProfile();
    void removeSelected();
    void setStatus(QLabel *label, const QString &text, bool problem);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    ConnectionTester *m_tester;
    QString m_selected;
    QString m_testedProfile;
    QStringList m_added; // added here and not saved yet
    QHash<QString, Draft> m_drafts;
    QHash<QString, QString> m_sessionPasswords;
    QHash<QString, QString> m_keychainProblems;
    bool m_updating = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_addPanel = nullptr;
    QLineEdit *m_newName = nullptr;
    QPushButton *m_createButton = nullptr;
    QLabel *m_newNameError = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QLineEdit *m_connectionString = nullptr;
    QLabel *m_parseStatus = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_keychainNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_saveStatus = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_useButton = nullptr;
    QPushButton *m_useLocalButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace nt
