#include "cli.h"

#include "connectionmanager.h"
#include "doctorcommand.h"
#include "importcommand.h"
#include "profilestore.h"
#include "schemamigrator.h"
#include "secretstore.h"
#include "todorepository.h"
#include "utctime.h"
#include "uuids.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <termios.h>
#include <unistd.h>

namespace nt {

namespace {

// Reads a line from the terminal without echo; empty when stdin is not a terminal.
QString askPassword(QTextStream &err, const QString &prompt)
{
    if (!isatty(STDIN_FILENO))
        return {};
    err << prompt << Qt::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    char buffer[1024];
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err << Qt::endl;
    return read ? QString::fromLocal8Bit(buffer).trimmed() : QString();
}

int exitCodeFor(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Connection:
    case Error::Kind::Authentication:
    case Error::Kind::Tls:
    case Error::Kind::Timeout:
        return Cli::ConnectionFailed;
    case Error::Kind::Schema:
        return Cli::SchemaRefused;
    case Error::Kind::InvalidInput:
    case Error::Kind::NotFound:
        return Cli::UsageError;
    default:
        return Cli::Failed;
    }
}

QString statusWord(MigrationState::Status status)
{
    switch (status) {
    case MigrationState::Status::Applied:
        return QStringLiteral("applied");
    case MigrationState::Status::Pending:
        return QStringLiteral("pending");
    case MigrationState::Status::Changed:
        return QStringLiteral("CHANGED");
    case MigrationState::Status::Unknown:
        return QStringLiteral("unknown (newer app)");
    }
    return {};
}

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

QString Cli::helpText()
{
    return QStringLiteral(
        "Usage: neon-todo-cli [OPTIONS] COMMAND [ARGS]\n"
        "\n"
        "Your Neon Todo database from a terminal. Without --profile, --url or --local it uses the\n"
        "NEON_TODO_DATABASE_URL environment variable, else the current profile, else the local database.\n"
        "\n"
        "Commands:\n"
        "  migrate status           Show each schema change and whether the database has it.\n"
        "  migrate up               Apply the schema changes the database does not have yet.\n"
        "  profile list             List connection profiles (* marks the current one).\n"
        "  profile show NAME        Show a profile (never its password).\n"
        "  profile set NAME URL     Create or change a profile from a postgresql:// URL or libpq\n"
        "                           key=value string. A password in it goes to the desktop keychain,\n"
        "                           never to the settings file.\n"
        "  profile use NAME         Make NAME the current profile (\"\" for the local database only).\n"
        "  profile remove NAME      Forget a profile and its saved password.\n"
        "  add TITLE...             Add a todo.\n"
"%1"
        "  list                     List your todos.\n"
"%2"
        "  help                     Show this help.\n"
        "\n"
        "Options:\n"
        "  --profile NAME           Use the connection profile NAME (development, staging,\n"
        "                           production, or one you added).\n"
        "  --url URL                Use this database URL for this run (nothing is saved).\n"
        "  --local [PATH]           Use the local SQLite database (default: the app's own file).\n"
        "  -h, --help               Show this help.\n"
        "  -v, --version            Show the version.\n"
        "\n"
        "Environment:\n"
        "  NEON_TODO_DATABASE_URL   A database URL that overrides the current profile (scripts, CI);\n"
        "                           --profile and --url still win.\n"
        "  PGPASSWORD               Read by libpq when the URL carries no password.\n"
        "\n"
        "Exit codes: 0 success, 1 the command failed, 2 usage error, 3 could not connect or log in,\n"
        "4 the database schema is newer than this app or was changed, 5 imported but some rows were\n"
        "rejected (listed).\n").arg(ImportCommand::helpText(), DoctorCommand::helpText());
}

int Cli::fail(int code, const QString &message)
{
    m_err << "neon-todo-cli: " << message << Qt::endl;
    return code;
}

int Cli::run(const QStringList &arguments)
{
    QStringList rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto needValue = [&](QString *target) {
            if (i + 1 >= arguments.size())
                return false;
            *target = arguments.at(++i);
            return true;
        };
        if (!rest.isEmpty()) {
            rest << a; // options after the command belong to the command
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            m_out << helpText();
            return Ok;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            m_out << "neon-todo-cli " << NEON_TODO_VERSION << Qt::endl;
            return Ok;
        } else if (a == QLatin1String("--profile")) {
            if (!needValue(&m_profileArg))
                return fail(UsageError, QStringLiteral("--profile needs a profile name."));
        } else if (a.startsWith(QLatin1String("--profile="))) {
            m_profileArg = a.mid(10);
        } else if (a == QLatin1String("--url")) {
            if (!needValue(&m_url))
                return fail(UsageError, QStringLiteral("--url needs a database URL."));
        } else if (a == QLatin1String("--local")) {
            m_local = true;
            if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(QLatin1Char('-'))
                && (arguments.at(i + 1).contains(QLatin1Char('/')) || arguments.at(i + 1).endsWith(QLatin1String(".sqlite3"))
                    || arguments.at(i + 1).endsWith(QLatin1String(".db"))))
                m_localPath = arguments.at(++i);
        } else if (a.startsWith(QLatin1Char('-'))) {
            return fail(UsageError, QStringLiteral("Unknown option %1. See neon-todo-cli --help.").arg(a));
        } else {
            rest << a;
        }
    }
    if (rest.isEmpty() || rest.first() == QLatin1String("help")) {
        m_out << helpText();
        return rest.isEmpty() ? UsageError : Ok;
    }
    if (int(!m_profileArg.isEmpty()) + int(!m_url.isEmpty()) + int(m_local) > 1)
        return fail(UsageError, QStringLiteral("Use only one of --profile, --url and --local."));

    ConnectionManager connections(QStringLiteral("cli-"));
    m_connections = &connections;
    const QString command = rest.takeFirst();
    if (command == QLatin1String("migrate"))
        return migrate(rest);
    if (command == QLatin1String("profile"))
        return profile(rest);
    if (command == QLatin1String("add"))
        return addTodo(rest);
    if (command == QLatin1String("list"))
        return listTodos();
    if (command == QLatin1String("import")) {
        ImportCommand import(m_out, m_err);
        if (int code = import.parse(rest); code >= 0)
            return code;
        QString name;
        if (int code = openTarget(true, &name))
            return code;
        return import.run(name);
    }
    if (command == QLatin1String("doctor"))
        return doctor(rest);
    return fail(UsageError, QStringLiteral("Unknown command \"%1\". See neon-todo-cli --help.").arg(command));
}

