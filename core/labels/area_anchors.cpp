#include "labels/area_anchors.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {
namespace {

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0;
    const QPointF c = a + t * ab;
    return std::hypot(p.x() - c.x(), p.y() - c.y());
}

bool inside(const std::vector<std::vector<QPointF>>& rings, QPointF p) {
    bool in = false; // even-odd over every ring: holes cut out
    for (const auto& ring : rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const QPointF& a = ring[i];
            const QPointF& b = ring[j];
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                in = !in;
        }
    }
    return in;
}

} // namespace

std::vector<AreaAnchor> areaAnchors(const std::vector<std::vector<QPointF>>& rings,
                                    const QRectF& frame, std::size_t count) {
    std::vector<AreaAnchor> out;
    if (rings.empty() || rings.front().size() < 3)
        return out;
    QRectF box;
    for (const QPointF& p : rings.front())
        box = box.isNull() ? QRectF(p, QSizeF(0.001, 0.001)) : box.united(QRectF(p, QSizeF(0.001, 0.001)));
    box = box.intersected(frame);
    if (box.isEmpty())
        return out;
    // About 24 samples across the shorter side, at most 40 × 40 over all.
    const double step =
        std::max({2.0, std::min(box.width(), box.height()) / 24.0,
                  std::max(box.width(), box.height()) / 40.0});
    std::vector<AreaAnchor> samples;
    for (double y = box.top() + step / 2; y < box.bottom(); y += step) {
        for (double x = box.left() + step / 2; x < box.right(); x += step) {
            const QPointF p(x, y);
            if (!inside(rings, p))
                continue;
            double d = std::min({x - frame.left(), frame.right() - x, y - frame.top(),
                                 frame.bottom() - y});
            for (const auto& ring : rings)
                for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                    d = std::min(d, segmentDistance(p, ring[j], ring[i]));
            samples.push_back({p, d});
        }
    }
    std::stable_sort(samples.begin(), samples.end(), [](const AreaAnchor& a, const AreaAnchor& b) {
        return a.clearancePx > b.clearancePx;
    });
    for (const AreaAnchor& s : samples) {
        if (out.size() >= count)
            break;
        const bool apart = std::all_of(out.begin(), out.end(), [&](const AreaAnchor& o) {
            return std::hypot(o.at.x() - s.at.x(), o.at.y() - s.at.y()) >= 1.5 * step;
        });
        if (apart)
            out.push_back(s);
    }
    return out;
}

std::vector<std::vector<QPointF>> visibleRuns(const std::vector<QPointF>& line,
                                              const QRectF& frame) {
    std::vector<std::vector<QPointF>> runs;
    std::vector<QPointF> run;
    for (const QPointF& p : line) {
        if (frame.contains(p)) {
            run.push_back(p);
            continue;
        }
        if (run.size() >= 2)
            runs.push_back(std::move(run));
        run.clear();
    }
    if (run.size() >= 2)
        runs.push_back(std::move(run));
    return runs;
}

} // namespace borderlens
