// The .blproj file: a round trip gives the same Project, paths travel relative to the project,
// a newer format opens read-only, and a broken file says where it is broken.
#include "project/project_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A project that sets every field away from its default.
Project fullProject(const QString& dataDir) {
    Project p;
    p.bundledMap = false;
    p.hiddenBundled = {QStringLiteral("districts_schematic.shp")};
    ProjectLayer incidents;
    incidents.path = dataDir + QStringLiteral("/incidents.csv");
    incidents.kind = ProjectLayer::Kind::Incidents;
    incidents.title = QStringLiteral("Desk log");
    ProjectLayer districts;
    districts.path = dataDir + QStringLiteral("/адм/Ҳисор ӯ.geojson"); // Cyrillic, Tajik, space
    districts.districts = true;
    districts.visible = false;
    LayerStyle style = LayerStyle::defaultFor(PartKind::Polygon, 3);
    style.renderer = RendererKind::Categorised;
    style.classField = 2;
    style.categories = {
        {QStringLiteral("Darvoz"), QColor(10, 20, 30), QStringLiteral("Darvoz"), true, false},
        {QString(), QColor(200, 200, 200, 128), QStringLiteral("Other"), false, true}};
    style.ranges = {{0, 10, QColor(1, 2, 3), QStringLiteral("0–10"), true}};
    style.strokeStyle = Qt::DashDotLine;
    style.marker = MarkerShape::Diamond;
    style.opacity = 0.55;
    style.method = ClassificationMethod::Quantile;
    style.labelField = 1;
    districts.style = style;
    districts.timeField = QStringLiteral("opened");
    p.layers = {districts, incidents};
    p.crs = Crs(QStringLiteral("EPSG:3857"));
    p.lonLatExtent = Extent{67.5, 36.5, 75.25, 39.125};
    p.window = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31));
    p.windowSpec = WindowSpec{WindowSpec::Mode::Moving, 7};
    p.step = PlaybackStep{PlaybackStep::Unit::Month, 1};
    p.briefing.title = QStringLiteral("Panj, Nov–Dec 2025");
    p.briefing.subtitle = QStringLiteral("Shamsiddin Shohin and Darvoz");
    p.briefing.banner = QStringLiteral("FOR BRIEFING");
    p.briefing.size = QSize(1280, 720);
    p.briefing.inset = false;
    p.briefing.labels = true;
    return p;
}

} // namespace

TEST(ProjectFile, SaveAndReopenGiveTheSameProject) {
    QTemporaryDir dir;
    const Project p = fullProject(dir.path() + QStringLiteral("/data"));
    const QString path = dir.filePath(QStringLiteral("work.blproj"));
    auto written = writeProjectFile(p, path);
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    auto read = readProjectFile(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read.value().project, p);
    EXPECT_FALSE(read.value().readOnly);
    // Neither file was written: both are reported missing, and the project opens all the same.
    EXPECT_EQ(read.value().missingFiles.size(), 2);

    // The default project survives too (nothing optional set).
    ASSERT_TRUE(writeProjectFile(Project{}, path));
    EXPECT_EQ(readProjectFile(path).value().project, Project{});
}

TEST(ProjectFile, LayerPathsAreRelativeSoAMovedProjectFolderStillOpens) {
    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("before"));
    const QString data = before + QStringLiteral("/data/incidents.csv");
    writeFile(data, "id,start_date,type,place,lon,lat,geo_precision\n");
    Project p;
    ProjectLayer layer;
    layer.path = data;
    layer.kind = ProjectLayer::Kind::Incidents;
    p.layers.push_back(layer);
    ASSERT_TRUE(writeProjectFile(p, before + QStringLiteral("/work.blproj")));
    EXPECT_TRUE(readFile(before + QStringLiteral("/work.blproj"))
                    .contains("\"path\": \"data/incidents.csv\""));

    const QString after = dir.filePath(QStringLiteral("elsewhere/after"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(after).absolutePath()));
    ASSERT_TRUE(QDir().rename(before, after));
    auto read = readProjectFile(after + QStringLiteral("/work.blproj"));
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    ASSERT_EQ(read.value().project.layers.size(), 1u);
    EXPECT_EQ(read.value().project.layers[0].path,
              QFileInfo(after + QStringLiteral("/data/incidents.csv")).absoluteFilePath());
    EXPECT_TRUE(read.value().missingFiles.isEmpty());
}

