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
            std::fprintf(stderr, "%-30s %8.1f ms  rss %6.1f MB\n", m_name,
                         m_timer.nsecsElapsed() / 1e6, residentMegabytes());
    }
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

    static bool enabled() {
        static const bool on = std::getenv("BORDERLENS_TRACE") != nullptr;
        return on;
    }

    // The process's resident memory now (Linux; 0 elsewhere).
    static double residentMegabytes() {
        std::FILE* f = std::fopen("/proc/self/statm", "r");
        if (!f)
            return 0;
        long pages = 0, resident = 0;
        const int n = std::fscanf(f, "%ld %ld", &pages, &resident);
        std::fclose(f);
        return n == 2 ? double(resident) * 4096.0 / 1e6 : 0;
    }

private:
    const char* m_name;
    QElapsedTimer m_timer;
};

} // namespace borderlens
