#include "gazetteer/gazetteer.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// A small gazetteer in the shape of geodata/gazetteer.csv: CRLF line ends, a quoted source with
// a comma and a line break, Cyrillic and diacritics, and two entries per district (the district
// placed at its seat, and the seat itself).
const char* const kFixture =
    "id,name,aliases,lon,lat,country,province,district,kind,precision,population,source\r\n"
    "tj.district.shamsiddin-shohin,Shamsiddin Shohin,Shamsiddin Shokhin|Shuroobod|Shuro-obod|"
    "Шамсиддин Шоҳин|Shuro-obod District,70.04865,37.84137,TJ,Khatlon,Shamsiddin Shohin,district,"
    "district,,\"curated district name; position = seat Shŭrobod\"\r\n"
    "tj.shurobod,Shŭrobod,Shuroobod|Shuro-obod|Шурообод,70.04865,37.84137,TJ,Khatlon,"
    "Shamsiddin Shohin,district_seat,exact,,\"GeoNames, CC-BY 4.0\"\r\n"
    "tj.district.darvoz,Darvoz,Darvaz|Дарвоз|Nohiyai Darvoz,70.78902,38.45373,TJ,"
    "Gorno-Badakhshan,Darvoz,district,district,,curated\r\n"
    "tj.qalaikhumb,Qalaikhumb,Kalaikhum|Qalai Khumb|Darvoz (town),70.78902,38.45373,TJ,"
    "Gorno-Badakhshan,Darvoz,district_seat,exact,,\"GeoNames,\r\nCC-BY 4.0\"\r\n"
    "tj.district.vanj,Vanj,Vanch|Ванҷ,71.45474,38.37078,TJ,Gorno-Badakhshan,Vanj,district,"
    "district,,curated\r\n"
    "tj.vanj,Vanj,Vanch|Ванҷ,71.45474,38.37078,TJ,Gorno-Badakhshan,Vanj,district_seat,exact,,"
    "GeoNames\r\n"
    "tj.khorugh,Khorugh,Khorog|Хорог,71.5533,37.4897,TJ,Gorno-Badakhshan,Shughnon,district_seat,"
    "exact,30000,GeoNames\r\n"
    "tj.panji-poyon,Panji Poyon,Nizhniy Pyandzh|Панҷи Поён,68.61,37.24,TJ,Khatlon,Jayhun,"
    "populated_place,exact,,GeoNames\r\n"
    "tj.panj,Panj,Pyandzh|Пяндж,69.1,37.24,TJ,Khatlon,Panj,district_seat,exact,,GeoNames\r\n"
    "af.shir-khan-bandar,Shir Khan Bandar,Sherkhan Bandar,68.585,37.175,AF,Kunduz,Imām Şāḩib,"
    "populated_place,near,,curated\r\n"
    "af.imam-sahib,Imām Şāḩib,,68.92,37.18,AF,Kunduz,Imām Şāḩib,populated_place,exact,,GeoNames\r\n"
    "tj.dushanbe,Dushanbe,Душанбе,68.7791,38.5358,TJ,Dushanbe,,populated_place,exact,863400,"
    "GeoNames\r\n"
    "tj.kevron,Kevron,Kevron jamoat,70.78902,38.45373,TJ,Gorno-Badakhshan,Darvoz,populated_place,"
    "district,,curated\r\n"
    "tj.fayzobod,Fayzobod,,69.3,38.55,TJ,,Fayzobod,district_seat,exact,,GeoNames\r\n"
    "af.fayzabad,Fayzabad,Faizabad,70.58,37.12,AF,Badakhshan,,populated_place,exact,,GeoNames\r\n"
    "af.faizabad,Faīẕābād,,66.46,36.82,AF,Jowzjan,,populated_place,exact,,GeoNames\r\n";

Gazetteer fixture() {
    auto g = Gazetteer::parse(QByteArray(kFixture), QStringLiteral("fixture.csv"));
    EXPECT_TRUE(g) << g.error().toString().toStdString();
    return g ? std::move(g).value() : Gazetteer();
}

