#include "borderlens_config.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

// A gazetteer file in a temporary folder, for tests that must not depend on geodata/.
class GeocodeCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("places.csv"));
        QFile f(m_path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("id,name,aliases,lon,lat,country,province,district,kind,precision,population,"
                "source\r\n"
                "tj.district.shamsiddin-shohin,Shamsiddin Shohin,Shamsiddin Shokhin|Shuroobod|"
                "Шамсиддин Шоҳин,70.04865,37.84137,TJ,Khatlon,Shamsiddin Shohin,district,"
                "district,,\"curated, position = seat\"\r\n"
                "tj.shurobod,Shŭrobod,Shuroobod,70.04865,37.84137,TJ,Khatlon,Shamsiddin Shohin,"
                "district_seat,exact,,GeoNames\r\n"
                "tj.vanj,Vanj,Vanch|Ванҷ,71.45474,38.37078,TJ,Gorno-Badakhshan,Vanj,"
                "district_seat,exact,,GeoNames\r\n"
                "tj.district.vanj,Vanj,Vanch,71.45474,38.37078,TJ,Gorno-Badakhshan,Vanj,"
                "district,district,,curated\r\n"
                "tj.panj,Panj,,69.1,37.24,TJ,Khatlon,Panj,district_seat,exact,,GeoNames\r\n"
                "tj.darband,Darband,,70.1,38.7,TJ,,,populated_place,exact,,GeoNames\r\n");
    }
    QStringList args(std::initializer_list<QString> rest) const {
        QStringList a{QStringLiteral("geocode"), QStringLiteral("--gazetteer"), m_path};
        for (const QString& s : rest)
            a << s;
        return a;
    }

    QTemporaryDir m_dir;
    QString m_path;
};

TEST_F(GeocodeCli, PrintsTheBestMatchWithDotDecimals) {
    const CliRun r = runCli(args({QStringLiteral("Shamsiddin Shokhin district")}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("name:      Shamsiddin Shohin\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("lon/lat:   70.04865 37.84137\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("precision: district\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("kind:      district\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("country:   TJ\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("province:  Khatlon\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("district:  Shamsiddin Shohin\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("source:    curated, position = seat\n")));
    // kh/h fold: the name itself matches.
    EXPECT_TRUE(r.out.contains(QStringLiteral("matched:   Shamsiddin Shohin (exact name)")));
    EXPECT_FALSE(r.out.contains(QStringLiteral("70,04865")));
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
}

TEST_F(GeocodeCli, WordsNeedNoQuotesAndOtherCandidatesFollow) {
    // Unquoted words are one name; the town and the district of the same name both show.
    const CliRun r = runCli(args({QStringLiteral("Ванҷ")}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("id:        tj.vanj\n"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("other candidates:\n  Vanj  71.45474 38.37078  "
                                              "district, district, TJ / Gorno-Badakhshan / Vanj")))
        << r.out.toStdString();
    const CliRun words = runCli(args({QStringLiteral("Vanj"), QStringLiteral("district")}));
    ASSERT_EQ(words.exitCode, 0);
    EXPECT_TRUE(words.out.contains(QStringLiteral("id:        tj.district.vanj\n")));
    const CliRun one =
        runCli(args({QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("Vanj")}));
    ASSERT_EQ(one.exitCode, 0);
    EXPECT_FALSE(one.out.contains(QStringLiteral("other candidates")));
}

TEST_F(GeocodeCli, AnUnknownNameExitsOneWithSuggestions) {
    const CliRun r = runCli(args({QStringLiteral("Darbando")}));
    EXPECT_EQ(r.exitCode, 0) << "a near miss is still a match: " << r.err.toStdString();
    const CliRun none = runCli(args({QStringLiteral("Mazar-i-Sharif")}));
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_TRUE(none.out.isEmpty());
    EXPECT_TRUE(none.err.startsWith(QStringLiteral("no match for \"Mazar-i-Sharif\"\n")))
        << none.err.toStdString();
    EXPECT_TRUE(none.err.contains(QStringLiteral("nearest names:\n  "))) << none.err.toStdString();
}

TEST_F(GeocodeCli, UsageErrorsExitTwo) {
    EXPECT_EQ(runCli({QStringLiteral("geocode")}).exitCode, 2);
    EXPECT_EQ(runCli(args({})).exitCode, 2);
    EXPECT_EQ(runCli(args({QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("Vanj")}))
                  .exitCode,
              2);
    EXPECT_EQ(
        runCli(args({QStringLiteral("--limit"), QStringLiteral("many"), QStringLiteral("Vanj")}))
            .exitCode,
        2);
    const CliRun unknown = runCli(args({QStringLiteral("--fuzzy"), QStringLiteral("Vanj")}));
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("--fuzzy")));
    EXPECT_EQ(
        runCli({QStringLiteral("geocode"), QStringLiteral("Vanj"), QStringLiteral("--gazetteer")})
            .exitCode,
        2);
    const CliRun help = runCli({QStringLiteral("geocode"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--gazetteer FILE")));
    EXPECT_TRUE(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("  geocode NAME")));
}

TEST_F(GeocodeCli, AMissingGazetteerExitsOneNamingIt) {
    const CliRun r = runCli({QStringLiteral("geocode"), QStringLiteral("--gazetteer"),
                             QStringLiteral("/no/such/places.csv"), QStringLiteral("Vanj")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/no/such/places.csv: file not found")))
        << r.err.toStdString();
}

TEST(GeocodeCliBundled, FindsTheArticlesDistrictInTheBundledGazetteer) {
    if (!QFileInfo::exists(QStringLiteral(BORDERLENS_SOURCE_DATA_DIR "/geodata/gazetteer.csv")))
        GTEST_SKIP() << "geodata/gazetteer.csv is missing; tools/geodata/build.sh makes it";
    const CliRun r =
        runCli({QStringLiteral("geocode"), QStringLiteral("Shamsiddin Shokhin district")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("name:      Shamsiddin Shohin\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("lon/lat:   70.04865 37.84137\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("country:   TJ\n")));
}

} // namespace
