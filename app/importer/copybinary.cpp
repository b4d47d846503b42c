#include "copybinary.h"

#include <QtEndian>

#include <bit>

namespace nt {

namespace {

// PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00 UTC.
constexpr qint64 PostgresEpochMs = 946684800000;

template <typename T>
void put(QByteArray &out, T value)
{
    const qsizetype at = out.size();
    out.resize(at + qsizetype(sizeof(T)));
    qToBigEndian(value, out.data() + at);
}

} // namespace

void CopyBinary::header(QByteArray &out)
{
    out.append("PGCOPY\n\377\r\n\0", 11);
    put<qint32>(out, 0); // flags: no OIDs
    put<qint32>(out, 0); // no header extension
}

void CopyBinary::trailer(QByteArray &out)
{
    put<qint16>(out, -1);
}

void CopyBinary::beginRow(QByteArray &out, qint16 fields)
{
    put<qint16>(out, fields);
}

void CopyBinary::null(QByteArray &out)
{
    put<qint32>(out, -1);
}

void CopyBinary::boolean(QByteArray &out, bool value)
{
    put<qint32>(out, 1);
    out.append(value ? '\1' : '\0');
}

void CopyBinary::int16(QByteArray &out, qint16 value)
{
    put<qint32>(out, 2);
    put<qint16>(out, value);
}

void CopyBinary::float8(QByteArray &out, double value)
{
    put<qint32>(out, 8);
    put<quint64>(out, std::bit_cast<quint64>(value)); // IEEE 754, as the server stores it
}

void CopyBinary::uuid(QByteArray &out, const QUuid &value)
{
    if (value.isNull()) {
        null(out);
        return;
    }
    put<qint32>(out, 16);
    put<quint32>(out, value.data1);
    put<quint16>(out, value.data2);
    put<quint16>(out, value.data3);
    out.append(reinterpret_cast<const char *>(value.data4), 8);
}

void CopyBinary::text(QByteArray &out, QStringView value)
{
    // Encoded straight into the buffer, at most three bytes per UTF-16 unit; the length goes in front.
    const qsizetype at = out.size();
    out.resize(at + 4 + value.size() * 3);
    char *const begin = out.data() + at + 4;
    char *const end = m_encoder.appendToBuffer(begin, value);
    qToBigEndian(qint32(end - begin), out.data() + at);
    out.resize(end - out.constData());
}

void CopyBinary::timestamp(QByteArray &out, qint64 msecsSinceEpoch)
{
    put<qint32>(out, 8);
    put<qint64>(out, (msecsSinceEpoch - PostgresEpochMs) * 1000);
}

void CopyBinary::timestamp(QByteArray &out, const QDateTime &time)
{
    if (time.isValid())
        timestamp(out, time.toMSecsSinceEpoch());
    else
        null(out);
}

} // namespace nt
