#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QUuid>

namespace nt::Uuids {

// A new time-ordered id (RFC 9562 version 7): 48 bits of Unix milliseconds, then a counter that keeps
// ids made in the same millisecond by this process strictly increasing, then random bits. Ids made on
// different devices while offline never collide in practice and sort by creation time.
QUuid createV7();

// The same, for a given time (tests, importers that keep the source creation time).
QUuid createV7(const QDateTime &time);

// The Unix time in milliseconds carried by a version 7 id, or -1 for any other id.
qint64 v7Milliseconds(const QUuid &id);

// A name-based id (RFC 9562 version 5, SHA-1): the same namespace and name always give the same id.
QUuid createV5(const QUuid &ns, QByteArrayView name);

// Lower-case text without braces, the form both databases store.
inline QString toText(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }

} // namespace nt::Uuids
