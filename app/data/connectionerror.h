#pragma once

#include "connectionprofile.h"
#include "error.h"

#include <QString>

namespace nt {

// Why a connection to PostgreSQL (Neon) failed, in plain words with what to do about it.
//
// libpq reports connection failures as text only (there is no SQLSTATE before the server answers),
// and PgBouncer and Neon's proxy word some of them their own way, so this reads the text, and the
// SQLSTATE when there is one. Every kind of failure a Neon user meets has its own message:
// wrong password, unknown role or database, endpoint not found, TLS required, certificate not
// matching or not trusted, DNS failure, refused, timeout, too many connections, compute waking.
// The server's own first line stays in Error::detail (never a password: libpq does not echo it).
Error describeConnectionFailure(const QString &nativeMessage, const QString &sqlState, const ConnectionProfile &profile);

// An error from a statement on an open connection, in plain words when it is one a person can act
// on (the connection went away, row-level security refused, a statement timed out); otherwise
// `error` unchanged.
Error describeStatementFailure(const Error &error);

// A failed statement as the person reads it: `what` was being done ("Could not save the todo."),
// followed by why in plain words when the cause is one they can act on (the connection, a timeout,
// a permission); the database's own text stays in detail.
Error withContext(const Error &cause, const QString &what);

// Whether an error means the connection is gone and opening it again may help (Neon suspended the
// compute: 57P01; the network dropped it; the server restarted).
bool isConnectionLost(const Error &error);

} // namespace nt
