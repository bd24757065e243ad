#include "time/time_controller.h"

#include <algorithm>

namespace borderlens {

TimeController::TimeController(QObject* parent) : QObject(parent) {
    m_timer.setInterval(static_cast<int>(1000.0 / m_fps));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!stepForward())
            pause();
    });
}

void TimeController::setFullRange(const TimeRange& full) {
    m_full = full;
    emit settingsChanged();
    reset();
}

void TimeController::setEventDays(std::vector<std::int64_t> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    m_eventDays = std::move(days);
}

TimeRange TimeController::range() const {
    // On a frame boundary the window is the exported frame's; set by hand (typed dates, a
    // dragged slider) it is exactly what the user asked for, even beyond the data.
    if (m_frame)
        return windowAt(m_playhead, m_full, m_spec);
    switch (m_spec.mode) {
    case WindowSpec::Mode::Off:
        return TimeRange::all();
    case WindowSpec::Mode::Cumulative:
        return {m_full.begin, std::max(m_full.begin + 1, m_playhead)};
    case WindowSpec::Mode::Moving:
        break;
    }
    return {m_playhead - m_spec.lengthDays, m_playhead};
}

void TimeController::setPlayhead(std::int64_t playhead, std::optional<int> frame) {
    m_playhead = playhead;
    m_frame = frame;
    const TimeRange r = range();
    if (r != m_lastEmitted) {
        m_lastEmitted = r;
        emit rangeChanged(r);
    }
}

void TimeController::setWindowSpec(const WindowSpec& spec) {
    if (spec == m_spec)
        return;
    m_spec = spec;
    emit settingsChanged();
    setPlayhead(m_playhead); // the position stays; only what the window covers changes
}

void TimeController::setRange(const TimeRange& window) {
    if (window.isEmpty())
        return;
    if (m_spec.mode != WindowSpec::Mode::Cumulative) {
        const WindowSpec spec{WindowSpec::Mode::Moving, window.days()};
        if (!(spec == m_spec)) {
            m_spec = spec;
            emit settingsChanged();
        }
    }
    setPlayhead(window.end);
}

void TimeController::jumpTo(std::int64_t lastDay) { setPlayhead(lastDay + 1); }

void TimeController::reset() {
    pause();
    m_spec = {WindowSpec::Mode::Moving, std::max<std::int64_t>(1, m_full.days())};
    emit settingsChanged();
    m_lastEmitted = TimeRange{0, 0};
    setPlayhead(m_full.end);
}

void TimeController::setStep(const PlaybackStep& step) {
    // Only what the next step does changes; the position stays (QGIS #39994). Frame numbers of
    // the old step mean nothing for the new one, so stepping continues from the playhead.
    m_step = step;
    m_frame.reset();
    m_stepKind = StepKind::Fixed;
    emit settingsChanged();
}

void TimeController::setStepKind(StepKind kind) {
    m_stepKind = kind;
    emit settingsChanged();
}

bool TimeController::stepForward() {
    if (m_full.isEmpty())
        return false;
    if (atEnd()) {
        if (!m_loop)
            return false;
        if (m_stepKind == StepKind::NextEvent && !m_eventDays.empty())
            setPlayhead(m_eventDays.front() + 1);
        else
            setPlayhead(m_step.advance(m_full.begin, 1), 0);
        return true;
    }
    if (m_stepKind == StepKind::NextEvent) {
        // The next day something starts that the window does not reach yet: empty frames are
        // skipped (QGIS #44648).
        const auto it = std::lower_bound(m_eventDays.begin(), m_eventDays.end(), m_playhead);
        setPlayhead(it == m_eventDays.end() ? m_full.end : *it + 1);
        return true;
    }
    if (m_frame)
        setPlayhead(m_step.advance(m_full.begin, *m_frame + 2), *m_frame + 1);
    else
        setPlayhead(std::min(m_step.advance(m_playhead, 1), m_full.end)); // the end is reachable
    return true;
}

bool TimeController::stepBackward() {
    if (m_full.isEmpty())
        return false;
    if (m_stepKind == StepKind::NextEvent) {
        // Back to the window ending on the previous day something started.
        const std::int64_t lastShown = std::min(m_playhead, m_full.end) - 1;
        const auto it = std::lower_bound(m_eventDays.begin(), m_eventDays.end(), lastShown);
        if (it == m_eventDays.begin())
            return false;
        setPlayhead(*std::prev(it) + 1);
        return true;
    }
    if (m_frame) {
        if (*m_frame == 0)
            return false;
        setPlayhead(m_step.advance(m_full.begin, *m_frame), *m_frame - 1);
        return true;
    }
    const std::int64_t prev = m_step.advance(std::min(m_playhead, m_full.end), -1);
    if (prev <= m_full.begin)
        return false;
    setPlayhead(prev);
    return true;
}

void TimeController::play() {
    if (m_full.isEmpty() || isPlaying())
        return;
    // The window stays as the user set it (a custom 1,675-day window stays 1,675 days) and play
    // goes on from where the slider is; only at the end does it start again from the beginning.
    if (atEnd())
        goToStart();
    m_timer.start();
    emit playingChanged(true);
}

void TimeController::goToStart() {
    if (m_full.isEmpty())
        return;
    if (m_stepKind == StepKind::NextEvent && !m_eventDays.empty())
        setPlayhead(m_eventDays.front() + 1);
    else
        setPlayhead(m_step.advance(m_full.begin, 1), 0);
}

void TimeController::goToEnd() {
    if (m_full.isEmpty())
        return;
    // On the last frame boundary, so that stepping back walks the exported frames.
    int last = 0;
    while (m_step.advance(m_full.begin, last + 1) < m_full.end)
        ++last;
    setPlayhead(m_step.advance(m_full.begin, last + 1), last); // the exported last frame's

}

void TimeController::pause() {
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void TimeController::setFramesPerSecond(double fps) {
    m_fps = std::clamp(fps, 0.1, 60.0);
    m_timer.setInterval(static_cast<int>(1000.0 / m_fps));
    emit settingsChanged();
}

} // namespace borderlens
