#pragma once

#include "time/time_range.h"

#include <QString>

#include <optional>
#include <vector>

namespace borderlens {

// How far one playback step moves: N days, weeks or calendar months.
struct PlaybackStep {
    enum class Unit { Day, Week, Month };
    Unit unit = Unit::Day;
    int count = 1;

    // "1d", "7d", "2w", "1m" (also "day", "week", "month"); empty on anything else.
    static std::optional<PlaybackStep> parse(const QString& text);
    // The day `n` steps after `day` (Julian day numbers). Months step by the calendar.
    std::int64_t advance(std::int64_t day, int n = 1) const;
    QString toString() const;
    friend bool operator==(const PlaybackStep&, const PlaybackStep&) = default;
};

// What each frame shows: the last N days up to the playhead, everything since the start of the
// range (cumulative), or all time (off).
struct WindowSpec {
    enum class Mode { Moving, Cumulative, Off };
    Mode mode = Mode::Moving;
    std::int64_t lengthDays = 30;

    // "30d", "7d", "1y" (= 365d), "cumulative", "off"; empty on anything else.
    static std::optional<WindowSpec> parse(const QString& text);
    // "30d", "cumulative" or "off": what parse() reads back.
    QString toString() const;
    friend bool operator==(const WindowSpec&, const WindowSpec&) = default;
};

// The frames of a stepped playback over `range` (half-open), the same for the slider and for
// exported frame series. Frame i has its playhead (window end) at
//   end_i = min(range.begin + (i+1) steps, range.end)
// so the last frame ends exactly at range.end (always reachable, never empty), and the
// count is the number of steps needed to cover the range: ceil(range / step). Its window is
//   moving:     [max(range.begin, nominalEnd_i - length), end_i), or, when that would be empty
//               (a step much longer than the window), [max(range.begin, end_i - length), end_i)
//   cumulative: [range.begin, end_i)
//   off:        all time
// where nominalEnd_i is the unclamped playhead: with a window as long as the step, the windows
// partition the range exactly (no gaps, no day counted twice), the last one included.
std::vector<TimeRange> frameWindows(const TimeRange& range, const PlaybackStep& step,
                                    const WindowSpec& window);

// The window shown when the playhead is at `nominalEnd` (exclusive) over `range`: the one
// formula behind frameWindows() and the slider, so the screen and exported frames agree.
TimeRange windowAt(std::int64_t nominalEnd, const TimeRange& range, const WindowSpec& window);

} // namespace borderlens
