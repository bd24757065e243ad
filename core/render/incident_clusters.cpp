#include "render/incident_clusters.h"

#include "render/incident_symbols.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace borderlens {

namespace {

struct Cell {
    int count = 0;
    double sumX = 0;
    double sumY = 0;
    std::array<int, kIncidentTypeCount> byType{};
};

// Badges already placed, bucketed on a coarse grid so a new one checks only its neighbours.
class PlacedBadges {
public:
    PlacedBadges(double minX, double minY, double bucket, int cols, int rows)
        : m_minX(minX), m_minY(minY), m_bucket(bucket), m_cols(cols), m_rows(rows),
          m_buckets(std::size_t(cols) * std::size_t(rows)) {}

    void add(std::uint32_t badge, QPointF centre) {
        m_buckets[index(bucketOf(centre.x(), m_minX, m_cols), bucketOf(centre.y(), m_minY, m_rows))]
            .push_back(badge);
    }
    // Visits badges whose centres lie within `reach` of `at`.
    template <typename Visit> void near(QPointF at, double reach, Visit visit) const {
        const int c0 = bucketOf(at.x() - reach, m_minX, m_cols), c1 = bucketOf(at.x() + reach, m_minX, m_cols);
        const int r0 = bucketOf(at.y() - reach, m_minY, m_rows), r1 = bucketOf(at.y() + reach, m_minY, m_rows);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                for (std::uint32_t b : m_buckets[index(c, r)])
                    visit(b);
    }

private:
    int bucketOf(double v, double min, int n) const {
        return std::clamp(static_cast<int>(std::floor((v - min) / m_bucket)), 0, n - 1);
    }
    std::size_t index(int c, int r) const { return std::size_t(r) * std::size_t(m_cols) + std::size_t(c); }

    double m_minX, m_minY, m_bucket;
    int m_cols, m_rows;
    std::vector<std::vector<std::uint32_t>> m_buckets;
};

} // namespace

