#include "export/sample_briefing.h"

#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "io/reader_registry.h"
#include "labels/place_names.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_viewport.h"

#include <QDir>
#include <QFileInfo>
#include <gtest/gtest.h>

namespace borderlens::test {

namespace {

class LongLegendLayer final : public MapLayer {
public:
    explicit LongLegendLayer(int entries)
        : MapLayer(QStringLiteral("long"), QStringLiteral("Checkpoints")), m_entries(entries) {}
    Extent lonLatExtent() const override { return {}; }
    void render(RenderContext&) const override {}
    std::vector<LegendEntry> legendEntries(const LegendContext&) const override {
        std::vector<LegendEntry> out;
        LegendEntry heading;
        heading.swatch = LegendEntry::Swatch::Heading;
        heading.label = name();
        out.push_back(heading);
        for (int i = 0; i < m_entries; ++i) {
            LegendEntry e;
            e.swatch = LegendEntry::Swatch::Marker;
            e.label = QStringLiteral("Checkpoint %1").arg(i + 1);
            e.fill = QColor::fromHsv((i * 37) % 360, 160, 200);
            e.stroke = Qt::black;
            e.count = i % 7;
            out.push_back(e);
        }
        return out;
    }

private:
    int m_entries;
};

} // namespace

std::shared_ptr<const MapLayer> longLegendLayer(int entries) {
    return std::make_shared<LongLegendLayer>(entries);
}

MapSettings sampleBriefingMap(const TimeRange& window, const Crs& crs) {
    MapSettings s;
    s.crs = crs;
    s.time = window;
    s.extent = transformExtent(Extent{67.38, 36.27, 75.29, 38.89}, Crs::wgs84(), crs);
    s.placeNames = PlaceNames::bundled(); // as the CLI names the bundled map
    const QDir geodata(bundledGeodataDir());
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    int n = 0;
    for (const BundledLayer& b : bundledBaseLayers()) {
        auto read = readers.read(geodata.filePath(b.fileName));
        EXPECT_TRUE(read) << b.fileName.toStdString();
        if (!read)
            continue;
        for (const auto& layer : read.value())
            s.layers.push_back(std::make_shared<VectorMapLayer>(
                QStringLiteral("l%1").arg(n++), layer, b.style, b.title, b.attributions));
    }
    auto outposts = importIncidents(geodata.filePath(bundledFacilitiesFile()));
    EXPECT_TRUE(outposts);
    if (outposts)
        s.layers.push_back(std::make_shared<FacilityMapLayer>(
            QStringLiteral("outposts"), QStringLiteral("Outposts and facilities"),
            std::make_shared<FacilityStore>(std::move(outposts.value().facilities)), false));
    auto incidents = importIncidents(geodata.filePath(bundledIncidentsFile()));
    EXPECT_TRUE(incidents);
    if (incidents)
        s.layers.push_back(std::make_shared<IncidentMapLayer>(
            QStringLiteral("incidents"), QStringLiteral("Incidents"),
            incidents.value().store));
    return s;
}

BriefingLayout sampleLayout(const QString& title) {
    BriefingLayout b;
    b.title = title;
    b.created = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
    return b;
}

QPointF pagePixelOf(const QRectF& mapFrame, const MapSettings& frame, double lon, double lat) {
    auto t = TransformCache::get(Crs::wgs84(), frame.crs);
    EXPECT_TRUE(t);
    double x = lon, y = lat;
    EXPECT_TRUE(t.value()->transform(x, y));
    const MapViewport vp = MapViewport::fitting(frame.extent, QSizeF(frame.outputSize));
    return mapFrame.topLeft() + vp.toPixel(x, y);
}

} // namespace borderlens::test
