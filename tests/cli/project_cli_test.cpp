// borderlens-cli project create|info and export --project: a project drawn is the same briefing
// as the options it was made from, and it keeps working when its folder moves.
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

const QMap<QString, QString> kFixedDate{
    {QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1767225600")}};

// A project folder with its own incident file and a polygon layer.
QString makeProjectFolder(const QTemporaryDir& dir) {
    const QString folder = dir.filePath(QStringLiteral("desk"));
    QDir().mkpath(folder + QStringLiteral("/data"));
    QFile::copy(QStringLiteral(BORDERLENS_TEST_DATA_DIR "/../../geodata/sample_incidents.csv"),
                folder + QStringLiteral("/data/incidents.csv"));
    QFile area(folder + QStringLiteral("/data/area.geojson"));
    EXPECT_TRUE(area.open(QIODevice::WriteOnly));
    area.write(R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
               R"("properties":{"name":"watch"},"geometry":{"type":"Polygon","coordinates":)"
               R"([[[69.5,37.5],[70.5,37.5],[70.5,38.2],[69.5,38.2],[69.5,37.5]]]}}]})");
    return folder;
}

} // namespace

TEST(ProjectCli, AProjectDrawsTheSameBriefingAsTheOptionsItWasMadeFrom) {
    QTemporaryDir dir;
    const QString folder = makeProjectFolder(dir);
    const QString incidents = folder + QStringLiteral("/data/incidents.csv");
    const QString area = folder + QStringLiteral("/data/area.geojson");
    ASSERT_TRUE(QFile::exists(incidents));
    const QStringList options{QStringLiteral("--from"),   QStringLiteral("2025-11-01"),
                              QStringLiteral("--to"),     QStringLiteral("2025-12-31"),
                              QStringLiteral("--extent"), QStringLiteral("68,36.8,72.5,38.6"),
                              QStringLiteral("--title"),  QStringLiteral("Panj desk"),
                              QStringLiteral("--size"),   QStringLiteral("1280x720")};
    const QString project = folder + QStringLiteral("/panj.blproj");
    const CliRun made = runCli(QStringList{QStringLiteral("project"), QStringLiteral("create"),
                                           project, QStringLiteral("--incidents"), incidents}
                               << options);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();

    const CliRun info = runCli({QStringLiteral("project"), QStringLiteral("info"), project});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    EXPECT_TRUE(info.out.contains(QStringLiteral("time: 2025-11-01 to 2025-12-31")))
        << info.out.toStdString();
    EXPECT_TRUE(info.out.contains(incidents)) << info.out.toStdString();

    const QString fromProject = dir.filePath(QStringLiteral("project.png"));
    const QString fromOptions = dir.filePath(QStringLiteral("options.png"));
    const CliRun a = runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                             QStringLiteral("--out"), fromProject},
                            kFixedDate);
    ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
    const CliRun b = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--incidents"),
                                        incidents, QStringLiteral("--out"), fromOptions}
                                << options,
                            kFixedDate);
    ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
    EXPECT_EQ(fileSha256(fromProject), fileSha256(fromOptions));

    // Options given beside the project override it.
    const QString retitled = dir.filePath(QStringLiteral("retitled.png"));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                      QStringLiteral("--title"), QStringLiteral("Another title"),
                      QStringLiteral("--out"), retitled},
                     kFixedDate)
                  .exitCode,
              0);
    EXPECT_NE(fileSha256(retitled), fileSha256(fromProject));
}

TEST(ProjectCli, AMovedProjectFolderStillExportsTheSame) {
    QTemporaryDir dir;
    const QString folder = makeProjectFolder(dir);
    const QString project = folder + QStringLiteral("/p.blproj");
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project,
                      QStringLiteral("--incidents"), folder + QStringLiteral("/data/incidents.csv"),
                      QStringLiteral("--layer"), folder + QStringLiteral("/data/area.geojson"),
                      QStringLiteral("--from"), QStringLiteral("2021-01-01"),
                      QStringLiteral("--to"), QStringLiteral("2025-12-31")})
                  .exitCode,
              0);
    const QString before = dir.filePath(QStringLiteral("before.png"));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                      QStringLiteral("--out"), before},
                     kFixedDate)
                  .exitCode,
              0);
    const QString moved = dir.filePath(QStringLiteral("moved/desk"));
    QDir().mkpath(dir.filePath(QStringLiteral("moved")));
    ASSERT_TRUE(QDir().rename(folder, moved));
    const QString after = dir.filePath(QStringLiteral("after.png"));
    const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("--project"),
                             moved + QStringLiteral("/p.blproj"), QStringLiteral("--out"), after},
                            kFixedDate);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("not found"))) << r.err.toStdString();
    EXPECT_EQ(fileSha256(after), fileSha256(before));
}

