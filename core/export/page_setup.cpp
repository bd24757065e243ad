#include "export/page_setup.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace borderlens {

PageSetup PageSetup::pixelSize(QSize size, double dpi) {
    PageSetup p;
    p.kind = Kind::Pixels;
    p.pixels = size;
    p.dpi = dpi;
    p.orientation = size.width() >= size.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
    return p;
}

PageSetup PageSetup::paperSize(QPageSize::PageSizeId id, QPageLayout::Orientation orientation,
                               double dpi) {
    PageSetup p;
    p.kind = Kind::Paper;
    p.paper = id;
    p.orientation = orientation;
    p.dpi = dpi;
    return p;
}

double PageSetup::proportionalDpi(QSize size) {
    const double k =
        std::sqrt(static_cast<double>(size.width()) * size.height() / (1920.0 * 1080.0));
    return std::clamp(kDefaultPixelDpi * k, 24.0, 1200.0);
}

std::optional<QPageSize::PageSizeId> PageSetup::parsePaper(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("a4"))
        return QPageSize::A4;
    if (n == QLatin1String("a3"))
        return QPageSize::A3;
    if (n == QLatin1String("letter"))
        return QPageSize::Letter;
    return std::nullopt;
}

std::optional<QSize> PageSetup::parsePixelSize(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,5})\\s*[x×X]\\s*(\\d{1,5})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int w = m.captured(1).toInt(), h = m.captured(2).toInt();
    if (w < 16 || h < 16 || w > 20000 || h > 20000)
        return std::nullopt;
    return QSize(w, h);
}

QSizeF PageSetup::sizeMm() const {
    if (kind == Kind::Pixels)
        return QSizeF(pixels.width() * 25.4 / dpi, pixels.height() * 25.4 / dpi);
    const QSizeF portrait = QPageSize(paper).size(QPageSize::Millimeter);
    return orientation == QPageLayout::Landscape ? portrait.transposed() : portrait;
}

QSize PageSetup::sizePx() const {
    if (kind == Kind::Pixels)
        return pixels;
    const QSizeF mm = sizeMm();
    return QSize(static_cast<int>(std::lround(mm.width() / 25.4 * dpi)),
                 static_cast<int>(std::lround(mm.height() / 25.4 * dpi)));
}

QPageLayout PageSetup::pageLayout() const {
    if (kind == Kind::Paper)
        return QPageLayout(QPageSize(paper), orientation, QMarginsF(0, 0, 0, 0));
    const QSizeF mm = sizeMm();
    // A custom size given as portrait; the orientation turns it back.
    const QSizeF portrait = mm.width() > mm.height() ? mm.transposed() : mm;
    return QPageLayout(QPageSize(portrait, QPageSize::Millimeter, QString(), QPageSize::ExactMatch),
                       mm.width() > mm.height() ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0));
}

QString PageSetup::describe() const {
    if (kind == Kind::Pixels)
        return QStringLiteral("%1×%2 px").arg(pixels.width()).arg(pixels.height());
    return QStringLiteral("%1 %2, %3 dpi")
        .arg(QPageSize(paper).name(), orientation == QPageLayout::Landscape
                                          ? QStringLiteral("landscape")
                                          : QStringLiteral("portrait"))
        .arg(dpi, 0, 'g', 4);
}

} // namespace borderlens
