#pragma once

#include <proj.h>

#include <memory>

namespace borderlens {

// RAII owners for PROJ objects. A PJ belongs to the PJ_CONTEXT it was made in, and a context
// must not be used from two threads at once, so every thread gets its own (threadContext()).
struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
struct ProjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

// This thread's PROJ context: made on first use, destroyed when the thread ends. It never
// touches the network (proj_context_set_enable_network(ctx, 0)): BorderLens works offline.
PJ_CONTEXT* threadContext();

} // namespace borderlens
