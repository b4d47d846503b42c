#pragma once

#include <QStringList>
#include <QTextStream>

namespace nt {

// neon-todo-cli import FILE [--table T] [--map field=column,...] [--dry-run] [--verify]
//                           [--rejects FILE.csv] [--json]
// Imports an old SQLite todo file into the connection `targetConnection` (already open).
class ImportCommand
{
public:
    // Exit codes beyond Cli's: some rows could not be imported (they are listed, and written to
    // --rejects); the rest were imported and verified.
    static constexpr int SomeRowsRejected = 5;

    ImportCommand(QTextStream &out, QTextStream &err);
    // Parses the command's own arguments; returns an exit code, or -1 when they are fine.
    int parse(const QStringList &args);
    int run(const QString &targetConnection);

    static QString helpText();

private:
    int fail(int code, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_file;
    QString m_table;
    QStringList m_maps;
    QString m_rejectsPath;
    bool m_dryRun = false;
    bool m_json = false;
};

} // namespace nt
