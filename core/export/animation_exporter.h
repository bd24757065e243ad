#pragma once

#include "export/briefing_layout.h"
#include "export/frame_series.h"
#include "export/layout_renderer.h"
#include "export/video_encoder.h"
#include "render/map_settings.h"
#include "util/result.h"

#include <QImage>
#include <QStringList>
#include <atomic>

namespace borderlens {

// The time slider's playback as a video (MP4) or an animated GIF, for briefings: exactly the
// frames of FrameSeries (frameWindows(), the same windows, pages and drawing path), encoded as
// they are drawn. Drawing the next frame and encoding this one run on two threads with at most a
// few frames between them.
class AnimationExporter {
public:
    struct Options {
        FrameSeries::Options frames;
        VideoFormat format = VideoFormat::Mp4;
        double fps = 10;
        // The first and last frame stay up this much longer (0…60 s), so a briefer can talk
        // over the start and the end.
        double holdFirstSeconds = 0;
        double holdLastSeconds = 0;
    };
    struct Report {
        int windows = 0;     // frames drawn (one per window)
        int videoFrames = 0; // frames in the file: MP4 repeats held frames, a GIF holds longer
        double seconds = 0;  // how long it plays
        bool cancelled = false; // then no file was written
        QStringList notes;      // what the layout left out of any frame, each once
    };
    using Progress = FrameSeries::Progress;

    // Frame periods a hold of `seconds` adds at `fps`.
    static int holdPeriods(double seconds, double fps);
    // The video's frame size: the page's, made even for MP4 (the odd last row or column, which
    // is margin, is left out).
    static QSize videoSize(const Options& options);
    // Frame `index` (from 0) as it goes into the video; `cache` carries what the frames share.
    static QImage renderFrame(const Options& options, const MapSettings& map,
                              const BriefingLayout& briefing, int index,
                              LayoutCache* cache = nullptr, LayoutGeometry* geometry = nullptr,
                              const std::atomic<bool>* cancel = nullptr);

    // Writes the video to `path` under a temporary name, renamed to `path` once complete; a
    // failed or cancelled export (`cancel` set) leaves no file. Progress is (frames encoded, all).
    static Result<Report> write(const QString& path, const Options& options, const MapSettings& map,
                                const BriefingLayout& briefing, const Progress& progress = {},
                                const std::atomic<bool>* cancel = nullptr);
};

} // namespace borderlens
