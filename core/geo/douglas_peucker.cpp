#include "geo/douglas_peucker.h"

#include <cmath>
#include <limits>

namespace borderlens {
namespace {

constexpr float kAlways = std::numeric_limits<float>::infinity();

struct Span {
    std::uint32_t first;
    std::uint32_t last;
    float parent; // tolerance of the vertex that split this span off
};

double squaredDistanceToSegment(const double* xy, std::uint32_t p, std::uint32_t a,
                                std::uint32_t b) {
    const double ax = xy[2 * a], ay = xy[2 * a + 1];
    const double dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
    const double px = xy[2 * p] - ax, py = xy[2 * p + 1] - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? (px * dx + py * dy) / len2 : 0.0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    const double ex = px - t * dx, ey = py - t * dy;
    return ex * ex + ey * ey;
}

// Ranks the NaN-free run [first, last] of one ring or line.
void rankRun(const double* xy, std::uint32_t first, std::uint32_t last, std::vector<float>& out,
             std::vector<Span>& stack) {
    out[first] = kAlways;
    out[last] = kAlways;
    if (last - first < 2)
        return;
    stack.clear();
    const bool closed = xy[2 * first] == xy[2 * last] && xy[2 * first + 1] == xy[2 * last + 1];
    if (closed) {
        // A closed ring's chord is a point: split it first at the vertex farthest from its start.
        std::uint32_t far = first + 1;
        double best = -1;
        for (std::uint32_t v = first + 1; v < last; ++v) {
            const double d = squaredDistanceToSegment(xy, v, first, first);
            if (d > best) {
                best = d;
                far = v;
            }
        }
        out[far] = kAlways;
        stack.push_back({first, far, kAlways});
        stack.push_back({far, last, kAlways});
    } else {
        stack.push_back({first, last, kAlways});
    }
    // Iterative, not recursive: a 100,000-vertex coastline must not exhaust the stack.
    while (!stack.empty()) {
        const Span s = stack.back();
        stack.pop_back();
        if (s.last - s.first < 2)
            continue;
        std::uint32_t split = s.first + 1;
        double best = -1;
        for (std::uint32_t v = s.first + 1; v < s.last; ++v) {
            const double d = squaredDistanceToSegment(xy, v, s.first, s.last);
            if (d > best) {
                best = d;
                split = v;
            }
        }
        // A vertex is kept only while its parent is: the value is capped by the parent's.
        const float tolerance = std::min(static_cast<float>(std::sqrt(best)), s.parent);
        out[split] = tolerance;
        stack.push_back({s.first, split, tolerance});
        stack.push_back({split, s.last, tolerance});
    }
}

} // namespace

std::vector<float> douglasPeuckerTolerances(const GeometryColumns& g) {
    std::vector<float> out(g.vertexCount(), 0.0f);
    std::vector<Span> stack;
    const double* xy = g.xy.data();
    const std::size_t rings = g.ringOffsets.size() - 1;
    for (std::size_t r = 0; r < rings; ++r) {
        const std::uint32_t v0 = g.ringOffsets[r];
        const std::uint32_t v1 = g.ringOffsets[r + 1];
        std::uint32_t v = v0;
        while (v < v1) {
            if (std::isnan(xy[2 * v]) || std::isnan(xy[2 * v + 1])) {
                ++v;
                continue;
            }
            std::uint32_t end = v;
            while (end + 1 < v1 && !std::isnan(xy[2 * (end + 1)]) &&
                   !std::isnan(xy[2 * (end + 1) + 1]))
                ++end;
            rankRun(xy, v, end, out, stack);
            v = end + 1;
        }
    }
    return out;
}

} // namespace borderlens
