// One way in for files: what a file holds is decided from its header alone.
#include "incidents/import/geopackage_writer.h"
#include "incidents/import/incident_importer.h"
#include "incidents/import/source_kind.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fstream>
#include <string>

using namespace borderlens;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

SourceIdentity identify(const QString& path) {
    auto r = identifySource(path);
    EXPECT_TRUE(r) << r.error().toString().toStdString();
    return r ? r.value() : SourceIdentity{};
}

// Bytes this process has read through read(2) and friends (Linux's /proc/self/io).
long long bytesReadSoFar() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0;
    while (io >> key >> value)
        if (key == "rchar:")
            return value;
    return -1;
}

TEST(SourceKind, IncidentTablesAreKnownByTheirColumns) {
    QTemporaryDir dir;
    const auto native = identify(write(dir, QStringLiteral("n.csv"),
                                       "id,start_date,type,lon,lat\nA,2025-12-24,armed_clash,70,37\n"));
    EXPECT_EQ(native.kind, SourceKind::Incidents);
    EXPECT_EQ(native.format, IncidentFormat::Native);
    const auto acled = identify(write(dir, QStringLiteral("a.csv"),
                                      "event_id_cnty,event_date,event_type,latitude,longitude\n"));
    EXPECT_EQ(acled.kind, SourceKind::Incidents);
    EXPECT_EQ(acled.format, IncidentFormat::Acled);
    const auto ucdp = identify(write(dir, QStringLiteral("u.csv"),
                                     "id,date_start,where_prec,best,latitude,longitude\n"));
    EXPECT_EQ(ucdp.format, IncidentFormat::Ucdp);
    const auto outposts = identify(write(dir, QStringLiteral("o.csv"),
                                         "id,name,kind,lon,lat,opened\nO,Post,border_outpost,70,37,\n"));
    EXPECT_EQ(outposts.kind, SourceKind::Facilities);
    // A table of points that is not incidents is a map layer for GDAL to read.
    const auto points = identify(write(dir, QStringLiteral("p.csv"), "name,lon,lat\nKhorugh,71.5,37.5\n"));
    EXPECT_EQ(points.kind, SourceKind::Layers);
}

TEST(SourceKind, AGeoPackageStoreIsIncidentsAndOtherVectorsAreLayers) {
    QTemporaryDir dir;
    Incident i;
    i.id = QStringLiteral("X");
    i.startDate = QDate(2025, 12, 24);
    i.lon = 70;
    i.lat = 37.5;
    const QString store = dir.filePath(QStringLiteral("store.gpkg"));
    ASSERT_TRUE(writeGeoPackage(store, IncidentStore({i}), {}));
    EXPECT_EQ(identify(store).kind, SourceKind::Incidents);
    const QString geojson = write(dir, QStringLiteral("roads.geojson"),
                                  R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                                  R"("geometry":{"type":"Point","coordinates":[70,37]},)"
                                  R"("properties":{"name":"x"}}]})");
    EXPECT_EQ(identify(geojson).kind, SourceKind::Layers);
}

TEST(SourceKind, AnUnknownHeaderIsRefusedWithoutReadingTheBody) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.csv"));
    {
        std::ofstream f(path.toStdString(), std::ios::binary);
        f << "alpha,beta,gamma\n";
        // A gigabyte the importer must never read: a hole, so it costs no disk.
        f.seekp((1LL << 30) - 2);
        f << "\n";
    }
    const long long before = bytesReadSoFar();
    ASSERT_GE(before, 0) << "no /proc/self/io";
    auto r = importIncidents(path);
    const long long read = bytesReadSoFar() - before;
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("fit no known incident format")));
    EXPECT_LT(read, 1 << 20) << "read " << read << " bytes of a 1 GB file to refuse it";
    EXPECT_EQ(identify(path).kind, SourceKind::Layers);
}

} // namespace