int Cli::resolveRemote(std::optional<ConnectionProfile> *profile)
{
    if (!m_url.isEmpty()) {
        auto parsed = ConnectionProfile::parse(m_url);
        if (!parsed)
            return fail(UsageError, parsed.error().message);
        *profile = parsed.value();
        (*profile)->name = QStringLiteral("command line");
        (*profile)->applyNeonDefaults();
    } else if (!m_local) {
        auto resolved = ProfileStore().resolve(m_profileArg, QProcessEnvironment::systemEnvironment());
        if (!resolved)
            return fail(exitCodeFor(resolved.error()), resolved.error().message);
        *profile = resolved.value();
    }
    if (*profile && (*profile)->password.isEmpty()) {
        if (auto saved = SecretStore().readPassword((*profile)->name))
            (*profile)->password = saved.value();
    }
    return Ok;
}

int Cli::openTarget(bool migrateFirst, QString *connectionName)
{
    std::optional<ConnectionProfile> profile;
    if (int code = resolveRemote(&profile))
        return code;

    if (!profile) {
        if (Error e = m_connections->openLocal(m_localPath, migrateFirst ? ConnectionManager::Migrate::Yes
                                                                          : ConnectionManager::Migrate::No))
            return fail(exitCodeFor(e), e.toString());
        *connectionName = m_connections->localName();
        return Ok;
    }

    Error e = m_connections->openRemote(*profile, migrateFirst);
    if (e.kind == Error::Kind::Authentication && profile->password.isEmpty()) {
        profile->password = askPassword(m_err, QStringLiteral("Password for %1: ").arg(profile->displayName()));
        if (!profile->password.isEmpty())
            e = m_connections->openRemote(*profile, migrateFirst);
    }
    if (e)
        return fail(exitCodeFor(e), e.toString());
    *connectionName = m_connections->remoteName();
    return Ok;
}