// The id of the best candidate, or "" if none.
std::string best(const Gazetteer& g, const char* query) {
    const auto c = g.lookup(QString::fromUtf8(query));
    return c.empty() ? std::string() : c.front().place.id.toStdString();
}

TEST(Gazetteer, ParsesTheFixture) {
    const Gazetteer g = fixture();
    ASSERT_EQ(g.size(), 16u);
    EXPECT_TRUE(g.warnings().isEmpty()) << g.warnings().join('\n').toStdString();
    const PlaceEntry* q = g.findById(QStringLiteral("tj.qalaikhumb"));
    ASSERT_NE(q, nullptr);
    // Under the tests' German locale "70.78902" must still be 70.78902, not 70 or 7078902.
    EXPECT_DOUBLE_EQ(q->lon, 70.78902);
    EXPECT_DOUBLE_EQ(q->lat, 38.45373);
    EXPECT_EQ(q->aliases, QStringList({QStringLiteral("Kalaikhum"), QStringLiteral("Qalai Khumb"),
                                       QStringLiteral("Darvoz (town)")}));
    EXPECT_EQ(q->kind, PlaceKind::DistrictSeat);
    EXPECT_EQ(q->precision, GeoPrecision::Exact);
    EXPECT_EQ(q->source, QStringLiteral("GeoNames,\r\nCC-BY 4.0"));
    EXPECT_FALSE(q->population.has_value());
    EXPECT_EQ(g.findById(QStringLiteral("tj.dushanbe"))->population, 863400);
    EXPECT_EQ(g.findById(QStringLiteral("af.imam-sahib"))->district, QStringLiteral("Imām Şāḩib"));
}

TEST(Gazetteer, AliasGroupsResolveToOnePlace) {
    const Gazetteer g = fixture();
    const std::vector<std::pair<std::vector<const char*>, const char*>> groups = {
        {{"Shamsiddin Shohin", "Shamsiddin Shokhin", "Шамсиддин Шоҳин",
          "shamsiddin shohin district"},
         "tj.district.shamsiddin-shohin"},
        {{"Shuroobod", "Shuro-obod", "Shurobod", "Shŭrobod", "Шурообод"}, "tj.shurobod"},
        {{"Darvaz", "Darvoz", "Дарвоз", "Darvaz district"}, "tj.district.darvoz"},
        {{"Vanj", "Vanch", "Ванҷ"}, "tj.vanj"},
        {{"Kalaikhum", "Qalai Khumb", "Qalaikhumb", "Qal'ai Khumb"}, "tj.qalaikhumb"},
        {{"Khorog", "Khorugh", "Хорог"}, "tj.khorugh"},
        {{"Panji Poyon", "Nizhniy Pyandzh", "Nizhny Pyandzh"}, "tj.panji-poyon"},
        {{"Shir Khan Bandar", "Sherkhan Bandar", "Shirkhan Bandar"}, "af.shir-khan-bandar"},
    };
    for (const auto& [names, id] : groups) {
        for (const char* name : names)
            EXPECT_EQ(best(g, name), id) << name;
    }
}