TEST(ProjectFile, ANewerFormatOpensReadOnlyWithAWarning) {
    const QByteArray json = R"({"format": "borderlens-project", "version": 7,
        "future_setting": {"x": 1}, "briefing": {"title": "From the future"}})";
    auto read = parseProject(json, QDir::tempPath(), QStringLiteral("new.blproj"));
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_TRUE(read.value().readOnly);
    ASSERT_EQ(read.value().warnings.size(), 1);
    EXPECT_TRUE(read.value().warnings[0].contains(QStringLiteral("newer BorderLens")));
    EXPECT_EQ(read.value().project.briefing.title, QStringLiteral("From the future"));
}

TEST(ProjectFile, AMalformedFileNamesTheLineAndTheKey) {
    const QString name = QStringLiteral("broken.blproj");
    // A missing comma on line 3.
    auto syntax = parseProject("{\n  \"format\": \"borderlens-project\",\n  \"version\": 1\n"
                               "  \"layers\": []\n}\n",
                               QDir::tempPath(), name);
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().source, name);
    EXPECT_TRUE(syntax.error().message.contains(QStringLiteral("line 4")))
        << syntax.error().message.toStdString();

    auto wrongType = parseProject(R"({"format": "borderlens-project", "version": 1,
        "layers": [{"path": "a.shp"}, {"path": "b.shp", "visible": "yes"}]})",
                                  QDir::tempPath(), name);
    ASSERT_FALSE(wrongType);
    EXPECT_EQ(wrongType.error().message,
              QStringLiteral("layers[1].visible: expected true or false"));

    auto badStyle = parseProject(R"({"format": "borderlens-project", "version": 1,
        "layers": [{"path": "a.shp", "style": {"opacity": 3}}]})",
                                 QDir::tempPath(), name);
    ASSERT_FALSE(badStyle);
    EXPECT_EQ(badStyle.error().message,
              QStringLiteral("layers[0].style.opacity: expected a number from 0 to 1"));

    auto badDate = parseProject(R"({"format": "borderlens-project", "version": 1,
        "time": {"from": "2025-13-01", "to": "2025-12-31"}})",
                                QDir::tempPath(), name);
    ASSERT_FALSE(badDate);
    EXPECT_TRUE(badDate.error().message.startsWith(QStringLiteral("time.from: expected a date")));

    auto notOurs =
        parseProject(R"({"type": "FeatureCollection", "features": []})", QDir::tempPath(), name);
    ASSERT_FALSE(notOurs);
    EXPECT_TRUE(notOurs.error().message.startsWith(QStringLiteral("not a BorderLens project")));

    auto noVersion = parseProject(R"({"format": "borderlens-project"})", QDir::tempPath(), name);
    ASSERT_FALSE(noVersion);
}

// Found by fuzz_project_file: a category whose colour key was mangled read as an invalid colour,
// which saved as black. A class without a colour is an error naming it.
TEST(ProjectFile, AStyleClassWithoutAColourIsAnError) {
    auto read = parseProject(R"({"format": "borderlens-project", "version": 1,
        "layers": [{"path": "a.shp", "style": {"renderer": "categorised",
                    "categories": [{"value": "x", "colo ur": "#ff010203"}]}}]})",
                             QDir::tempPath(), QStringLiteral("p.blproj"));
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().message,
              QStringLiteral("layers[0].style.categories[0].colour: a category needs a colour"));
}

