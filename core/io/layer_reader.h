#pragma once

#include "layer/vector_layer.h"
#include "util/result.h"

#include <memory>
#include <vector>

namespace borderlens {

using LayerList = std::vector<std::shared_ptr<VectorLayer>>;

// One way of turning a file into layers. Readers are tried in registration order; the first that
// accepts a file reads it. A failed read returns an Error naming the file and the reason.
class LayerReader {
public:
    virtual ~LayerReader() = default;
    virtual QString name() const = 0;
    // Cheap test (extension, a peek at the header): should this reader handle `path`?
    virtual bool accepts(const QString& path) const = 0;
    virtual Result<LayerList> read(const QString& path) const = 0;
};

} // namespace borderlens
