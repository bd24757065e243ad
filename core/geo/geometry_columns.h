#pragma once

#include "geo/extent.h"

#include <cstdint>
#include <vector>

namespace borderlens {

enum class PartKind : std::uint8_t { Point, Line, Polygon };

// Every feature's geometry in a few flat arrays, so that reprojection is one pass over one
// buffer and rendering walks contiguous memory. Three levels, each indexing the next:
//   feature f  -> parts  [featureOffsets[f], featureOffsets[f+1])
//   part p     -> rings  [partOffsets[p],    partOffsets[p+1])     kind partKinds[p]
//   ring r     -> vertices [ringOffsets[r],  ringOffsets[r+1])     coordinates xy[2v], xy[2v+1]
// A point is a part with one ring of one vertex; a line a part with one ring; a polygon a part
// whose first ring is the exterior and the rest holes. A feature with no geometry has no parts.
struct GeometryColumns {
    std::vector<double> xy;
    std::vector<std::uint32_t> ringOffsets{0};
    std::vector<std::uint32_t> partOffsets{0};
    std::vector<std::uint32_t> featureOffsets{0};
    std::vector<PartKind> partKinds;
    std::vector<Extent> featureExtents;

    std::size_t featureCount() const { return featureOffsets.size() - 1; }
    std::size_t partCount() const { return partKinds.size(); }
    std::size_t vertexCount() const { return xy.size() / 2; }

    // Builders, used by readers: begin a ring, add its vertices, close it; close parts and
    // features in the same way.
    void addVertex(double x, double y) {
        xy.push_back(x);
        xy.push_back(y);
    }
    void endRing() { ringOffsets.push_back(static_cast<std::uint32_t>(vertexCount())); }
    void endPart(PartKind kind) {
        partOffsets.push_back(static_cast<std::uint32_t>(ringOffsets.size() - 1));
        partKinds.push_back(kind);
    }
    void endFeature() {
        featureOffsets.push_back(static_cast<std::uint32_t>(partKinds.size()));
        featureExtents.push_back(computeExtent(featureCount() - 1));
    }

    Extent computeExtent(std::size_t feature) const;
    // Recomputes every feature extent (after the coordinates were transformed).
    void updateExtents();
    Extent totalExtent() const;
};

} // namespace borderlens
