#pragma once

#include "incidents/import/import_report.h"
#include "io/layer_reader.h"
#include "render/layer_style.h"

#include <QObject>

#include <atomic>
#include <memory>

#include <optional>
#include <vector>

namespace borderlens {

// One file to load, optionally with the title and style it should get (bundled layers).
struct LoadRequest {
    // Auto: decided from the file's header (incidents, facilities or map layers), for files
    // that come in by Add Layer, a drop or the command line.
    enum class Kind { Vector, Incidents, Auto };
    QString path;
    QString title;
    std::optional<LayerStyle> style;
    bool zoomTo = false;
    Kind kind = Kind::Vector;
    QStringList attributions;
    // Official district boundaries (geoBoundaries, OCHA COD-AB, GADM): the schematic ones step aside.
    bool officialDistricts = false;
    // The layers already loaded from this file that the new ones replace (the user said so).
    std::vector<QString> replaces = {};
    // Part of the bundled base map: drawn under the user's layers of the same kind.
    bool base = false;
    // What to open instead of `path` when it differs: a PG: connection with its password
    // (`path` keeps it without, as projects and the layer list show it). Never saved.
    QString openWith = {};

    bool fileNameIs(const QString& name) const { return path.endsWith(QLatin1Char('/') + name); }
};

// What came of a request: vector layers, or an incident import (incidents and/or facilities).
struct LoadOutcome {
    LoadRequest request;
    Result<LayerList> layers = LayerList{};
    std::optional<Result<ImportReport>> import;
    bool cancelled = false; // the user stopped the load: no layer, and no error to report
};

// Reads files on a worker thread so a large shapefile never freezes the window. A batch is read
// in order and reported together, so the layers keep the order they were asked for.
//
// A long load reports its progress and can be cancelled: an import stops at its next block of
// rows; a map layer, read by GDAL in one call, is dropped when its read returns.
class LayerLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void load(std::vector<LoadRequest> requests);
    int pending() const { return m_pending; }
    // Stops every batch under way; their outcomes come back marked cancelled.
    void cancel();

signals:
    void batchLoaded(const std::vector<borderlens::LoadOutcome>& outcomes);
    // What is being read, and how far (percent, or -1 when it cannot be told).
    void progress(const QString& text, int percent);

private:
    int m_pending = 0;
    std::vector<std::shared_ptr<std::atomic<bool>>> m_cancels; // one per batch under way
};

} // namespace borderlens
