// The Afghan bank in the bundled gazetteer: its border districts are there, each inside the
// Afghan district of its name, and rows that name them without coordinates land in Afghanistan,
// never on the Tajik bank whose places share their names.
#include "gazetteer/gazetteer.h"
#include "geo/point_in_polygon.h"
#include "geodata/geodata_files.h"
#include "incidents/import/gazetteer_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "io/ogr_layer_reader.h"
#include "support/store_access.h"
#include "support/test_paths.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const QString kGazetteer = QStringLiteral("gazetteer.csv");
const QString kCountries = QStringLiteral("countries.shp");

// Every Afghan district along the Panj and the Amu Darya, from the Wakhan to Qala-i-Zal and the
// Balkh districts beyond it, plus Rustaq and Shuhada, which the news names with them.
const char* const kBorderDistricts[] = {
    "Wakhan",       "Ishkashim",   "Shighnan",       "Darwaz-e Bala",
    "Darwaz",       "Shiki",       "Khwahan",        "Kuf Ab",
    "Raghistan",    "Yawan",       "Shahr-e Buzurg", "Shuhada",
    "Chah Ab",      "Yangi Qala",  "Darqad",         "Khwaja Bahauddin",
    "Dasht-e Qala", "Khwaja Ghar", "Rustaq",         "Dasht-e Archi",
    "Imam Sahib",   "Qala-i-Zal",  "Kaldar",         "Khulm",
};

std::shared_ptr<const Gazetteer> bundled() {
    auto g = Gazetteer::load(geodataFile(kGazetteer));
    EXPECT_TRUE(g) << g.error().toString().toStdString();
    return std::make_shared<const Gazetteer>(g ? std::move(g).value() : Gazetteer());
}

const PlaceEntry* afghanDistrict(const Gazetteer& g, const QString& name) {
    Gazetteer::LookupOptions options;
    options.maxResults = 0;
    options.country = QStringLiteral("AF");
    for (const GeocodeCandidate& c : g.lookup(name, options)) {
        if (c.exact && c.place.kind == PlaceKind::District)
            return g.findById(c.place.id);
    }
    return nullptr;
}

struct Countries {
    std::shared_ptr<VectorLayer> layer;
    std::size_t tjk = 0;
    std::size_t afg = 0;
    bool inTjk(double lon, double lat) const {
        return featureContainsPoint(layer->lonLat(), tjk, lon, lat);
    }
    bool inAfg(double lon, double lat) const {
        return featureContainsPoint(layer->lonLat(), afg, lon, lat);
    }
};

Countries countries() {
    Countries c;
    c.layer = readGeodataLayer(kCountries);
    EXPECT_TRUE(c.layer);
    if (!c.layer)
        return c;
    const auto tjk = featureWhere(*c.layer, QStringLiteral("iso_a3"), QStringLiteral("TJK"));
    const auto afg = featureWhere(*c.layer, QStringLiteral("iso_a3"), QStringLiteral("AFG"));
    EXPECT_TRUE(tjk && afg);
    c.tjk = tjk.value_or(0);
    c.afg = afg.value_or(0);
    return c;
}

TEST(AfghanBank, EveryBorderDistrictIsAnAfghanDistrictEntryInAfghanistan) {
    BORDERLENS_REQUIRE_GEODATA(kGazetteer);
    BORDERLENS_REQUIRE_GEODATA(kCountries);
    const auto g = bundled();
    const Countries world = countries();
    ASSERT_TRUE(world.layer);
    for (const char* name : kBorderDistricts) {
        const PlaceEntry* d = afghanDistrict(*g, QString::fromUtf8(name));
        ASSERT_TRUE(d) << name << " is not an Afghan district in the gazetteer";
        EXPECT_EQ(d->name.toStdString(), name);
        EXPECT_EQ(d->precision, GeoPrecision::District) << name;
        EXPECT_EQ(d->district, d->name) << name;
        EXPECT_FALSE(d->province.isEmpty()) << name;
        EXPECT_FALSE(d->source.isEmpty()) << name;
        EXPECT_TRUE(world.inAfg(d->lon, d->lat))
            << name << " (" << d->lon << ", " << d->lat << ") is outside Afghanistan";
        EXPECT_FALSE(world.inTjk(d->lon, d->lat)) << name << " lies in Tajikistan";
    }
}

