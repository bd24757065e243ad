#pragma once

#include "render/map_settings.h"
#include "render/map_viewport.h"
#include "render/render_cache.h"

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
// playback of a heavy map) would never show anything. Frames share a RenderCache, so a time
// step redraws only the temporal layers and a pan only what came into view; one frame at a time
// is what makes sharing it safe.
class RenderScheduler : public QObject {
    Q_OBJECT
public:
    explicit RenderScheduler(QObject* parent = nullptr);
    ~RenderScheduler() override;

    void request(MapSettings settings, double devicePixelRatio);
    bool isBusy() const { return m_running; }
    // For tests and diagnostics; touch it only while !isBusy().
    const RenderCache& cache() const { return *m_cache; }
    // The settings of the frame last emitted by frameReady (its layers, window and view).
    const MapSettings& lastFrameSettings() const { return m_lastFrame; }

signals:
    // A finished frame (never a cancelled, partial one) and the viewport it was drawn for.
    void frameReady(const QImage& image, const borderlens::MapViewport& viewport,
                    const borderlens::Crs& crs, const borderlens::TimeRange& time);

private:
    void start(MapSettings settings, double dpr);
    void onFinished();

    struct Job {
        MapSettings settings;
        QImage image;
        MapViewport viewport;
        Crs crs;
        TimeRange time;
        bool cancelled = false;
    };
    // Declared before the watcher: the destructor waits for the running frame before it goes.
    std::unique_ptr<RenderCache> m_cache;
    QFutureWatcher<Job> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    std::optional<std::pair<MapSettings, double>> m_pending;
    MapSettings m_lastFrame;
};

} // namespace borderlens
