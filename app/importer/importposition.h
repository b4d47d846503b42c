#pragma once

#include <QDateTime>

#include <algorithm>

namespace nt {

// Where an imported todo goes in the manual order: after `base` (the last position before the
// import), by the time it was created. The offset is the creation time in days since 1970, so the
// order is the creation order without sorting the rows first: a loader places each row as it
// streams past. A millisecond is about 1.2e-8 of a day, far above a double's resolution at these
// sizes, so rows made a millisecond apart stay apart. Rows made in the same millisecond share a
// position; the views break such ties by creation time and then id. Times before 1970 count as 1970.
inline double importPosition(double base, const QDateTime &created)
{
    constexpr double MsPerDay = 86'400'000.0;
    return base + 1.0 + double(std::max<qint64>(0, created.toMSecsSinceEpoch())) / MsPerDay;
}

} // namespace nt
