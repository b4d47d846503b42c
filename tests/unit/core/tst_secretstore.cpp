#include "secretstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using nt::Error;
using nt::SecretStore;

// The test machine has no keychain, and tests must never write to a real one: the session bus is
// hidden from the process, so every call has to fail fast with the plain "no keychain" message.
class tst_SecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldReportNoKeychainWithoutSessionBus();
    void shouldFailQuicklyWithPlainMessage_data();
    void shouldFailQuicklyWithPlainMessage();
    void shouldNotHangWhenTheBusHasNoKeychain_data();
    void shouldNotHangWhenTheBusHasNoKeychain();
    void cleanupTestCase();

private:
    QTemporaryDir m_runtimeDir; // an XDG_RUNTIME_DIR without a "bus" socket
    QProcess m_bus;             // a private session bus that offers no services at all
};

void tst_SecretStore::initTestCase()
{
    QVERIFY(m_runtimeDir.isValid());
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
}

void tst_SecretStore::shouldReportNoKeychainWithoutSessionBus()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!SecretStore::isAvailable());
    QVERIFY(timer.elapsed() < 1000);
}

void tst_SecretStore::shouldFailQuicklyWithPlainMessage_data()
{
    QTest::addColumn<QString>("call");
    QTest::newRow("read") << u"read"_s;
    QTest::newRow("write") << u"write"_s;
    QTest::newRow("remove") << u"remove"_s;
}

void tst_SecretStore::shouldFailQuicklyWithPlainMessage()
{
    QFETCH(QString, call);
    const QString password = u"Secr3tPw-do-not-store"_s;

    // GIVEN a store with a service name of its own (never the app's real one)
    const SecretStore store(u"dev.neontodo.NeonTodo.tests"_s);

    // WHEN the keychain is used
    QElapsedTimer timer;
    timer.start();
    Error error;
    if (call == u"read")
        error = store.readPassword(u"staging"_s).error();
    else if (call == u"write")
        error = store.writePassword(u"staging"_s, password);
    else
        error = store.removePassword(u"staging"_s);

    // THEN it fails within seconds, saying the password will be asked for, never echoing it
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(u"No keychain is available on this desktop; Neon Todo will ask for "
                                    u"the password when it connects."_s),
             qPrintable(error.message));
    QVERIFY(!error.toString().contains(password));
}

void tst_SecretStore::shouldNotHangWhenTheBusHasNoKeychain_data()
{
    shouldFailQuicklyWithPlainMessage_data();
}

// The jobs really run here: a private bus with no service directories, so nothing can be started
// on it and nothing can be written. Every call must come back with an error well within 5 s.
void tst_SecretStore::shouldNotHangWhenTheBusHasNoKeychain()
{
    QFETCH(QString, call);

    // GIVEN a session bus where no keychain answers
    if (m_bus.state() == QProcess::NotRunning) {
        const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        if (daemon.isEmpty())
            QFAIL("dbus-daemon is not installed (packaging/dev.sh deps installs it): the keychain path is untested");
        const QString config = m_runtimeDir.filePath(u"bus.conf"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                   " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:dir=" +
                   QFile::encodeName(m_runtimeDir.path()) +
                   "</listen><policy context=\"default\">" // the policy of Debian's session.conf
                   "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                   "<allow own=\"*\"/></policy></busconfig>\n");
        file.close();
        m_bus.start(daemon, {u"--config-file="_s + config, u"--nofork"_s, u"--print-address=1"_s});
        QVERIFY(m_bus.waitForStarted());
        QTRY_VERIFY(m_bus.canReadLine());
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    }
    QVERIFY(SecretStore::isAvailable());
    const SecretStore store(u"dev.neontodo.NeonTodo.tests"_s);

    // WHEN the keychain is used
    QElapsedTimer timer;
    timer.start();
    Error error;
    if (call == u"read")
        error = store.readPassword(u"staging"_s).error();
    else if (call == u"write")
        error = store.writePassword(u"staging"_s, u"Secr3tPw-do-not-store"_s);
    else
        error = store.removePassword(u"staging"_s);

    // THEN it comes back in time; only removing nothing may succeed
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    if (call != u"remove")
        QVERIFY(error.isError());
    if (error.isError()) {
        QVERIFY2(error.message.contains(u"Neon Todo will ask for the password when it connects"_s),
                 qPrintable(error.message));
        QVERIFY(!error.toString().contains(u"Secr3tPw"_s));
    }
}

void tst_SecretStore::cleanupTestCase()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(3000))
            m_bus.kill();
    }
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
