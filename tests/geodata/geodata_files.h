#pragma once

#include "layer/vector_layer.h"

#include <QFileInfo>
#include <QString>
#include <memory>
#include <optional>

namespace borderlens::test {

// geodata/<name> in the source tree: tests check the committed files, not an installed copy.
QString geodataFile(const QString& name);

// The first layer of a bundled file, or null (with the reason added as a test failure).
std::shared_ptr<VectorLayer> readGeodataLayer(const QString& name);

// The feature of `layer` whose string attribute `field` equals `value`.
std::optional<std::size_t> featureWhere(const VectorLayer& layer, const QString& field,
                                        const QString& value);

} // namespace borderlens::test

// Skips the current test with a clear message when a bundled geodata file has not been built.
#define BORDERLENS_REQUIRE_GEODATA(name)                                                           \
    do {                                                                                           \
        if (!QFileInfo::exists(::borderlens::test::geodataFile(name)))                             \
            GTEST_SKIP() << "geodata/" << QString(name).toStdString()                              \
                         << " is missing; tools/geodata/build.sh makes it";                        \
    } while (0)
