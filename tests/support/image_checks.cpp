#include "support/image_checks.h"

#include <QSet>

#include <cstdlib>

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

} // namespace borderlens::test
