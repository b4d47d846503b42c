#include "copytext.h"

#include "utctime.h"

namespace nt::CopyText {

namespace {

constexpr qint64 MsPerDay = 86400000;

void appendDigits(char *at, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        at[i] = char('0' + value % 10);
}

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// The proleptic Gregorian date of a day number (days since 1970-01-01), after Howard Hinnant's
// days_from_civil inverse.
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;                                 // [0, 146096]
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const qint64 mp = (5 * doy + 2) / 153;                                    // [0, 11], from March
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

} // namespace

void appendEscaped(QByteArray &out, const char *bytes, qsizetype size)
{
    const char *run = bytes;
    const char *const end = bytes + size;
    for (const char *p = bytes; p != end; ++p) {
        const char c = *p;
        if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
            continue;
        out.append(run, p - run);
        const char escaped[2] = {'\\', c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
        out.append(escaped, 2);
        run = p + 1;
    }
    out.append(run, end - run);
}

void appendField(QByteArray &out, const QString &value, bool isNull)
{
    if (isNull) {
        out.append("\\N", 2);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    appendEscaped(out, utf8.constData(), utf8.size());
}

void appendTime(QByteArray &out, qint64 msecsSinceEpoch)
{
    qint64 days = msecsSinceEpoch / MsPerDay;
    qint64 ms = msecsSinceEpoch % MsPerDay;
    if (ms < 0) {
        ms += MsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    if (date.year < 1 || date.year > 9999) { // not reached for converted values; Qt's text says the same
        appendField(out, UtcTime::toStorageText(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)));
        return;
    }
    char text[] = "YYYY-MM-DD HH:MM:SS.mmm+00";
    appendDigits(text, date.year, 4);
    appendDigits(text + 5, date.month, 2);
    appendDigits(text + 8, date.day, 2);
    appendDigits(text + 11, ms / 3600000, 2);
    appendDigits(text + 14, ms / 60000 % 60, 2);
    appendDigits(text + 17, ms / 1000 % 60, 2);
    appendDigits(text + 20, ms % 1000, 3);
    out.append(text, qsizetype(sizeof text) - 1);
}

void appendTime(QByteArray &out, const QDateTime &time)
{
    if (!time.isValid())
        out.append("\\N", 2);
    else
        appendTime(out, time.toMSecsSinceEpoch());
}

} // namespace nt::CopyText