int Cli::doctor(const QStringList &args)
{
    DoctorCommand doctor(m_out, m_err);
    if (int code = doctor.parse(args); code >= 0)
        return code;
    if (!doctor.profileArg().isEmpty() || !doctor.url().isEmpty()) {
        if (!m_profileArg.isEmpty() || !m_url.isEmpty() || m_local)
            return fail(UsageError, QStringLiteral("Use only one of --profile, --url and --local."));
        m_profileArg = doctor.profileArg();
        m_url = doctor.url();
    }
    if (m_local)
        return fail(UsageError, QStringLiteral("doctor checks the connection to Neon (or another PostgreSQL server); "
                                               "the local database needs no connection. Use --profile NAME or --url URL."));
    std::optional<ConnectionProfile> profile;
    if (int code = resolveRemote(&profile))
        return code;
    if (!profile)
        return fail(UsageError, QStringLiteral("There is no connection to check: no profile is current, so the app uses "
                                               "the local database only. Use --profile NAME or --url URL, or "
                                               "\"neon-todo-cli profile use NAME\"."));
    const QString who = profile->displayName();
    return doctor.run(*profile, [this, who] { return askPassword(m_err, QStringLiteral("Password for %1: ").arg(who)); });
}

int Cli::migrate(const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() != 1 || (sub != QLatin1String("status") && sub != QLatin1String("up")))
        return fail(UsageError, QStringLiteral("Use \"migrate status\" or \"migrate up\"."));
    QString name;
    if (int code = openTarget(false, &name))
        return code;
    const bool remote = name == m_connections->remoteName();
    const QString where = remote ? m_connections->remoteProfile().displayName() + QStringLiteral(" (PostgreSQL)")
                                 : m_connections->localPath() + QStringLiteral(" (SQLite)");
    SchemaMigrator migrator(name);
    if (sub == QLatin1String("up")) {
        if (remote && m_connections->remoteProfile().isNeonPooler())
            m_err << "note: this is Neon's pooled host; schema changes work through it, but the direct host "
                     "(without -pooler) is the better place for them."
                  << Qt::endl;
        auto applied = migrator.migrate();
        if (!applied)
            return fail(exitCodeFor(applied.error()), applied.error().toString());
        m_out << "Database: " << where << Qt::endl;
        m_out << (applied.value() == 0 ? QStringLiteral("Nothing to do: the schema is up to date (version %1).")
                                             .arg(migrator.latestVersion())
                                       : QStringLiteral("Applied %1 schema change(s); the schema is now at version %2.")
                                             .arg(applied.value())
                                             .arg(migrator.latestVersion()))
              << Qt::endl;
        return Ok;
    }

    auto states = migrator.status();
    if (!states)
        return fail(exitCodeFor(states.error()), states.error().toString());
    m_out << "Database: " << where << Qt::endl;
    m_out << QStringLiteral("%1  %2  %3  %4  %5")
                 .arg(QStringLiteral("version"), -7)
                 .arg(QStringLiteral("name"), -24)
                 .arg(QStringLiteral("status"), -8)
                 .arg(QStringLiteral("applied (UTC)"), -19)
                 .arg(QStringLiteral("by app"))
          << Qt::endl;
    int pending = 0;
    bool problem = false;
    for (const MigrationState &s : states.value()) {
        pending += s.status == MigrationState::Status::Pending;
        problem |= s.status == MigrationState::Status::Changed || s.status == MigrationState::Status::Unknown;
        m_out << QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(QStringLiteral("%1").arg(s.version, 4, 10, QLatin1Char('0')), -7)
                     .arg(s.name, -24)
                     .arg(statusWord(s.status), -8)
                     .arg(s.appliedAt.isValid() ? s.appliedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                : QStringLiteral("-"),
                          -19)
                     .arg(s.appVersion.isEmpty() ? QStringLiteral("-") : s.appVersion)
              << Qt::endl;
    }
    if (problem) {
        m_out << "The database's schema does not match this app; \"migrate up\" will refuse to touch it." << Qt::endl;
        return SchemaRefused;
    }
    m_out << (pending == 0 ? QStringLiteral("Up to date.")
                           : QStringLiteral("%1 pending: run \"neon-todo-cli migrate up\".").arg(pending))
          << Qt::endl;
    return Ok;
}

