#pragma once

#include "export/briefing_layout.h"
#include "export/page_setup.h"
#include "render/map_settings.h"
#include "time/frame_sequence.h"
#include "util/result.h"

#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

namespace borderlens {

// A series of PNG pages, one per playback frame, for an animation. The frames are exactly the
// slider's (frameWindows(), the one definition), so a video shows what the screen showed.
class FrameSeries {
public:
    struct Options {
        PageSetup page;
        TimeRange range; // half-open; the CLI's --to is inclusive and converted before
        PlaybackStep step;
        WindowSpec window;
    };
    struct Report {
        QStringList files;
        bool cancelled = false;
        QStringList notes; // what the layout left out of any frame, each once (LayoutGeometry)
    };
    // Called after each frame is written, with (frames done, frames in all).
    using Progress = std::function<void(int done, int total)>;

    // The windows the frames show, in order.
    static std::vector<TimeRange> windows(const Options& options);
    // An error naming `target` when the options cannot make a series (no time range).
    static std::optional<Error> check(const QString& target, const Options& options);
    // What one frame draws: the map at `window`, and the briefing told whether it is cumulative.
    static MapSettings frameMap(const MapSettings& map, const TimeRange& window);
    static BriefingLayout frameBriefing(const Options& options, BriefingLayout briefing);
    // "frame_0001.png": numbered from 1, at least four digits, more if the series needs them,
    // so the names sort in order (what ffmpeg's -i frame_%04d.png expects).
    static QString fileName(int index, int total);

    // Writes the frames into `dir` (made if missing), each atomically. `briefing`'s subtitle is
    // derived per frame (and its cumulative flag set from the window). Stops between frames when
    // `cancel` is set: the frames already written stay, and the report says it was cancelled.
    static Result<Report> write(const QString& dir, const Options& options, const MapSettings& map,
                                BriefingLayout briefing, const Progress& progress = {},
                                const std::atomic<bool>* cancel = nullptr);
};

} // namespace borderlens