TEST(AfghanBank, TajikNamesStayOnTheTajikEntries) {
    BORDERLENS_REQUIRE_GEODATA(kGazetteer);
    const auto g = bundled();
    // Shughnon and Ishkoshim are the Tajik districts' names: no Afghan entry answers to them.
    Gazetteer::LookupOptions af;
    af.maxResults = 0;
    af.minScore = 1.0;
    af.country = QStringLiteral("AF");
    for (const char* tajik : {"Shughnon", "Ishkoshim", "Darvoz", "Qalaikhumb", "Khorugh"}) {
        for (const GeocodeCandidate& c : g->lookup(QString::fromUtf8(tajik), af))
            EXPECT_FALSE(c.exact) << tajik << " is an exact name of " << c.place.id.toStdString();
    }
}

// geoBoundaries AFG ADM2 (AIMS 2014) from ../shared/realdata; its names are spelled its own way
// ("Ishkashiem", "Darwazbala", "Qalay-I- Zal"), which the gazetteer's aliases must answer.
TEST(AfghanBank, EachAfghanDistrictAndItsPlacesLieInTheOfficialDistrictOfThatName) {
    BORDERLENS_REQUIRE_REALDATA();
    BORDERLENS_REQUIRE_GEODATA(kGazetteer);
    const QString shp =
        realData(QStringLiteral("boundaries/afg_geoboundaries_adm2/geoBoundaries-AFG-ADM2.shp"));
    if (!QFile::exists(shp))
        GTEST_SKIP() << "the geoBoundaries AFG ADM2 shapefile is absent from ../shared/realdata";
    auto layers = OgrLayerReader().read(shp);
    ASSERT_TRUE(layers && !layers.value().empty());
    const VectorLayer& official = *layers.value().front();
    const int nameField = official.attributes().fieldIndex(QStringLiteral("shapeName"));
    ASSERT_GE(nameField, 0);
    const auto g = bundled();
    QStringList wrong;
    int districts = 0, places = 0;
    for (const PlaceEntry& p : g->entries()) {
        if (p.country != QLatin1String("AF") || p.district.isEmpty())
            continue;
        const PlaceEntry* district = afghanDistrict(*g, p.district);
        if (!district || district->name != p.district)
            continue; // a district the gazetteer has no entry for (GeoNames admin2 name)
        (p.kind == PlaceKind::District ? districts : places) += 1;
        const auto in = findFeatureContaining(official.lonLat(), p.lon, p.lat);
        const QString officialName =
            in ? official.attributes().value(*in, nameField).toString() : QString();
        const PlaceEntry* there =
            officialName.isEmpty() ? nullptr : afghanDistrict(*g, officialName);
        if (!there || there->name != p.district)
            wrong << QStringLiteral("%1 (%2, %3) says %4 but lies in %5")
                         .arg(p.id)
                         .arg(p.lon, 0, 'f', 5)
                         .arg(p.lat, 0, 'f', 5)
                         .arg(p.district, officialName.isEmpty() ? QStringLiteral("no district")
                                                                 : officialName);
    }
    EXPECT_EQ(districts, static_cast<int>(std::size(kBorderDistricts)));
    EXPECT_GE(places, 17); // the GeoNames seats, and the places filed under these districts
    EXPECT_TRUE(wrong.isEmpty()) << wrong.join('\n').toStdString();
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

const QByteArray kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp\n";

// An ACLED row without coordinates.
QByteArray acledRow(const QByteArray& id, const QByteArray& iso, const QByteArray& country,
                    const QByteArray& admin1, const QByteArray& admin2,
                    const QByteArray& location) {
    return id + ",2025-12-24,2025,1,Political violence,Battles,Armed clash,A,,,B,,,,," + iso +
           ",Asia," + country + "," + admin1 + "," + admin2 + ",," + location +
           ",,,1,src,National,notes,1,,1\n";
}

TEST(AfghanBank, AcledRowsWithoutCoordinatesLandOnTheirOwnBank) {
    BORDERLENS_REQUIRE_GEODATA(kGazetteer);
    BORDERLENS_REQUIRE_GEODATA(kCountries);
    const auto g = bundled();
    const Countries world = countries();
    ASSERT_TRUE(world.layer);
    QTemporaryDir dir;
    const QByteArray csv =
        kAcledHeader + acledRow("AFG1", "4", "Afghanistan", "Badakhshan", "Shighnan", "Shighnan") +
        acledRow("AFG2", "4", "Afghanistan", "Badakhshan", "", "Darwaz") +
        acledRow("TJK3", "762", "Tajikistan", "Gorno-Badakhshan", "", "Shughnon") +
        acledRow("AFG4", "4", "Afghanistan", "Badakhshan", "Ishkashim", "Ishkashim") +
        acledRow("TJK5", "762", "Tajikistan", "Gorno-Badakhshan", "Ishkoshim", "Ishkashim") +
        acledRow("AFG6", "4", "Afghanistan", "Badakhshan", "Shighnan", "Unknown village") +
        acledRow("AFG7", "4", "Afghanistan", "Takhar", "", "Unknown village") +
        acledRow("AFG8", "4", "Afghanistan", "", "", "Khorugh");
    const QString path = writeFile(dir, QStringLiteral("acled.csv"), csv);
    const GazetteerPlaceResolver resolver(g);
    auto r = importIncidents(path, IncidentFormat::Auto, &resolver);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const ImportReport& rep = r.value();

    const PlaceEntry* shighnan = afghanDistrict(*g, QStringLiteral("Shighnan"));
    ASSERT_TRUE(shighnan);
    const Incident a1 = test::incidentById(rep, QStringLiteral("AFG1"));
    EXPECT_EQ(a1.country, QStringLiteral("AF"));
    EXPECT_DOUBLE_EQ(a1.lon, shighnan->lon);
    EXPECT_DOUBLE_EQ(a1.lat, shighnan->lat);
    const std::pair<const char*, const char*> banks[] = {
        {"AFG1", "AF"}, {"AFG2", "AF"}, {"TJK3", "TJ"}, {"AFG4", "AF"},
        {"TJK5", "TJ"}, {"AFG6", "AF"}, {"AFG7", "AF"},
    };
    for (const auto& [id, country] : banks) {
        const Incident i = test::incidentById(rep, QString::fromUtf8(id));
        EXPECT_EQ(i.country.toStdString(), country) << id;
        const bool af = std::string_view(country) == "AF";
        EXPECT_EQ(world.inAfg(i.lon, i.lat), af) << id << " at " << i.lon << ", " << i.lat;
        EXPECT_EQ(world.inTjk(i.lon, i.lat), !af) << id << " at " << i.lon << ", " << i.lat;
    }
    // Darwaz in Afghanistan is the Afghan district (seat Nusay), not Qalaikhumb across the river.
    const Incident a2 = test::incidentById(rep, QStringLiteral("AFG2"));
    EXPECT_GT(std::abs(a2.lon - 70.78902) + std::abs(a2.lat - 38.45373), 0.01);
    EXPECT_EQ(test::incidentById(rep, QStringLiteral("AFG6")).geoPrecision, GeoPrecision::District);
    EXPECT_EQ(test::incidentById(rep, QStringLiteral("AFG7")).geoPrecision, GeoPrecision::Region);
    // Khorugh is Tajik: an Afghan row naming it alone is refused, not moved across the border.
    ASSERT_EQ(rep.rejected.size(), 1u);
    EXPECT_EQ(rep.rejected[0].line, 9);
    EXPECT_TRUE(rep.rejected[0].reason.contains(
        QStringLiteral("no place 'Khorugh' in Afghanistan; no district or province given")))
        << rep.rejected[0].reason.toStdString();
    EXPECT_EQ(rep.geocodedRows.size(), 7u);
}

TEST(AfghanBank, EachBorderDistrictNamedByAnAfghanRowIsPlacedInAfghanistan) {
    BORDERLENS_REQUIRE_GEODATA(kGazetteer);
    BORDERLENS_REQUIRE_GEODATA(kCountries);
    const auto g = bundled();
    const Countries world = countries();
    ASSERT_TRUE(world.layer);
    const GazetteerPlaceResolver resolver(g);
    for (const char* name : kBorderDistricts) {
        const auto r = resolver.resolve({QString::fromUtf8(name), QStringLiteral("AF"), {}, {}});
        ASSERT_TRUE(r) << name << ": " << r.error().message.toStdString();
        EXPECT_EQ(r.value().country, QStringLiteral("AF")) << name;
        EXPECT_TRUE(world.inAfg(r.value().lon, r.value().lat)) << name;
    }
}

} // namespace
