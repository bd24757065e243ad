// BorderLens makes no network connection from a data source unless the user allows it: network
// paths, URLs, connection strings and local files that pull their data from the network are
// refused, naming the file and saying how to allow access; a file that only mentions a URL (a
// GML schema) still loads, without fetching it.
#include "incidents/import/incident_importer.h"
#include "incidents/import/source_kind.h"
#include "io/network_access.h"
#include "io/reader_registry.h"
#include "support/temp_files.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void expectRefused(const Error& e, const QString& path, const QString& why) {
    EXPECT_EQ(e.source, path);
    EXPECT_TRUE(e.message.contains(why)) << e.message.toStdString();
    EXPECT_TRUE(e.message.contains(QLatin1String(kAllowNetworkSettingKey)))
        << "the refusal should say how to allow network access: " << e.message.toStdString();
}

// Refused by every entry point a file can come in through.
void expectRefusedEverywhere(const QString& path, const QString& why) {
    SCOPED_TRACE(path.toStdString());
    const auto layers = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_FALSE(layers);
    expectRefused(layers.error(), path, why);
    const auto imported = importIncidents(path);
    ASSERT_FALSE(imported);
    expectRefused(imported.error(), path, why);
    const auto identity = identifySource(path);
    ASSERT_FALSE(identity);
    expectRefused(identity.error(), path, why);
}

QString write(const QTemporaryDir& dir, const QString& name, const QString& text) {
    return test::writeTempFile(dir, name, text.toUtf8());
}

TEST(NoNetwork, NetworkFileSystemsAreRefused) {
    for (const char* vsi : {"/vsicurl/http://example.invalid/x.geojson",
                            "/vsicurl_streaming/https://example.invalid/x.geojson",
                            "/vsis3/bucket/x.shp", "/vsis3_streaming/bucket/x.shp",
                            "/vsigs/bucket/x.gpkg", "/vsiaz/container/x.csv",
                            "/vsiadls/fs/x.csv", "/vsioss/bucket/x.kml",
                            "/vsiswift/container/x.geojson", "/vsihdfs/hdfs://host/x.csv",
                            "/vsiwebhdfs/http://host/webhdfs/v1/x.csv",
                            "/vsizip//vsicurl/http://example.invalid/x.zip/x.shp"})
        expectRefusedEverywhere(QLatin1String(vsi), QStringLiteral("is on the network"));
}

TEST(NoNetwork, UrlsAreRefused) {
    for (const char* url : {"http://example.invalid/x.geojson", "https://example.invalid/x.csv",
                            "ftp://example.invalid/x.shp", "HTTPS://EXAMPLE.INVALID/X.KML"})
        expectRefusedEverywhere(QLatin1String(url), QStringLiteral("is on the network"));
}

TEST(NoNetwork, ConnectionStringsAreRefusedForWhatTheyAre) {
    expectRefusedEverywhere(QStringLiteral("WMS:http://example.invalid/wms?"),
                            QStringLiteral("WMS: web service connection"));
    expectRefusedEverywhere(QStringLiteral("WFS:http://example.invalid/wfs"),
                            QStringLiteral("WFS: web service connection"));
    expectRefusedEverywhere(QStringLiteral("OAPIF:http://example.invalid/"),
                            QStringLiteral("OAPIF: web service connection"));
    expectRefusedEverywhere(QStringLiteral("PG:dbname=incidents host=db.example.invalid"),
                            QStringLiteral("is a database connection (PG:), not a file"));
}

