#pragma once

#include "export/frame_series.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace borderlens {

class TimeController;

// Writes a frame series on a worker thread (QtConcurrent) behind a progress dialog whose Cancel
// stops it between frames; the window stays responsive throughout. One run per object.
class FrameExportRunner : public QObject {
    Q_OBJECT
public:
    explicit FrameExportRunner(QWidget* parent = nullptr);
    ~FrameExportRunner() override;

    // The frames the time slider would play: its full range, step and window.
    static FrameSeries::Options optionsFrom(const TimeController& time, const PageSetup& page);

    // Starts writing into `dir`; returns false if a run is already going.
    bool start(const QString& dir, const FrameSeries::Options& options, const MapSettings& map,
               const BriefingLayout& layout);
    bool isRunning() const;
    void cancel();
    QProgressDialog* progressDialog() const { return m_progress; }

signals:
    // ok: all written or cancelled (report says which); otherwise `error` says why.
    void finished(bool ok, const borderlens::FrameSeries::Report& report, const QString& error);

private:
    void showProgress(int done, int total);

    QPointer<QWidget> m_parent;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Result<FrameSeries::Report>>* m_watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace borderlens
