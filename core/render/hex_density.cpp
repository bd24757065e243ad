#include "render/hex_density.h"

#include "render/symbol_sprites.h"

#include <QImage>
#include <QPainterPath>

#include <algorithm>
#include <cstdint>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace borderlens {

namespace {

constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kCoverage = 0.9; // of the hexagon filled, leaving a hairline between cells

} // namespace

HexDensity::HexDensity(QSizeF frame, double radiusPx) : m_radius(std::max(1.0, radiusPx)) {
    m_colStep = std::max(2, 2 * static_cast<int>(std::lround(kSqrt3 * m_radius / 2)));
    m_rowStep = std::max(1, static_cast<int>(std::lround(1.5 * m_radius)));
    m_colMin = -2;
    m_rowMin = -2;
    m_cols = static_cast<int>(frame.width() / m_colStep) + 5;
    m_rows = static_cast<int>(frame.height() / m_rowStep) + 5;
    m_counts.assign(std::size_t(m_cols) * std::size_t(m_rows), 0.0);
    m_periodW = m_colStep;
    m_periodH = 2 * m_rowStep;
    m_invPeriodW = 1.0 / m_periodW;
    m_invPeriodH = 1.0 / m_periodH;
    m_period.resize(std::size_t(m_periodW) * std::size_t(m_periodH));
    for (int v = 0; v < m_periodH; ++v)
        for (int u = 0; u < m_periodW; ++u) {
            const auto [c, r] = exactCellAt(u + 0.5, v + 0.5);
            m_period[std::size_t(v * m_periodW + u)] = {static_cast<std::int8_t>(c),
                                                        static_cast<std::int8_t>(r)};
        }
}

QPointF HexDensity::centre(int col, int row) const {
    return {m_colStep * (col + 0.5 * (row & 1)), double(m_rowStep) * row};
}

namespace {

// floor(v + 0.5) for |v| below 2^20 without a library call: the baseline x86-64 instruction set
// has no rounding instruction, and std::floor is then a call on every point.
inline double roundHalfUp(double v) {
    constexpr double kOffset = 1 << 20;
    return static_cast<double>(static_cast<std::int64_t>(v + 0.5 + kOffset)) - kOffset;
}

} // namespace

std::ptrdiff_t HexDensity::cellAt(double x, double y) const {
    // Whole pixels (points are at most a frame away from it, well inside ±2^16), then the period
    // of the grid they fall in and the pixel within it.
    constexpr int kShift = 1 << 16;
    const int ix = static_cast<int>(x + kShift) - kShift;
    const int iy = static_cast<int>(y + kShift) - kShift;
    // Floor division by multiplication (an integer division costs a few dozen cycles a point);
    // the half keeps whole multiples of the period from landing a hair below.
    const int px = static_cast<int>((ix + 0.5) * m_invPeriodW + kShift) - kShift;
    const int py = static_cast<int>((iy + 0.5) * m_invPeriodH + kShift) - kShift;
    const auto [dc, dr] = m_period[std::size_t((iy - py * m_periodH) * m_periodW + (ix - px * m_periodW))];
    const int col = px + dc - m_colMin;
    const int row = 2 * py + dr - m_rowMin;
    if (col < 0 || row < 0 || col >= m_cols || row >= m_rows)
        return -1;
    return std::ptrdiff_t(row) * m_cols + col;
}

// The exact nearest hexagon, as offset (column, row) from the cell at the origin.
std::pair<int, int> HexDensity::exactCellAt(double x, double y) const {
    // Into the space where the grid is regular with circumradius 1, then the nearest hexagon by
    // rounding cube coordinates, then back to offset (odd rows shifted) column and row.
    const double X = x * kSqrt3 / m_colStep;
    const double Y = y * 1.5 / m_rowStep;
    const double fq = kSqrt3 / 3.0 * X - Y / 3.0;
    const double fr = 2.0 / 3.0 * Y;
    const double fs = -fq - fr;
    double rq = roundHalfUp(fq), rr = roundHalfUp(fr);
    const double rs = roundHalfUp(fs);
    const double dq = std::abs(rq - fq), dr = std::abs(rr - fr), ds = std::abs(rs - fs);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    const int r = static_cast<int>(rr);
    return {static_cast<int>(rq) + (r - (r & 1)) / 2, r};
}

