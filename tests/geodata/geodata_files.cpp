#include "geodata/geodata_files.h"

#include "borderlens_config.h"
#include "io/ogr_layer_reader.h"

#include <gtest/gtest.h>

namespace borderlens::test {

QString geodataFile(const QString& name) {
    return QStringLiteral(BORDERLENS_SOURCE_DATA_DIR "/geodata/") + name;
}

std::shared_ptr<VectorLayer> readGeodataLayer(const QString& name) {
    auto layers = OgrLayerReader().read(geodataFile(name));
    if (!layers) {
        ADD_FAILURE() << layers.error().toString().toStdString();
        return nullptr;
    }
    if (layers.value().empty()) {
        ADD_FAILURE() << name.toStdString() << " has no layer";
        return nullptr;
    }
    return layers.value().front();
}

std::optional<std::size_t> featureWhere(const VectorLayer& layer, const QString& field,
                                        const QString& value) {
    const int f = layer.attributes().fieldIndex(field);
    if (f < 0)
        return std::nullopt;
    for (std::size_t row = 0; row < layer.featureCount(); ++row) {
        if (layer.attributes().value(row, static_cast<std::size_t>(f)).toString() == value)
            return row;
    }
    return std::nullopt;
}

} // namespace borderlens::test
