#pragma once

#include <QList>
#include <QTextStream>

#include <algorithm>

// What every benchmark here prints with: the table on stdout, progress on stderr (so stdout holds
// only the results), and the median of a set of samples.
namespace nt::bench {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &progress()
{
    static QTextStream stream(stderr);
    return stream;
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace nt::bench
