#include "geo/proj_handles.h"

#include <new>

namespace borderlens {

ProjContextPtr makeOfflineContext() {
    ProjContextPtr c(proj_context_create());
    // It fails only when memory runs out; a null context would silently mean PROJ's shared
    // default one, which is neither thread-safe nor kept offline here.
    if (!c)
        throw std::bad_alloc();
    // PROJ can fetch grids from a CDN when PROJ_NETWORK=ON; we promise never to phone home.
    proj_context_set_enable_network(c.get(), 0);
    // Keep PROJ quiet on stderr: failures reach the user through our own error values.
    proj_log_level(c.get(), PJ_LOG_NONE);
    return c;
}

} // namespace borderlens
