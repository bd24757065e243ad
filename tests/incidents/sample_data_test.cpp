// The bundled sample incidents and outposts (geodata/sample_*.csv, from the seed articles) must
// load cleanly and sit where their text says.
#include "data/data_paths.h"
#include "geo/geodesy.h"
#include "geo/point_in_polygon.h"
#include "incidents/import/incident_importer.h"
#include "incidents/incident_store.h"
#include "io/reader_registry.h"
#include "support/test_paths.h"
#include "support/store_access.h"

#include <QFileInfo>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

ImportReport load(const QString& file) {
    const QString path = bundledGeodataDir() + QLatin1Char('/') + file;
    auto r = importIncidents(path);
    EXPECT_TRUE(r) << (r ? "" : r.error().toString().toStdString());
    return r ? r.value() : ImportReport{};
}

// geoBoundaries (2017) still uses older district names; the sample data uses current ones
// (docs/data-format.md §5).
QString geoBoundariesName(const QString& district) {
    static const QHash<QString, QString> renamed = {
        {QStringLiteral("Shamsiddin Shohin"), QStringLiteral("Shuro-obod")},
        {QStringLiteral("Dusti"), QStringLiteral("Jilikul")},
        {QStringLiteral("Jayhun"), QStringLiteral("Qumsangir")},
        {QStringLiteral("Jaloliddini Balkhi"), QStringLiteral("Rumi")},
    };
    return renamed.value(district, district);
}

std::shared_ptr<VectorLayer> readLayer(const QString& path) {
    auto r = ReaderRegistry::withDefaultReaders().read(path);
    EXPECT_TRUE(r) << (r ? "" : r.error().toString().toStdString());
    return r ? r.value().front() : nullptr;
}

QString containingName(const VectorLayer& layer, double lon, double lat) {
    const auto f = findFeatureContaining(layer.lonLat(), lon, lat);
    if (!f)
        return {};
    const int field = layer.attributes().fieldIndex(QStringLiteral("shapeName"));
    return layer.attributes().value(*f, static_cast<std::size_t>(field)).toString();
}

TEST(SampleData, LoadsWithoutRejects) {
    const ImportReport incidents = load(QStringLiteral("sample_incidents.csv"));
    EXPECT_EQ(incidents.format, QStringLiteral("native"));
    EXPECT_TRUE(incidents.rejected.empty())
        << "line " << incidents.rejected.front().line << ": "
        << incidents.rejected.front().reason.toStdString();
    EXPECT_EQ(incidents.store->size(), 15u);
    for (const Incident& i : test::allIncidents(*incidents.store)) {
        EXPECT_FALSE(i.sources.empty()) << i.id.toStdString() << " cites no article";
        EXPECT_FALSE(i.summary.isEmpty()) << i.id.toStdString();
    }
    const ImportReport outposts = load(QStringLiteral("sample_outposts.csv"));
    EXPECT_EQ(outposts.format, QStringLiteral("native-facilities"));
    EXPECT_TRUE(outposts.rejected.empty());
    EXPECT_EQ(outposts.facilities.size(), 9u);
}

TEST(SampleData, TheDecember2025ShamsiddinShohinIncidentIsNearShurobodOnTheTajikSide) {
    const ImportReport rep = load(QStringLiteral("sample_incidents.csv"));
    const Incident* dec = nullptr;
    const std::vector<Incident> all = test::allIncidents(*rep.store);
    for (const Incident& i : all) {
        if (i.district == QLatin1String("Shamsiddin Shohin") && i.startDate.year() == 2025 &&
            i.startDate.month() == 12 && i.type == IncidentType::ArmedClash)
            dec = &i;
    }
    ASSERT_NE(dec, nullptr);
    EXPECT_TRUE(dec->span().overlaps(TimeRange::fromInclusive(QDate(2025, 12, 24),
                                                              QDate(2025, 12, 25))));
    EXPECT_EQ(dec->killed.bestOrZero(), 5); // 3 attackers and 2 border guards
    EXPECT_LT(geodesicDistance(dec->lon, dec->lat, 70.04865, 37.84137), 30'000.0);

    const QString countries = bundledGeodataDir() + QStringLiteral("/countries.shp");
    if (!QFileInfo::exists(countries))
        GTEST_SKIP() << "geodata/countries.shp not built yet";
    const auto layer = readLayer(countries);
    ASSERT_TRUE(layer);
    const auto f = findFeatureContaining(layer->lonLat(), dec->lon, dec->lat);
    ASSERT_TRUE(f.has_value()) << "outside every country polygon";
    const int iso = layer->attributes().fieldIndex(QStringLiteral("iso_a3"));
    EXPECT_EQ(layer->attributes().value(*f, static_cast<std::size_t>(iso)).toString(),
              QStringLiteral("TJK"));
}

TEST(SampleData, EveryPlacedIncidentLiesInTheCountryAndDistrictItNames) {
    BORDERLENS_REQUIRE_REALDATA();
    const auto tjk = readLayer(
        realData(QStringLiteral("boundaries/tjk_geoboundaries_adm2/geoBoundaries-TJK-ADM2.shp")));
    const auto afg = readLayer(
        realData(QStringLiteral("boundaries/afg_geoboundaries_adm2/geoBoundaries-AFG-ADM2.shp")));
    ASSERT_TRUE(tjk && afg);
    auto check = [&](const QString& id, const QString& country, const QString& district,
                     double lon, double lat) {
        SCOPED_TRACE(id.toStdString());
        const VectorLayer& layer = country == QLatin1String("AF") ? *afg : *tjk;
        const QString found = containingName(layer, lon, lat);
        ASSERT_FALSE(found.isEmpty()) << "not inside " << country.toStdString();
        if (!district.isEmpty()) {
            EXPECT_TRUE(found.startsWith(geoBoundariesName(district)))
                << "named " << district.toStdString() << ", lies in " << found.toStdString();
        }
    };
    const ImportReport incidents = load(QStringLiteral("sample_incidents.csv"));
    for (const Incident& i : test::allIncidents(*incidents.store))
        check(i.id, i.country, i.district, i.lon, i.lat);
    const ImportReport outposts = load(QStringLiteral("sample_outposts.csv"));
    for (const Facility& f : outposts.facilities)
        check(f.id, f.country, f.district, f.lon, f.lat);
}

TEST(SampleData, OutpostsInauguratedOn24December2025AppearFromThatDay) {
    const ImportReport rep = load(QStringLiteral("sample_outposts.csv"));
    const FacilityStore store(rep.facilities);
    auto count = [&](QDate first, QDate last) {
        std::size_t n = 0;
        for (std::uint32_t i : store.select(TimeRange::fromInclusive(first, last)))
            n += store.at(i).opened == QDate(2025, 12, 24) ? 1 : 0;
        return n;
    };
    EXPECT_EQ(count(QDate(2025, 12, 1), QDate(2025, 12, 23)), 0u);
    EXPECT_EQ(count(QDate(2025, 12, 24), QDate(2025, 12, 24)), 5u); // 4 outposts + Harbmaydon
    EXPECT_EQ(count(QDate(2026, 3, 1), QDate(2026, 3, 31)), 5u);
}

} // namespace
