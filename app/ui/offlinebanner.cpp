#include "offlinebanner.h"

#include "synccontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace nt {

OfflineBanner::OfflineBanner(SyncController *sync, QWidget *parent)
    : QFrame(parent), m_sync(sync), m_text(new QLabel(this)), m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    m_text->setObjectName(QStringLiteral("offlineText"));
    m_text->setWordWrap(true);
    m_action->setObjectName(QStringLiteral("offlineAction"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, m_sync, [this] {
        if (m_sync->state() == SyncController::State::WorkingOffline)
            m_sync->setWorkOffline(false);
        else
            m_sync->retryNow();
    });
    connect(m_sync, &SyncController::stateChanged, this, &OfflineBanner::update);
    connect(m_sync, &SyncController::pendingChanged, this, &OfflineBanner::update);
    update();
}

void OfflineBanner::update()
{
    using State = SyncController::State;
    const State state = m_sync->state();
    const int waiting = int(m_sync->pendingChanges());
    switch (state) {
    case State::Offline:
        m_text->setText(tr("Offline — %n change(s) waiting", nullptr, waiting));
        m_text->setToolTip(m_sync->lastProblem());
        m_action->setText(tr("Retry now"));
        m_action->show();
        break;
    case State::WorkingOffline:
        m_text->setText(tr("Working offline — %n change(s) waiting", nullptr, waiting));
        m_text->setToolTip({});
        m_action->setText(tr("Go online"));
        m_action->show();
        break;
    case State::Connecting:
        m_text->setText(tr("Connecting to Neon — %n change(s) waiting", nullptr, waiting));
        m_text->setToolTip(m_sync->lastProblem());
        m_action->hide();
        break;
    default:
        break;
    }
    // While connecting, only worth a strip when something waits: a normal start says nothing.
    setVisible(state == State::Offline || state == State::WorkingOffline || (state == State::Connecting && waiting > 0));
}

} // namespace nt
