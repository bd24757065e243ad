#include "support/allocation_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<int> g_counting{0};
std::atomic<std::size_t> g_bytes{0};
} // namespace

namespace borderlens::test {
AllocationCounter::AllocationCounter() { ++g_counting; }
AllocationCounter::~AllocationCounter() { --g_counting; }
std::size_t AllocationCounter::bytes() { return g_bytes.load(); }
} // namespace borderlens::test

// The replaceable global allocation functions; the array and nothrow forms call these.
void* operator new(std::size_t size) {
    if (g_counting.load(std::memory_order_relaxed) > 0)
        g_bytes += size;
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
