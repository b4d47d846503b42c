#pragma once

#include <QString>

namespace nt {

// An error as a value. `message` is written for a person: what happened and what to do next.
// `detail` is for logs and bug reports (driver text, SQLSTATE); it never holds a secret.
struct Error
{
    enum class Kind {
        None,
        InvalidInput,  // the person or a file gave something we cannot use
        NotFound,      // a file, profile or row that is not there
        Io,            // reading or writing a local file failed
        Connection,    // the server could not be reached or dropped the connection
        Authentication,
        Tls,
        Timeout,
        Schema,        // migrations: checksum mismatch, database newer than the app
        Permission,
        Conflict,      // the row was changed elsewhere since it was read (optimistic concurrency)
        Database,      // any other error the database reported
        Cancelled,
    };

    Kind kind = Kind::None;
    QString message;
    QString detail;
    QString sqlState;

    static Error make(Kind kind, QString message, QString detail = {}, QString sqlState = {})
    {
        return Error{kind, std::move(message), std::move(detail), std::move(sqlState)};
    }
    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    // One line for logs and the CLI: the message, then the detail in brackets when there is one.
    QString toString() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')');
    }
};

} // namespace nt
