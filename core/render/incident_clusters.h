#pragma once

#include "incidents/incident_type.h"

#include <QPainter>
#include <QPointF>

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace borderlens {

// A point of the frame, in output pixels, as clustering sees it.
struct ClusterPoint {
    float x = 0;
    float y = 0;
    IncidentType type = IncidentType::ArmedClash;
    bool clusterable = true; // selected incidents never disappear into a badge
};

// A count badge standing for the incidents near it.
struct ClusterBadge {
    QPointF centre;
    double radius = 0;
    int count = 0;
    std::array<int, kIncidentTypeCount> byType{};
};

struct Clustering {
    std::vector<ClusterBadge> badges;
    std::vector<std::uint32_t> singles; // positions in the input drawn as their own symbols
};

// Groups points that fall in the same cell of `cellPx` into badges when there are at least
// `minMembers` of them, then places badges largest first, folding a badge that would overlap one
// already placed into it, so no two badges ever overlap; a lone point under a badge joins it.
// Linear in the points (a flat grid of cells, no hashing).
Clustering clusterPoints(std::span<const ClusterPoint> points, double cellPx, int minMembers,
                         const std::function<double(int count)>& radiusFor);

// Draws a badge: a ring divided by type (each type's colour, in proportion to its count) around
// a white disc with the count.
void drawClusterBadge(QPainter& p, const ClusterBadge& badge, const QFont& font,
                      double outlinePx);

} // namespace borderlens
