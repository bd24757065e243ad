// District attribution against GDAL's own point-in-polygon (OGR prepared geometries, i.e. GEOS)
// on the official geoBoundaries TJK ADM2 districts: random points, every vertex (shared by two
// or three districts) and points on shared edges. Where GDAL finds exactly one district
// intersecting a point, ours is that one; where it finds several (a point on a shared edge or
// vertex), ours is the one GDAL says contains it in its interior if exactly one does, else the
// lowest-numbered of them: the tie rule AreaLookup documents.
#include "analysis/area_lookup.h"
#include "analysis/derived_facts.h"
#include "analysis_fixture.h"
#include "incidents/synthetic/random_stream.h"
#include "io/reader_registry.h"
#include "support/test_paths.h"

#include <gtest/gtest.h>
#include <gdal.h>
#include <ogr_api.h>

#include <memory>

using namespace borderlens;

namespace {

struct OgrPoint {
    explicit OgrPoint(double x, double y) : h(OGR_G_CreateGeometry(wkbPoint)) {
        OGR_G_SetPoint_2D(h, 0, x, y);
    }
    ~OgrPoint() { OGR_G_DestroyGeometry(h); }
    OgrPoint(const OgrPoint&) = delete;
    OgrPoint& operator=(const OgrPoint&) = delete;
    OGRGeometryH h;
};

struct DatasetCloser {
    void operator()(void* d) const { GDALClose(d); }
};

// The districts as GDAL reads them, in file order, prepared for fast repeated predicates.
struct GdalDistricts {
    GdalDistricts() = default;
    GdalDistricts(const GdalDistricts&) = delete;
    GdalDistricts& operator=(const GdalDistricts&) = delete;
    GdalDistricts(GdalDistricts&&) = default;
    ~GdalDistricts() {
        for (OGRPreparedGeometryH p : prepared)
            OGRDestroyPreparedGeometry(p);
        for (OGRGeometryH g : geometries)
            OGR_G_DestroyGeometry(g);
    }
    std::vector<OGRGeometryH> geometries;
    std::vector<OGRPreparedGeometryH> prepared;
    std::vector<OGREnvelope> envelopes;
    QStringList names;
};

GdalDistricts readWithGdal(const QString& path) {
    GdalDistricts out;
    std::unique_ptr<void, DatasetCloser> ds(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds)
        return out;
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        OGRGeometryH g = OGR_G_Clone(OGR_F_GetGeometryRef(f));
        out.names << QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "shapeName")));
        OGREnvelope e;
        OGR_G_GetEnvelope(g, &e);
        out.envelopes.push_back(e);
        out.geometries.push_back(g);
        out.prepared.push_back(OGRCreatePreparedGeometry(g));
        OGR_F_Destroy(f);
    }
    return out;
}

} // namespace


TEST(DistrictAttribution, MatchesGdalOnTheOfficialDistrictsEdgesAndVerticesIncluded) {
    BORDERLENS_REQUIRE_REALDATA();
    const QString path = test::realData(
        QStringLiteral("boundaries/tjk_geoboundaries_adm2/geoBoundaries-TJK-ADM2.shp"));
    auto read = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    const auto layer = read.value().front();
    const AreaLookup lookup(layer, guessDistrictNameField(layer->attributes()));
    GdalDistricts gdal = readWithGdal(path);
    ASSERT_EQ(gdal.prepared.size(), lookup.size());
    ASSERT_EQ(gdal.names, lookup.names()) << "feature order differs between the readers";

    // Points: random over the country's extent, then every 7th vertex (most are shared by two
    // districts, some by three) and the midpoints of the edges after them.
    std::vector<std::pair<double, double>> points;
    RandomStream rng(15);
    const Extent e = layer->lonLatExtent();
    for (int i = 0; i < 4000; ++i)
        points.emplace_back(e.xMin + rng.uniform() * e.width(), e.yMin + rng.uniform() * e.height());
    const GeometryColumns& g = layer->lonLat();
    for (std::size_t v = 0; v + 1 < g.vertexCount(); v += 7) {
        points.emplace_back(g.xy[2 * v], g.xy[2 * v + 1]);
        points.emplace_back((g.xy[2 * v] + g.xy[2 * v + 2]) / 2,
                            (g.xy[2 * v + 1] + g.xy[2 * v + 3]) / 2);
    }
    ASSERT_GT(points.size(), 6000u);

    int single = 0, ties = 0, outside = 0;
    for (const auto& [x, y] : points) {
        const OgrPoint p(x, y);
        std::vector<std::uint32_t> intersecting, containing;
        for (std::uint32_t f = 0; f < gdal.prepared.size(); ++f) {
            const OGREnvelope& env = gdal.envelopes[f];
            if (x < env.MinX || x > env.MaxX || y < env.MinY || y > env.MaxY)
                continue;
            if (OGRPreparedGeometryIntersects(gdal.prepared[f], p.h)) {
                intersecting.push_back(f);
                if (OGRPreparedGeometryContains(gdal.prepared[f], p.h))
                    containing.push_back(f);
            }
        }
        const std::uint32_t ours = lookup.areaAt(x, y);
        const std::string where = QStringLiteral("at %1, %2").arg(x, 0, 'g', 17).arg(y, 0, 'g', 17)
                                      .toStdString();
        if (intersecting.empty()) {
            ++outside;
            EXPECT_EQ(ours, AreaLookup::kNone) << where;
        } else if (intersecting.size() == 1) {
            ++single;
            EXPECT_EQ(ours, intersecting.front()) << where;
        } else {
            ++ties;
            const std::uint32_t expected =
                containing.size() == 1 ? containing.front() : intersecting.front();
            EXPECT_EQ(ours, expected) << where << " (" << intersecting.size() << " districts)";
        }
    }
    // The sample really holds each case.
    EXPECT_GT(single, 4000);
    EXPECT_GT(ties, 500) << "too few points on shared edges and vertices";
    EXPECT_GT(outside, 500);
}

