#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace nt {

namespace {

// Loads <name>_<lang>.qm from `directory` for the best of the locale's languages and installs it;
// a missing file is no error (English stays).
void installOne(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, name, u"_"_s, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void installTranslations(QCoreApplication &app)
{
    const QLocale locale;
    installOne(app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installOne(app, locale, u"neon-todo"_s, u":/i18n"_s);
}

} // namespace nt
