#include "render_scheduler.h"

#include "render/map_renderer.h"

#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {

RenderScheduler::RenderScheduler(QObject* parent)
    : QObject(parent), m_cache(std::make_unique<RenderCache>()) {
    connect(&m_watcher, &QFutureWatcher<Job>::finished, this, &RenderScheduler::onFinished);
}

RenderScheduler::~RenderScheduler() {
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void RenderScheduler::request(MapSettings settings, double devicePixelRatio) {
    if (m_running) {
        m_pending.emplace(std::move(settings), devicePixelRatio);
        return;
    }
    start(std::move(settings), devicePixelRatio);
}

void RenderScheduler::start(MapSettings settings, double dpr) {
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    // The lambda owns its copy of the settings (a snapshot of immutable layers): the GUI thread
    // may change the live layer stack meanwhile. The cache is used by this one job until it
    // finishes (m_running), then by the next.
    RenderCache* cache = m_cache.get();
    m_watcher.setFuture(QtConcurrent::run([settings = std::move(settings), dpr, cancel, cache]() {
        Job job;
        job.image = MapRenderer::renderImage(settings, cancel.get(), cache);
        job.image.setDevicePixelRatio(dpr);
        job.viewport = MapViewport::fitting(settings.extent, QSizeF(settings.outputSize));
        job.crs = settings.crs;
        job.time = settings.time;
        job.cancelled = cancel->load();
        job.settings = settings;
        return job;
    }));
}

void RenderScheduler::onFinished() {
    m_running = false;
    const Job job = m_watcher.result();
    if (m_pending) {
        auto [settings, dpr] = std::move(*m_pending);
        m_pending.reset();
        start(std::move(settings), dpr);
    }
    if (!job.cancelled) {
        m_lastFrame = job.settings;
        emit frameReady(job.image, job.viewport, job.crs, job.time);
    }
}

} // namespace borderlens