TEST(ProjectCli, BadProjectsAndOptionsAreRefusedWithTheReason) {
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.blproj"));
    QFile f(broken);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"format\": \"borderlens-project\",\n  \"version\": 1,\n  \"layers\": [\n");
    f.close();
    const CliRun info = runCli({QStringLiteral("project"), QStringLiteral("info"), broken});
    EXPECT_EQ(info.exitCode, 1);
    EXPECT_TRUE(info.err.contains(broken) && info.err.contains(QStringLiteral("line 5")))
        << info.err.toStdString();
    const CliRun exp = runCli({QStringLiteral("export"), QStringLiteral("--project"), broken,
                               QStringLiteral("--out"), dir.filePath(QStringLiteral("x.png"))});
    EXPECT_EQ(exp.exitCode, 1);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.png"))));

    const CliRun missing =
        runCli({QStringLiteral("project"), QStringLiteral("create"),
                dir.filePath(QStringLiteral("p.blproj")), QStringLiteral("--layer"),
                dir.filePath(QStringLiteral("nowhere.shp"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nowhere.shp: no such file")));
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("p.blproj"))));

    EXPECT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"),
                      dir.filePath(QStringLiteral("p.txt"))})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({QStringLiteral("project"), QStringLiteral("frobnicate")}).exitCode, 2);
}

// export --districts: official boundaries drawn, the schematic ones left out, as in the viewer.
TEST(ProjectCli, ExportDistrictsReplacesTheSchematicOnes) {
    QTemporaryDir dir;
    const QString districts = dir.filePath(QStringLiteral("adm2.geojson"));
    QFile f(districts);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
            R"("properties":{"shapeName":"Darvoz"},"geometry":{"type":"Polygon","coordinates":)"
            R"([[[70.0,38.0],[71.0,38.0],[71.0,39.0],[70.0,39.0],[70.0,38.0]]]}}]})");
    f.close();
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("--districts"), districts,
                             QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile out(svg);
    ASSERT_TRUE(out.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(out.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral(">Districts (official:<"))); // the legend wraps
    EXPECT_TRUE(text.contains(QStringLiteral(">adm2.geojson)<")));
    EXPECT_FALSE(text.contains(QStringLiteral("schematic")));
}

// A project's incident filter (issue 15) holds for its briefing too: the map shows, and the
// command counts, only the incidents that pass, as the viewer showed them.
TEST(ProjectCli, AProjectsFilterHoldsForItsBriefing) {
    QTemporaryDir dir;
    const QString folder = makeProjectFolder(dir);
    const QString incidents = folder + QStringLiteral("/data/incidents.csv");
    const QString project = folder + QStringLiteral("/panj.blproj");
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project,
                      QStringLiteral("--incidents"), incidents})
                  .exitCode,
              0);
    const QString unfiltered = dir.filePath(QStringLiteral("all.png"));
    const CliRun all = runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                               QStringLiteral("--out"), unfiltered});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_TRUE(all.out.contains(QStringLiteral("15 incident(s)"))) << all.out.toStdString();

    // The filter as the viewer saves it: armed clashes only (4 of the 15 samples).
    QFile f(project);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    root[QStringLiteral("filter")] =
        QJsonObject{{QStringLiteral("types"), QJsonArray{QStringLiteral("armed_clash")}}};
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
    f.close();
    const QString filtered = dir.filePath(QStringLiteral("clashes.png"));
    const CliRun some = runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                                QStringLiteral("--out"), filtered});
    ASSERT_EQ(some.exitCode, 0) << some.err.toStdString();
    EXPECT_TRUE(some.out.contains(QStringLiteral("4 incident(s)"))) << some.out.toStdString();
    EXPECT_NE(fileSha256(filtered), fileSha256(unfiltered));
}
