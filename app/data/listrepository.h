#pragma once

#include "listinfo.h"
#include "result.h"

#include <QList>

namespace nt {

// Reads and writes lists on one connection. Values are always bound or escaped.
class ListRepository
{
public:
    explicit ListRepository(QString connectionName);

    Result<QList<ListInfo>> list() const;  // not deleted, in order
    Result<ListInfo> add(ListInfo list) const;
    Result<ListInfo> rename(const QUuid &id, const QString &name) const;
    Result<ListInfo> move(const QUuid &id, double position) const;
    // Deletes the list and the todos in it (tombstones, one transaction, one shared stamp).
    Result<ListInfo> remove(const QUuid &id) const;
    // Brings back a list and exactly the todos that remove() took with it.
    Result<ListInfo> restore(const QUuid &id) const;

private:
    Result<ListInfo> updateOne(const QUuid &id, const QString &set, QVariantMap values, const QString &what) const;
    QString m_connectionName;
};

} // namespace nt
