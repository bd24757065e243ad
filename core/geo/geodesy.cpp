#include "geo/geodesy.h"

#include "geo/coordinate_transform.h"

#include <geodesic.h>

namespace borderlens {

const geod_geodesic& wgs84Geodesic() {
    static const geod_geodesic wgs84 = [] {
        geod_geodesic g;
        geod_init(&g, 6378137.0, 1.0 / 298.257223563);
        return g;
    }();
    return wgs84;
}

double geodesicDistance(double lon1, double lat1, double lon2, double lat2) {
    double s12 = 0;
    geod_inverse(&wgs84Geodesic(), lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12;
}

std::optional<double> scaleDenominator(const MapViewport& viewport, const Crs& crs, double dpi) {
    if (!viewport.isValid() || dpi <= 0)
        return std::nullopt;
    auto t = TransformCache::get(crs, Crs::wgs84());
    if (!t)
        return std::nullopt;
    const QSizeF size = viewport.outputSize();
    const double halfSpanPx = std::min(50.0, size.width() / 4.0);
    const QPointF a = viewport.toMap({size.width() / 2.0 - halfSpanPx, size.height() / 2.0});
    const QPointF b = viewport.toMap({size.width() / 2.0 + halfSpanPx, size.height() / 2.0});
    double ax = a.x(), ay = a.y(), bx = b.x(), by = b.y();
    if (!t.value()->transform(ax, ay) || !t.value()->transform(bx, by))
        return std::nullopt;
    const double metres = geodesicDistance(ax, ay, bx, by);
    const double paperMetres = 2.0 * halfSpanPx / dpi * 0.0254;
    return metres / paperMetres;
}

} // namespace borderlens
