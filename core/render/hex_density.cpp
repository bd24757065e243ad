#include "render/hex_density.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace borderlens {

namespace {

constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kCoverage = 0.9; // of the hexagon filled, leaving a hairline between cells

// Nearest hexagon (axial q, r) to a point, by rounding cube coordinates.
void hexAt(double x, double y, double radius, int& q, int& r) {
    const double fq = (kSqrt3 / 3.0 * x - y / 3.0) / radius;
    const double fr = (2.0 / 3.0 * y) / radius;
    const double fs = -fq - fr;
    double rq = std::round(fq), rr = std::round(fr), rs = std::round(fs);
    const double dq = std::abs(rq - fq), dr = std::abs(rr - fr), ds = std::abs(rs - fs);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    q = static_cast<int>(rq);
    r = static_cast<int>(rr);
}

QPointF hexCentre(int q, int r, double radius) {
    return {radius * kSqrt3 * (q + r / 2.0), radius * 1.5 * r};
}

} // namespace

HexDensity::HexDensity(QSizeF frame, double radiusPx) : m_radius(std::max(1.0, radiusPx)) {
    // Axial coordinates of the frame's corners, with a ring of margin.
    int q0, r0, q1, r1, q2, r2, q3, r3;
    hexAt(0, 0, m_radius, q0, r0);
    hexAt(frame.width(), 0, m_radius, q1, r1);
    hexAt(0, frame.height(), m_radius, q2, r2);
    hexAt(frame.width(), frame.height(), m_radius, q3, r3);
    m_qMin = std::min({q0, q1, q2, q3}) - 2;
    m_rMin = std::min({r0, r1, r2, r3}) - 2;
    m_cols = std::max({q0, q1, q2, q3}) + 2 - m_qMin + 1;
    m_rows = std::max({r0, r1, r2, r3}) + 2 - m_rMin + 1;
    m_counts.assign(std::size_t(m_cols) * std::size_t(m_rows), 0.0);
}

void HexDensity::add(double x, double y, double weight) {
    int q, r;
    hexAt(x, y, m_radius, q, r);
    const int c = q - m_qMin, row = r - m_rMin;
    if (c < 0 || row < 0 || c >= m_cols || row >= m_rows)
        return;
    m_counts[std::size_t(row) * std::size_t(m_cols) + std::size_t(c)] += weight;
}

void HexDensity::addSpread(double x, double y, double radiusPx, double weight) {
    // About two samples per hexagon the disc covers, at least one, at most 32.
    const double ratio = radiusPx / m_radius;
    const int samples = std::clamp(static_cast<int>(std::lround(2.0 * ratio * ratio)), 1, 32);
    if (samples == 1) {
        add(x, y, weight);
        return;
    }
    constexpr double kGolden = 2.399963229728653; // radians
    const double w = weight / samples;
    for (int k = 0; k < samples; ++k) {
        const double rad = radiusPx * std::sqrt((k + 0.5) / samples);
        const double a = k * kGolden;
        add(x + rad * std::cos(a), y + rad * std::sin(a), w);
    }
}

double HexDensity::maxCount() const {
    return m_counts.empty() ? 0.0 : *std::max_element(m_counts.begin(), m_counts.end());
}

int HexDensity::classOf(double count) {
    int k = 0;
    while (k + 1 < kClasses && count >= kLowerBounds[std::size_t(k) + 1])
        ++k;
    return k;
}

QColor HexDensity::classColour(int k) {
    // ColorBrewer YlOrRd, 6 classes: sequential, light to dark, safe for colour-blind readers
    // and in greyscale print.
    static const QColor colours[kClasses] = {QColor(0xff, 0xff, 0xb2), QColor(0xfe, 0xd9, 0x76),
                                             QColor(0xfe, 0xb2, 0x4c), QColor(0xfd, 0x8d, 0x3c),
                                             QColor(0xf0, 0x3b, 0x20), QColor(0xbd, 0x00, 0x26)};
    QColor c = colours[std::clamp(k, 0, kClasses - 1)];
    c.setAlpha(215);
    return c;
}

double HexDensity::hexAreaKm2(double radiusPx, double metresPerPixel) {
    const double side = radiusPx * metresPerPixel;
    return 1.5 * kSqrt3 * side * side / 1e6;
}

void HexDensity::draw(QPainter& p) const {
    // One path per class: hexagons of a class are filled in one go.
    std::array<QPainterPath, kClasses> paths;
    const double rr = m_radius * kCoverage;
    for (int row = 0; row < m_rows; ++row) {
        for (int c = 0; c < m_cols; ++c) {
            const double count = m_counts[std::size_t(row) * std::size_t(m_cols) + std::size_t(c)];
            if (count <= 0)
                continue;
            const QPointF centre = hexCentre(c + m_qMin, row + m_rMin, m_radius);
            QPolygonF hex;
            for (int k = 0; k < 6; ++k) {
                const double a = (60.0 * k - 30.0) * std::numbers::pi / 180.0;
                hex << centre + QPointF(rr * std::cos(a), rr * std::sin(a));
            }
            hex << hex.front();
            paths[std::size_t(classOf(count))].addPolygon(hex);
        }
    }
    p.setPen(Qt::NoPen);
    for (int k = 0; k < kClasses; ++k) {
        if (paths[std::size_t(k)].isEmpty())
            continue;
        p.setBrush(classColour(k));
        p.drawPath(paths[std::size_t(k)]);
    }
}

} // namespace borderlens
