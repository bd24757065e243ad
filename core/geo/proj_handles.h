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

// A new PROJ context that never touches the network: BorderLens works offline.
ProjContextPtr makeOfflineContext();

// This thread's PROJ context: made on first use, destroyed when the thread ends, after every
// transform cached on the thread (see coordinate_transform.cpp).
PJ_CONTEXT* threadContext();

} // namespace borderlens
