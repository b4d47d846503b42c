#pragma once

class QCoreApplication;

namespace nt {

// Installs the app's translation for QLocale() (the system's languages, or the default a test set)
// from the embedded :/i18n/neon-todo_<lang>.qm, and Qt's own (qtbase_<lang>, for standard dialogs
// and buttons) when the system has it. A language without a translation keeps the English source
// text, silently. Call once, right after the application object exists; the translators live as
// long as `app`.
void installTranslations(QCoreApplication &app);

} // namespace nt
