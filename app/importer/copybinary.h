#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringEncoder>
#include <QUuid>

namespace nt {

// Writes rows in PostgreSQL COPY's binary format (COPY ... FROM STDIN WITH (FORMAT binary)): each
// value is its length and its bytes in the server's own binary form, so nothing is escaped, no
// time is turned into text and the server parses nothing. Network byte order throughout.
// Contract: the caller writes header() once, then per row beginRow(number of fields) and exactly
// that many values in the table's column order, then trailer() once. Text is sent as UTF-8 (the
// loader's transaction sets client_encoding to UTF8). Times must lie within PostgreSQL's range
// (the converter keeps years 1 to 9999).
class CopyBinary
{
public:
    static void header(QByteArray &out);
    static void trailer(QByteArray &out);
    static void beginRow(QByteArray &out, qint16 fields);

    static void null(QByteArray &out);
    static void boolean(QByteArray &out, bool value);
    static void int16(QByteArray &out, qint16 value);
    static void float8(QByteArray &out, double value);
    static void uuid(QByteArray &out, const QUuid &value);         // NULL when null
    void text(QByteArray &out, QStringView value);                 // not static: keeps an encoder
    static void timestamp(QByteArray &out, const QDateTime &time); // timestamptz; NULL when invalid
    static void timestamp(QByteArray &out, qint64 msecsSinceEpoch);

private:
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

} // namespace nt
