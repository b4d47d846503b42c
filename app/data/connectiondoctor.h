#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QString>

#include <functional>

namespace nt {

struct PostgresProbe;

// One step of ConnectionDoctor's diagnosis.
struct DoctorCheck
{
    enum class Status { Pass, Warn, Fail, Skip };

    QString id;    // stable, for scripts: dns, tcp, tls, authentication, server_version, schema,
                   // round_trip, pooler
    QString title; // for people: DNS, TCP, TLS, Authentication, Server version, Schema, Round trip, Pooler
    Status status = Status::Skip;
    QString found;  // what was found, on one line
    QString advice; // what to do, in plain words: always on Warn and Fail; on Pass only a note worth
                    // knowing (the pooled host: where schema changes are better made)

    static QString word(Status status); // PASS, WARN, FAIL, SKIP
};

// Checks every step between this computer and a PostgreSQL (Neon) database, in order: DNS, TCP, TLS,
// authentication, server version, schema version, round-trip time, pooler or direct.
//
// Promises:
// - Reads only: nothing is written to the database. No SQL-level PREPARE and no session SET of its
//   own, so every check works through a transaction-mode pooler (PgBouncer, Neon's -pooler host).
// - A step that fails makes the steps that depend on it Skip, saying which step failed.
// - The password is never part of a check (libpq's own messages do not carry it either).
// - Every network step ends within the profile's connect_timeout (10 s when it has none); statements
//   within ConnectionManager's operation deadline.
// - Speaks English, like the rest of neon-todo-cli; the advice for a failed connection is
//   describeConnectionFailure()'s.
class ConnectionDoctor
{
public:
    explicit ConnectionDoctor(ConnectionProfile profile);

    // Asked once when the server wants a password that the profile does not have; an empty answer
    // gives up (the check then fails with the reason).
    void setPasswordPrompt(std::function<QString()> prompt) { m_prompt = std::move(prompt); }

    // Runs the checks, handing each to `onCheck` as soon as it is known; returns them all.
    QList<DoctorCheck> run(const std::function<void(const DoctorCheck &)> &onCheck = {});

private:
    bool checkNetwork();
    bool checkTlsAndLogin();
    void checkDatabase(const QString &connectionName); // connectiondoctordatabase.cpp
    void add(const QString &id, DoctorCheck::Status status, const QString &found, const QString &advice = {});
    void skipRest(const QString &failedTitle);
    QString channelBinding(const PostgresProbe &probe);
    QString directHost() const;
    static QString milliseconds(double ms); // "0.4 ms", "23 ms"

    ConnectionProfile m_profile;
    int m_timeoutMs = 10000;
    std::function<QString()> m_prompt;
    std::function<void(const DoctorCheck &)> m_onCheck;
    QList<DoctorCheck> m_checks;
    int m_serverVersion = 0;
};

} // namespace nt
