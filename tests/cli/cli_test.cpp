#include "support/ogr_fixture_writer.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

TEST(Cli, VersionAndUsage) {
    const CliRun v = runCli({QStringLiteral("--version")});
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_TRUE(v.out.startsWith(QStringLiteral("borderlens-cli 0."))) << v.out.toStdString();
    EXPECT_TRUE(v.out.contains(QStringLiteral("GDAL")));
    EXPECT_EQ(runCli({}).exitCode, 2);
    const CliRun unknown = runCli({QStringLiteral("frobnicate")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("frobnicate")));
    EXPECT_EQ(runCli({QStringLiteral("info")}).exitCode, 2);
}

TEST(Cli, InfoPrintsLayerFacts) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("seats.shp"));
    const FixtureFeature f[] = {{"POINT (70.78902 38.45373)", "Qalaikhumb", 1, 0},
                                {"POINT (71.45474 38.37078)", "Vanj", 2, 0}};
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, f, 2));
    const CliRun r = runCli({QStringLiteral("info"), shp});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("layer:    seats")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("geometry: Point")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("features: 2")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("EPSG:4326")));
    // Dots, not the test locale's commas: output is for scripts as much as people.
    EXPECT_TRUE(r.out.contains(QStringLiteral("70.78902 E, 38.37078 N – 71.45474 E, 38.45373 N")))
        << r.out.toStdString();
}

TEST(Cli, InfoOnABadFileExitsOneNamingIt) {
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("ok.shp"));
    const FixtureFeature f[] = {{"POINT (70 38)", "x", 1, 0}};
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), good, f, 1));
    const CliRun r = runCli({QStringLiteral("info"), QStringLiteral("/no/such/file.shp"), good});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/no/such/file.shp: file not found")))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("layer:    ok"))); // the good file still reported
}

TEST(Cli, BenchFramesTimesTheViewersFramesAndPrintsTheMedian) {
    // The sample data, three frames of a moving 30-day window, then three of a pan.
    for (const QStringList& extra :
         {QStringList{}, QStringList{QStringLiteral("--pan"), QStringLiteral("--window"),
                                     QStringLiteral("all")}}) {
        const CliRun r = runCli(QStringList{QStringLiteral("bench-frames"), QStringLiteral("--frames"),
                                            QStringLiteral("3"), QStringLiteral("--size"),
                                            QStringLiteral("640x360")} +
                                extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_EQ(r.out.count(QStringLiteral("\nframe ")) + r.out.startsWith(QStringLiteral("frame ")),
                  3)
            << r.out.toStdString();
        EXPECT_TRUE(r.out.contains(QRegularExpression(QStringLiteral("\nmedian [0-9]+\\.[0-9] ms\n"))))
            << r.out.toStdString();
    }
    EXPECT_EQ(runCli({QStringLiteral("bench-frames"), QStringLiteral("--frames"), QStringLiteral("x")})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({QStringLiteral("bench-frames"), QStringLiteral("--window"), QStringLiteral("soon")})
                  .exitCode,
              2);
    const CliRun missing = runCli({QStringLiteral("bench-frames"), QStringLiteral("/no/such.csv")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("/no/such.csv")));
}

} // namespace
