#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace nt {

class ConnectionProfile;

// neon-todo-cli doctor [--profile P | --url URL] [--json]
// Checks every step between this computer and the database (see ConnectionDoctor) and prints one
// line per check, "PASS|WARN|FAIL|SKIP  <check>  <what was found>", with advice in plain words
// under each warning and failure; or, with --json, an array of {check, status, found, advice}.
class DoctorCommand
{
public:
    DoctorCommand(QTextStream &out, QTextStream &err);
    // Parses the command's own arguments; returns an exit code, or -1 when they are fine.
    int parse(const QStringList &args);
    // --profile and --url given after "doctor" (empty when not).
    QString profileArg() const { return m_profileArg; }
    QString url() const { return m_url; }

    // Runs the checks for `profile` (with its password when one is known; `askPassword` is asked
    // when the server wants one). Exit code 0 when no check failed (warnings allowed), Cli's
    // ConnectionFailed otherwise.
    int run(const ConnectionProfile &profile, const std::function<QString()> &askPassword);

    static QString helpText();

private:
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_profileArg;
    QString m_url;
    bool m_json = false;
};

} // namespace nt
