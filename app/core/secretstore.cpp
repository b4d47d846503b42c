#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

constexpr int JobTimeoutMs = 3000;

Error noKeychain(const QString &detail = {})
{
    return Error::make(Error::Kind::Io,
                       u"No keychain is available on this desktop; Neon Todo will ask for the password "
                       u"when it connects."_s,
                       detail);
}

// Runs a QtKeychain job to its end, or for at most JobTimeoutMs. Returns the finished job, or null on
// timeout: the job is then left to delete itself whenever it does finish (deleting a job that is still
// talking to D-Bus is not safe). The guard covers waiting for answers only: QtKeychain 0.13 picks its
// backend on the first job with blocking D-Bus calls, which a bus that never answers can hold for
// D-Bus's own 25 s timeout.
template <typename Job> std::unique_ptr<Job> run(std::unique_ptr<Job> job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(JobTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        QObject::disconnect(job.get(), nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        (void)job.release();
        return nullptr;
    }
    return job;
}

// The Error for a job that failed, or no error.
Error errorOf(const QKeychain::Job *job, const QString &profileName, bool missingIsError)
{
    if (!job)
        return Error::make(Error::Kind::Timeout,
                           u"The keychain did not answer within 3 seconds; Neon Todo will ask for the "
                           u"password when it connects."_s);
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        if (!missingIsError)
            return {};
        return Error::make(Error::Kind::NotFound, u"The keychain holds no password for the profile \""_s +
                                                      profileName +
                                                      u"\"; Neon Todo will ask for it when it connects."_s);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(Error::Kind::Permission,
                           u"The keychain refused access to the password; Neon Todo will ask for it when it "
                           u"connects. Allow Neon Todo in the keychain's prompt to remember it."_s,
                           job->errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noKeychain(job->errorString());
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return Error::make(Error::Kind::Io,
                       u"The keychain could not be used; Neon Todo will ask for the password when it "
                       u"connects."_s,
                       job->errorString());
}

// A keychain call needs a running application object (for the event loop) and a keychain to call.
Error precondition()
{
    if (!SecretStore::isAvailable())
        return noKeychain(u"no D-Bus session bus"_s);
    if (!QCoreApplication::instance())
        return noKeychain(u"no QCoreApplication"_s);
    return {};
}

} // namespace

SecretStore::SecretStore(QString service) : m_service(std::move(service)) {}

Result<QString> SecretStore::readPassword(const QString &profileName) const
{
    if (const Error e = precondition())
        return e;
    auto job = std::make_unique<QKeychain::ReadPasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setKey(profileName);
    job = run(std::move(job));
    if (const Error e = errorOf(job.get(), profileName, true))
        return e;
    return job->textData();
}

Error SecretStore::writePassword(const QString &profileName, const QString &password) const
{
    if (const Error e = precondition())
        return e;
    auto job = std::make_unique<QKeychain::WritePasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setKey(profileName);
    job->setTextData(password);
    job = run(std::move(job));
    return errorOf(job.get(), profileName, true);
}

Error SecretStore::removePassword(const QString &profileName) const
{
    if (const Error e = precondition())
        return e;
    auto job = std::make_unique<QKeychain::DeletePasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setKey(profileName);
    job = run(std::move(job));
    return errorOf(job.get(), profileName, false); // nothing stored: nothing to remove
}

bool SecretStore::isAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // Secret Service and KWallet are reached over the D-Bus session bus. Without one every job would
    // only fail after a D-Bus timeout. libdbus also finds the bus at $XDG_RUNTIME_DIR/bus when the
    // variable is unset (systemd user sessions). QtKeychain 0.13 has no isAvailable() of its own.
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + u"/bus"_s);
#else
    return true;
#endif
}

} // namespace nt
