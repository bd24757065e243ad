#pragma once

#include "io/layer_reader.h"
#include "render/layer_style.h"

#include <QObject>

#include <optional>
#include <vector>

namespace borderlens {

// One file to load, optionally with the title and style it should get (bundled layers).
struct LoadRequest {
    QString path;
    QString title;
    std::optional<LayerStyle> style;
    bool zoomTo = false;
};

struct LoadOutcome {
    LoadRequest request;
    Result<LayerList> result;
};

// Reads files on a worker thread so a large shapefile never freezes the window. A batch is read
// in order and reported together, so the layers keep the order they were asked for.
class LayerLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void load(std::vector<LoadRequest> requests);
    int pending() const { return m_pending; }

signals:
    void batchLoaded(const std::vector<borderlens::LoadOutcome>& outcomes);

private:
    int m_pending = 0;
};

} // namespace borderlens
