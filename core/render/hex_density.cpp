#include "render/hex_density.h"

#include "render/symbol_sprites.h"

#include <QImage>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace borderlens {

namespace {

constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kCoverage = 0.9; // of the hexagon filled, leaving a hairline between cells

// The unit-disc points of a sunflower spiral of n samples (golden-angle steps, radius growing as
// the square root, so each sample stands for an equal area), computed once per n.
const std::vector<QPointF>& spiral(int n) {
    static const std::array<std::vector<QPointF>, 33> spirals = [] {
        std::array<std::vector<QPointF>, 33> all;
        constexpr double kGolden = 2.399963229728653; // radians
        for (int m = 1; m <= 32; ++m)
            for (int k = 0; k < m; ++k) {
                const double rad = std::sqrt((k + 0.5) / m);
                all[std::size_t(m)].emplace_back(rad * std::cos(k * kGolden),
                                                 rad * std::sin(k * kGolden));
            }
        return all;
    }();
    return spirals[std::size_t(std::clamp(n, 1, 32))];
}

} // namespace

HexDensity::HexDensity(QSizeF frame, double radiusPx) : m_radius(std::max(1.0, radiusPx)) {
    m_colStep = std::max(2, 2 * static_cast<int>(std::lround(kSqrt3 * m_radius / 2)));
    m_rowStep = std::max(1, static_cast<int>(std::lround(1.5 * m_radius)));
    m_colMin = -2;
    m_rowMin = -2;
    m_cols = static_cast<int>(frame.width() / m_colStep) + 5;
    m_rows = static_cast<int>(frame.height() / m_rowStep) + 5;
    m_counts.assign(std::size_t(m_cols) * std::size_t(m_rows), 0.0);
}

QPointF HexDensity::centre(int col, int row) const {
    return {m_colStep * (col + 0.5 * (row & 1)), double(m_rowStep) * row};
}

void HexDensity::add(double x, double y, double weight) {
    // Into the space where the grid is regular with circumradius 1, then the nearest hexagon by
    // rounding cube coordinates, then back to offset (odd rows shifted) column and row.
    const double X = x * kSqrt3 / m_colStep;
    const double Y = y * 1.5 / m_rowStep;
    const double fq = kSqrt3 / 3.0 * X - Y / 3.0;
    const double fr = 2.0 / 3.0 * Y;
    const double fs = -fq - fr;
    // floor(v + 0.5) rather than std::round, a library call on every point.
    double rq = std::floor(fq + 0.5), rr = std::floor(fr + 0.5), rs = std::floor(fs + 0.5);
    const double dq = std::abs(rq - fq), dr = std::abs(rr - fr), ds = std::abs(rs - fs);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    const int r = static_cast<int>(rr);
    const int col = static_cast<int>(rq) + (r - (r & 1)) / 2 - m_colMin;
    const int row = r - m_rowMin;
    if (col < 0 || row < 0 || col >= m_cols || row >= m_rows)
        return;
    m_counts[std::size_t(row) * std::size_t(m_cols) + std::size_t(col)] += weight;
}

void HexDensity::addSpread(double x, double y, double radiusPx, double weight) {
    // About two samples per hexagon the disc covers, at least one, at most 32.
    const double ratio = radiusPx / m_radius;
    const int samples = std::clamp(static_cast<int>(std::lround(2.0 * ratio * ratio)), 1, 32);
    if (samples == 1) {
        add(x, y, weight);
        return;
    }
    const double w = weight / samples;
    for (const QPointF& unit : spiral(samples))
        add(x + radiusPx * unit.x(), y + radiusPx * unit.y(), w);
}

double HexDensity::maxCount() const {
    return m_counts.empty() ? 0.0 : *std::max_element(m_counts.begin(), m_counts.end());
}

HexDensity::Scale HexDensity::scaleFor(double maxCount) {
    Scale s;
    s.lowerBounds.push_back(0);
    std::vector<double> steps;
    for (double decade = 1; decade <= maxCount && decade < 1e12; decade *= 10) {
        steps.push_back(decade);
        if (3 * decade <= maxCount)
            steps.push_back(3 * decade);
    }
    const std::size_t keep = std::min<std::size_t>(steps.size(), 5);
    s.lowerBounds.insert(s.lowerBounds.end(), steps.end() - std::ptrdiff_t(keep), steps.end());
    return s;
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
    c.setAlpha(215);
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
