#include "schemamigrator.h"
#include "sqlexec.h"
#include "testdatabase.h"
#include "todorepository.h"
#include "uuids.h"

#include <QSqlDatabase>
#include <QTest>

using namespace nt;
using namespace nt::test;

// Row-level security is PostgreSQL's: two database roles share one database and each sees only its
// own rows. (A SQLite file has one user, so there is no SQLite row here.)
class tst_RowLevelSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void shouldShowEachRoleOnlyItsOwnTodos();
    void shouldNotLetARoleWriteAnotherRolesRows();
    void shouldNotLetARoleClaimAnotherOwner();
    void cleanupTestCase();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    QString m_alice;
    QString m_bob;
};

void tst_RowLevelSecurity::initTestCase()
{
    // GIVEN a database migrated by its owner and two other roles connected to it
    m_db = std::make_unique<ScratchDatabase>(Driver::PostgreSQL, QStringLiteral("rls"));
    NT_REQUIRE(*m_db);
    auto migrated = SchemaMigrator(m_db->connectionName()).migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.error().toString()));
    m_alice = m_db->connectionName() + QStringLiteral("-alice");
    m_bob = m_db->connectionName() + QStringLiteral("-bob");
    QCOMPARE(m_db->addConnection(m_alice, TestStack::aliceUrl()), QString());
    QCOMPARE(m_db->addConnection(m_bob, TestStack::bobUrl()), QString());
    // Each role sees the schema, even though only the owner may change it.
    auto states = SchemaMigrator(m_alice).status();
    QVERIFY2(states.ok(), qPrintable(states.error().toString()));
    QCOMPARE(states.value().first().status, MigrationState::Status::Applied);
}

void tst_RowLevelSecurity::cleanupTestCase()
{
    for (const QString &name : {m_alice, m_bob}) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    m_db.reset();
}

void tst_RowLevelSecurity::shouldShowEachRoleOnlyItsOwnTodos()
{
    // WHEN alice adds two todos and bob one
    QVERIFY(TodoRepository(m_alice).add(Todo::titled(QStringLiteral("alice 1"))).ok());
    QVERIFY(TodoRepository(m_alice).add(Todo::titled(QStringLiteral("alice 2"))).ok());
    QVERIFY(TodoRepository(m_bob).add(Todo::titled(QStringLiteral("bob 1"))).ok());

    // THEN each lists only their own
    auto alice = TodoRepository(m_alice).list();
    auto bob = TodoRepository(m_bob).list();
    QVERIFY(alice.ok() && bob.ok());
    QCOMPARE(alice.value().size(), 2);
    QCOMPARE(bob.value().size(), 1);
    QCOMPARE(bob.value().first().title, QStringLiteral("bob 1"));
    for (const Todo &t : alice.value())
        QVERIFY(t.title.startsWith(QStringLiteral("alice")));
    // and the owner (who is subject to the policy too) sees none of them
    auto owner = TodoRepository(m_db->connectionName()).count();
    QVERIFY(owner.ok());
    QCOMPARE(owner.value(), qint64(0));
}

void tst_RowLevelSecurity::shouldNotLetARoleWriteAnotherRolesRows()
{
    auto added = TodoRepository(m_alice).add(Todo::titled(QStringLiteral("alice private")));
    QVERIFY(added.ok());
    // WHEN bob updates and deletes by alice's id
    const QVariantMap id{{QStringLiteral("id"), added.value().id}, {QStringLiteral("t"), QStringLiteral("bob was here")}};
    auto update = SqlExec::run(QSqlDatabase::database(m_bob), QStringLiteral("UPDATE todos SET title = :t WHERE id = :id"), id);
    auto remove = SqlExec::run(QSqlDatabase::database(m_bob), QStringLiteral("DELETE FROM todos WHERE id = :id"), id);
    // THEN neither touches a row
    QVERIFY(update.ok() && remove.ok());
    QCOMPARE(update.value().numRowsAffected(), 0);
    QCOMPARE(remove.value().numRowsAffected(), 0);
    auto check = SqlExec::run(QSqlDatabase::database(m_alice), QStringLiteral("SELECT title FROM todos WHERE id = :id"), id);
    QVERIFY(check.ok() && check.value().next());
    QCOMPARE(check.value().value(0).toString(), QStringLiteral("alice private"));
}

void tst_RowLevelSecurity::shouldNotLetARoleClaimAnotherOwner()
{
    // WHEN bob inserts a row that says it is alice's
    const Error e = SqlExec::exec(QSqlDatabase::database(m_bob),
                                  QStringLiteral("INSERT INTO todos (id, title, owner) VALUES (:id, 'planted', 'neon_todo_alice')"),
                                  {{QStringLiteral("id"), Uuids::createV7()}});
    // THEN the policy refuses it with a permission error
    QVERIFY(e.isError());
    QCOMPARE(e.sqlState, QStringLiteral("42501"));
    QCOMPARE(e.kind, Error::Kind::Permission);
}

QTEST_GUILESS_MAIN(tst_RowLevelSecurity)
#include "tst_rowlevelsecurity.moc"
