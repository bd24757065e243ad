// render_icons: draws the application's SVG icon into the PNG sizes of the hicolor icon theme
// and into a Windows .ico, at build time, so that no rasterised copy is kept in the repository
// and no extra build tool (rsvg-convert, ImageMagick) is needed. Output is deterministic: Qt's
// PNG writer stores no time stamps.
//
//   render_icons SVG OUTDIR SIZE...         writes OUTDIR/<N>x<N>/apps/<name>.png for each size
//   render_icons --ico FILE SVG SIZE...     writes one .ico holding a PNG image for each size
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <cstdio>
#include <vector>

namespace {

QImage render(QSvgRenderer& svg, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&p, QRectF(0, 0, size, size));
    p.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray png(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", 0); // quality 0: strongest compression
    return bytes;
}

void put16(QByteArray& b, quint16 v) {
    b.append(char(v & 0xff)).append(char(v >> 8));
}
void put32(QByteArray& b, quint32 v) {
    put16(b, quint16(v & 0xffff));
    put16(b, quint16(v >> 16));
}

// An .ico whose images are PNG streams (valid since Windows Vista, and what Windows itself ships).
QByteArray ico(const std::vector<QImage>& images) {
    QByteArray header;
    put16(header, 0); // reserved
    put16(header, 1); // type: icon
    put16(header, quint16(images.size()));
    QByteArray data;
    const quint32 firstOffset = 6 + 16 * quint32(images.size());
    for (const QImage& image : images) {
        const QByteArray bytes = png(image);
        header.append(char(image.width() >= 256 ? 0 : image.width())); // 0 means 256
        header.append(char(image.height() >= 256 ? 0 : image.height()));
        header.append(char(0)); // no palette
        header.append(char(0)); // reserved
        put16(header, 1);       // colour planes
        put16(header, 32);      // bits per pixel
        put32(header, quint32(bytes.size()));
        put32(header, firstOffset + quint32(data.size()));
        data.append(bytes);
    }
    return header + data;
}

bool write(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        std::fprintf(stderr, "render_icons: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

int usage() {
    std::fprintf(stderr, "usage: render_icons SVG OUTDIR SIZE...\n"
                         "       render_icons --ico FILE SVG SIZE...\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString icoPath;
    if (!args.isEmpty() && args.first() == QLatin1String("--ico")) {
        if (args.size() < 2)
            return usage();
        args.removeFirst();
        icoPath = args.takeFirst();
    }
    if (args.size() < (icoPath.isEmpty() ? 3 : 2))
        return usage();
    const QString svgPath = args.takeFirst();
    const QString outDir = icoPath.isEmpty() ? args.takeFirst() : QString();
    std::vector<int> sizes;
    for (const QString& s : args) {
        bool ok = false;
        const int n = s.toInt(&ok);
        if (!ok || n < 1 || n > 1024)
            return usage();
        sizes.push_back(n);
    }

    QSvgRenderer svg(svgPath);
    if (!svg.isValid()) {
        std::fprintf(stderr, "render_icons: cannot read %s as SVG\n", qPrintable(svgPath));
        return 1;
    }
    const QString name = QFileInfo(svgPath).completeBaseName();
    if (!icoPath.isEmpty()) {
        std::vector<QImage> images;
        for (int n : sizes)
            images.push_back(render(svg, n));
        return write(icoPath, ico(images)) ? 0 : 1;
    }
    for (int n : sizes) {
        const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(outDir).arg(n).arg(name);
        if (!write(path, png(render(svg, n))))
            return 1;
    }
    return 0;
}
