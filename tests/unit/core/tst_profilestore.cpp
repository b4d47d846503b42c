#include "profilestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using nt::ConnectionProfile;
using nt::Error;
using nt::ProfileStore;

namespace {

const QString NeonUrl = u"postgresql://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/"
                        u"neondb?sslmode=require&channel_binding=require"_s;
const QString DevUrl = u"postgresql://dev:DevPw-42@localhost:5433/todo_dev"_s;

ConnectionProfile profile(const QString &name, const QString &url)
{
    ConnectionProfile p = ConnectionProfile::parse(url).value();
    p.name = name;
    return p;
}

} // namespace

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void shouldListBuiltInNamesFirstThenOwnSorted();
    void shouldNeverWriteThePassword();
    void shouldLoadWhatWasSavedWithNeonDefaults();
    void shouldStoreTheProfileAsUrlUnderItsName();
    void shouldValidateNames_data();
    void shouldValidateNames();
    void shouldSayHowToConfigureAnEmptyBuiltIn();
    void shouldListKnownNamesForAnUnknownProfile();
    void shouldRemoveProfileAndClearCurrent();
    void shouldKeepCurrentNameAcrossInstances();
    void shouldResolveInOrderArgumentEnvironmentCurrent_data();
    void shouldResolveInOrderArgumentEnvironmentCurrent();

private:
    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(m_file, QSettings::IniFormat);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

void tst_ProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(u"neon-todo.ini"_s);
}

void tst_ProfileStore::cleanup()
{
    m_dir.reset();
}

void tst_ProfileStore::shouldListBuiltInNamesFirstThenOwnSorted()
{
    // GIVEN an empty store
    ProfileStore store(settings());
    QCOMPARE(store.names(), ConnectionProfile::builtInNames());

    // WHEN own profiles and a built-in one are saved, in no particular order
    QVERIFY(!store.save(profile(u"zeta"_s, DevUrl)));
    QVERIFY(!store.save(profile(u"staging"_s, NeonUrl)));
    QVERIFY(!store.save(profile(u"Mid"_s, DevUrl)));
    QVERIFY(!store.save(profile(u"alpha"_s, DevUrl)));

    // THEN the built-in names come first, each once, then the user's own, sorted
    QCOMPARE(store.names(),
             (QStringList{u"development"_s, u"staging"_s, u"production"_s, u"alpha"_s, u"Mid"_s, u"zeta"_s}));
    QVERIFY(store.isConfigured(u"staging"_s));
    QVERIFY(!store.isConfigured(u"production"_s));
    QVERIFY(!store.isConfigured(u"nope"_s));
}

void tst_ProfileStore::shouldNeverWriteThePassword()
{
    // GIVEN a profile with a password
    ConnectionProfile p = profile(u"staging"_s, NeonUrl);
    QCOMPARE(p.password, u"AbC123dEf"_s);

    // WHEN it is saved and the settings are flushed
    {
        ProfileStore store(settings());
        QVERIFY(!store.save(p));
    }

    // THEN the raw settings file holds the profile but not its password, in any form
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(raw.contains("ep-cool-darkness-123456"));
    QVERIFY2(!raw.contains("AbC123dEf"), raw.constData());
    QVERIFY(!raw.toLower().contains("password"));

    // AND loading it gives no password
    ProfileStore store(settings());
    QVERIFY(store.load(u"staging"_s).value().password.isEmpty());
}

void tst_ProfileStore::shouldLoadWhatWasSavedWithNeonDefaults()
{
    // GIVEN a Neon profile saved as the console gives it
    ConnectionProfile saved = profile(u"production"_s, NeonUrl);
    saved.statementTimeoutMs = 15000;
    saved.options.insert(u"application_name"_s, u"Neon Todo"_s);
    ProfileStore(settings()).save(saved);

    // WHEN another store instance loads it
    const nt::Result<ConnectionProfile> loaded = ProfileStore(settings()).load(u"production"_s);

    // THEN it is the same profile without the password, with Neon's defaults filled in where unset
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
    ConnectionProfile expected = saved;
    expected.password.clear();
    expected.applyNeonDefaults();
    QCOMPARE(loaded.value(), expected);
    QCOMPARE(loaded.value().name, u"production"_s);
    QCOMPARE(loaded.value().option(u"sslmode"_s), u"verify-full"_s); // the console's require, checked fully
    QCOMPARE(loaded.value().option(u"connect_timeout"_s), u"10"_s);
}