int Cli::profile(const QStringList &args)
{
    ProfileStore store;
    const QString sub = args.value(0);
    if (sub == QLatin1String("list") && args.size() == 1) {
        const QString current = store.currentName();
        for (const QString &name : store.names()) {
            const auto p = store.load(name);
            m_out << (name == current ? "* " : "  ") << name << "  "
                  << (p ? p.value().displayName() : QStringLiteral("(not configured)")) << Qt::endl;
        }
        if (current.isEmpty())
            m_out << "No current profile: the local database is used." << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("show") && args.size() == 2) {
        const auto p = store.load(args.at(1));
        if (!p)
            return fail(exitCodeFor(p.error()), p.error().message);
        m_out << "name:     " << p.value().name << Qt::endl
              << "url:      " << p.value().toUrl(false) << Qt::endl
              << "host:     " << p.value().host << (p.value().isNeonPooler() ? " (Neon pooler)" : p.value().isNeon() ? " (Neon direct)" : "") << Qt::endl
              << "database: " << p.value().database << Qt::endl
              << "user:     " << p.value().user << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("set") && args.size() == 3) {
        auto parsed = ConnectionProfile::parse(args.at(2));
        if (!parsed)
            return fail(UsageError, parsed.error().message);
        ConnectionProfile p = parsed.value();
        p.name = args.at(1);
        if (Error e = store.save(p))
            return fail(exitCodeFor(e), e.message);
        if (!p.password.isEmpty()) {
            if (Error e = SecretStore().writePassword(p.name, p.password))
                m_err << "note: the password was not saved (" << e.message << ")" << Qt::endl;
        }
        m_out << "Saved profile " << p.name << ": " << p.displayName() << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("use") && args.size() == 2) {
        const QString name = args.at(1);
        if (!name.isEmpty() && !store.isConfigured(name))
            return fail(UsageError, QStringLiteral("There is no configured profile named \"%1\". See \"neon-todo-cli profile list\".").arg(name));
        store.setCurrentName(name);
        m_out << (name.isEmpty() ? QStringLiteral("Using the local database only.") : QStringLiteral("Now using %1.").arg(name)) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("remove") && args.size() == 2) {
        if (Error e = store.remove(args.at(1)))
            return fail(exitCodeFor(e), e.message);
        SecretStore().removePassword(args.at(1));
        m_out << "Removed profile " << args.at(1) << Qt::endl;
        return Ok;
    }
    return fail(UsageError, QStringLiteral("Use profile list | show NAME | set NAME URL | use NAME | remove NAME."));
}

int Cli::addTodo(const QStringList &args)
{
    const QString title = args.join(QLatin1Char(' '));
    if (!Todo::isValidTitle(title))
        return fail(UsageError, QStringLiteral("Give the todo a title, e.g. neon-todo-cli add Buy milk"));
    QString name;
    if (int code = openTarget(true, &name))
        return code;
    Todo todo;
    todo.title = title;
    auto added = TodoRepository(name).add(todo);
    if (!added)
        return fail(exitCodeFor(added.error()), added.error().toString());
    m_out << "Added " << added.value().title << " (" << Uuids::toText(added.value().id) << ")" << Qt::endl;
    return Ok;
}

int Cli::listTodos()
{
    QString name;
    if (int code = openTarget(true, &name))
        return code;
    auto todos = TodoRepository(name).list(); // in storage order
    if (!todos)
        return fail(exitCodeFor(todos.error()), todos.error().toString());
    std::sort(todos.value().begin(), todos.value().end(), [](const Todo &a, const Todo &b) {
        return std::tie(a.position, a.createdAt, a.id) < std::tie(b.position, b.createdAt, b.id); // manual order
    });
    for (const Todo &t : todos.value())
        m_out << (t.completed ? "[x] " : "[ ] ") << t.title
              << (t.dueAt.isValid() ? QStringLiteral("  (due %1)").arg(t.dueAt.toString(Qt::ISODate)) : QString())
              << Qt::endl;
    if (todos.value().isEmpty())
        m_out << "No todos." << Qt::endl;
    return Ok;
}

} // namespace nt
