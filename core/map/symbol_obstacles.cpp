#include "map/symbol_obstacles.h"

namespace borderlens {

void addSymbolObstacles(const ProjectedPoints& points, const LabelContext& ctx,
                        const std::function<double(std::size_t)>& radiusPx, LabelInputs& out) {
    const QRectF frame(QPointF(0, 0), ctx.viewport.outputSize());
    std::vector<QRectF> boxes;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points.valid(i))
            continue;
        const QPointF at = ctx.viewport.toPixel(points.x(i), points.y(i));
        if (!frame.contains(at))
            continue;
        if (boxes.size() >= ctx.maxObstaclePoints)
            return;
        const double r = radiusPx(i);
        boxes.push_back(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
    }
    out.obstacles.insert(out.obstacles.end(), boxes.begin(), boxes.end());
}

} // namespace borderlens