void HexDensity::add(double x, double y, double weight) {
    const std::ptrdiff_t cell = cellAt(x, y);
    if (cell >= 0)
        m_counts[std::size_t(cell)] += weight;
}

int HexDensity::spreadBucket(double radiusPx) {
    const int radius = static_cast<int>(std::lround(radiusPx));
    // Within its own hexagon: nothing to spread.
    if (radius <= m_radius)
        return -1;
    for (std::size_t b = 0; b < m_spreads.size(); ++b)
        if (m_spreads[b].radius == radius)
            return static_cast<int>(b);
    m_spreads.push_back({radius, std::vector<double>(m_counts.size(), 0.0)});
    return static_cast<int>(m_spreads.size()) - 1;
}

void HexDensity::addSpread(double x, double y, double radiusPx, double weight) {
    addToBucket(spreadBucket(radiusPx), x, y, weight);
}

void HexDensity::finish() {
    for (const Spread& s : m_spreads) {
        // The disc as cell offsets, for even and for odd rows (odd rows are shifted half a
        // column): every cell whose centre lies within the radius.
        std::array<std::vector<std::pair<int, int>>, 2> kernel;
        const int reachRows = s.radius / m_rowStep + 1;
        const int reachCols = s.radius / m_colStep + 2;
        for (int parity = 0; parity < 2; ++parity) {
            const QPointF origin = centre(0, parity);
            for (int dr = -reachRows; dr <= reachRows; ++dr)
                for (int dc = -reachCols; dc <= reachCols; ++dc) {
                    const QPointF at = centre(dc, parity + dr);
                    if (std::hypot(at.x() - origin.x(), at.y() - origin.y()) <= s.radius)
                        kernel[std::size_t(parity)].emplace_back(dc, dr);
                }
        }
        for (int row = 0; row < m_rows; ++row) {
            const auto& k = kernel[std::size_t((row + m_rowMin) & 1)];
            const double share = 1.0 / static_cast<double>(k.size());
            for (int col = 0; col < m_cols; ++col) {
                const double w = s.weights[std::size_t(row) * std::size_t(m_cols) + std::size_t(col)];
                if (w == 0)
                    continue;
                for (const auto& [dc, dr] : k) {
                    const int c = col + dc, r = row + dr;
                    if (c >= 0 && r >= 0 && c < m_cols && r < m_rows)
                        m_counts[std::size_t(r) * std::size_t(m_cols) + std::size_t(c)] += w * share;
                }
            }
        }
    }
    m_spreads.clear();
}

double HexDensity::maxCount() const {
    return m_counts.empty() ? 0.0 : *std::max_element(m_counts.begin(), m_counts.end());
}

namespace {

// The 1-2-5 number nearest below `v` (and at least 1): 1, 2, 5, 10, 20, 50 …
double niceBelow(double v) {
    if (v < 1)
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * decade <= v)
            return m * decade;
    return decade;
}

} // namespace

HexDensity::Scale HexDensity::scaleFromBreaks(std::vector<double> breaks) {
    Scale s;
    s.lowerBounds.push_back(0);
    for (double b : breaks) {
        const double nice = niceBelow(b);
        if (nice > s.lowerBounds.back())
            s.lowerBounds.push_back(nice);
    }
    return s;
}

HexDensity::Scale HexDensity::scale() const {
    std::vector<double> occupied;
    for (double c : m_counts)
        if (c > 0)
            occupied.push_back(c);
    if (occupied.empty())
        return scaleFromBreaks({});
    std::sort(occupied.begin(), occupied.end());
    const auto at = [&](double q) {
        return occupied[std::min(occupied.size() - 1, static_cast<std::size_t>(q * double(occupied.size())))];
    };
    return scaleFromBreaks({at(0.2), at(0.4), at(0.6), at(0.8), at(0.95)});
}

