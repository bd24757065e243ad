#include "labels/area_anchors.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {
std::vector<AreaAnchor> areaAnchors(const std::vector<std::vector<QPointF>>& rings,
                                    const QRectF& frame, std::size_t count) {
    std::vector<AreaAnchor> out;
    if (rings.empty() || rings.front().size() < 3)
        return out;
    double x0 = rings.front()[0].x(), x1 = x0, y0 = rings.front()[0].y(), y1 = y0;
    for (const QPointF& p : rings.front()) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    const QRectF box = QRectF(QPointF(x0, y0), QPointF(x1, y1)).intersected(frame);
    if (box.width() < 2 || box.height() < 2)
        return out;
    // A grid over the visible part: about 24 cells across its shorter side, at most 64 along
    // the longer. Cells inside come from one scanline per row (even-odd over every ring, so holes
    // are cut out); each cell's clearance from a two-pass distance transform, where everything
    // outside the grid counts as edge (the polygon's or the frame's).
    const double step = std::max({2.0, std::min(box.width(), box.height()) / 24.0,
                                  std::max(box.width(), box.height()) / 64.0});
    const int cols = std::max(1, int(box.width() / step));
    const int rows = std::max(1, int(box.height() / step));
    std::vector<float> dist(std::size_t(cols) * std::size_t(rows), 0.0f);
    auto at = [&](int r, int c) -> float& { return dist[std::size_t(r) * std::size_t(cols) + std::size_t(c)]; };
    std::vector<double> xs;
    for (int r = 0; r < rows; ++r) {
        const double y = box.top() + (r + 0.5) * step;
        xs.clear();
        for (const auto& ring : rings)
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const QPointF& a = ring[i];
                const QPointF& b = ring[j];
                if ((a.y() > y) != (b.y() > y))
                    xs.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
            }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2)
            for (int c = 0; c < cols; ++c) {
                const double x = box.left() + (c + 0.5) * step;
                if (x >= xs[k] && x < xs[k + 1])
                    at(r, c) = 1e9f;
            }
    }
    constexpr float kDiag = 1.41421356f;
    auto relax = [&](int r, int c, int dr, int dc, float cost) {
        const int rr = r + dr, cc = c + dc;
        const float d = rr < 0 || rr >= rows || cc < 0 || cc >= cols ? 0.0f : at(rr, cc);
        at(r, c) = std::min(at(r, c), d + cost);
    };
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (at(r, c) > 0) {
                relax(r, c, 0, -1, 1);
                relax(r, c, -1, 0, 1);
                relax(r, c, -1, -1, kDiag);
                relax(r, c, -1, 1, kDiag);
            }
    for (int r = rows - 1; r >= 0; --r)
        for (int c = cols - 1; c >= 0; --c)
            if (at(r, c) > 0) {
                relax(r, c, 0, 1, 1);
                relax(r, c, 1, 0, 1);
                relax(r, c, 1, 1, kDiag);
                relax(r, c, 1, -1, kDiag);
            }
    std::vector<AreaAnchor> samples;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (at(r, c) > 0)
                samples.push_back({QPointF(box.left() + (c + 0.5) * step, box.top() + (r + 0.5) * step),
                                   (at(r, c) - 0.5) * step});
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