TEST(Gazetteer, ExactMatchesComeFirstAndSayHowTheyMatched) {
    const Gazetteer g = fixture();
    const auto c = g.lookup(QStringLiteral("Shamsiddin Shokhin district"));
    ASSERT_FALSE(c.empty());
    EXPECT_TRUE(c[0].exact);
    EXPECT_DOUBLE_EQ(c[0].score, 1.0);
    // Shokhin and Shohin share a key, so the match is on the name itself, not the alias.
    EXPECT_FALSE(c[0].matchedAlias);
    EXPECT_EQ(c[0].matchedName.toStdString(), "Shamsiddin Shohin");
    // Among names with the same key, the one spelled as asked is the one reported.
    const auto cyrillic = g.lookup(QStringLiteral("Шамсиддин Шоҳин"));
    ASSERT_FALSE(cyrillic.empty());
    EXPECT_EQ(cyrillic[0].place.id.toStdString(), "tj.district.shamsiddin-shohin");
    EXPECT_EQ(cyrillic[0].matchedName.toStdString(), "Шамсиддин Шоҳин");
    EXPECT_TRUE(cyrillic[0].matchedAlias);
    // "Qala-i-Khumb" is spelled like the name Qalaikhumb and the alias "Qalai Khumb" once
    // hyphens and spaces go: the name is reported. Typed exactly, the alias is.
    const auto spelling = g.lookup(QStringLiteral("Qala-i-Khumb"));
    ASSERT_FALSE(spelling.empty());
    EXPECT_FALSE(spelling[0].matchedAlias);
    EXPECT_EQ(spelling[0].matchedName.toStdString(), "Qalaikhumb");
    const auto typed = g.lookup(QStringLiteral("qalai khumb"));
    ASSERT_FALSE(typed.empty());
    EXPECT_EQ(typed[0].matchedName.toStdString(), "Qalai Khumb");
    const auto alias = g.lookup(QStringLiteral("Kalaikhum"));
    ASSERT_FALSE(alias.empty());
    EXPECT_TRUE(alias[0].matchedAlias);
    EXPECT_EQ(alias[0].matchedName.toStdString(), "Kalaikhum");
    EXPECT_EQ(c[0].place.precision, GeoPrecision::District);
    for (std::size_t i = 1; i < c.size(); ++i)
        EXPECT_LE(c[i].score, c[i - 1].score);
}

TEST(Gazetteer, TheWordDistrictPrefersTheDistrict) {
    const Gazetteer g = fixture();
    // Town and district share the name: plain "Vanj" is the town, "Vanj district" the district.
    EXPECT_EQ(best(g, "Vanj"), "tj.vanj");
    EXPECT_EQ(best(g, "Vanj district"), "tj.district.vanj");
    EXPECT_EQ(best(g, "Nohiyai Vanj"), "tj.district.vanj");
    EXPECT_EQ(best(g, "Vanch rayon"), "tj.district.vanj");
    EXPECT_EQ(best(g, "Ноҳияи Ванҷ"), "tj.district.vanj");
    // The seat's own name beats an alias of the district.
    EXPECT_EQ(best(g, "Shuroobod"), "tj.shurobod");
    EXPECT_EQ(best(g, "Shuroobod district"), "tj.district.shamsiddin-shohin");
    // A name beats an alias that normalises to the same key ("Darvoz (town)").
    EXPECT_EQ(best(g, "Darvoz"), "tj.district.darvoz");
    EXPECT_EQ(best(g, "Darvoz town"), "tj.qalaikhumb");
}

TEST(Gazetteer, TheSameSpellingWinsAmongEqualKeys) {
    const Gazetteer g = fixture();
    // -abad and -obod share a key, so both are exact; the spelling asked for decides.
    EXPECT_EQ(best(g, "Fayzabad"), "af.fayzabad");
    EXPECT_EQ(best(g, "Fayzobod"), "tj.fayzobod");
    EXPECT_EQ(g.lookup(QStringLiteral("Fayzabad")).size(), 3u);
    // Spelled exactly as an alias beats a name that only matches without its diacritics.
    EXPECT_EQ(best(g, "Faizabad"), "af.fayzabad");
    EXPECT_EQ(best(g, "faīẕābād"), "af.faizabad");
    // Both equal only without diacritics: the name beats the alias.
    EXPECT_EQ(best(g, "Faizābād"), "af.faizabad");
}

TEST(Gazetteer, FuzzyCandidatesAreRankedByScore) {
    const Gazetteer g = fixture();
    const auto c = g.lookup(QStringLiteral("Dushanbeh"));
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(c[0].place.id, QStringLiteral("tj.dushanbe"));
    EXPECT_FALSE(c[0].exact);
    EXPECT_GT(c[0].score, 0.85);
    EXPECT_LT(c[0].score, 1.0);
    // A vowel slip costs less than a consonant slip.
    const auto vowel = g.lookup(QStringLiteral("Kevran"));
    const auto consonant = g.lookup(QStringLiteral("Kevlon"));
    ASSERT_FALSE(vowel.empty());
    ASSERT_FALSE(consonant.empty());
    EXPECT_EQ(vowel[0].place.id, QStringLiteral("tj.kevron"));
    EXPECT_GT(vowel[0].score, consonant[0].score);
    // Swapped letters are one edit.
    EXPECT_EQ(best(g, "Kevorn"), "tj.kevron");
}

