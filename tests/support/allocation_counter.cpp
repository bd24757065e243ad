#include "support/allocation_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<int> g_counting{0};
std::atomic<std::size_t> g_bytes{0};
} // namespace

namespace borderlens::test {
AllocationCounter::AllocationCounter() {
    ++g_counting;
}
AllocationCounter::~AllocationCounter() {
    --g_counting;
}
std::size_t AllocationCounter::bytes() {
    return g_bytes.load();
}
} // namespace borderlens::test

// The replaceable global allocation functions.
void* operator new(std::size_t size) {
    if (g_counting.load(std::memory_order_relaxed) > 0)
        g_bytes += size;
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
// Every other form too: under AddressSanitizer each form not replaced here goes to ASan's own
// allocator, whose memory our operator delete would then free() (an alloc-dealloc mismatch).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return ::operator new(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return ::operator new(size, tag);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
