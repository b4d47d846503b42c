#pragma once

#include "result.h"

#include <QString>

namespace nt {

// Passwords for profiles, in the desktop's keychain (Secret Service or KWallet through QtKeychain).
// When no keychain answers (no session bus, a headless server, CI), every call fails quickly with
// an Error and the caller asks the person instead; nothing is ever written anywhere else.
class SecretStore
{
public:
    explicit SecretStore(QString service = QStringLiteral(NEON_TODO_APP_ID));

    // NotFound when the keychain works but holds nothing for the profile.
    Result<QString> readPassword(const QString &profileName) const;
    Error writePassword(const QString &profileName, const QString &password) const;
    Error removePassword(const QString &profileName) const;

    // False when there is no keychain to talk to (checked without waiting on D-Bus for long).
    static bool isAvailable();

private:
    QString m_service;
};

} // namespace nt
