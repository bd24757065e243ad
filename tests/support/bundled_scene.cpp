#include "support/bundled_scene.h"

#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "io/reader_registry.h"
#include "labels/place_names.h"
#include "map/vector_map_layer.h"
#include "render/map_viewport.h"
#include "support/test_paths.h"

#include <QFileInfo>

namespace borderlens::test {
namespace {

std::shared_ptr<const VectorLayer> readFirst(const QString& path) {
    auto layers = ReaderRegistry::withDefaultReaders().read(path);
    return layers && !layers.value().empty() ? layers.value().front() : nullptr;
}

} // namespace

QString officialDistrictsPath() {
    const QString path =
        realData(QStringLiteral("boundaries/tjk_geoboundaries_adm2/geoBoundaries-TJK-ADM2.shp"));
    return !path.isEmpty() && QFileInfo::exists(path) ? path : QString();
}

MapSettings bundledOpeningView(bool official) {
    MapSettings s;
    s.crs = Crs::utm42n();
    s.outputSize = QSize(1920, 1080);
    Extent border;
    int n = 0;
    for (const BundledLayer& b : bundledBaseLayers()) {
        auto data = readFirst(bundledGeodataDir() + QLatin1Char('/') + b.fileName);
        if (!data)
            continue;
        if (b.fileName == QStringLiteral("border_tj_af.shp"))
            border = data->lonLatExtent();
        if (official && b.fileName == QStringLiteral("districts_schematic.shp"))
            continue;
        s.layers.push_back(std::make_shared<VectorMapLayer>(QString::number(n++), data, b.style));
    }
    if (official && !officialDistrictsPath().isEmpty()) {
        LayerStyle style; // MainWindow::openOfficialDistricts
        style.fill = QColor(0, 0, 0, 0);
        style.stroke = QColor(0x55, 0x55, 0x55);
        style.strokeWidthMm = 0.3;
        s.layers.push_back(std::make_shared<VectorMapLayer>(
            QStringLiteral("official"), readFirst(officialDistrictsPath()), style));
    }
    s.placeNames = PlaceNames::bundled();
    // MapCanvas::zoomToLonLatExtent: 3 % more in map units, then fitted to the output.
    const Extent view = transformExtent(border.buffered(0.12), Crs::wgs84(), s.crs).buffered(0.03);
    s.extent = MapViewport::fitting(view, QSizeF(s.outputSize)).visibleExtent();
    return s;
}

MapSettings zoomedAbout(MapSettings view, double factor, double lon, double lat) {
    const Extent at = transformExtent(Extent{lon, lat, lon, lat}, Crs::wgs84(), view.crs, 2);
    const double w = view.extent.width() / factor / 2;
    const double h = view.extent.height() / factor / 2;
    view.extent = Extent{at.xMin - w, at.yMin - h, at.xMin + w, at.yMin + h};
    return view;
}

} // namespace borderlens::test