int HexDensity::Scale::classOf(double count) const {
    int k = 0;
    while (k + 1 < classes() && count >= lowerBounds[std::size_t(k) + 1])
        ++k;
    return k;
}

QColor HexDensity::Scale::colour(int k) const {
    // ColorBrewer YlOrRd, 6 steps: sequential, light to dark, safe for colour-blind readers and
    // in greyscale print. Fewer classes spread over the whole ramp.
    static const QColor ramp[6] = {QColor(0xff, 0xff, 0xb2), QColor(0xfe, 0xd9, 0x76),
                                   QColor(0xfe, 0xb2, 0x4c), QColor(0xfd, 0x8d, 0x3c),
                                   QColor(0xf0, 0x3b, 0x20), QColor(0xbd, 0x00, 0x26)};
    const int n = classes();
    const int at = n <= 1 ? 5 : static_cast<int>(std::lround(double(std::clamp(k, 0, n - 1)) * 5.0 / (n - 1)));
    QColor c = ramp[at];
    c.setAlpha(190); // the border and rivers beneath still show
    return c;
}

double HexDensity::hexAreaKm2(double radiusPx, double metresPerPixel) {
    const double side = radiusPx * metresPerPixel;
    return 1.5 * kSqrt3 * side * side / 1e6;
}

QPolygonF HexDensity::hexagon() const {
    const double half = m_colStep / 2.0 * kCoverage;
    const double third = m_rowStep / 1.5 * 0.5 * kCoverage; // a third of the hexagon's height
    return QPolygonF({{0, -2 * third}, {half, -third}, {half, third}, {0, 2 * third},
                      {-half, third}, {-half, -third}});
}

void HexDensity::draw(QPainter& p, const Scale& scale) const {
    const QPolygonF shape = hexagon();
    const bool stamp = SymbolSprites::canStamp(p);
    // Raster: one antialiased image per class, stamped at whole-pixel centres. Vector: one
    // path per class.
    std::vector<QImage> sprites;
    QPoint spriteCentre;
    if (stamp) {
        const QRectF box = shape.boundingRect().adjusted(-1, -1, 1, 1);
        const QSize side(static_cast<int>(std::ceil(box.width())) + 1,
                         static_cast<int>(std::ceil(box.height())) + 1);
        spriteCentre = QPoint(side.width() / 2, side.height() / 2);
        for (int k = 0; k < scale.classes(); ++k) {
            QImage img(side, QImage::Format_ARGB32_Premultiplied);
            img.fill(Qt::transparent);
            QPainter sp(&img);
            sp.setRenderHint(QPainter::Antialiasing, true);
            sp.setPen(Qt::NoPen);
            sp.setBrush(scale.colour(k));
            sp.drawPolygon(shape.translated(spriteCentre));
            sp.end();
            sprites.push_back(std::move(img));
        }
    }
    std::vector<QPainterPath> paths(stamp ? 0 : std::size_t(scale.classes()));
    for (int row = 0; row < m_rows; ++row) {
        for (int c = 0; c < m_cols; ++c) {
            const double count = m_counts[std::size_t(row) * std::size_t(m_cols) + std::size_t(c)];
            if (count <= 0)
                continue;
            const int k = scale.classOf(count);
            const QPointF at = centre(c + m_colMin, row + m_rowMin);
            if (stamp)
                p.drawImage(QPoint(static_cast<int>(at.x()), static_cast<int>(at.y())) - spriteCentre,
                            sprites[std::size_t(k)]);
            else
                paths[std::size_t(k)].addPolygon(shape.translated(at));
        }
    }
    p.setPen(Qt::NoPen);
    for (std::size_t k = 0; k < paths.size(); ++k) {
        if (paths[k].isEmpty())
            continue;
        p.setBrush(scale.colour(static_cast<int>(k)));
        p.drawPath(paths[k]);
    }
}

} // namespace borderlens
