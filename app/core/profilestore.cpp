#include "profilestore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

const QString ProfilesGroup = u"profiles"_s;
const QString CurrentKey = u"current"_s;

QString urlKey(const QString &name)
{
    return ProfilesGroup + u'/' + name + u"/url"_s;
}

bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._-]+$"_s);
    return pattern.match(name).hasMatch();
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << u'"' + name + u'"';
    return quoted.join(u", "_s);
}

} // namespace

ProfileStore::ProfileStore() : m_settings(std::make_unique<QSettings>()) {}

ProfileStore::ProfileStore(std::unique_ptr<QSettings> settings) : m_settings(std::move(settings)) {}

ProfileStore::~ProfileStore() = default;

QStringList ProfileStore::names() const
{
    const QStringList builtIn = ConnectionProfile::builtInNames();
    m_settings->beginGroup(ProfilesGroup);
    QStringList own = m_settings->childGroups();
    m_settings->endGroup();
    own.removeIf([&](const QString &name) { return builtIn.contains(name) || !isConfigured(name); });
    own.sort(Qt::CaseInsensitive);
    return builtIn + own;
}

bool ProfileStore::isConfigured(const QString &name) const
{
    return isValidName(name) && !m_settings->value(urlKey(name)).toString().trimmed().isEmpty();
}

Result<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    if (!isConfigured(name)) {
        if (ConnectionProfile::builtInNames().contains(name))
            return Error::make(Error::Kind::NotFound,
                               u"The \""_s + name +
                                   u"\" profile has no database yet. Set one with: neon-todo-cli "
                                   u"profile set "_s +
                                   name + u" URL (the postgresql:// URL from the Neon console)."_s);
        return Error::make(Error::Kind::NotFound, u"There is no profile named \""_s + name +
                                                      u"\". Known profiles: "_s + quotedList(names()) + u'.');
    }
    Result<ConnectionProfile> parsed = ConnectionProfile::fromUrl(m_settings->value(urlKey(name)).toString());
    if (!parsed)
        return Error::make(Error::Kind::InvalidInput,
                           u"The saved connection of profile \""_s + name + u"\" cannot be read: "_s +
                               parsed.error().message + u" Set it again with: neon-todo-cli profile set "_s +
                               name + u" URL."_s);
    ConnectionProfile profile = std::move(parsed).value();
    profile.name = name;
    profile.applyNeonDefaults();
    return profile;
}

Error ProfileStore::save(const ConnectionProfile &profile)
{
    if (!isValidName(profile.name))
        return Error::make(Error::Kind::InvalidInput,
                           u"A profile name must not be empty and may only use letters, digits, \"-\", "
                           u"\"_\" and \".\" (for example \"staging\" or \"my-laptop\")."_s);
    m_settings->setValue(urlKey(profile.name), profile.toUrl(false)); // never the password
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error::make(Error::Kind::Io,
                           u"The profile could not be saved: the settings file cannot be written. Check "
                           u"that its folder exists and is writable."_s,
                           m_settings->fileName());
    return {};
}

Error ProfileStore::remove(const QString &name)
{
    if (!isConfigured(name))
        return Error::make(Error::Kind::NotFound, u"There is no saved connection for the profile \""_s +
                                                      name + u"\", so there is nothing to remove."_s);
    m_settings->remove(ProfilesGroup + u'/' + name);
    if (currentName() == name)
        m_settings->remove(CurrentKey);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error::make(Error::Kind::Io,
                           u"The profile could not be removed: the settings file cannot be written. Check "
                           u"that its folder exists and is writable."_s,
                           m_settings->fileName());
    return {};
}

QString ProfileStore::currentName() const
{
    return m_settings->value(CurrentKey).toString();
}

void ProfileStore::setCurrentName(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(CurrentKey);
    else
        m_settings->setValue(CurrentKey, name);
    m_settings->sync();
}

Result<std::optional<ConnectionProfile>> ProfileStore::resolve(const QString &profileArg,
                                                               const QProcessEnvironment &env) const
{
    using Resolved = std::optional<ConnectionProfile>;
    if (!profileArg.isEmpty()) {
        Result<ConnectionProfile> loaded = load(profileArg);
        if (!loaded)
            return loaded.error();
        return Resolved(std::move(loaded).value());
    }

    const QString variable = QString::fromLatin1(DatabaseUrlVariable);
    const QString url = env.value(variable).trimmed();
    if (!url.isEmpty()) {
        Result<ConnectionProfile> parsed = ConnectionProfile::parse(url);
        if (!parsed)
            return Error::make(Error::Kind::InvalidInput, variable + u" is set but cannot be used: "_s +
                                                              parsed.error().message +
                                                              u" Fix it, or unset it to use a saved "
                                                              u"profile."_s);
        ConnectionProfile profile = std::move(parsed).value();
        profile.name = u"environment"_s;
        profile.applyNeonDefaults();
        return Resolved(std::move(profile));
    }

    const QString name = currentName();
    if (name.isEmpty())
        return Resolved();
    Result<ConnectionProfile> loaded = load(name);
    if (!loaded)
        return loaded.error();
    return Resolved(std::move(loaded).value());
}

} // namespace nt
