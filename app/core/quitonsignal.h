#pragma once

namespace nt {

// Makes SIGTERM, SIGINT and SIGHUP end the event loop (QCoreApplication::quit) instead of killing the
// process, so connections close and the local database is left tidy when a session ends or a
// service manager stops the app. Call once, after the application object exists.
void quitOnTerminationSignals();

} // namespace nt
