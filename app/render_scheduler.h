#pragma once

#include "render/map_settings.h"
#include "render/map_viewport.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace borderlens {

// Runs MapRenderer on a worker thread, one frame at a time. A request made while a frame is
// being drawn replaces any request still waiting, so panning, zooming or playing time never
// queues stale frames: at most one render runs and one waits. The running frame is finished and
// shown, not cancelled: were every request to cancel it, requests faster than a render (30 fps
// playback of a heavy map) would never show anything.
class RenderScheduler : public QObject {
    Q_OBJECT
public:
    explicit RenderScheduler(QObject* parent = nullptr);
    ~RenderScheduler() override;

    void request(MapSettings settings, double devicePixelRatio);
    bool isBusy() const { return m_running; }

signals:
    // A finished frame (never a cancelled, partial one) and the viewport it was drawn for.
    void frameReady(const QImage& image, const borderlens::MapViewport& viewport,
                    const borderlens::Crs& crs, const borderlens::TimeRange& time);

private:
    void start(MapSettings settings, double dpr);
    void onFinished();

    struct Job {
        QImage image;
        MapViewport viewport;
        Crs crs;
        TimeRange time;
        bool cancelled = false;
    };
    QFutureWatcher<Job> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    std::optional<std::pair<MapSettings, double>> m_pending;
};

} // namespace borderlens
