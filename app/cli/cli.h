#pragma once

#include "connectionprofile.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace nt {

class ConnectionManager;

// neon-todo-cli: the same libraries as the window, for scripts and terminals.
// Exit codes scripts can rely on (also printed by --help):
class Cli
{
public:
    enum ExitCode {
        Ok = 0,
        Failed = 1,          // the command ran and failed (a database error, a rejected value)
        UsageError = 2,      // unknown command or option, missing argument
        ConnectionFailed = 3,// the database could not be reached or refused the login
        SchemaRefused = 4,   // the database's schema is newer than the app, or was changed
    };

    Cli(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    static QString helpText();

private:
    int migrate(const QStringList &args);
    int profile(const QStringList &args);
    int addTodo(const QStringList &args);
    int listTodos();
    int doctor(const QStringList &args);
    // The remote profile the global options point at (--url, --profile, NEON_TODO_DATABASE_URL, the
    // current profile), with its saved password when the keychain has one; none for the local
    // database. Returns an exit code (Ok, or after printing why not).
    int resolveRemote(std::optional<ConnectionProfile> *profile);
    // Opens the database the global options point at; returns its connection name or an exit code.
    int openTarget(bool migrateFirst, QString *connectionName);
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_profileArg;
    QString m_url;
    bool m_local = false;
    QString m_localPath;
    ConnectionManager *m_connections = nullptr;
};

} // namespace nt
