#include "frame_export_runner.h"

#include "time/time_controller.h"

#include <QMetaObject>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {

FrameExportRunner::FrameExportRunner(QWidget* parent)
    : QObject(parent), m_parent(parent),
      m_watcher(new QFutureWatcher<Result<FrameSeries::Report>>(this)) {
    connect(m_watcher, &QFutureWatcher<Result<FrameSeries::Report>>::finished, this, [this] {
        const Result<FrameSeries::Report> r = m_watcher->result();
        if (m_progress) {
            m_progress->reset();
            m_progress->hide();
        }
        if (r)
            emit finished(true, r.value(), QString());
        else
            emit finished(false, {}, r.error().toString());
    });
}

FrameExportRunner::~FrameExportRunner() {
    cancel();
    m_watcher->waitForFinished();
}

FrameSeries::Options FrameExportRunner::optionsFrom(const TimeController& time,
                                                    const PageSetup& page) {
    FrameSeries::Options o;
    o.page = page;
    o.range = time.fullRange();
    o.step = time.step();
    o.window = time.windowSpec();
    return o;
}

void FrameExportRunner::showProgress(int done, int total) {
    if (!m_progress)
        return;
    m_progress->setValue(done);
    m_progress->setLabelText(tr("Frame %1 of %2").arg(done).arg(total));
}

bool FrameExportRunner::isRunning() const {
    return m_watcher->isRunning();
}

void FrameExportRunner::cancel() {
    if (m_cancel)
        *m_cancel = true;
}

bool FrameExportRunner::start(const QString& dir, const FrameSeries::Options& options,
                              const MapSettings& map, const BriefingLayout& layout) {
    if (isRunning())
        return false;
    const int total = static_cast<int>(FrameSeries::windows(options).size());
    if (!m_progress) {
        m_progress = new QProgressDialog(m_parent);
        m_progress->setWindowTitle(tr("Export Frames"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, this, &FrameExportRunner::cancel);
    }
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setLabelText(tr("Writing %n frame(s) to %1…", nullptr, total).arg(dir));
    m_progress->show();

    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    // Progress arrives on the worker; hop to this object's thread to touch the dialog. `this`
    // outlives the worker (the destructor cancels and waits), and queued calls to a deleted
    // object are dropped.
    auto* runner = this;
    auto progress = [runner](int done, int all) {
        QMetaObject::invokeMethod(
            runner, [runner, done, all] { runner->showProgress(done, all); }, Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([dir, options, map, layout, progress, cancelFlag] {
        return FrameSeries::write(dir, options, map, layout, progress, cancelFlag.get());
    }));
    return true;
}

} // namespace borderlens
