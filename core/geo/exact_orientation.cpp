#include "geo/exact_orientation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace borderlens {

namespace {

// a + b = s + e exactly (Knuth's two-sum).
inline void twoSum(double a, double b, double& s, double& e) {
    s = a + b;
    const double bv = s - a;
    e = (a - (s - bv)) + (b - bv);
}

// a * b = p + e exactly (the fused multiply-add keeps the low half).
inline void twoProduct(double a, double b, double& p, double& e) {
    p = a * b;
    e = std::fma(a, b, -p);
}

// The sign of ax·by − ax·cy − ay·bx + ay·cx + bx·cy − by·cx, exactly: the twelve halves of the
// six products summed into a nonoverlapping expansion (Shewchuk's Grow-Expansion), whose largest
// nonzero component carries the sign.
int exactSign(double ax, double ay, double bx, double by, double cx, double cy) {
    std::array<double, 12> terms{};
    std::size_t t = 0;
    const auto product = [&](double u, double v, double sign) {
        double p = 0, e = 0;
        twoProduct(u, v, p, e);
        terms[t++] = sign * p;
        terms[t++] = sign * e;
    };
    product(ax, by, 1);
    product(ax, cy, -1);
    product(ay, bx, -1);
    product(ay, cx, 1);
    product(bx, cy, 1);
    product(by, cx, -1);
    std::array<double, 13> h{};
    std::size_t n = 0;
    for (const double b : terms) {
        double q = b;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0, e = 0;
            twoSum(q, h[i], s, e);
            h[i] = e;
            q = s;
        }
        h[n++] = q;
    }
    for (std::size_t i = n; i-- > 0;)
        if (h[i] != 0)
            return h[i] > 0 ? 1 : -1;
    return 0;
}

} // namespace

int orientation(double ax, double ay, double bx, double by, double cx, double cy) {
    const double left = (bx - ax) * (cy - ay);
    const double right = (by - ay) * (cx - ax);
    const double det = left - right;
    // Shewchuk's bound for the plain evaluation: beyond it the sign is certain.
    constexpr double eps = std::numeric_limits<double>::epsilon() / 2;
    constexpr double bound = (3.0 + 16.0 * eps) * eps;
    const double errBound = bound * (std::abs(left) + std::abs(right));
    if (det > errBound)
        return 1;
    if (-det > errBound)
        return -1;
    return exactSign(ax, ay, bx, by, cx, cy);
}

bool onSegment(double ax, double ay, double bx, double by, double px, double py) {
    if (px < std::min(ax, bx) || px > std::max(ax, bx) || py < std::min(ay, by) ||
        py > std::max(ay, by))
        return false;
    return orientation(ax, ay, bx, by, px, py) == 0;
}

} // namespace borderlens
