#include "uuids.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QRandomGenerator>

#include <array>

namespace nt::Uuids {

namespace {

// rand_a of the last id made, per source of time. Ids from the clock and ids for given times are
// counted apart, so that a given time (an import of old or future-dated rows) never moves the
// clock's sequence.
struct V7Sequence
{
    qint64 lastMs = -1;
    quint16 counter = 0; // 12 bits used (rand_a)
};

struct V7State
{
    QMutex mutex;
    V7Sequence clock;
    V7Sequence given;
};

V7State &state()
{
    static V7State s;
    return s;
}

quint16 freshCounter()
{
    return quint16(QRandomGenerator::system()->bounded(0x400)); // leave room to count up
}

QUuid fromBytes(const std::array<uchar, 16> &b)
{
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b.data()), 16));
}

QUuid make(qint64 ms, quint16 counter)
{
    std::array<uchar, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = uchar((quint64(ms) >> (40 - 8 * i)) & 0xff);
    b[6] = uchar(0x70 | ((counter >> 8) & 0x0f));
    b[7] = uchar(counter & 0xff);
    const quint64 rnd = QRandomGenerator::system()->generate64();
    for (int i = 0; i < 8; ++i)
        b[size_t(8 + i)] = uchar((rnd >> (56 - 8 * i)) & 0xff);
    b[8] = uchar(0x80 | (b[8] & 0x3f)); // RFC 4122 variant
    return fromBytes(b);
}

} // namespace

QUuid createV7(const QDateTime &time)
{
    // The given time is kept exactly. Ids for the same millisecond as the previous given-time id
    // count up from it (until rand_a runs out after at least 3,072 ids; then they are only unique).
    const qint64 ms = time.toMSecsSinceEpoch();
    quint16 counter;
    {
        V7State &s = state();
        QMutexLocker lock(&s.mutex);
        if (ms == s.given.lastMs && s.given.counter < 0x0fff)
            counter = ++s.given.counter;
        else
            counter = freshCounter();
        s.given = {ms, counter};
    }
    return make(ms, counter);
}

QUuid createV7()
{
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    quint16 counter;
    {
        V7State &s = state();
        QMutexLocker lock(&s.mutex);
        if (ms <= s.clock.lastMs) {
            // Same (or an earlier, after a clock step back) millisecond: keep increasing.
            ms = s.clock.lastMs;
            if (++s.clock.counter > 0x0fff) {
                ++ms;
                s.clock.counter = freshCounter();
            }
        } else {
            s.clock.counter = freshCounter();
        }
        s.clock.lastMs = ms;
        counter = s.clock.counter;
    }
    return make(ms, counter);
}

qint64 v7Milliseconds(const QUuid &id)
{
    // Not QUuid::version(): Qt 6.4 reports VerUnknown for every version above 5.
    const QByteArray b = id.toRfc4122();
    if ((uchar(b[6]) >> 4) != 7 || (uchar(b[8]) & 0xc0) != 0x80)
        return -1;
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | uchar(b[i]);
    return ms;
}

QUuid createV5(const QUuid &ns, QByteArrayView name)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(ns.toRfc4122());
    hash.addData(name);
    const QByteArray digest = hash.result();
    std::array<uchar, 16> b{};
    for (int i = 0; i < 16; ++i)
        b[size_t(i)] = uchar(digest[i]);
    b[6] = uchar(0x50 | (b[6] & 0x0f));
    b[8] = uchar(0x80 | (b[8] & 0x3f));
    return fromBytes(b);
}

} // namespace nt::Uuids
