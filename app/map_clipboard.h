#pragma once

#include "export/briefing_layout.h"
#include "render/map_settings.h"

#include <QImage>
#include <optional>

namespace borderlens {

// The image "Copy map to clipboard" puts there: with a layout, the briefing page at 1920×1080
// (150 dpi); without, the map alone at the canvas's size. Drawn by the exporter's renderer.
QImage clipboardImage(const MapSettings& map, const std::optional<BriefingLayout>& layout);

// Renders clipboardImage() and hands it to the system clipboard (QGuiApplication::clipboard()).
void copyMapToClipboard(const MapSettings& map,
                        const std::optional<BriefingLayout>& layout = std::nullopt);

} // namespace borderlens