TEST(DistrictAttribution, PointsOnSharedEdgesAndCornersLandInExactlyOneDistrict) {
    const auto districts = test::squareDistricts(4, 2);
    const AreaLookup lookup(districts, guessDistrictNameField(districts->attributes()));
    // On the edge x = 1 shared by D0 and D1, on the corner (2, 1), on the outer edge y = 0.
    EXPECT_EQ(lookup.areaAt(1.0, 0.5), 0u) << "a shared edge goes to the lower feature";
    EXPECT_EQ(lookup.hitsAt(1.0, 0.5).boundary, (std::vector<std::uint32_t>{0, 1}));
    EXPECT_TRUE(lookup.hitsAt(1.0, 0.5).inside.empty());
    EXPECT_EQ(lookup.areaAt(2.0, 1.0), 1u);
    EXPECT_EQ(lookup.areaAt(2.5, 0.0), 2u) << "the outer boundary still belongs";
    EXPECT_EQ(lookup.areaAt(1.0 + 1e-15, 0.5), 1u) << "just inside D1";
    EXPECT_EQ(lookup.areaAt(4.0 + 1e-12, 0.5), AreaLookup::kNone);
    EXPECT_EQ(lookup.areaAt(0.5, 0.5), 0u);
}

TEST(DistrictAttribution, ProvinceLevelIncidentsAreNotForcedIntoADistrict) {
    const AnalysisInputs inputs = test::squareInputs(4, 2);
    Incident region = test::incidentAt(QStringLiteral("r"), 2460000, 0.5, 0.5);
    region.geoPrecision = GeoPrecision::Region;
    Incident district = test::incidentAt(QStringLiteral("d"), 2460000, 0.5, 0.5);
    district.geoPrecision = GeoPrecision::District;
    Incident outside = test::incidentAt(QStringLiteral("o"), 2460000, 6.5, 0.5);
    const IncidentStore store(std::vector<Incident>{region, district, outside});
    const auto facts = deriveFacts(store, inputs);
    for (std::size_t i = 0; i < store.size(); ++i) {
        const QString id = store.id(i);
        if (id == QLatin1String("r")) {
            EXPECT_EQ(facts->districts()[i], DerivedFacts::kProvinceLevel);
            EXPECT_EQ(facts->districtName(i), QStringLiteral("(province-level)"));
            EXPECT_EQ(facts->provinceName(i), QStringLiteral("P1"));
        } else if (id == QLatin1String("d")) {
            EXPECT_EQ(facts->districtName(i), QStringLiteral("D0"));
            EXPECT_EQ(facts->provinceName(i), QStringLiteral("P1"));
        } else {
            EXPECT_EQ(facts->districts()[i], DerivedFacts::kNoDistrict);
            EXPECT_EQ(facts->districtName(i), QStringLiteral("(none)"));
            EXPECT_EQ(facts->provinceName(i), QString());
        }
    }
}
