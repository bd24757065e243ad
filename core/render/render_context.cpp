#include "render/render_context.h"

#include "geo/geodesy.h"

namespace borderlens {

double RenderContext::metresPerPixel() const {
    if (m_metresPerPixel < 0) {
        const auto scale = scaleDenominator(m_viewport, m_crs, m_dpi);
        m_metresPerPixel = scale ? *scale * 0.0254 / m_dpi : 0.0;
    }
    return m_metresPerPixel;
}

} // namespace borderlens
