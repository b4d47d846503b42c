// The one place where the app is wired together: settings, connections, models, the window.

#include "connectionmanager.h"
#include "importoffer.h"
#include "mainwindow.h"
#include "messagepresenter.h"
#include "profilestore.h"
#include "quitonsignal.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "sidebarmodel.h"
#include "startupreport.h"
#include "synccontroller.h"
#include "todolistmodel.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>
#include <QInputDialog>
#include <QMessageBox>
#include <QProcessEnvironment>

#include <optional>

using namespace nt;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("neon-todo"));
    QApplication::setOrganizationName(QStringLiteral("neon-todo"));
    installTranslations(app);
    QApplication::setApplicationDisplayName(QObject::tr("Neon Todo"));
    QApplication::setApplicationVersion(QStringLiteral(NEON_TODO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(NEON_TODO_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dev.neontodo.NeonTodo.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Neon Todo: your todos on Neon, with a local database when offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QObject::tr("Use the connection profile NAME."), QStringLiteral("NAME"));
    const QCommandLineOption localOption(QStringLiteral("local-database"),
                                         QObject::tr("Use the local database file PATH."), QStringLiteral("PATH"));
    parser.addOption(profileOption);
    parser.addOption(localOption);
    parser.addPositionalArgument(QStringLiteral("file"), QObject::tr("An old SQLite todo file to import."),
                                 QStringLiteral("[file]"));
    parser.process(app);
    quitOnTerminationSignals();

    // The local database first: the window always has something to show, at once. With a Neon
    // profile that is the profile's own mirror (SyncController), and Neon follows in the background.
    ProfileStore profiles;
    SecretStore secrets;
    auto resolved = profiles.resolve(parser.value(profileOption), QProcessEnvironment::systemEnvironment());
    std::optional<ConnectionProfile> profile;
    if (resolved && resolved.value()) {
        profile = *resolved.value();
        if (profile->password.isEmpty()) {
            if (auto saved = secrets.readPassword(profile->name))
                profile->password = saved.value();
        }
    }
    ConnectionManager connections;
    TodoListModel todos;
    SyncController sync(&connections, &todos);
    const QString localPath = parser.value(localOption);
    if (Error e = profile ? sync.useProfile(*profile, localPath) : sync.useLocalOnly(localPath)) {
        QMessageBox::critical(nullptr, QObject::tr("Neon Todo"), e.toString());
        return 1;
    }
    SidebarModel sidebar(&todos);
    MainWindow window(&connections, &todos, &sidebar);
    window.setSyncController(&sync);
    if (!resolved)
        window.showProblem(resolved.error().message);

    // One dialog for the run: it keeps passwords that no keychain could store for this session.
    SettingsDialog settings(&profiles, &secrets, &window);
    QObject::connect(&window, &MainWindow::settingsRequested, &settings, &QDialog::open);
    auto use = [&window](const Error &e) {
        if (e)
            window.showProblem(e.message);
    };
    QObject::connect(&settings, &SettingsDialog::useProfileRequested, &sync,
                     [&sync, use](const ConnectionProfile &chosen) { use(sync.useProfile(chosen)); });
    QObject::connect(&settings, &SettingsDialog::useLocalRequested, &sync, [&sync, use] { use(sync.useLocalOnly()); });

    if (profile) {
        // Asked at most once per run when the server wants a password that no keychain holds.
        QObject::connect(&connections, &ConnectionManager::remoteFailed, &window,
                         [&sync, &window, profile = *profile, localPath, asked = false](const Error &error) mutable {
                             if (error.kind != Error::Kind::Authentication || asked)
                                 return;
                             asked = true;
                             bool ok = false;
                             const QString password = QInputDialog::getText(
                                 &window, QObject::tr("Password for %1").arg(profile.displayName()),
                                 QObject::tr("Password:"), QLineEdit::Password, {}, &ok);
                             if (!ok || password.isEmpty())
                                 return;
                             ConnectionProfile withPassword = profile;
                             withPassword.password = password;
                             if (Error e = sync.useProfile(withPassword, localPath))
                                 window.showProblem(e.message);
                         });
    }

    reportStartupWhenPainted(window.findChild<QWidget *>(QStringLiteral("todoList")));
    window.show();

    // A file given on the command line (or opened from the file manager) is offered for import;
    // otherwise, on a first start with no todos, an old todo file found in the usual places is.
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, &todos, files] {
        if (!files.isEmpty()) {
            window.openImportWizard(files.first());
            return;
        }
        if (!ImportOffer::shouldOffer(todos.rowCount() > 0))
            return;
        const QStringList found = ImportOffer::candidates(QDir::homePath());
        if (found.isEmpty())
            return;
        ImportOffer::remember();
        const int choice = MessagePresenter::instance().choose(
            &window, QObject::tr("Bring your todos over?"),
            QObject::tr("Neon Todo found an old todo file:\n%1\n\nImport its todos now? You can also do it later "
                        "with File > Import from SQLite…").arg(QDir::toNativeSeparators(found.first())),
            {QObject::tr("Import…"), QObject::tr("Not now")});
        if (choice == 0)
            window.openImportWizard(found.first());
    });
    return app.exec();
}
