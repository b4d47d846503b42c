#pragma once

class QWidget;

namespace nt {

// Startup measurement for tests/bench (issue 3). Only when the environment variable
// NEON_TODO_REPORT_STARTUP is set: once `view`'s viewport has finished its first paint, prints one
// line to stdout,
//   first-paint-epoch-ms <ms since the Unix epoch> rss-kb <VmRSS of this process> rows <rows shown>
// and quits the application on the next event-loop turn, so a benchmark can start the app many
// times. Without the variable (or with a null view) it does nothing.
void reportStartupWhenPainted(QWidget *view);

} // namespace nt
