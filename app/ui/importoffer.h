#pragma once

#include <QStringList>

namespace nt {

// Where old todo files usually are, for the first-run offer to bring them over.
class ImportOffer
{
public:
    // Existing files among the usual places under `home`: the old Neon Todo backend's
    // todo_app_local.db (in the home folder, a backend/ folder, or one level of project folders,
    // Documents and Downloads included), Joplin's desktop database and Thunderbird's local calendar.
    static QStringList candidates(const QString &home);

    // Whether to offer at start: not offered before (remembered in the settings), and the person
    // has no todos yet.
    static bool shouldOffer(bool hasTodos);
    static void remember(); // offered once: File > Import from SQLite… is there after that
};

} // namespace nt