void tst_ProfileStore::shouldStoreTheProfileAsUrlUnderItsName()
{
    ProfileStore store(settings());
    QVERIFY(!store.save(profile(u"my-laptop_2.0"_s, DevUrl)));

    const QSettings raw(m_file, QSettings::IniFormat);
    QCOMPARE(raw.value(u"profiles/my-laptop_2.0/url"_s).toString(),
             u"postgresql://dev@localhost:5433/todo_dev"_s);
}

void tst_ProfileStore::shouldValidateNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("built-in") << u"staging"_s << true;
    QTest::newRow("letters digits - _ .") << u"My-laptop_2.0"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"my laptop"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("backslash") << u"a\\b"_s << false;
    QTest::newRow("non-ascii letter") << u"caf\u00e9"_s << false;
    QTest::newRow("equals sign") << u"a=b"_s << false;
}

void tst_ProfileStore::shouldValidateNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    ProfileStore store(settings());
    const Error error = store.save(profile(name, DevUrl));
    QCOMPARE(!error, valid);
    QCOMPARE(store.isConfigured(name), valid);
    if (!valid) {
        QCOMPARE(error.kind, Error::Kind::InvalidInput);
        QVERIFY2(error.message.contains(u"may only use letters, digits"_s), qPrintable(error.message));
        QCOMPARE(store.names(), ConnectionProfile::builtInNames());
    }
}

void tst_ProfileStore::shouldSayHowToConfigureAnEmptyBuiltIn()
{
    const Error error = ProfileStore(settings()).load(u"staging"_s).error();
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.message.contains(u"neon-todo-cli profile set staging URL"_s), qPrintable(error.message));
}

void tst_ProfileStore::shouldListKnownNamesForAnUnknownProfile()
{
    ProfileStore store(settings());
    QVERIFY(!store.save(profile(u"laptop"_s, DevUrl)));

    const Error error = store.load(u"lap-top"_s).error();
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.message.contains(u"There is no profile named \"lap-top\""_s), qPrintable(error.message));
    QVERIFY2(
        error.message.contains(u"Known profiles: \"development\", \"staging\", \"production\", \"laptop\""_s),
        qPrintable(error.message));
}

void tst_ProfileStore::shouldRemoveProfileAndClearCurrent()
{
    // GIVEN a saved profile that is the current one
    ProfileStore store(settings());
    QVERIFY(!store.save(profile(u"laptop"_s, DevUrl)));
    store.setCurrentName(u"laptop"_s);

    // WHEN it is removed
    QVERIFY(!store.remove(u"laptop"_s));

    // THEN it is gone, nothing is current, and removing it again says there is nothing to remove
    QVERIFY(!store.isConfigured(u"laptop"_s));
    QCOMPARE(store.names(), ConnectionProfile::builtInNames());
    QVERIFY(store.currentName().isEmpty());
    QCOMPARE(store.remove(u"laptop"_s).kind, Error::Kind::NotFound);
}

void tst_ProfileStore::shouldKeepCurrentNameAcrossInstances()
{
    ProfileStore(settings()).setCurrentName(u"staging"_s);
    QCOMPARE(ProfileStore(settings()).currentName(), u"staging"_s);
    ProfileStore(settings()).setCurrentName(QString());
    QVERIFY(ProfileStore(settings()).currentName().isEmpty());
}

