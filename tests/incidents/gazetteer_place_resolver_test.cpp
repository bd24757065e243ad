// Geocoding takes a row's country, province and district as constraints: places along the Panj
// share names with the other bank, and a row must never land across the border.
#include "incidents/import/gazetteer_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "support/store_access.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// Both banks, in the shape of geodata/gazetteer.csv: Tajik Shughnon (seat Khorugh) and Darvoz
// (seat Qalaikhumb) with their usual aliases, and the Afghan Shighnan and Darwaz districts
// opposite, a GeoNames place filed under a GeoNames admin2 name, and the provinces.
const char* const kBothBanks =
    "id,name,aliases,lon,lat,country,province,district,kind,precision,population,source\n"
    "tj.district.shughnon,Shughnon,Shugnan|Shughnan|Шуғнон,71.55337,37.49039,TJ,"
    "Gorno-Badakhshan,Shughnon,district,district,,curated\n"
    "tj.khorugh,Khorugh,Khorog|Хорог,71.55337,37.49039,TJ,Gorno-Badakhshan,Shughnon,"
    "district_seat,exact,,GeoNames\n"
    "tj.district.darvoz,Darvoz,Darvaz|Darwaz|Дарвоз,70.78902,38.45373,TJ,Gorno-Badakhshan,Darvoz,"
    "district,district,,curated\n"
    "tj.qalaikhumb,Qalaikhumb,Kalaikhum,70.78902,38.45373,TJ,Gorno-Badakhshan,Darvoz,"
    "district_seat,exact,,GeoNames\n"
    "tj.province.gorno-badakhshan,Gorno-Badakhshan,GBAO|Gorno-Badakhshan Autonomous Region,"
    "71.55337,37.49039,TJ,Gorno-Badakhshan,,province,region,,curated\n"
    "af.district.shighnan,Shighnan,Shughnan|Shugnan,71.50,37.47,AF,Badakhshan,Shighnan,district,"
    "district,,curated\n"
    "af.district.darwaz,Darwaz,Darwāz-e Pā’īn|Lower Darwaz,70.80413,38.4435,AF,Badakhshan,Darwaz,"
    "district,district,,curated\n"
    "af.nusay,Nūsay,Nusai,70.80413,38.4435,AF,Badakhshan,Darwaz,district_seat,exact,,GeoNames\n"
    "af.jurm,Jurm,,70.83421,36.86477,AF,Badakhshan,Jurm,populated_place,exact,,GeoNames\n"
    "af.province.badakhshan,Badakhshan,Badakhshan Province,70.58002,37.11664,AF,Badakhshan,,"
    "province,region,,GeoNames\n"
    "af.province.takhar,Takhar,Takhar Province,69.53451,36.73605,AF,Takhar,,province,region,,"
    "GeoNames\n";

std::shared_ptr<const Gazetteer> bothBanks() {
    auto g = Gazetteer::parse(QByteArray(kBothBanks), QStringLiteral("both_banks.csv"));
    EXPECT_TRUE(g) << g.error().toString().toStdString();
    EXPECT_TRUE(g.value().warnings().isEmpty()) << g.value().warnings().join('\n').toStdString();
    return std::make_shared<const Gazetteer>(std::move(g).value());
}

PlaceQuery query(const char* name, const char* country, const char* province = "",
                 const char* district = "") {
    return {QString::fromUtf8(name), QString::fromUtf8(country), QString::fromUtf8(province),
            QString::fromUtf8(district)};
}