TEST(Gazetteer, UnknownNamesGiveNothingButSuggestionsOnRequest) {
    const Gazetteer g = fixture();
    EXPECT_TRUE(g.lookup(QStringLiteral("Mazar-i-Sharif")).empty());
    EXPECT_TRUE(g.lookup(QStringLiteral("")).empty());
    EXPECT_TRUE(g.lookup(QStringLiteral("district")).empty());
    Gazetteer::LookupOptions nearest;
    nearest.minScore = 0;
    nearest.maxResults = 3;
    const auto s = g.lookup(QStringLiteral("Darvozkala"), nearest);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_FALSE(s[0].exact);
    EXPECT_LT(s[0].score, 0.8);
    EXPECT_EQ(s[0].place.id.toStdString(), "tj.district.darvoz");
    EXPECT_EQ(s[1].place.id.toStdString(), "tj.qalaikhumb"); // as "Darvoz (town)"
}

TEST(Gazetteer, SadAndShinSpellingsBothFindImamSahib) {
    const Gazetteer g = fixture();
    EXPECT_EQ(best(g, "Imam Sahib"), "af.imam-sahib");
    EXPECT_EQ(best(g, "Imam Shahib"), "af.imam-sahib");
    EXPECT_TRUE(g.lookup(QStringLiteral("Imam Sahib"))[0].exact);
}

TEST(Gazetteer, CountryFilterAndLimit) {
    const Gazetteer g = fixture();
    Gazetteer::LookupOptions tj;
    tj.country = QStringLiteral("tj");
    for (const auto& c : g.lookup(QStringLiteral("Shir Khan Bandar"), tj))
        EXPECT_EQ(c.place.country, QStringLiteral("TJ"));
    tj.country = QStringLiteral("AF");
    EXPECT_EQ(g.lookup(QStringLiteral("Sherkhan Bandar"), tj).at(0).place.id,
              QStringLiteral("af.shir-khan-bandar"));
    EXPECT_EQ(g.lookup(QStringLiteral("Vanj"), 1).size(), 1u);
    EXPECT_EQ(g.lookup(QStringLiteral("Vanj"), 5).size(), 2u); // the district and the town
}

TEST(Gazetteer, BadRowsAreReportedWithTheirLines) {
    const QByteArray csv =
        "id,name,aliases,lon,lat,country,province,district,kind,precision,population,source\n"
        "ok.1,Good,,70.1,38.1,TJ,,,populated_place,exact,,s\n"               // line 2
        "bad.comma,Comma,,\"70,5\",38.1,TJ,,,populated_place,exact,,s\n"     // line 3
        "ok.2,\"Two\nline name\",,70.2,38.2,TJ,,,populated_place,exact,,s\n" // lines 4-5
        "bad.kind,Kind,,70.3,38.3,TJ,,,hamlet,exact,,s\n"                    // line 6
        "bad.short,Short,,70.3,38.3,TJ\n"                                    // line 7
        "ok.1,Again,,70.4,38.4,TJ,,,populated_place,exact,,s\n"              // line 8
        "bad.lat,Lat,,70.4,98.4,TJ,,,populated_place,exact,,s\n"             // line 9
        "bad.prec,Prec,,70.4,38.4,TJ,,,populated_place,roughly,,s\n"         // line 10
        "bad.src,Src,,70.4,38.4,TJ,,,populated_place,exact,,\n"              // line 11
        "bad.cc,Cc,,70.4,38.4,Tajikistan,,,populated_place,exact,,s\n"       // line 12
        "bad.pop,Pop,,70.4,38.4,TJ,,,populated_place,exact,many,s\n"         // line 13
        "# a comment row is not a place,,,,,,,,,,,\n"                        // line 14
        "ok.3,Three,,7.05e1,38.5,AF,,,crossing,near,12,s\n";                 // line 15
    const auto g = Gazetteer::parse(csv, QStringLiteral("places.csv"));
    ASSERT_TRUE(g) << g.error().toString().toStdString();
    EXPECT_EQ(g.value().size(), 3u);
    const QStringList w = g.value().warnings();
    ASSERT_EQ(w.size(), 9) << w.join('\n').toStdString();
    const char* expected[] = {"places.csv: line 3: lon '70,5'",
                              "places.csv: line 6: unknown kind 'hamlet'",
                              "places.csv: line 7: 6 fields, expected 12",
                              "places.csv: line 8: id 'ok.1' already used on line 2",
                              "places.csv: line 9: lat '98.4'",
                              "places.csv: line 10: unknown precision 'roughly'",
                              "places.csv: line 11: source is empty",
                              "places.csv: line 12: country 'Tajikistan'",
                              "places.csv: line 13: population 'many'"};
    for (int i = 0; i < 9; ++i)
        EXPECT_TRUE(w[i].startsWith(QString::fromUtf8(expected[i]))) << w[i].toStdString();
    EXPECT_DOUBLE_EQ(g.value().findById(QStringLiteral("ok.3"))->lon, 70.5);
    EXPECT_EQ(g.value().findById(QStringLiteral("ok.2"))->name, QStringLiteral("Two\nline name"));
}

