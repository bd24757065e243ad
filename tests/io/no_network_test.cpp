// BorderLens makes no network connection, whatever a file asks for: a local VRT that points at a
// URL must not reach a server (here one on the loopback, which counts any connection).
#include "io/reader_registry.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void expectNoConnection(const QString& source) {
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const QString vrt = dir.filePath(QStringLiteral("remote.vrt"));
    QFile f(vrt);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>%1"
                           "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>")
                .arg(source.arg(server.serverPort()))
                .toUtf8());
    f.close();
    const auto r = ReaderRegistry::withDefaultReaders().read(vrt);
    EXPECT_FALSE(r); // nothing could be read without the network
    // A connection attempt would be waiting in the listen queue by now.
    EXPECT_FALSE(server.waitForNewConnection(300)) << "connected for " << source.toStdString();
}

TEST(NoNetwork, AVrtPointingAtHttpIsRefused) {
    expectNoConnection(QStringLiteral("http://127.0.0.1:%1/x.geojson"));
}

TEST(NoNetwork, AVrtPointingAtVsicurlIsRefused) {
    expectNoConnection(QStringLiteral("/vsicurl/http://127.0.0.1:%1/x.geojson"));
}

} // namespace
