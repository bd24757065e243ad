// image_diff A.png B.png: prints the share of pixels (in per cent) that differ between two images
// of the same size; exit 2 if they cannot be read or differ in size. The packaging tests use it to
// tell "the picture changed a lot" from the few pixels that vary between runs of the viewer
// (label placement among overlapping halos is not deterministic).
#include <QImage>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: image_diff A.png B.png\n");
        return 2;
    }
    const QImage a = QImage(QString::fromLocal8Bit(argv[1])).convertToFormat(QImage::Format_ARGB32);
    const QImage b = QImage(QString::fromLocal8Bit(argv[2])).convertToFormat(QImage::Format_ARGB32);
    if (a.isNull() || b.isNull() || a.size() != b.size()) {
        std::fprintf(stderr, "image_diff: cannot compare %s and %s\n", argv[1], argv[2]);
        return 2;
    }
    long long differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            differing += ra[x] != rb[x] ? 1 : 0;
    }
    const double total = double(a.width()) * double(a.height());
    std::printf("%.2f\n", 100.0 * double(differing) / total);
    return 0;
}
