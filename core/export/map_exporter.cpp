#include "export/map_exporter.h"

#include "borderlens_config.h"
#include "export/svg_clip_composer.h"
#include "export/world_file.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>

#include "util/phase_timer.h"
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>

namespace borderlens {

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

QString creator() {
    return QStringLiteral("BorderLens %1").arg(QStringLiteral(BORDERLENS_VERSION));
}

QString documentTitle(const BriefingLayout& b) {
    return b.title.isEmpty() ? QStringLiteral("BorderLens map") : b.title;
}

// The page in device units, unrounded: PDF and SVG pages are exactly the paper.
QSizeF pageSizeDevice(const PageSetup& page) {
    if (page.kind == PageSetup::Kind::Pixels)
        return QSizeF(page.pixels);
    const QSizeF mm = page.sizeMm();
    return QSizeF(mm.width() / 25.4 * page.dpi, mm.height() / 25.4 * page.dpi);
}

Error writeError(const QString& path, const QString& why) {
    return Error{path, QStringLiteral("cannot write: %1").arg(why)};
}

Result<bool> openTarget(QSaveFile& file, const QString& path) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return writeError(path,
                          QStringLiteral("folder %1 does not exist").arg(info.absolutePath()));
    if (info.isDir())
        return writeError(path, QStringLiteral("it is a folder"));
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    return true;
}

Result<bool> commit(QSaveFile& file, const QString& path) {
    if (!file.commit())
        return writeError(path, file.errorString());
    return true;
}

} // namespace

std::optional<ExportFormat> MapExporter::formatForPath(const QString& path) {
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("png"))
        return ExportFormat::Png;
    if (s == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (s == QLatin1String("svg"))
        return ExportFormat::Svg;
    return std::nullopt;
}

QString MapExporter::suffix(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    }
    return {};
}

QImage MapExporter::renderImage(const PageSetup& page, const MapSettings& map,
                                const BriefingLayout& briefing, const std::atomic<bool>* cancel,
                                LayoutGeometry* geometry, LayoutCache* cache) {
    const QSize size = page.sizePx();
    // Opaque: the page is white paper (or, map only, the map's background), and an RGB PNG is
    // smaller and displays the same everywhere.
    QImage image(size, QImage::Format_RGB32);
    image.fill(briefing.mapOnly ? map.background : QColor(Qt::white));
    const int dpm = static_cast<int>(std::lround(page.dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    const LayoutGeometry g = [&] {
        PhaseTimer t("export.layout");
        return LayoutRenderer::layout(QSizeF(size), page.dpi, map, briefing);
    }();
    {
        PhaseTimer t("export.render page");
        QPainter painter(&image);
        LayoutRenderer::render(painter, g, briefing, cancel, paintClipped, cache);
    }
    if (geometry)
        *geometry = g;
    return image;
}

Result<ExportResult> MapExporter::exportTo(const QString& path, const ExportOptions& options,
                                           const MapSettings& map, const BriefingLayout& briefing,
                                           const std::atomic<bool>* cancel, LayoutCache* cache) {
    if (map.extent.isEmpty())
        return Error{path, QStringLiteral("the map extent is empty")};
    if (options.page.dpi < 10 || options.page.dpi > 2400)
        return Error{path, QStringLiteral("a DPI of %1 is outside 10…2400").arg(options.page.dpi)};
    if (options.worldFile && (options.format != ExportFormat::Png || !briefing.mapOnly))
        return Error{path, QStringLiteral("a world file needs a map-only PNG")};

    ExportResult result;
    result.pageSizePx = options.page.sizePx();
    QSaveFile file(path);
    if (auto opened = openTarget(file, path); !opened)
        return opened.error();

    switch (options.format) {
    case ExportFormat::Png: {
        const QImage image = renderImage(options.page, map, briefing, cancel, &result.geometry, cache);
        if (cancelled(cancel)) {
            file.cancelWriting();
            return Error{path, QStringLiteral("export cancelled")};
        }
        PhaseTimer t("export.png encode");
        QImageWriter writer(&file, "png");
        if (!writer.write(image)) {
            file.cancelWriting();
            return writeError(path, writer.errorString());
        }
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(static_cast<int>(std::lround(options.page.dpi)));
        writer.setPageLayout(options.page.pageLayout());
        writer.setTitle(documentTitle(briefing));
        writer.setCreator(creator());
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return writeError(path, QStringLiteral("cannot start the PDF"));
        }
        const double dpi = writer.resolution();
        result.geometry = LayoutRenderer::layout(pageSizeDevice(options.page), dpi, map, briefing);
        LayoutRenderer::render(painter, result.geometry, briefing, cancel);
        painter.end();
        break;
    }
    case ExportFormat::Svg: {
        const QSizeF size = pageSizeDevice(options.page);
        // Into memory first: the clipped areas are spliced in afterwards (SvgClipComposer).
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        SvgClipComposer composer(options.page.dpi);
        {
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(size.toSize());
            svg.setViewBox(QRectF(QPointF(0, 0), size));
            svg.setResolution(static_cast<int>(std::lround(options.page.dpi)));
            svg.setTitle(documentTitle(briefing));
            svg.setDescription(
                QStringLiteral("%1 — made with %2").arg(briefing.subtitleFor(map.time), creator()));
            QPainter painter;
            if (!painter.begin(&svg)) {
                file.cancelWriting();
                return writeError(path, QStringLiteral("cannot start the SVG"));
            }
            result.geometry = LayoutRenderer::layout(size, options.page.dpi, map, briefing);
            LayoutRenderer::render(painter, result.geometry, briefing, cancel, composer.painter());
            painter.end();
        }
        const QByteArray bytes = composer.compose(buffer.data());
        if (file.write(bytes) != bytes.size()) {
            file.cancelWriting();
            return writeError(path, file.errorString());
        }
        break;
    }
    }
    if (cancelled(cancel)) {
        file.cancelWriting();
        return Error{path, QStringLiteral("export cancelled")};
    }
    if (auto committed = commit(file, path); !committed)
        return committed.error();
    result.files << path;
    if (options.worldFile) {
        auto world = writeWorldFile(path, result.geometry.frameViewport, map.crs);
        if (!world)
            return world.error();
        result.files << world.value();
    }
    return result;
}

} // namespace borderlens
