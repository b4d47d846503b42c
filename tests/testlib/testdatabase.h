#pragma once

#include "connectionprofile.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace nt::test {

enum class Driver { SQLite, PostgreSQL };

// For data-driven suites that run on both databases (like qtbase's SQL tests): adds a "driver"
// column and one row per driver ("sqlite", "postgres"). Call both from a _data() function.
void addDriverColumn();
void addDriverRows();
QString driverName(Driver driver);

// The PostgreSQL test stack started by CTest (tests/testlib/pg-test-stack.sh): values from the
// environment, or from $NEON_TODO_TEST_STACK_DIR/env. Empty when it is not running.
class TestStack
{
public:
    // Values by name. The role URLs (NEON_TODO_TEST_PG_*_URL) are the direct endpoint's, or the
    // PgBouncer endpoint's (transaction mode) when NEON_TODO_TEST_ENDPOINT=pooler.
    static QString value(const QString &key);
    static bool throughPooler();
    // The value exactly as the stack wrote it (no pooler mapping).
    static QString rawValue(const QString &key);
    // The owner's URL of the direct endpoint, whichever endpoint the suite runs against.
    static QString directOwnerUrl() { return rawValue(QStringLiteral("NEON_TODO_TEST_PG_URL")); }

    static QString ownerUrl() { return value(QStringLiteral("NEON_TODO_TEST_PG_URL")); }
    static QString aliceUrl() { return value(QStringLiteral("NEON_TODO_TEST_PG_ALICE_URL")); }
    static QString bobUrl() { return value(QStringLiteral("NEON_TODO_TEST_PG_BOB_URL")); }
    // The reason tests cannot reach the stack, for a failure message; empty when they can.
    static QString whyUnavailable();
};

// A fresh, empty database for one test, removed again afterwards.
// SQLite: a file in a temporary folder. PostgreSQL: CREATE DATABASE on the test stack (as the
// stack's owner role), dropped WITH (FORCE) in the destructor.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(Driver driver, const QString &tag = QStringLiteral("t"));
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    Driver driver() const { return m_driver; }

    // An open connection to the database, made for this object.
    QString connectionName() const { return m_name; }
    // Adds and opens another connection to the same database (for other threads, call
    // addConnection from that thread). Closed and removed by the destructor when made here.
    QString openAnother(const QString &suffix);
    // Adds (and opens) a connection named `name` to this database in the calling thread; the caller
    // removes it. Returns an error text, empty on success.
    QString addConnection(const QString &name, const QString &roleUrl = {}) const;

    QString sqlitePath() const { return m_sqlitePath; }
    // PostgreSQL: the profile of this database for the owner, or for another role's stack URL.
    ConnectionProfile profile(const QString &roleUrl = {}) const;

private:
    Driver m_driver;
    QString m_error;
    QString m_name;
    QString m_sqlitePath;
    QString m_pgDatabase;
    QStringList m_extraNames;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace nt::test

// Fails (never skips) when the database could not be made: a suite that cannot reach its database
// has not passed.
#define NT_REQUIRE(db) QVERIFY2((db).isValid(), qPrintable((db).error()))
