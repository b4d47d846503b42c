#include "importoffer.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace nt {

namespace {

const QString OfferedKey = QStringLiteral("import/offered");

} // namespace

QStringList ImportOffer::candidates(const QString &home)
{
    const QDir h(home);
    QStringList places{h.filePath(QStringLiteral("todo_app_local.db")), h.filePath(QStringLiteral("backend/todo_app_local.db")),
                       h.filePath(QStringLiteral(".config/joplin-desktop/database.sqlite"))};
    // One level of project folders (~/code/app/backend/..., ~/Downloads/app/backend/...).
    for (const QString &parent : {home, h.filePath(QStringLiteral("Documents")), h.filePath(QStringLiteral("Downloads")),
                                  h.filePath(QStringLiteral("src")), h.filePath(QStringLiteral("code"))}) {
        const QDir dir(parent);
        for (const QString &child : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            places << dir.filePath(child + QStringLiteral("/backend/todo_app_local.db"))
                   << dir.filePath(child + QStringLiteral("/todo_app_local.db"));
        }
    }
    const QDir thunderbird(h.filePath(QStringLiteral(".thunderbird")));
    for (const QString &profile : thunderbird.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        places << thunderbird.filePath(profile + QStringLiteral("/calendar-data/local.sqlite"));

    QStringList found;
    for (const QString &p : places) {
        const QFileInfo info(p);
        if (info.isFile() && info.size() > 0 && !found.contains(info.canonicalFilePath()))
            found << info.canonicalFilePath();
    }
    return found;
}

bool ImportOffer::shouldOffer(bool hasTodos)
{
    return !hasTodos && !QSettings().value(OfferedKey, false).toBool();
}

void ImportOffer::remember()
{
    QSettings().setValue(OfferedKey, true);
}

} // namespace nt
