#pragma once

#include <QString>
#include <QUuid>

namespace nt::ImportIds {

// The namespace of every id the importer makes (UUIDv5).
QUuid importNamespace();

// The id a source row gets in Neon Todo. The same row of the same old file always gets the same id,
// wherever the file is and on whichever desktop it is imported, so running an import again brings
// nothing twice. It is made from the source table, the row's own key and, when the source has one,
// its creation time as stored (these do not change when a row is edited in the old app). Without a
// creation time, `fileFingerprint` (see SourceSnapshot) keeps rows "1" of two unrelated files apart.
QUuid todoId(const QString &table, const QString &sourceKey, const QString &createdAsStored,
             const QString &fileFingerprint);

// The id of the n-th (n >= 2, in file order) row that repeats another row's key and creation time:
// derived from that row's id, so it is as stable as the first.
QUuid repeated(const QUuid &id, qint64 occurrence);

// A list made from the source's list/folder name: one id per name, so every todo in "Home" meets
// the same list, again on every run.
QUuid listId(const QString &name);

// The same list for one database account (role) when another account of a shared database already
// holds listId(name): that row is invisible to this account, so its todos get a list of their own.
QUuid accountListId(const QString &name, const QString &account);

} // namespace nt::ImportIds
