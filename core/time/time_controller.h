#pragma once

#include "time/frame_sequence.h"
#include "time/time_range.h"

#include <QObject>
#include <QTimer>

#include <optional>
#include <vector>

namespace borderlens {

// The one time state of the application: the full span of the data, the window shown, the mode
// and the playback. The slider drives it; the canvas, the incident table, the legend and the
// exporter follow its single rangeChanged signal (QGIS's QgsTemporalController, without its
// known defects: the last frame is reachable and has length, changing the step keeps the
// position, any date can be jumped to, and nothing is precomputed per frame).
//
// The position is the playhead: the nominal end of the window (exclusive). The window is
// windowAt(playhead, fullRange, spec), the same function exported frames use.
class TimeController : public QObject {
    Q_OBJECT
public:
    enum class StepKind { Fixed, NextEvent };

    explicit TimeController(QObject* parent = nullptr);

    // The data's range; resets to the whole of it ("Reset").
    void setFullRange(const TimeRange& full);
    const TimeRange& fullRange() const { return m_full; }
    // Days on which something starts, sorted: what "to the next incident" steps to.
    void setEventDays(std::vector<std::int64_t> days);

    const WindowSpec& windowSpec() const { return m_spec; }
    void setWindowSpec(const WindowSpec& spec);
    // The current window (TimeRange::all() when the filter is off).
    TimeRange range() const;
    std::int64_t playhead() const { return m_playhead; }

    // Shows exactly `window` (typed dates, a dragged or resized slider): in moving mode its
    // length becomes the window length; in cumulative mode only its end counts; when the filter
    // is off it switches to a moving window.
    void setRange(const TimeRange& window);
    // Moves the window so that it ends on `lastDay` (inclusive), keeping its length.
    void jumpTo(std::int64_t lastDay);
    // The whole data range, as one moving window.
    void reset();

    void setStep(const PlaybackStep& step);
    void setStepKind(StepKind kind);
    const PlaybackStep& step() const { return m_step; }
    StepKind stepKind() const { return m_stepKind; }
    // One step forward or back. At the end: wraps to the first frame when looping, else stays
    // (and playback stops). Returns false if it could not move.
    bool stepForward();
    bool stepBackward();
    bool atEnd() const { return m_playhead >= m_full.end; }

    // The first frame (the window ending one step after the data begins) and the last.
    void goToStart();
    void goToEnd();

    // Plays from the current position with the current window; at the end, from the start.
    void play();
    void pause();
    void togglePlay() { isPlaying() ? pause() : play(); }
    bool isPlaying() const { return m_timer.isActive(); }
    void setFramesPerSecond(double fps);
    double framesPerSecond() const { return m_fps; }
    void setLoop(bool loop) { m_loop = loop; }
    bool loop() const { return m_loop; }

    // The frames a stepped playback of the full range shows (for export, and for tests that
    // check the slider and the exporter agree).
    std::vector<TimeRange> frames() const { return frameWindows(m_full, m_step, m_spec); }

signals:
    void rangeChanged(const borderlens::TimeRange& range);
    void playingChanged(bool playing);
    // Mode, window length, step or full range changed (for controls to update themselves).
    void settingsChanged();

private:
    // `frame`: the index of the frame the playhead now ends, when it is on a frame boundary.
    void setPlayhead(std::int64_t playhead, std::optional<int> frame = std::nullopt);

    TimeRange m_full{0, 0};
    WindowSpec m_spec;
    std::int64_t m_playhead = 0;
    // Steps count from the start of the range (end_i = begin + (i+1) steps) while the playhead
    // is on a frame boundary, so that calendar-month steps land where exported frames do.
    std::optional<int> m_frame;
    PlaybackStep m_step;
    StepKind m_stepKind = StepKind::Fixed;
    std::vector<std::int64_t> m_eventDays;
    QTimer m_timer;
    double m_fps = 2.0;
    bool m_loop = false;
    TimeRange m_lastEmitted{0, 0};
};

} // namespace borderlens