TEST(GazetteerPlaceResolver, AnAfghanShighnanRowIsPlacedInAfghanistanNotAtKhorugh) {
    const GazetteerPlaceResolver resolver(bothBanks());
    for (const PlaceQuery& q : {query("Shighnan", "AF", "Badakhshan", "Shighnan"),
                                query("Shighnan", "AF"), query("Shughnan", "AF", "Badakhshan")}) {
        const auto r = resolver.resolve(q);
        ASSERT_TRUE(r) << q.describe().toStdString() << ": " << r.error().message.toStdString();
        EXPECT_EQ(r.value().id, QStringLiteral("af.district.shighnan"))
            << q.describe().toStdString();
        EXPECT_EQ(r.value().country, QStringLiteral("AF"));
        EXPECT_EQ(r.value().precision, GeoPrecision::District);
        EXPECT_TRUE(r.value().fallback.isEmpty());
    }
}

TEST(GazetteerPlaceResolver, DarwazInAfghanistanIsNotQalaikhumb) {
    const GazetteerPlaceResolver resolver(bothBanks());
    const auto r = resolver.resolve(query("Darwaz", "AF", "Badakhshan"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r.value().id, QStringLiteral("af.district.darwaz"));
    EXPECT_NEAR(r.value().lon, 70.80413, 1e-9);
    // The Tajik entry has "Darwaz" as an alias; in Tajikistan it is still the Tajik district.
    const auto tj = resolver.resolve(query("Darwaz", "TJ"));
    ASSERT_TRUE(tj);
    EXPECT_EQ(tj.value().id, QStringLiteral("tj.district.darvoz"));
}

TEST(GazetteerPlaceResolver, ATajikShughnonRowStaysInTajikistan) {
    const GazetteerPlaceResolver resolver(bothBanks());
    for (const PlaceQuery& q : {query("Shughnon", "TJ", "Gorno-Badakhshan"), query("Shugnan", "TJ"),
                                query("Shughnan", "TJ", "GBAO", "Shughnon district")}) {
        const auto r = resolver.resolve(q);
        ASSERT_TRUE(r) << q.describe().toStdString() << ": " << r.error().message.toStdString();
        EXPECT_EQ(r.value().country, QStringLiteral("TJ")) << q.describe().toStdString();
        EXPECT_EQ(r.value().id, QStringLiteral("tj.district.shughnon"));
    }
}

TEST(GazetteerPlaceResolver, AMatchInTheOtherCountryIsNeverTaken) {
    const GazetteerPlaceResolver resolver(bothBanks());
    // Khorugh exists only in Tajikistan: an Afghan row naming it is not placed there.
    const auto bare = resolver.resolve(query("Khorugh", "AF"));
    ASSERT_FALSE(bare);
    EXPECT_EQ(bare.error().message,
              QStringLiteral("no place 'Khorugh' in Afghanistan; no district or province given"));
    // With its province it falls back to the Afghan province, never to Khorugh.
    const auto withProvince = resolver.resolve(query("Khorog", "AF", "Badakhshan"));
    ASSERT_TRUE(withProvince);
    EXPECT_EQ(withProvince.value().id, QStringLiteral("af.province.badakhshan"));
    EXPECT_EQ(withProvince.value().country, QStringLiteral("AF"));
    EXPECT_EQ(withProvince.value().precision, GeoPrecision::Region);
    // Nor the other way round: Qalaikhumb-side spellings of an Afghan seat stay out of Tajikistan.
    EXPECT_FALSE(resolver.resolve(query("Nusay", "TJ")));
}

TEST(GazetteerPlaceResolver, ProvinceAndDistrictConstrainTheMatch) {
    const GazetteerPlaceResolver resolver(bothBanks());
    // Jurm is in Badakhshan: a row saying Takhar does not get it, but Takhar itself.
    const auto wrongProvince = resolver.resolve(query("Jurm", "AF", "Takhar"));
    ASSERT_TRUE(wrongProvince);
    EXPECT_EQ(wrongProvince.value().id, QStringLiteral("af.province.takhar"));
    EXPECT_EQ(wrongProvince.value().precision, GeoPrecision::Region);
    // Names are compared as the gazetteer compares them: aliases, case, "Province", "district".
    const auto spelled =
        resolver.resolve(query("jurm", "AF", "Badakhshan Province", "Jurm district"));
    ASSERT_TRUE(spelled);
    EXPECT_EQ(spelled.value().id, QStringLiteral("af.jurm"));
    EXPECT_EQ(spelled.value().precision, GeoPrecision::Exact);
    // A district named by an alias of the district entry (Darwāz-e Pā’īn is Darwaz).
    const auto seat = resolver.resolve(query("Nusai", "AF", "Badakhshan", "Darwaz-e Pa'in"));
    ASSERT_TRUE(seat) << seat.error().message.toStdString();
    EXPECT_EQ(seat.value().id, QStringLiteral("af.nusay"));
}

TEST(GazetteerPlaceResolver, AnUnknownPlaceInAKnownDistrictFallsBackToTheDistrict) {
    const GazetteerPlaceResolver resolver(bothBanks());
    const auto r = resolver.resolve(query("Qala-i-Nowhere", "AF", "Badakhshan", "Shighnan"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r.value().id, QStringLiteral("af.district.shighnan"));
    EXPECT_EQ(r.value().precision, GeoPrecision::District);
    EXPECT_EQ(r.value().fallback, QStringLiteral("no place 'Qala-i-Nowhere' in Shighnan, "
                                                 "Badakhshan, Afghanistan, so the district"));
}

TEST(GazetteerPlaceResolver, AnUnknownPlaceAndDistrictFallBackToTheProvinceAtRegionPrecision) {
    const GazetteerPlaceResolver resolver(bothBanks());
    for (const PlaceQuery& q : {query("Qala-i-Nowhere", "AF", "Badakhshan"),
                                query("Qala-i-Nowhere", "AF", "Badakhshan", "Nowhere district")}) {
        const auto r = resolver.resolve(q);
        ASSERT_TRUE(r) << q.describe().toStdString();
        EXPECT_EQ(r.value().id, QStringLiteral("af.province.badakhshan"));
        EXPECT_EQ(r.value().precision, GeoPrecision::Region);
        EXPECT_TRUE(r.value().fallback.endsWith(QStringLiteral("so the province")))
            << r.value().fallback.toStdString();
    }
}

TEST(GazetteerPlaceResolver, NothingKnownIsRejectedWithTheReason) {
    const GazetteerPlaceResolver resolver(bothBanks());
    const auto none = resolver.resolve(query("Qala-i-Nowhere", "AF"));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message,
              QStringLiteral("no place 'Qala-i-Nowhere' in Afghanistan; no district or province "
                             "given"));
    const auto unknownUnits = resolver.resolve(query("Qala-i-Nowhere", "AF", "Atlantis", "Lost"));
    ASSERT_FALSE(unknownUnits);
    EXPECT_EQ(unknownUnits.error().message,
              QStringLiteral("no place 'Qala-i-Nowhere' in Lost, Atlantis, Afghanistan; district "
                             "'Lost' and province 'Atlantis' are not in the gazetteer"));
    // A name on both banks and no country: not guessed.
    const auto ambiguous = resolver.resolve(query("Shugnan", ""));
    ASSERT_FALSE(ambiguous);
    EXPECT_TRUE(ambiguous.error().message.contains(QStringLiteral("no country")))
        << ambiguous.error().message.toStdString();
    const GazetteerPlaceResolver none2(nullptr);
    EXPECT_FALSE(none2.resolve(query("Khorugh", "TJ")));
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

TEST(GeocodedRows, TheReportListsEachKeptRowThatWasPlacedWithItsLine) {
    QTemporaryDir dir;
    // Small stretches, so rows are parsed on several threads with stretch-relative lines.
    QByteArray csv = "id,start_date,type,place,lon,lat,country,province,district\n";
    for (int i = 0; i < 40; ++i)
        csv += QByteArray("P") + QByteArray::number(i) +
               ",2025-12-01,armed_clash,Khorugh,71.55,37.49,TJ,Gorno-Badakhshan,Shughnon\n";
    csv += "A,2025-12-02,armed_clash,Shighnan,,,AF,Badakhshan,Shighnan\n" // line 42
           "B,2025-12-03,armed_clash,Nowhere,,,AF,Badakhshan,Shighnan\n"  // 43: district
           "C,2025-12-04,armed_clash,Nowhere,,,AF,,\n"                    // 44: rejected
           "A,2025-12-05,armed_clash,Darwaz,,,AF,Badakhshan,\n"           // 45: duplicate
           "D,2025-12-06,armed_clash,Shughnon,,,TJ,Gorno-Badakhshan,\n";  // 46
    const QString path = writeFile(dir, QStringLiteral("rows.csv"), csv);
    const GazetteerPlaceResolver resolver(bothBanks());
    ImportOptions options;
    options.resolver = &resolver;
    options.chunkBytes = 256;
    auto r = importIncidents(path, options);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const ImportReport& rep = r.value();
    EXPECT_EQ(rep.store->size(), 43u);
    ASSERT_EQ(rep.geocodedRows.size(), 3u);
    EXPECT_EQ(rep.geocoded, 3);
    EXPECT_EQ(rep.geocodedRows[0].line, 42);
    EXPECT_EQ(rep.geocodedRows[0].asked.name, QStringLiteral("Shighnan"));
    EXPECT_EQ(rep.geocodedRows[0].asked.country, QStringLiteral("AF"));
    EXPECT_EQ(rep.geocodedRows[0].placed.id, QStringLiteral("af.district.shighnan"));
    EXPECT_EQ(rep.geocodedRows[0].placed.kind, QStringLiteral("district"));
    EXPECT_EQ(rep.geocodedRows[1].line, 43);
    EXPECT_EQ(rep.geocodedRows[1].placed.precision, GeoPrecision::District);
    EXPECT_FALSE(rep.geocodedRows[1].placed.fallback.isEmpty());
    EXPECT_EQ(rep.geocodedRows[2].line, 46);
    EXPECT_EQ(rep.geocodedRows[2].placed.country, QStringLiteral("TJ"));
    ASSERT_EQ(rep.rejected.size(), 2u);
    EXPECT_EQ(rep.rejected[0].line, 44);
    EXPECT_EQ(rep.rejected[0].reason, QStringLiteral("no coordinates, and no place 'Nowhere' in "
                                                     "Afghanistan; no district or province given"));
    EXPECT_EQ(rep.rejected[1].line, 45);
    const Incident a = test::incidentById(rep, QStringLiteral("A"));
    EXPECT_EQ(a.country, QStringLiteral("AF"));
    EXPECT_NEAR(a.lon, 71.50, 1e-9);
    EXPECT_EQ(test::incidentById(rep, QStringLiteral("B")).geoPrecision, GeoPrecision::District);
}

TEST(GeocodedRows, FacilitiesPlacedByTheGazetteerAreListedToo) {
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("outposts.csv"),
        "id,name,kind,lon,lat,geo_precision,opened,opened_precision,closed,country,province,"
        "district,notes,source1_title,source1_outlet,source1_date,source1_url\n"
        "OP-1,Khorugh,border_outpost,,,exact,,,,TJ,,,,t,,,\n"
        "OP-2,Khorugh,border_outpost,,,exact,,,,AF,,,,t,,,\n");
    const GazetteerPlaceResolver resolver(bothBanks());
    auto r = importIncidents(path, IncidentFormat::Auto, &resolver);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    ASSERT_EQ(r.value().facilities.size(), 1u);
    ASSERT_EQ(r.value().geocodedRows.size(), 1u);
    EXPECT_EQ(r.value().geocodedRows[0].line, 2);
    EXPECT_EQ(r.value().geocodedRows[0].placed.id, QStringLiteral("tj.khorugh"));
    ASSERT_EQ(r.value().rejected.size(), 1u);
    EXPECT_EQ(r.value().rejected[0].line, 3);
}

} // namespace
