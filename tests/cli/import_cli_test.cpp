#include "incidents/import/incident_importer.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

TEST(ImportCli, WritesAGeoPackageAndPrintsCountsAndRejections) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id,start_date,type,place,lon,lat\n"
            "A,2025-12-24,armed_clash,Shurobod,70.04865,37.84137\n"
            "B,2025-12-24,armed_clash,Vanj,,\n"
            "C,24/12/2025,armed_clash,Somewhere,70,37\n");
    f.close();
    const QString gpkg = dir.filePath(QStringLiteral("store.gpkg"));
    const CliRun o = runCli({QStringLiteral("import"), csv, QStringLiteral("--out"), gpkg});
    EXPECT_EQ(o.exitCode, 0) << o.err.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("read:     3"))) << o.out.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("imported: 2"))) << o.out.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("1 placed by gazetteer")));
    EXPECT_TRUE(o.out.contains(QStringLiteral("rejected: 1")));
    EXPECT_TRUE(o.err.contains(QStringLiteral("line 4: unparseable start_date '24/12/2025'")))
        << o.err.toStdString();
    auto back = importIncidents(gpkg);
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value().store->size(), 2u);
}

TEST(ImportCli, UsageAndBadInput) {
    EXPECT_EQ(runCli({QStringLiteral("import")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("x.csv")}).exitCode, 2); // no --out
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("x.csv"), QStringLiteral("--format"),
                   QStringLiteral("kml"), QStringLiteral("--out"), QStringLiteral("y.gpkg")})
                  .exitCode,
              2);
    const CliRun missing = runCli({QStringLiteral("import"), QStringLiteral("/no/such.csv"),
                                 QStringLiteral("--out"), QStringLiteral("/tmp/y.gpkg")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("/no/such.csv")));
}

} // namespace