Clustering clusterPoints(std::span<const ClusterPoint> points, double cellPx, int minMembers,
                         const std::function<double(int)>& radiusFor) {
    Clustering out;
    if (points.empty())
        return out;
    float minX = points[0].x, maxX = minX, minY = points[0].y, maxY = minY;
    for (const ClusterPoint& p : points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const int cols = std::max(1, static_cast<int>((maxX - minX) / cellPx) + 1);
    const int rows = std::max(1, static_cast<int>((maxY - minY) / cellPx) + 1);
    auto cellOf = [&](const ClusterPoint& p) {
        const int c = std::min(cols - 1, static_cast<int>((p.x - minX) / cellPx));
        const int r = std::min(rows - 1, static_cast<int>((p.y - minY) / cellPx));
        return std::size_t(r) * std::size_t(cols) + std::size_t(c);
    };
    std::vector<Cell> cells(std::size_t(cols) * std::size_t(rows));
    for (const ClusterPoint& p : points) {
        if (!p.clusterable)
            continue;
        Cell& cell = cells[cellOf(p)];
        ++cell.count;
        cell.sumX += p.x;
        cell.sumY += p.y;
        ++cell.byType[static_cast<std::size_t>(p.type)];
    }

    // Candidate badges, largest first (ties by position, for the same picture every time).
    std::vector<ClusterBadge> candidates;
    for (const Cell& cell : cells) {
        if (cell.count < minMembers)
            continue;
        ClusterBadge b;
        b.centre = QPointF(cell.sumX / cell.count, cell.sumY / cell.count);
        b.count = cell.count;
        b.byType = cell.byType;
        b.radius = radiusFor(cell.count);
        candidates.push_back(b);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ClusterBadge& a, const ClusterBadge& b) { return a.count > b.count; });

    const double maxRadius = candidates.empty() ? cellPx : candidates.front().radius;
    const double bucket = std::max(cellPx, 2 * maxRadius);
    const int bucketCols = std::max(1, static_cast<int>((maxX - minX) / bucket) + 1);
    const int bucketRows = std::max(1, static_cast<int>((maxY - minY) / bucket) + 1);
    PlacedBadges placed(minX, minY, bucket, bucketCols, bucketRows);
    const double gap = 1.0;
    for (ClusterBadge& c : candidates) {
        // The placed badge it overlaps most (the deepest overlap), if any.
        int into = -1;
        double deepest = 0;
        placed.near(c.centre, c.radius + maxRadius + gap, [&](std::uint32_t b) {
            const ClusterBadge& o = out.badges[b];
            const double overlap = c.radius + o.radius + gap -
                                   std::hypot(c.centre.x() - o.centre.x(), c.centre.y() - o.centre.y());
            if (overlap > deepest) {
                deepest = overlap;
                into = static_cast<int>(b);
            }
        });
        if (into >= 0) {
            ClusterBadge& o = out.badges[std::size_t(into)];
            o.count += c.count;
            for (std::size_t t = 0; t < kIncidentTypeCount; ++t)
                o.byType[t] += c.byType[t];
            continue;
        }
        placed.add(static_cast<std::uint32_t>(out.badges.size()), c.centre);
        out.badges.push_back(c);
    }

    // Points left alone: in a cell too sparse for a badge, and not under one.
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        const ClusterPoint& p = points[i];
        if (p.clusterable && cells[cellOf(p)].count >= minMembers)
            continue; // counted in its cell's badge (or the badge that absorbed it)
        int under = -1;
        if (p.clusterable) {
            placed.near(QPointF(p.x, p.y), maxRadius, [&](std::uint32_t b) {
                const ClusterBadge& o = out.badges[b];
                if (under < 0 && std::hypot(p.x - o.centre.x(), p.y - o.centre.y()) < o.radius)
                    under = static_cast<int>(b);
            });
        }
        if (under >= 0) {
            ClusterBadge& o = out.badges[std::size_t(under)];
            ++o.count;
            ++o.byType[static_cast<std::size_t>(p.type)];
        } else {
            out.singles.push_back(i);
        }
    }
    return out;
}

void drawClusterBadge(QPainter& p, const ClusterBadge& b, const QFont& font, double outlinePx) {
    const QRectF box(b.centre.x() - b.radius, b.centre.y() - b.radius, 2 * b.radius, 2 * b.radius);
    p.setPen(Qt::NoPen);
    // The ring: one slice per type present, clockwise from twelve o'clock, in taxonomy order.
    int startAngle = 90 * 16;
    int drawn = 0;
    for (std::size_t t = 0; t < kIncidentTypeCount; ++t) {
        if (b.byType[t] == 0)
            continue;
        drawn += b.byType[t];
        const int end = 90 * 16 - static_cast<int>(std::lround(5760.0 * drawn / b.count));
        p.setBrush(symbolFor(static_cast<IncidentType>(t)).colour);
        p.drawPie(box, startAngle, end - startAngle);
        startAngle = end;
    }
    p.setPen(QPen(Qt::white, outlinePx));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(box);
    const double inner = b.radius * 0.64;
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawEllipse(b.centre, inner, inner);
    QFont f = font;
    const QString label = b.count >= 10000 ? QStringLiteral("%1k").arg(b.count / 1000)
                                           : QString::number(b.count);
    // Shrink long counts to fit the disc.
    const double width = QFontMetricsF(f).horizontalAdvance(label);
    if (width > 1.8 * inner && f.pixelSize() > 0)
        f.setPixelSize(std::max(5, static_cast<int>(f.pixelSize() * 1.8 * inner / width)));
    p.setFont(f);
    p.setPen(QColor(0x22, 0x22, 0x22));
    p.drawText(QRectF(b.centre.x() - inner, b.centre.y() - inner, 2 * inner, 2 * inner),
               Qt::AlignCenter, label);
}

} // namespace borderlens