TEST(Gazetteer, BrokenFilesAreErrors) {
    const auto noColumn =
        Gazetteer::parse("id,name,lon,lat,country,kind,source\n", QStringLiteral("a.csv"));
    ASSERT_FALSE(noColumn);
    EXPECT_EQ(noColumn.error().toString(),
              QStringLiteral("a.csv: line 1: header lacks column(s) precision"));
    const auto broken = Gazetteer::parse(
        "id,name,lon,lat,country,kind,precision,source\nx,\"open,1,2,TJ,district,exact,s\n",
        QStringLiteral("b.csv"));
    ASSERT_FALSE(broken);
    EXPECT_TRUE(broken.error().message.startsWith(QStringLiteral("line 2:")));
    const auto empty = Gazetteer::parse("", QStringLiteral("c.csv"));
    ASSERT_FALSE(empty);
    const auto allBad = Gazetteer::parse(
        "id,name,lon,lat,country,kind,precision,source\nx,X,east,2,TJ,district,exact,s\n",
        QStringLiteral("d.csv"));
    ASSERT_FALSE(allBad);
    EXPECT_TRUE(allBad.error().message.contains(QStringLiteral("line 2: lon 'east'")))
        << allBad.error().message.toStdString();
    const auto missing = Gazetteer::load(QStringLiteral("/no/such/gazetteer.csv"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().source, QStringLiteral("/no/such/gazetteer.csv"));
}

TEST(Gazetteer, LoadsFromAFileWithOptionalColumnsMissing) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    // Columns in another order, optional ones absent, an extra one ignored.
    f.write("\xEF\xBB\xBFName,ID,Lat,Lon,Country,Kind,Precision,Source,Notes\r\n"
            "Vanj,tj.vanj,38.37078,71.45474,TJ,district_seat,exact,GeoNames,x\r\n");
    f.close();
    const auto g = Gazetteer::load(path);
    ASSERT_TRUE(g) << g.error().toString().toStdString();
    ASSERT_EQ(g.value().size(), 1u);
    EXPECT_EQ(g.value().sourcePath(), path);
    EXPECT_DOUBLE_EQ(g.value().entries()[0].lon, 71.45474);
    // No aliases column, yet the Cyrillic spelling transliterates to the same key.
    EXPECT_EQ(best(g.value(), "Ванҷ"), "tj.vanj");
}

} // namespace

// A pasted paragraph is not a place: it matches nothing, at once, rather than being ranked
// against every name (seconds for a few KB).
TEST(Gazetteer, AQueryLongerThanAnyPlaceNameMatchesNothing) {
    auto g = Gazetteer::loadBundled();
    ASSERT_TRUE(g) << g.error().toString().toStdString();
    Gazetteer::LookupOptions options;
    options.minScore = 0;
    const QString khorugh = QStringLiteral("Khorugh");
    EXPECT_FALSE(g.value().lookup(khorugh, options).empty());
    EXPECT_TRUE(g.value().lookup(khorugh.repeated(600), options).empty());
}