TEST(NoNetwork, LocalFilesThatFetchTheirDataAreRefused) {
    QTemporaryDir dir;
    const QString httpVrt = write(
        dir, QStringLiteral("http.vrt"),
        QStringLiteral("<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>"
                       "http://example.invalid/x.geojson</SrcDataSource></OGRVRTLayer>"
                       "</OGRVRTDataSource>"));
    expectRefusedEverywhere(httpVrt, QStringLiteral("is a VRT whose source is on the network "
                                                    "(http://example.invalid/x.geojson)"));
    const QString curlVrt = write(
        dir, QStringLiteral("curl.vrt"),
        QChar(0xFEFF) + QStringLiteral("  <OGRVRTDataSource>\n<OGRVRTLayer name=\"x\">\n"
                       "<SrcDataSource relativeToVRT=\"0\">/vsicurl/https://example.invalid/x.shp"
                       "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"));
    expectRefusedEverywhere(curlVrt, QStringLiteral("/vsicurl/https://example.invalid/x.shp"));
    const QString rasterVrt = write(
        dir, QStringLiteral("raster.vrt"),
        QStringLiteral("<VRTDataset rasterXSize=\"1\" rasterYSize=\"1\"><VRTRasterBand band=\"1\">"
                       "<SimpleSource><SourceFilename>/vsis3/b/x.tif</SourceFilename>"
                       "</SimpleSource></VRTRasterBand></VRTDataset>"));
    expectRefusedEverywhere(rasterVrt, QStringLiteral("/vsis3/b/x.tif"));
    const QString kml = write(
        dir, QStringLiteral("linked.kml"),
        QStringLiteral("<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                       "<Document><Placemark><Point><coordinates>70,38</coordinates></Point>"
                       "</Placemark><NetworkLink><name>live</name><Link>"
                       "<href>https://example.invalid/live.kml</href></Link></NetworkLink>"
                       "</Document></kml>"));
    expectRefusedEverywhere(kml, QStringLiteral("is a KML whose NetworkLink is on the network "
                                                "(https://example.invalid/live.kml)"));
    const QString wms = write(dir, QStringLiteral("service.xml"),
                              QStringLiteral("<GDAL_WMS><Service name=\"WMS\"><ServerUrl>"
                                             "http://example.invalid/wms</ServerUrl></Service>"
                                             "</GDAL_WMS>"));
    expectRefusedEverywhere(wms, QStringLiteral("GDAL web service description"));
}

TEST(NoNetwork, UrlsThatAreOnlyNamesDoNotStopALocalFile) {
    // A KML's namespace and icon, a VRT whose source is local: nothing to fetch, nothing refused.
    QTemporaryDir dir;
    const QString kml = write(
        dir, QStringLiteral("icons.kml"),
        QStringLiteral("<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                       "<Document><Style id=\"s\"><IconStyle><Icon><href>"
                       "http://maps.google.com/mapfiles/kml/pushpin.png</href></Icon></IconStyle>"
                       "</Style><Placemark><Point><coordinates>70,38</coordinates></Point>"
                       "</Placemark></Document></kml>"));
    EXPECT_FALSE(networkReference(kml));
    const auto layers = ReaderRegistry::withDefaultReaders().read(kml);
    EXPECT_TRUE(layers) << layers.error().toString().toStdString();
    EXPECT_FALSE(networkReference(dir.filePath(QStringLiteral("plain.csv"))));
    EXPECT_FALSE(networkReference(QStringLiteral("/vsizip//home/user/districts.zip")));
}

// A server on the loopback counts any connection a read makes. GDAL reads synchronously, and a
// connect() on the loopback is in the server's queue before it returns, so the check waits for
// no time at all.
void expectNoConnectionFrom(const QString& fileName, const QString& textWithPort) {
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const QString path = write(dir, fileName, textWithPort.arg(server.serverPort()));
    (void)ReaderRegistry::withDefaultReaders().read(path);
    (void)importIncidents(path);
    EXPECT_FALSE(server.waitForNewConnection(0)) << fileName.toStdString() << " connected";
}

TEST(NoNetwork, NothingConnectsToALoopbackServer) {
    expectNoConnectionFrom(
        QStringLiteral("remote.vrt"),
        QStringLiteral("<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>"
                       "http://127.0.0.1:%1/x.geojson</SrcDataSource></OGRVRTLayer>"
                       "</OGRVRTDataSource>"));
    expectNoConnectionFrom(
        QStringLiteral("remote_curl.vrt"),
        QStringLiteral("<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>"
                       "/vsicurl/http://127.0.0.1:%1/x.geojson</SrcDataSource></OGRVRTLayer>"
                       "</OGRVRTDataSource>"));
    // A GML whose application schema is on a server: it loads, and the schema is not fetched.
    expectNoConnectionFrom(
        QStringLiteral("schema.gml"),
        QStringLiteral("<?xml version=\"1.0\"?><ogr:FeatureCollection "
                       "xmlns:ogr=\"http://ogr.maptools.org/\" xmlns:gml=\"http://www.opengis.net/gml\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                       "xsi:schemaLocation=\"http://ogr.maptools.org/ http://127.0.0.1:%1/s.xsd\">"
                       "<gml:featureMember><ogr:p><ogr:geometryProperty><gml:Point>"
                       "<gml:coordinates>70,38</gml:coordinates></gml:Point>"
                       "</ogr:geometryProperty></ogr:p></gml:featureMember></ogr:FeatureCollection>"));
}

} // namespace
