#pragma once

#include <QPointF>

#include <vector>

namespace borderlens {

// One feature's rings or lines in output pixels, kept from feature to feature (clear() keeps the
// memory) so that drawing a frame barely allocates.
struct PixelRings {
    std::vector<QPointF> points;
    std::vector<int> starts{0}; // ring i is points [starts[i], starts[i + 1])

    void clear() {
        points.clear();
        starts.assign(1, 0);
    }
    // Ends the ring begun after the previous endRing(); an empty one is dropped.
    void endRing() {
        if (static_cast<int>(points.size()) > starts.back())
            starts.push_back(static_cast<int>(points.size()));
    }
    int count() const { return static_cast<int>(starts.size()) - 1; }
    const QPointF* ring(int i) const { return points.data() + starts[i]; }
    int size(int i) const { return starts[i + 1] - starts[i]; }
};

} // namespace borderlens
