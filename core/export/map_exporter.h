#pragma once

#include "export/briefing_layout.h"
#include "export/layout_renderer.h"
#include "export/page_setup.h"
#include "render/map_settings.h"
#include "util/result.h"

#include <QImage>
#include <QStringList>
#include <atomic>
#include <optional>

namespace borderlens {

enum class ExportFormat { Png, Pdf, Svg };

struct ExportOptions {
    ExportFormat format = ExportFormat::Png;
    PageSetup page;
    // Also write a world file (.pgw) and .prj for the map frame. PNG only, and only meaningful
    // when the page is all map (BriefingLayout::mapOnly), which the exporter then requires.
    bool worldFile = false;
};

struct ExportResult {
    QStringList files; // what was written, the image first
    QSize pageSizePx;
    LayoutGeometry geometry;
};

// Writes briefing pages as PNG, PDF (vector, selectable text, embedded fonts) or SVG. Each file
// is written to a temporary file beside the target and renamed over it only when complete
// (QSaveFile), so a failed or cancelled export never leaves a half-written file under the name
// asked for.
class MapExporter {
public:
    // From the file name's suffix (png, pdf, svg; any case); empty otherwise.
    static std::optional<ExportFormat> formatForPath(const QString& path);
    static QString suffix(ExportFormat format);

    // The page as an opaque image of page.sizePx(), carrying its DPI. A `cache` kept across
    // pages of one map that differ only in time (animation frames) makes each page cheap.
    static QImage renderImage(const PageSetup& page, const MapSettings& map,
                              const BriefingLayout& briefing,
                              const std::atomic<bool>* cancel = nullptr,
                              LayoutGeometry* geometry = nullptr, LayoutCache* cache = nullptr);

    // `cache`: as for renderImage (PNG only; vector pages are always drawn whole).
    static Result<ExportResult> exportTo(const QString& path, const ExportOptions& options,
                                         const MapSettings& map, const BriefingLayout& briefing,
                                         const std::atomic<bool>* cancel = nullptr,
                                         LayoutCache* cache = nullptr);
};

} // namespace borderlens
