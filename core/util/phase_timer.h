#pragma once

#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

namespace borderlens {

// Prints how long a phase took to stderr when BORDERLENS_TRACE is set ("import.parse 182.3 ms"):
// where the time of a slow command goes, without a profiler. Costs one branch otherwise.
class PhaseTimer {
public:
    explicit PhaseTimer(const char* name) : m_name(name) {
        if (enabled())
            m_timer.start();
    }
    ~PhaseTimer() {
        if (enabled())
            std::fprintf(stderr, "%-28s %8.1f ms\n", m_name, m_timer.nsecsElapsed() / 1e6);
    }
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

    static bool enabled() {
        static const bool on = std::getenv("BORDERLENS_TRACE") != nullptr;
        return on;
    }

private:
    const char* m_name;
    QElapsedTimer m_timer;
};

} // namespace borderlens
