#include "export/animation_exporter.h"

#include "export/map_exporter.h"
#include "export/pending_file.h"
#include "util/bounded_queue.h"
#include "util/phase_timer.h"

#include <cmath>
#include <thread>

namespace borderlens {

namespace {

// Frames drawn ahead of the encoder: enough to keep both threads busy, few enough that a
// 4K page (33 MB) does not pile up.
constexpr std::size_t kFramesAhead = 3;
constexpr double kMaxHoldSeconds = 60;

bool isSet(const std::atomic<bool>* flag) {
    return flag && flag->load(std::memory_order_relaxed);
}

// The frames sampled for a GIF's palette: first, middle and last (the base map is in all of
// them, and the incidents' colours in at least one when any are shown).
std::vector<int> paletteSamples(int frames) {
    std::vector<int> out{0};
    if (frames > 2)
        out.push_back(frames / 2);
    if (frames > 1)
        out.push_back(frames - 1);
    return out;
}

} // namespace

int AnimationExporter::holdPeriods(double seconds, double fps) {
    if (!(seconds > 0) || !(fps > 0))
        return 0;
    return static_cast<int>(std::lround(std::min(seconds, kMaxHoldSeconds) * fps));
}

QSize AnimationExporter::videoSize(const Options& options) {
    const QSize page = options.frames.page.sizePx();
    if (options.format == VideoFormat::Mp4)
        return QSize(page.width() & ~1, page.height() & ~1);
    return page;
}

QImage AnimationExporter::renderFrame(const Options& options, const MapSettings& map,
                                      const BriefingLayout& briefing, int index,
                                      LayoutCache* cache, LayoutGeometry* geometry,
                                      const std::atomic<bool>* cancel) {
    const std::vector<TimeRange> windows = FrameSeries::windows(options.frames);
    if (index < 0 || index >= static_cast<int>(windows.size()))
        return {};
    PhaseTimer timer("video.render frame");
    QImage page = MapExporter::renderImage(
        options.frames.page, FrameSeries::frameMap(map, windows[static_cast<std::size_t>(index)]),
        FrameSeries::frameBriefing(options.frames, briefing), cancel, geometry, cache);
    const QSize size = videoSize(options);
    return page.size() == size ? page : page.copy(QRect(QPoint(0, 0), size));
}

Result<AnimationExporter::Report> AnimationExporter::write(const QString& path,
                                                           const Options& options,
                                                           const MapSettings& map,
                                                           const BriefingLayout& briefing,
                                                           const Progress& progress,
                                                           const std::atomic<bool>* cancel) {
    if (auto bad = FrameSeries::check(path, options.frames))
        return *bad;
    if (map.extent.isEmpty())
        return Error{path, QStringLiteral("the map extent is empty")};
    if (options.holdFirstSeconds < 0 || options.holdFirstSeconds > kMaxHoldSeconds ||
        options.holdLastSeconds < 0 || options.holdLastSeconds > kMaxHoldSeconds)
        return Error{path, QStringLiteral("a hold is outside 0…%1 seconds").arg(kMaxHoldSeconds)};
    PendingFile file(path);
    if (auto ok = file.check(); !ok)
        return ok.error();

    const int total = static_cast<int>(FrameSeries::windows(options.frames).size());
    Report report;
    report.windows = total;
    LayoutCache cache; // the drawing thread's, once the encoder starts

    VideoSettings settings;
    settings.format = options.format;
    settings.size = videoSize(options);
    settings.fps = options.fps;
    if (options.format == VideoFormat::Gif) {
        PhaseTimer timer("video.gif palette");
        std::vector<QImage> samples;
        for (int i : paletteSamples(total))
            samples.push_back(renderFrame(options, map, briefing, i, &cache, nullptr, cancel));
        settings.palette = std::make_shared<GifPalette>(GifPalette::fromImages(samples));
    }
    if (isSet(cancel)) {
        report.cancelled = true;
        return report;
    }
    auto opened = VideoEncoder::open(file.path(), settings);
    if (!opened)
        return Error{path, opened.error().message};
    std::unique_ptr<VideoEncoder> encoder = std::move(opened.value());

    // Draw on one thread, encode on this one: the two halves of a frame's cost overlap.
    BoundedQueue<QImage> frames(kFramesAhead);
    std::atomic<bool> stop = false;
    QStringList notes; // the drawing thread's until it is joined
    std::thread drawing([&] {
        for (int i = 0; i < total && !isSet(cancel) && !stop.load(); ++i) {
            LayoutGeometry geometry;
            QImage frame = renderFrame(options, map, briefing, i, &cache, &geometry, cancel);
            for (const QString& note : geometry.notes)
                if (!notes.contains(note))
                    notes << note;
            if (isSet(cancel) || !frames.push(std::move(frame)))
                break;
        }
        frames.close();
    });
    auto stopDrawing = [&] {
        stop = true;
        frames.close();
        drawing.join();
    };

    const int holdFirst = holdPeriods(options.holdFirstSeconds, options.fps);
    const int holdLast = holdPeriods(options.holdLastSeconds, options.fps);
    for (int i = 0; i < total; ++i) {
        std::optional<QImage> frame = frames.pop();
        if (!frame || isSet(cancel)) {
            stopDrawing();
            report.cancelled = true;
            return report; // `file` removes what was written
        }
        const int periods = 1 + (i == 0 ? holdFirst : 0) + (i == total - 1 ? holdLast : 0);
        PhaseTimer timer("video.encode frame");
        if (auto added = encoder->add(*frame, periods); !added) {
            stopDrawing();
            return Error{path, added.error().message};
        }
        if (progress)
            progress(i + 1, total);
    }
    drawing.join();
    if (auto finished = encoder->finish(); !finished)
        return Error{path, finished.error().message};
    report.videoFrames = encoder->framesWritten();
    report.seconds = (total + holdFirst + holdLast) / options.fps;
    encoder.reset();
    if (isSet(cancel)) {
        report.cancelled = true;
        return report;
    }
    if (auto committed = file.commit(); !committed)
        return committed.error();
    report.notes = notes;
    return report;
}

} // namespace borderlens
