#include "doctorcommand.h"

#include "cli.h"
#include "connectiondoctor.h"
#include "connectionprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

// Wide enough for the longest check title ("Authentication").
constexpr int TitleWidth = 14;

QString line(const DoctorCheck &check)
{
    return u"%1  %2  %3"_s.arg(DoctorCheck::word(check.status), -4)
        .arg(check.title, -TitleWidth)
        .arg(check.found);
}

} // namespace

DoctorCommand::DoctorCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

QString DoctorCommand::helpText()
{
    return u"  doctor [OPTIONS]         Check each step of the connection to the database and say what to "
           u"do\n"
           "                           about a problem: DNS, TCP, TLS, authentication, server version, "
           "schema\n"
           "                           version, round-trip time, pooler or direct. Reads only.\n"
           "      --profile NAME       Check this profile (like the global option).\n"
           "      --url URL            Check this database URL (like the global option).\n"
           "      --json               Print the checks as JSON: [{check, status, found, advice}].\n"_s;
}

int DoctorCommand::fail(int code, const QString &message)
{
    m_err << "neon-todo-cli: " << message << Qt::endl;
    return code;
}

int DoctorCommand::parse(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        if (a == u"--json") {
            m_json = true;
        } else if (a == u"--profile") {
            if (!value(&m_profileArg))
                return fail(Cli::UsageError, u"--profile needs a profile name."_s);
        } else if (a.startsWith(u"--profile=")) {
            m_profileArg = a.mid(10);
        } else if (a == u"--url") {
            if (!value(&m_url))
                return fail(Cli::UsageError, u"--url needs a database URL."_s);
        } else {
            return fail(
                Cli::UsageError,
                u"doctor does not know \"%1\". Use doctor [--profile NAME | --url URL] [--json]."_s.arg(a));
        }
    }
    if (!m_profileArg.isEmpty() && !m_url.isEmpty())
        return fail(Cli::UsageError, u"Use only one of --profile and --url."_s);
    return -1;
}

int DoctorCommand::run(const ConnectionProfile &profile, const std::function<QString()> &askPassword)
{
    ConnectionDoctor doctor(profile);
    doctor.setPasswordPrompt(askPassword);
    if (!m_json)
        m_out << "Checking " << profile.displayName() << " ("
              << (profile.name.isEmpty() ? u"profile"_s : profile.name) << ")" << Qt::endl;
    const QList<DoctorCheck> checks = doctor.run([this](const DoctorCheck &check) {
        if (m_json)
            return;
        m_out << line(check) << Qt::endl;
        if (!check.advice.isEmpty())
            m_out << QString(6, u' ') << check.advice << Qt::endl;
    });

    int failed = 0;
    int warned = 0;
    for (const DoctorCheck &check : checks) {
        failed += check.status == DoctorCheck::Status::Fail;
        warned += check.status == DoctorCheck::Status::Warn;
    }
    if (m_json) {
        QJsonArray array;
        for (const DoctorCheck &check : checks)
            array.append(QJsonObject{{u"check"_s, check.id},
                                     {u"status"_s, DoctorCheck::word(check.status)},
                                     {u"found"_s, check.found},
                                     {u"advice"_s, check.advice}});
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (failed > 0) {
        m_out << Qt::endl << "Neon Todo cannot use this database yet: see the advice under FAIL." << Qt::endl;
    } else if (warned > 0) {
        m_out << Qt::endl << "The connection works; see the advice under WARN." << Qt::endl;
    } else {
        m_out << Qt::endl << "Everything checked works." << Qt::endl;
    }
    return failed > 0 ? Cli::ConnectionFailed : Cli::Ok;
}

} // namespace nt
