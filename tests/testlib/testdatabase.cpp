#include "testdatabase.h"

#include "connectionmanager.h"
#include "uuids.h"

#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace nt::test {

namespace {

QHash<QString, QString> readStackFile()
{
    QHash<QString, QString> values;
    const QString dir = qEnvironmentVariable("NEON_TODO_TEST_STACK_DIR");
    if (dir.isEmpty())
        return values;
    QFile file(dir + QStringLiteral("/env"));
    if (!file.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    return values;
}

QString randomSuffix()
{
    return Uuids::toText(Uuids::createV7()).remove(QLatin1Char('-')).right(16);
}

// Runs a statement on the stack's own database as the owner, on a short-lived connection.
QString adminExec(const QString &sql)
{
    auto parsed = ConnectionProfile::parse(TestStack::ownerUrl());
    if (!parsed)
        return parsed.error().message;
    const QString name = QStringLiteral("admin-") + randomSuffix();
    QString error;
    if (Error e = ConnectionManager::addPostgres(name, parsed.value()))
        return e.toString();
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

void addDriverColumn()
{
    QTest::addColumn<Driver>("driver");
}

void addDriverRows()
{
    QTest::newRow("sqlite") << Driver::SQLite;
    QTest::newRow("postgres") << Driver::PostgreSQL;
}

QString driverName(Driver driver)
{
    return driver == Driver::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

bool TestStack::throughPooler()
{
    return qEnvironmentVariable("NEON_TODO_TEST_ENDPOINT") == QLatin1String("pooler");
}

QString TestStack::value(const QString &requested)
{
    // With NEON_TODO_TEST_ENDPOINT=pooler every role's URL is the pooled endpoint's.
    QString key = requested;
    if (throughPooler() && key.startsWith(QLatin1String("NEON_TODO_TEST_PG_")) && key.endsWith(QLatin1String("_URL")))
        key.replace(QLatin1String("NEON_TODO_TEST_PG_"), QLatin1String("NEON_TODO_TEST_POOLER_"));
    return rawValue(key);
}

QString TestStack::rawValue(const QString &key)
{
    const QString fromEnv = qEnvironmentVariable(key.toUtf8().constData());
    if (!fromEnv.isEmpty())
        return fromEnv;
    static const QHash<QString, QString> file = readStackFile();
    return file.value(key);
}

QString TestStack::whyUnavailable()
{
    if (!ownerUrl().isEmpty())
        return {};
    return QStringLiteral("The PostgreSQL test stack is not running: run the suites with ctest (which starts it), or "
                          "wrap the command in tests/testlib/pg-test-stack.sh run -- COMMAND.");
}

ScratchDatabase::ScratchDatabase(Driver driver, const QString &tag) : m_driver(driver)
{
    m_name = tag + QLatin1Char('-') + randomSuffix();
    if (driver == Driver::SQLite) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sqlitePath = m_dir->filePath(QStringLiteral("scratch.sqlite3"));
        m_error = addConnection(m_name);
        return;
    }
    if (QString why = TestStack::whyUnavailable(); !why.isEmpty()) {
        m_error = why;
        return;
    }
    m_pgDatabase = QStringLiteral("nt_") + randomSuffix();
    // The name is made here from hex digits, never from input.
    if (QString e = adminExec(QStringLiteral("CREATE DATABASE ") + m_pgDatabase); !e.isEmpty()) {
        m_error = QStringLiteral("Could not create a scratch database: ") + e;
        m_pgDatabase.clear();
        return;
    }
    m_error = addConnection(m_name);
}

ScratchDatabase::~ScratchDatabase()
{
    for (const QString &name : m_extraNames + QStringList{m_name}) {
        if (!QSqlDatabase::contains(name))
            continue;
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    if (!m_pgDatabase.isEmpty())
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgDatabase + QStringLiteral(" WITH (FORCE)"));
}

ConnectionProfile ScratchDatabase::profile(const QString &roleUrl) const
{
    auto parsed = ConnectionProfile::parse(roleUrl.isEmpty() ? TestStack::ownerUrl() : roleUrl);
    ConnectionProfile p = parsed ? parsed.value() : ConnectionProfile{};
    p.database = m_pgDatabase;
    p.name = QStringLiteral("test");
    return p;
}

QString ScratchDatabase::addConnection(const QString &name, const QString &roleUrl) const
{
    if (m_driver == Driver::SQLite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=20000"));
        if (!db.open())
            return db.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        return {};
    }
    if (Error e = ConnectionManager::addPostgres(name, profile(roleUrl)))
        return e.toString();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.open())
        return db.lastError().text();
    return {};
}

QString ScratchDatabase::openAnother(const QString &suffix)
{
    const QString name = m_name + QLatin1Char('-') + suffix;
    if (QString e = addConnection(name); !e.isEmpty()) {
        m_error = e;
        return {};
    }
    m_extraNames << name;
    return name;
}

} // namespace nt::test
