#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace nt {

// A user's list of todos ("Groceries", "Work"). Times are UTC.
struct ListInfo
{
    static constexpr int MaxNameLength = 200;

    QUuid id;
    QString name;
    double position = 0;
    QString colour;      // "#rrggbb" or empty
    QDateTime deletedAt; // tombstone
    qint64 version = 1;

    static bool isValidName(const QString &name)
    {
        const QString n = name.trimmed();
        return !n.isEmpty() && n.size() <= MaxNameLength;
    }
};

} // namespace nt
