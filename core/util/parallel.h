#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace borderlens {

// How many threads data-parallel work in core uses: the machine's cores, at least one.
inline unsigned workerCount() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls fn(begin, end) on `parts` contiguous slices of [0, n), the first on this thread and the
// others on threads of their own, and returns when all are done. Exceptions are rethrown here.
// For coarse work only (a slice should take well over the ~50 µs a thread costs to start).
template <typename Fn> void parallelSlices(std::size_t n, unsigned parts, Fn&& fn) {
    parts = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(parts, n)));
    if (parts <= 1) {
        fn(std::size_t(0), n);
        return;
    }
    std::vector<std::exception_ptr> errors(parts);
    std::vector<std::thread> threads;
    threads.reserve(parts - 1);
    auto slice = [&](unsigned p) {
        try {
            fn(n * p / parts, n * (p + 1) / parts);
        } catch (...) {
            errors[p] = std::current_exception();
        }
    };
    for (unsigned p = 1; p < parts; ++p)
        threads.emplace_back(slice, p);
    slice(0);
    for (std::thread& t : threads)
        t.join();
    for (const std::exception_ptr& e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace borderlens
