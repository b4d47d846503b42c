#pragma once

#include <QList>
#include <QTextStream>

#include <algorithm>

// What every benchmark here prints with: the table on stdout, progress on stderr (so stdout holds
// only the results), the median of a set of samples, and a measurement's samples.
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

// Samples of one measurement: times in milliseconds and, where counted, statements sent.
struct Measure
{
    QList<double> ms;
    QList<qint64> statements;

    double medianMs() const { return median(ms); }
    double maxMs() const { return ms.isEmpty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
    qint64 minStatements() const { return statements.isEmpty() ? -1 : *std::min_element(statements.begin(), statements.end()); }
    qint64 maxStatements() const { return statements.isEmpty() ? -1 : *std::max_element(statements.begin(), statements.end()); }
};

} // namespace nt::bench
