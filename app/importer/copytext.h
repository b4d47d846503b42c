#pragma once

#include "utctime.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// PostgreSQL COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
// The loader writes rows with it, and the import benchmark's \copy baseline reuses it so both send
// the very same bytes.
namespace nt::CopyText {

inline void appendField(QByteArray &out, const QString &value, bool isNull = false)
{
    if (isNull) {
        out += "\\N";
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    out.reserve(out.size() + utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

inline void appendTime(QByteArray &out, const QDateTime &time)
{
    appendField(out, UtcTime::toStorageText(time), !time.isValid());
}

} // namespace nt::CopyText
