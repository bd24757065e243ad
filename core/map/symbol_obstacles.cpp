#include "map/symbol_obstacles.h"

namespace borderlens {

void addSymbolLabels(const ProjectedPoints& points, const LabelContext& ctx,
                     const SymbolLabels& how, LabelInputs& out) {
    const QRectF frame(QPointF(0, 0), ctx.viewport.outputSize());
    std::vector<QRectF> boxes;
    std::vector<LabelRequest> requests;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points.valid(i))
            continue;
        const QPointF at = ctx.viewport.toPixel(points.x(i), points.y(i));
        if (!frame.contains(at))
            continue;
        if (boxes.size() >= ctx.maxObstaclePoints)
            return;
        const double r = how.radiusPx(i);
        boxes.push_back(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        if (!how.text)
            continue;
        LabelRequest q;
        q.text = how.text(i);
        q.style = how.style;
        q.priority = how.priority;
        q.points = {at};
        q.symbolRadiusPx = r;
        if (how.when)
            q.when = how.when(i);
        requests.push_back(std::move(q));
    }
    out.obstacles.insert(out.obstacles.end(), boxes.begin(), boxes.end());
    for (LabelRequest& q : requests)
        out.requests.push_back(std::move(q));
}

} // namespace borderlens
