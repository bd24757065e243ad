// A whole session of the real borderlens-cli under strace: an import, an export drawing a GML
// whose schema is on a server, and exports asked to draw a VRT and a KML that fetch from the
// network. No process of the session may attempt a connection to an internet address.
#include "support/test_paths.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

struct TracedRun {
    int exitCode = -1;
    QString err;
    QStringList inetConnects; // connect() calls to AF_INET/AF_INET6 addresses
};

// Runs borderlens-cli under `strace -f -e trace=connect`, with settings of its own (the user's
// may allow the network), and collects every connect() to an internet address.
TracedRun runTraced(const QString& strace, const QTemporaryDir& dir, const QStringList& args) {
    static int n = 0;
    const QString log = dir.filePath(QStringLiteral("strace-%1.log").arg(n++));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("SOURCE_DATE_EPOCH"));
    // LeakSanitizer stops the world with ptrace, which a traced process cannot do: in the
    // sanitizer build the traced runs go without it (the suite's other runs check leaks).
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"), asan.isEmpty()
                                                   ? QStringLiteral("detect_leaks=0")
                                                   : asan + QStringLiteral(":detect_leaks=0"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(strace,
            QStringList{QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                        QStringLiteral("trace=connect"), QStringLiteral("-o"), log, cliPath()} +
                args);
    p.waitForFinished(300'000);
    TracedRun run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.err = QString::fromUtf8(p.readAllStandardError());
    QFile f(log);
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.contains("connect(") && line.contains("AF_INET")) // AF_INET6 too
                run.inetConnects << QString::fromUtf8(line);
        }
    }
    return run;
}

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

TEST(NoNetworkCli, AWholeSessionConnectsNowhere) {
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty())
        GTEST_SKIP()
            << "strace is not installed (apt-get install strace); skipping the traced session";
    if (QProcess::execute(strace,
                          {QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"),
                           QStringLiteral("/dev/null"), QStringLiteral("true")}) != 0)
        GTEST_SKIP()
            << "strace cannot trace here (ptrace not permitted); skipping the traced session";

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    write(csv, "id,start_date,type,place,lon,lat\n"
               "A,2025-12-24,armed_clash,Shurobod,70.04865,37.84137\n"
               "B,2025-12-20,armed_clash,Panj,69.3,37.2\n");
    const QString gml = dir.filePath(QStringLiteral("schema.gml"));
    write(gml,
          "<?xml version=\"1.0\"?><ogr:FeatureCollection xmlns:ogr=\"http://ogr.maptools.org/\" "
          "xmlns:gml=\"http://www.opengis.net/gml\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://ogr.maptools.org/ http://example.invalid/schema.xsd\">"
          "<gml:featureMember><ogr:p><ogr:geometryProperty><gml:LineString><gml:coordinates>"
          "68,37 70,38 72,37.5</gml:coordinates></gml:LineString></ogr:geometryProperty>"
          "</ogr:p></gml:featureMember></ogr:FeatureCollection>");
    const QString vrt = dir.filePath(QStringLiteral("remote.vrt"));
    write(vrt, "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>"
               "http://example.invalid/x.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
    const QString kml = dir.filePath(QStringLiteral("linked.kml"));
    write(kml, "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
               "<Placemark><Point><coordinates>70,38</coordinates></Point></Placemark>"
               "<NetworkLink><Link><href>http://example.invalid/live.kml</href></Link>"
               "</NetworkLink></Document></kml>");
    const QString gpkg = dir.filePath(QStringLiteral("store.gpkg"));
    const QString png = dir.filePath(QStringLiteral("map.png"));

    const TracedRun import =
        runTraced(strace, dir, {QStringLiteral("import"), csv, QStringLiteral("--out"), gpkg});
    EXPECT_EQ(import.exitCode, 0) << import.err.toStdString();
    EXPECT_TRUE(import.inetConnects.isEmpty())
        << "import connected"
        << ": " << import.inetConnects.join(QLatin1Char('\n')).toStdString();

    const TracedRun exported = runTraced(
        strace, dir,
        {QStringLiteral("export"), QStringLiteral("--out"), png, QStringLiteral("--incidents"),
         gpkg, QStringLiteral("--layer"), gml, QStringLiteral("--from"),
         QStringLiteral("2025-12-01"), QStringLiteral("--to"), QStringLiteral("2025-12-31"),
         QStringLiteral("--size"), QStringLiteral("400x300")});
    EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_GT(QFileInfo(png).size(), 0);
    EXPECT_TRUE(exported.inetConnects.isEmpty())
        << "export with a GML connected"
        << ": " << exported.inetConnects.join(QLatin1Char('\n')).toStdString();

    for (const auto& [layer, why] :
         {std::pair{vrt, QStringLiteral("is a VRT whose source is on the network")},
          std::pair{kml, QStringLiteral("is a KML whose NetworkLink is on the network")}}) {
        const TracedRun refused =
            runTraced(strace, dir,
                      {QStringLiteral("export"), QStringLiteral("--out"),
                       dir.filePath(QStringLiteral("refused.png")), QStringLiteral("--layer"),
                       layer, QStringLiteral("--size"), QStringLiteral("400x300")});
        EXPECT_EQ(refused.exitCode, 1) << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(QFileInfo(layer).fileName()) && refused.err.contains(why))
            << refused.err.toStdString();
        EXPECT_TRUE(refused.inetConnects.isEmpty())
            << layer.toStdString() << " connected"
            << ": " << refused.inetConnects.join(QLatin1Char('\n')).toStdString();
    }
}

} // namespace
