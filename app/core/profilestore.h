#pragma once

#include "connectionprofile.h"

#include <QProcessEnvironment>
#include <QSettings>

#include <memory>
#include <optional>

namespace nt {

// Connection profiles kept in QSettings under "profiles/<name>/", plus which one is current.
// Passwords are never written here (see SecretStore).
class ProfileStore
{
public:
    static constexpr const char *DatabaseUrlVariable = "NEON_TODO_DATABASE_URL";

    ProfileStore();                                    // the application's QSettings
    explicit ProfileStore(std::unique_ptr<QSettings> settings); // tests: a settings file of their own
    ~ProfileStore();

    // Built-in names first (whether configured or not), then the user's own, sorted.
    QStringList names() const;
    bool isConfigured(const QString &name) const;

    // The stored profile, or NotFound for a name that has no connection set.
    Result<ConnectionProfile> load(const QString &name) const;
    // Stores every field but the password (which is cleared from what is written). Names are
    // non-empty and made of letters, digits, '-', '_' and '.'.
    Error save(const ConnectionProfile &profile);
    Error remove(const QString &name);

    QString currentName() const; // empty = none chosen: the app runs on the local database
    void setCurrentName(const QString &name);

    // Which remote database this run uses: the profile named by `profileArg` (--profile, typed for
    // this run), else NEON_TODO_DATABASE_URL when set, else the current profile, else none
    // (std::nullopt: local only).
    // An unknown --profile or a malformed URL is an error, never a silent fallback.
    Result<std::optional<ConnectionProfile>> resolve(const QString &profileArg,
                                                     const QProcessEnvironment &env) const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace nt