void tst_ProfileStore::shouldResolveInOrderArgumentEnvironmentCurrent_data()
{
    QTest::addColumn<QString>("envUrl"); // NEON_TODO_DATABASE_URL, null = unset
    QTest::addColumn<QString>("profileArg");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("expectedName"); // empty = no profile (local only)
    QTest::addColumn<QString>("expectedHost");
    QTest::addColumn<Error::Kind>("errorKind");
    QTest::addColumn<QString>("errorPhrase");

    const QString neonHost = u"ep-cool-darkness-123456.us-east-2.aws.neon.tech"_s;
    const auto none = Error::Kind::None;
    QTest::newRow("environment beats current")
        << NeonUrl << QString() << u"development"_s << u"environment"_s << neonHost << none << QString();
    QTest::newRow("--profile typed for this run beats environment")
        << NeonUrl << u"development"_s << u"staging"_s << u"development"_s << u"localhost"_s << none
        << QString();
    QTest::newRow("environment as key=value text")
        << u"host=db.example.com dbname=x"_s << QString() << QString() << u"environment"_s
        << u"db.example.com"_s << none << QString();
    QTest::newRow("empty environment variable is ignored")
        << u""_s << QString() << u"staging"_s << u"staging"_s << neonHost << none << QString();
    QTest::newRow("--profile beats current")
        << QString() << u"staging"_s << u"development"_s << u"staging"_s << neonHost << none << QString();
    QTest::newRow("current when no --profile") << QString() << QString() << u"development"_s
                                               << u"development"_s << u"localhost"_s << none << QString();
    QTest::newRow("nothing chosen: local only")
        << QString() << QString() << QString() << QString() << QString() << none << QString();
    QTest::newRow("unknown --profile")
        << QString() << u"stagin"_s << u"development"_s << QString() << QString() << Error::Kind::NotFound
        << u"Known profiles: \"development\", \"staging\""_s;
    QTest::newRow("built-in --profile not configured")
        << QString() << u"production"_s << QString() << QString() << QString() << Error::Kind::NotFound
        << u"neon-todo-cli profile set production URL"_s;
    QTest::newRow("current profile no longer exists")
        << QString() << QString() << u"gone"_s << QString() << QString() << Error::Kind::NotFound
        << u"There is no profile named \"gone\""_s;
    QTest::newRow("malformed environment URL is an error, not a fallback")
        << u"postgresql://alex:Secr3tPw@localhost:99999/db"_s << QString() << u"development"_s << QString()
        << QString() << Error::Kind::InvalidInput << u"NEON_TODO_DATABASE_URL is set but cannot be used"_s;
}

void tst_ProfileStore::shouldResolveInOrderArgumentEnvironmentCurrent()
{
    QFETCH(QString, envUrl);
    QFETCH(QString, profileArg);
    QFETCH(QString, current);
    QFETCH(QString, expectedName);
    QFETCH(QString, expectedHost);
    QFETCH(Error::Kind, errorKind);
    QFETCH(QString, errorPhrase);

    // GIVEN development and staging configured, and the row's current profile and environment
    ProfileStore store(settings());
    QVERIFY(!store.save(profile(u"development"_s, DevUrl)));
    QVERIFY(!store.save(profile(u"staging"_s, NeonUrl)));
    store.setCurrentName(current);
    QProcessEnvironment env;
    env.insert(u"HOME"_s, u"/home/alex"_s);
    if (!envUrl.isNull())
        env.insert(QString::fromLatin1(ProfileStore::DatabaseUrlVariable), envUrl);

    // WHEN the profile for this run is resolved
    const nt::Result<std::optional<ConnectionProfile>> result = store.resolve(profileArg, env);

    // THEN it is the expected one, or a plain error
    if (errorKind != Error::Kind::None) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, errorKind);
        QVERIFY2(result.error().message.contains(errorPhrase), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(u"Secr3tPw"_s));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    const std::optional<ConnectionProfile> &resolved = result.value();
    QCOMPARE(resolved.has_value(), !expectedName.isEmpty());
    if (!resolved)
        return;
    QCOMPARE(resolved->name, expectedName);
    QCOMPARE(resolved->host, expectedHost);
    if (resolved->isNeon()) // Neon's defaults are applied, whatever the source
        QCOMPARE(resolved->option(u"sslrootcert"_s), u"/etc/ssl/certs/ca-certificates.crt"_s);
    else
        QVERIFY(resolved->option(u"sslrootcert"_s).isEmpty());
    if (expectedName == u"environment")
        QCOMPARE(resolved->password.isEmpty(), !envUrl.contains(u"AbC123dEf"_s)); // kept in memory
}

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
