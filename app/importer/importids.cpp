#include "importids.h"

#include "uuids.h"

namespace nt::ImportIds {

QUuid importNamespace()
{
    static const QUuid ns = Uuids::createV5(QUuid(), QByteArrayView("neon-todo import"));
    return ns;
}

QUuid todoId(const QString &table, const QString &sourceKey, const QString &createdAsStored,
             const QString &fileFingerprint)
{
    // NUL separates the parts: no value can make two different rows spell the same name.
    QString name = QStringLiteral("todo") + QChar() + table + QChar() + sourceKey + QChar();
    name += createdAsStored.isEmpty() ? QStringLiteral("file:") + fileFingerprint
                                      : QStringLiteral("created:") + createdAsStored;
    return Uuids::createV5(importNamespace(), name.toUtf8());
}

QUuid repeated(const QUuid &id, qint64 occurrence)
{
    const QByteArray name = id.toRfc4122() + QByteArrayLiteral("#") + QByteArray::number(occurrence);
    return Uuids::createV5(importNamespace(), name);
}

QUuid listId(const QString &name)
{
    return Uuids::createV5(importNamespace(),
                           (QStringLiteral("list") + QChar() + name.trimmed().toCaseFolded()).toUtf8());
}

QUuid accountListId(const QString &name, const QString &account)
{
    return Uuids::createV5(
        importNamespace(),
        (QStringLiteral("list") + QChar() + account + QChar() + name.trimmed().toCaseFolded()).toUtf8());
}

} // namespace nt::ImportIds
