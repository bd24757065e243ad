#include "map_clipboard.h"

#include "export/map_exporter.h"
#include "render/map_renderer.h"

#include <QClipboard>
#include <QGuiApplication>

namespace borderlens {

QImage clipboardImage(const MapSettings& map, const std::optional<BriefingLayout>& layout) {
    if (!layout)
        return MapRenderer::renderImage(map);
    return MapExporter::renderImage(PageSetup::pixelSize(QSize(1920, 1080)), map, *layout);
}

void copyMapToClipboard(const MapSettings& map, const std::optional<BriefingLayout>& layout) {
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setImage(clipboardImage(map, layout));
}

} // namespace borderlens
