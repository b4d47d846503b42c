#include "connectionmanager.h"

#include "connectionerror.h"
#include "remotelink.h"
#include "schemamigrator.h"
#include "sqlexec.h"
#include "uuids.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace nt {

namespace {

constexpr QFileDevice::Permissions OwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Error ioError(const QString &message, const QString &detail)
{
    return Error::make(Error::Kind::Io, message, detail);
}

} // namespace

namespace {

// The managers by the name of their remote connection, for RemoteLink's reconnect notices (which
// arrive on the thread that uses the connection: the manager's own).
// Managers live on several threads (the import runs one on a worker), so the registry is locked.
QMutex managersLock;
QHash<QString, ConnectionManager *> &managers()
{
    static QHash<QString, ConnectionManager *> byRemoteName;
    return byRemoteName;
}

ConnectionManager *managerOf(const QString &remoteName)
{
    QMutexLocker lock(&managersLock);
    return managers().value(remoteName);
}

} // namespace

ConnectionManager::ConnectionManager(QString prefix, QObject *parent)
    : QObject(parent), m_prefix(std::move(prefix))
{
    // The notices arrive on the thread that uses the connection, which is the manager's own.
    static const bool observing = [] {
        RemoteLink::setObserver({
            [](const QString &name) {
                if (ConnectionManager *m = managerOf(name))
                    emit m->remoteReconnecting(m->m_remoteProfile.displayName());
            },
            [](const QString &name, const Error &outcome) {
                if (ConnectionManager *m = managerOf(name))
                    emit m->remoteReconnected(outcome);
            },
        });
        return true;
    }();
    Q_UNUSED(observing);
    QMutexLocker lock(&managersLock);
    managers().insert(remoteName(), this);
}

ConnectionManager::~ConnectionManager()
{
    {
        QMutexLocker lock(&managersLock);
        managers().remove(remoteName());
    }
    RemoteLink::setDeadline(remoteName(), 0);
    if (m_probe) {
        m_probe->disconnect(this);
        m_probe->waitForFinished(); // the worker removes its own connection
    }
    closeAndRemove(remoteName());
    closeAndRemove(localName());
}

void ConnectionManager::closeAndRemove(const QString &name)
{
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString ConnectionManager::defaultLocalPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("neon-todo.sqlite3"));
}

Error ConnectionManager::openLocal(const QString &requestedPath, Migrate migrate)
{
    const QString path = requestedPath.isEmpty() ? defaultLocalPath() : requestedPath;
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return ioError(QStringLiteral("Could not create the folder for the local database (%1). Check that "
                                      "you can write to it.")
                           .arg(QDir::toNativeSeparators(folder)),
                       {});
    QFile::setPermissions(folder, OwnerOnlyDir);
    if (!info.exists()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return ioError(
                QStringLiteral("Could not create the local database %1.").arg(QDir::toNativeSeparators(path)),
                file.errorString());
    }
    if (!QFile::setPermissions(path, OwnerOnlyFile))
        return ioError(QStringLiteral("Could not make the local database private to you (%1).")
                           .arg(QDir::toNativeSeparators(path)),
                       {});

    closeAndRemove(localName());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), localName());
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            const QString detail = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(localName());
            return ioError(
                QStringLiteral("Could not open the local database %1. If another program is using it, "
                               "close it and try again.")
                    .arg(QDir::toNativeSeparators(path)),
                detail);
        }
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (Error e = SqlExec::exec(db, QString::fromLatin1(pragma)))
                return ioError(QStringLiteral("Could not prepare the local database %1.")
                                   .arg(QDir::toNativeSeparators(path)),
                               e.detail);
        }
        if (migrate == Migrate::Yes) {
            auto migrated = SchemaMigrator(localName()).migrate();
            if (!migrated)
                return migrated.error();
        }
    }
    m_localPath = path;
    if (m_active.isEmpty())
        setActive(localName());
    return {};
}

Error ConnectionManager::addPostgres(const QString &connectionName, const ConnectionProfile &profile)
{
    auto options = profile.connectOptions();
    if (!options)
        return options.error();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid())
        return Error::make(
            Error::Kind::Connection,
            QStringLiteral("This installation cannot talk to PostgreSQL: Qt's PostgreSQL driver is "
                           "missing. Install the package libqt6sql6-psql."));
    db.setHostName(profile.host);
    if (profile.port > 0)
        db.setPort(profile.port);
    db.setDatabaseName(profile.database);
    db.setUserName(profile.user);
    db.setPassword(profile.password);
    db.setConnectOptions(options.value());
    return {};
}

