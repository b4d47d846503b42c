#include "startupreport.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace nt {

namespace {

// The resident set size of this process in kB (VmRSS in /proc/self/status), -1 when unknown.
qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Watches the viewport for its first paint. The line is printed on the event-loop turn right after
// that paint event was handled, so the time includes painting the visible rows.
class FirstPaintReporter : public QObject
{
public:
    FirstPaintReporter(QWidget *view, QWidget *viewport) : QObject(viewport), m_view(view) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, &FirstPaintReporter::report);
        }
        return false;
    }

private:
    void report()
    {
        const qint64 paintedAt = QDateTime::currentMSecsSinceEpoch();
        auto *view = qobject_cast<QAbstractItemView *>(m_view);
        const int rows = view && view->model() ? view->model()->rowCount() : -1;
        std::printf("first-paint-epoch-ms %lld rss-kb %lld rows %d\n", static_cast<long long>(paintedAt),
                    static_cast<long long>(residentKilobytes()), rows);
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }

    QWidget *m_view;
    bool m_seen = false;
};

} // namespace

void reportStartupWhenPainted(QWidget *view)
{
    if (!view || qEnvironmentVariableIsEmpty("NEON_TODO_REPORT_STARTUP"))
        return;
    auto *area = qobject_cast<QAbstractScrollArea *>(view);
    QWidget *viewport = area ? area->viewport() : view;
    viewport->installEventFilter(new FirstPaintReporter(view, viewport));
}

} // namespace nt
