#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("neon-todo"));
    QCoreApplication::setOrganizationName(QStringLiteral("neon-todo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEON_TODO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    nt::Cli cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
