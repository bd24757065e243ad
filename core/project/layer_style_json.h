#pragma once

#include "render/layer_style.h"
#include "util/result.h"

#include <QJsonObject>

namespace borderlens {

// A LayerStyle as JSON, for project files: colours as "#aarrggbb", enums by key ("dash",
// "graduated", "natural_breaks"), sizes in millimetres as in LayerStyle. Keys left out read as
// LayerStyle's defaults, so a hand-written style can name only what it changes.
QJsonObject layerStyleToJson(const LayerStyle& style);
// `where` names the place in the file for messages ("layers[2].style").
Result<LayerStyle> layerStyleFromJson(const QJsonObject& json, const QString& where);

} // namespace borderlens
