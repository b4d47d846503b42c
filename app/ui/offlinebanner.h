#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace nt {

class SyncController;

// The strip above the todo list while the window works on this computer's copy: "Offline — 3
// changes waiting" with Retry now (or, when working offline by choice, Go online). Hidden while
// online and when no Neon profile is in use.
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(SyncController *sync, QWidget *parent = nullptr);

private:
    void update();

    SyncController *m_sync;
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace nt
