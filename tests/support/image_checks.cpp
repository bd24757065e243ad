#include "support/image_checks.h"

#include <QSet>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace borderlens::test {
namespace {
bool near(QRgb a, QColor b, int tol) {
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol &&
           std::abs(qBlue(a) - b.blue()) <= tol;
}
} // namespace

double shareOfColour(const QImage& image, QColor colour, int tolerance) {
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    qint64 hits = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            hits += near(row[x], colour, tolerance) ? 1 : 0;
    }
    return img.isNull() ? 0.0 : static_cast<double>(hits) / (img.width() * img.height());
}

bool hasColourNear(const QImage& image, QPoint at, QColor colour, int radius, int tolerance) {
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (image.valid(p) && near(image.pixel(p), colour, tolerance))
                return true;
        }
    }
    return false;
}

int distinctColours(const QImage& image, int limit) {
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            seen.insert(image.pixel(x, y));
            if (seen.size() >= limit)
                return limit;
        }
    }
    return static_cast<int>(seen.size());
}

namespace {

int channelDelta(QRgb a, QRgb b) {
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
}

// Pixel (x, y) of `a` has a pixel within `radius` in `b` within `tolerance`.
bool matchedNear(const QImage& a, const QImage& b, int x, int y, int tolerance, int radius) {
    const QRgb p = a.pixel(x, y);
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            if (b.valid(x + dx, y + dy) && channelDelta(p, b.pixel(x + dx, y + dy)) <= tolerance)
                return true;
        }
    }
    return false;
}

} // namespace

ImageDifference compareImages(const QImage& a, const QImage& b, int tolerance, int radius) {
    ImageDifference d;
    if (a.size() != b.size() || a.isNull()) {
        d.differing = d.unmatched = 1.0;
        d.maxDelta = 255;
        return d;
    }
    const QImage ia = a.convertToFormat(QImage::Format_ARGB32);
    const QImage ib = b.convertToFormat(QImage::Format_ARGB32);
    qint64 differing = 0;
    qint64 unmatched = 0;
    const int w = ia.width();
    std::vector<char> mask(static_cast<std::size_t>(w) * ia.height(), 0);
    for (int y = 0; y < ia.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(ia.constScanLine(y));
        const auto* rb = reinterpret_cast<const QRgb*>(ib.constScanLine(y));
        for (int x = 0; x < ia.width(); ++x) {
            const int delta = channelDelta(ra[x], rb[x]);
            d.maxDelta = std::max(d.maxDelta, delta);
            if (delta <= tolerance)
                continue;
            ++differing;
            if (!matchedNear(ia, ib, x, y, tolerance, radius) ||
                !matchedNear(ib, ia, x, y, tolerance, radius)) {
                ++unmatched;
                mask[static_cast<std::size_t>(y) * w + x] = 1;
            }
        }
    }
    // Flood-fill the unmatched pixels into 8-connected groups.
    std::vector<int> stack;
    for (std::size_t start = 0; start < mask.size(); ++start) {
        if (mask[start] != 1)
            continue;
        int size = 0;
        mask[start] = 2;
        stack.assign(1, static_cast<int>(start));
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            ++size;
            const int x = i % w;
            const int y = i / w;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= ia.height())
                        continue;
                    const std::size_t n = static_cast<std::size_t>(ny) * w + nx;
                    if (mask[n] == 1) {
                        mask[n] = 2;
                        stack.push_back(static_cast<int>(n));
                    }
                }
            }
        }
        d.largestUnmatchedBlob = std::max(d.largestUnmatchedBlob, size);
    }
    const double n = static_cast<double>(ia.width()) * ia.height();
    d.differing = static_cast<double>(differing) / n;
    d.unmatched = static_cast<double>(unmatched) / n;
    return d;
}

QImage differenceImage(const QImage& a, const QImage& b) {
    const QImage ia = a.convertToFormat(QImage::Format_ARGB32);
    const QImage ib = b.convertToFormat(QImage::Format_ARGB32);
    QImage out(ia.size(), QImage::Format_RGB32);
    for (int y = 0; y < ia.height() && y < ib.height(); ++y) {
        for (int x = 0; x < ia.width() && x < ib.width(); ++x) {
            const QRgb pa = ia.pixel(x, y);
            const QRgb pb = ib.pixel(x, y);
            auto amp = [](int v, int w) { return 255 - std::min(255, 4 * std::abs(v - w)); };
            out.setPixel(x, y, qRgb(amp(qRed(pa), qRed(pb)), amp(qGreen(pa), qGreen(pb)),
                                    amp(qBlue(pa), qBlue(pb))));
        }
    }
    return out;
}

} // namespace borderlens::test
