#include "geo/proj_handles.h"

namespace borderlens {

ProjContextPtr makeOfflineContext() {
    ProjContextPtr c(proj_context_create());
    // PROJ can fetch grids from a CDN when PROJ_NETWORK=ON; we promise never to phone home.
    proj_context_set_enable_network(c.get(), 0);
    // Keep PROJ quiet on stderr: failures reach the user through our own error values.
    proj_log_level(c.get(), PJ_LOG_NONE);
    return c;
}

} // namespace borderlens