Error ConnectionManager::openRemote(const ConnectionProfile &profile, bool migrate)
{
    closeAndRemove(remoteName());
    if (Error e = addPostgres(remoteName(), profile))
        return e;
    {
        QSqlDatabase db = QSqlDatabase::database(remoteName(), false);
        if (!db.open()) {
            const QSqlError err = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(remoteName());
            return describeConnectionFailure(err.databaseText().isEmpty() ? err.driverText()
                                                                          : err.databaseText(),
                                             err.nativeErrorCode(), profile);
        }
        if (migrate) {
            auto migrated = SchemaMigrator(remoteName()).migrate();
            if (!migrated)
                return migrated.error();
        }
    }
    m_remoteProfile = profile;
    m_remoteProfile.password.clear();
    // From now on no statement on "remote" may take longer than this (see RemoteLink).
    RemoteLink::setDeadline(remoteName(), m_operationDeadlineMs);
    RemoteLink::setReconnectBudget(remoteName(), m_reconnectBudgetMs);
    // Another database behind the same name: whoever shows the active one must read it again.
    if (m_active == remoteName())
        emit activeChanged(remoteName());
    return {};
}

void ConnectionManager::connectRemote(const ConnectionProfile &profile)
{
    const quint64 generation = ++m_probeGeneration;
    if (!m_probe) {
        m_probe = new QFutureWatcher<Error>(this);
    } else {
        m_probe->disconnect(this);
    }
    emit remoteConnecting(profile.displayName());
    // A Neon compute that was suspended takes a few seconds to start: say so instead of nothing.
    QTimer::singleShot(WakingNoticeMs, this, [this, profile, generation] {
        if (generation == m_probeGeneration && isConnecting())
            emit remoteWaking(profile.displayName());
    });

    const int deadline = m_operationDeadlineMs;
    const QString localPath = m_localPath;
    auto onWorker = m_sync.onWorker;
    auto probe = [profile, deadline, localPath, onWorker]() -> Error {
        const QString name = QStringLiteral("probe-") + Uuids::toText(Uuids::createV7());
        Error result;
        if (Error e = addPostgres(name, profile))
            return e;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (!db.open()) {
                const QSqlError err = db.lastError();
                result = describeConnectionFailure(err.databaseText().isEmpty() ? err.driverText()
                                                                                : err.databaseText(),
                                                   err.nativeErrorCode(), profile);
            } else {
                auto migrated = SchemaMigrator(name).migrate();
                if (!migrated)
                    result = migrated.error();
                if (!result && onWorker) {
                    // A whole push or pull may take longer than one statement of the window: the
                    // watchdog still ends one that hangs.
                    RemoteLink::setDeadline(name, deadline > 0 ? deadline * 4 : 0);
                    result = onWorker(name, localPath);
                    RemoteLink::setDeadline(name, 0);
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    };
    connect(m_probe, &QFutureWatcher<Error>::finished, this, [this, profile, generation] {
        if (generation != m_probeGeneration)
            return;
        const Error probeError = m_probe->result();
        if (probeError) {
            emit remoteFailed(probeError);
            return;
        }
        // This open runs on the window's thread: a network that stalls right now must not freeze it
        // for good (libpq waits without end when no connect_timeout is set). Bounded by the
        // operation deadline (libpq's least is 2 s); a failure is retried like any other.
        ConnectionProfile bounded = profile;
        if (m_operationDeadlineMs > 0) {
            const int seconds = std::max(2, (m_operationDeadlineMs + 999) / 1000);
            bool set = false;
            const int given = profile.options.value(QStringLiteral("connect_timeout")).toInt(&set);
            if (!set || given <= 0 || given > seconds)
                bounded.options.insert(QStringLiteral("connect_timeout"), QString::number(seconds));
        }
        if (Error e = openRemote(bounded, false)) {
            emit remoteFailed(e);
            return;
        }
        m_remoteProfile = profile; // the profile as given, for whoever opens another connection
        m_remoteProfile.password.clear();
        if (m_sync.beforeSwitch) {
            if (Error e = m_sync.beforeSwitch()) {
                emit remoteFailed(e);
                return;
            }
        }
        setActive(remoteName());
        emit remoteReady();
    });
    m_probe->setFuture(QtConcurrent::run(probe));
}

bool ConnectionManager::isConnecting() const
{
    return m_probe && m_probe->isRunning();
}

void ConnectionManager::cancelConnect()
{
    ++m_probeGeneration;
    if (m_probe)
        m_probe->disconnect(this);
}

Error ConnectionManager::setActive(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName) || !QSqlDatabase::database(connectionName, false).isOpen())
        return Error::make(
            Error::Kind::Connection,
            QStringLiteral("That database is not connected, so Neon Todo cannot switch to it."),
            connectionName);
    if (m_active == connectionName)
        return {};
    m_active = connectionName;
    emit activeChanged(connectionName);
    return {};
}

ConnectionProfile ConnectionManager::remoteProfileWithPassword() const
{
    if (!QSqlDatabase::contains(remoteName()))
        return {};
    ConnectionProfile profile = m_remoteProfile;
    profile.password = QSqlDatabase::database(remoteName(), false).password();
    return profile;
}

QString ConnectionManager::activeDescription() const
{
    if (isRemoteActive())
        return tr("Neon: %1 / %2").arg(m_remoteProfile.host, m_remoteProfile.database);
    if (m_active == localName())
        return tr("Local database");
    return tr("Not connected");
}

} // namespace nt
