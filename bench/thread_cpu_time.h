#pragma once

#include <ctime>

namespace borderlens::bench {

// CPU seconds spent by the calling thread: what a GUI-thread benchmark measures, so that work on
// render workers and waiting are not counted.
inline double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

} // namespace borderlens::bench