// Found by fuzz_project_file: "://x" and "http://x" were taken for relative paths (and came back
// from cleanPath as other paths); a 12-bit colour came back rounded. A project names local files,
// and its colours are kept at 8 bits a channel, so what is read is what is written back.
TEST(ProjectFile, URLsAreNotLayerPathsAndColoursRoundTrip) {
    for (const char* path : {"://eojson", "http://example.invalid/a.geojson", ":/resource.shp"}) {
        const QByteArray json = QByteArray(R"({"format": "borderlens-project", "version": 1,
            "layers": [{"path": ")") +
                                path + R"("}]})";
        auto read = parseProject(json, QDir::tempPath(), QStringLiteral("p.blproj"));
        ASSERT_FALSE(read) << path;
        EXPECT_TRUE(read.error().message.contains(QStringLiteral("is not a file path"))) << path;
    }
    auto twelveBit = parseProject(R"({"format": "borderlens-project", "version": 1,
        "layers": [{"path": "a.shp", "style": {"fill": "#ff00a0b0c"}}]})",
                                  QDir::tempPath(), QStringLiteral("p.blproj"));
    ASSERT_TRUE(twelveBit) << twelveBit.error().toString().toStdString();
    const Project p = twelveBit.value().project;
    auto again = parseProject(serializeProject(p, QDir::tempPath()), QDir::tempPath(),
                              QStringLiteral("again"));
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value().project, p);
}

TEST(ProjectFile, ASharedStoreIsKeptWithoutItsPassword) {
    QTemporaryDir dir;
    Project p;
    ProjectLayer shared;
    shared.path = QStringLiteral("PG:host=desk.local port=5432 dbname=border user=anna password=s3cret");
    shared.kind = ProjectLayer::Kind::Incidents;
    shared.title = QStringLiteral("Desk store");
    p.layers = {shared};
    const QString path = dir.filePath(QStringLiteral("desk.blproj"));
    ASSERT_TRUE(writeProjectFile(p, path));
    const QByteArray bytes = readFile(path);
    EXPECT_FALSE(bytes.contains("s3cret"));
    EXPECT_FALSE(bytes.contains("password"));
    auto read = readProjectFile(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    ASSERT_EQ(read.value().project.layers.size(), 1u);
    EXPECT_EQ(read.value().project.layers[0].path,
              QStringLiteral("PG:host=desk.local port=5432 dbname=border user=anna"));
    EXPECT_EQ(read.value().project.layers[0].kind, ProjectLayer::Kind::Incidents);
    EXPECT_TRUE(read.value().missingFiles.isEmpty()); // a connection is not a missing file
}

// Issue 15: the session's filter and trend settings are saved, and projects from before them
// still open (unfiltered, default trends).
TEST(ProjectFile, TheFilterAndTrendSettingsSurviveSaveAndOpen) {
    QTemporaryDir dir;
    Project p = fullProject(dir.path() + QStringLiteral("/data"));
    p.filter.types = {IncidentType::CrossBorderFire};
    p.filter.actor = QStringLiteral("Taliban");
    p.filter.killedMin = 1;
    p.filter.sides = {BankSide::AF};
    p.filter.districts = {QStringLiteral("Shamsiddin Shohin District")};
    p.filter.borderKmMax = 12.5;
    p.filter.near = IncidentFilter::Near{70.5, 37.6, 8};
    p.trends.baselineWindows = 6;
    p.trends.lowBaseline = 5;
    const QString path = dir.filePath(QStringLiteral("filtered.blproj"));
    ASSERT_TRUE(writeProjectFile(p, path));
    auto read = readProjectFile(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_EQ(read.value().project.filter, p.filter);
    EXPECT_EQ(read.value().project.trends, p.trends);
    EXPECT_EQ(read.value().project, p);
}

TEST(ProjectFile, AProjectWithoutAFilterOpensUnfilteredAndABadFilterNamesItsKey) {
    const QByteArray older = R"({"format": "borderlens-project", "version": 1, "layers": [],
        "time": {"window": "30d", "step": "1w"}})";
    auto read = parseProject(older, QDir::tempPath(), QStringLiteral("old.blproj"));
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    EXPECT_TRUE(read.value().project.filter.isEmpty());
    EXPECT_EQ(read.value().project.trends, TrendOptions{});

    const QByteArray bad = R"({"format": "borderlens-project", "version": 1, "layers": [],
        "filter": {"types": ["armed_clash", "picnic"]}})";
    auto refused = parseProject(bad, QDir::tempPath(), QStringLiteral("bad.blproj"));
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("filter.types[1]")))
        << refused.error().toString().toStdString();
}
