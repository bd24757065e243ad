#pragma once

#include <cstddef>

namespace borderlens::test {

// Counts the bytes requested from the global operator new while one of these is alive, so a
// test can tell "built 36,000 frames" from "computed one" without timing anything. Link
// allocation_counter.cpp only into the test binaries that use it: it replaces operator new.
class AllocationCounter {
public:
    AllocationCounter();
    ~AllocationCounter();
    AllocationCounter(const AllocationCounter&) = delete;
    AllocationCounter& operator=(const AllocationCounter&) = delete;
    // Everything counted so far, by every counter.
    static std::size_t bytes();
};

} // namespace borderlens::test
