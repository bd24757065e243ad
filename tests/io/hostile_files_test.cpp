// Hostile and broken files: every file of the odd real-world fixtures, and files made here to be
// as hostile as a half-downloaded or hand-edited file can be, each opened in a child process
// (tests/io/hostile_open_main.cpp) through the viewer's entry points. Each must load or be
// refused with an Error naming the file and the reason; none may crash, pass its deadline or grow
// the resident memory past a bound.
#include "support/ogr_fixture_writer.h"
#include "support/test_paths.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringConverter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstring>
#include <iostream>
#include <limits>
#include <random>

using namespace borderlens::test;

namespace {

constexpr int kDeadlineMs = 30'000;         // per file; the slowest takes well under a second
constexpr qint64 kRssGrowthBoundKiB = 512 * 1024; // the 100 MB line is read 64 MB at a time

struct Tally {
    int tried = 0, loaded = 0, refused = 0, crashed = 0, hung = 0;
    qint64 slowestMs = 0;
    QString slowest;
    qint64 peakGrowthKiB = 0;
    QString peakFile;
};

// Runs hostile_open on `path` and checks the rules; `what` says what the file is, for messages.
void openHostile(const QString& path, const QString& what, Tally& tally) {
    ++tally.tried;
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer clock;
    clock.start();
    child.start(QStringLiteral(BORDERLENS_HOSTILE_OPEN_PATH), {path});
    ASSERT_TRUE(child.waitForStarted()) << "cannot start hostile_open";
    if (!child.waitForFinished(kDeadlineMs)) {
        child.kill();
        child.waitForFinished();
        ++tally.hung;
        ADD_FAILURE() << what.toStdString() << " (" << path.toStdString()
                      << "): still running after " << kDeadlineMs << " ms";
        return;
    }
    const qint64 ms = clock.elapsed();
    if (ms > tally.slowestMs) {
        tally.slowestMs = ms;
        tally.slowest = what;
    }
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        ++tally.crashed;
        ADD_FAILURE() << what.toStdString() << " (" << path.toStdString() << ") crashed: exit "
                      << child.exitCode() << ", " << child.readAllStandardError().right(400).toStdString();
        return;
    }
    const QString fileName = QFileInfo(path).fileName();
    bool opened = false;
    bool sawOpen = false;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.value(0) == QLatin1String("rss-growth-kib")) {
            const qint64 kib = f.value(1).toLongLong();
            if (kib > tally.peakGrowthKiB) {
                tally.peakGrowthKiB = kib;
                tally.peakFile = what;
            }
            EXPECT_LT(kib, kRssGrowthBoundKiB) << what.toStdString() << ": resident memory grew by "
                                               << kib / 1024 << " MB";
            continue;
        }
        if (f.value(0) == QLatin1String("open")) {
            sawOpen = true;
            opened = f.value(1) == QLatin1String("loaded");
        }
        if (f.value(1) == QLatin1String("refused")) {
            // The error names this file (not some temporary copy) and says why.
            const QString source = f.value(2);
            EXPECT_TRUE(source == path || QFileInfo(source).fileName() == fileName)
                << what.toStdString() << ": " << f.value(0).toStdString()
                << " error names '" << source.toStdString() << "', not " << fileName.toStdString();
            EXPECT_FALSE(f.value(3).trimmed().isEmpty())
                << what.toStdString() << ": " << f.value(0).toStdString() << " refused without a reason";
        }
    }
    EXPECT_TRUE(sawOpen) << what.toStdString() << ": no outcome in " << out.toStdString();
    if (qEnvironmentVariableIsSet("BORDERLENS_HOSTILE_VERBOSE")) // what each file gave, to review
        std::cout << what.toStdString() << " [" << ms << " ms]\n" << out.toStdString();
    opened ? ++tally.loaded : ++tally.refused;
}

void printTally(const char* title, const Tally& t) {
    std::cout << title << ": files tried " << t.tried << ", loaded " << t.loaded
              << ", refused with a reason " << t.refused << ", crashed " << t.crashed << ", hung "
              << t.hung << "; slowest " << t.slowestMs << " ms (" << t.slowest.toStdString()
              << "); peak RSS growth " << t.peakGrowthKiB / 1024 << " MB ("
              << t.peakFile.toStdString() << ")" << std::endl;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Copies the shapefile `base` (.shp/.shx/.dbf/.prj) to `stem` in the same folder; returns the .shp.
QString copyShapefile(const QString& base, const QString& stem) {
    const QFileInfo fi(base);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
        const QString from = fi.path() + QLatin1Char('/') + fi.completeBaseName() + QLatin1String(ext);
        const QString to = fi.path() + QLatin1Char('/') + stem + QLatin1String(ext);
        QFile::remove(to);
        QFile::copy(from, to);
    }
    return fi.path() + QLatin1Char('/') + stem + QStringLiteral(".shp");
}

QString sibling(const QString& shp, const char* ext) {
    const QFileInfo fi(shp);
    return fi.path() + QLatin1Char('/') + fi.completeBaseName() + QLatin1String(ext);
}

void putLe32(QByteArray& b, int at, quint32 v) {
    for (int i = 0; i < 4; ++i)
        b[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
void putBe32(QByteArray& b, int at, quint32 v) {
    for (int i = 0; i < 4; ++i)
        b[at + i] = static_cast<char>((v >> (8 * (3 - i))) & 0xff);
}
void putDouble(QByteArray& b, int at, double v) { std::memcpy(b.data() + at, &v, sizeof v); }

const FixtureFeature kSquares[] = {
    {"POLYGON ((70 38, 71 38, 71 39, 70 39, 70 38))", "a", 1, 1},
    {"POLYGON ((71 38, 72 38, 72 39, 71 39, 71 38))", "b", 2, 2},
    {"POLYGON ((72 38, 73 38, 73 39, 72 39, 72 38))", "c", 3, 3},
};

const char kNativeHeader[] = "id,start_date,date_precision,type,place,lon,lat,geo_precision,killed_best\n";

QByteArray nativeRows(const char* lon, const char* lat) {
    return QByteArray(kNativeHeader) + "X1,2025-12-11,day,armed_clash,Place 1,70.1,37.8,exact,1\n" +
           "X2,2025-12-12,day,armed_clash,Place 2," + lon + "," + lat + ",exact,1\n";
}

QByteArray geojsonPoint(const char* coordinates) {
    return QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":)"
                      R"({"type":"Point","coordinates":[)") +
           coordinates + R"(]},"properties":{"name":"p"}}]})";
}

// Files made to be hostile, in `dir`: (path, what it is).
std::vector<std::pair<QString, QString>> makeHostileFiles(const QDir& dir) {
    std::vector<std::pair<QString, QString>> files;
    auto add = [&](const QString& name, const QByteArray& bytes, const QString& what) {
        const QString path = dir.filePath(name);
        if (writeAll(path, bytes))
            files.emplace_back(path, what);
        else
            ADD_FAILURE() << "cannot write " << path.toStdString();
    };

    // Good files to spoil, written by GDAL itself.
    const QString shp = dir.filePath(QStringLiteral("good.shp"));
    const QString geojson = dir.filePath(QStringLiteral("good.geojson"));
    const QString kml = dir.filePath(QStringLiteral("good.kml"));
    const QString gpkg = dir.filePath(QStringLiteral("good.gpkg"));
    EXPECT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kSquares, 3));
    EXPECT_TRUE(writeFixture(QStringLiteral("GeoJSON"), geojson, kSquares, 3));
    EXPECT_TRUE(writeFixture(QStringLiteral("KML"), kml, kSquares, 3));
    EXPECT_TRUE(writeFixture(QStringLiteral("GPKG"), gpkg, kSquares, 3));
    add(QStringLiteral("good.csv"), nativeRows("70.2", "37.9"), QStringLiteral("a good native CSV"));
    const QString csv = dir.filePath(QStringLiteral("good.csv"));
    files.emplace_back(shp, QStringLiteral("a good shapefile"));

    // Truncated at seeded random offsets, and with random bytes of the header flipped.
    std::mt19937 random(20251130);
    const std::pair<QString, const char*> spoilable[] = {
        {shp, ".shp"}, {shp, ".shx"}, {shp, ".dbf"}, {geojson, ""}, {kml, ""}, {gpkg, ""}, {csv, ""}};
    int n = 0;
    for (const auto& [base, part] : spoilable) {
        for (int k = 0; k < 4; ++k, ++n) {
            for (bool flip : {false, true}) {
                const QString stem = QStringLiteral("%1%2").arg(flip ? "flip" : "cut").arg(n);
                QString target;
                QString opened;
                if (*part) {
                    opened = copyShapefile(base, stem);
                    target = sibling(opened, part);
                } else {
                    target = opened = dir.filePath(stem + QLatin1Char('.') + QFileInfo(base).suffix());
                    QFile::copy(base, target);
                }
                QByteArray bytes = readAll(target);
                if (bytes.isEmpty())
                    continue;
                QString what;
                if (flip) {
                    const int header = std::min<int>(100, static_cast<int>(bytes.size()));
                    for (int j = 0; j < 3; ++j)
                        bytes[std::uniform_int_distribution<int>(0, header - 1)(random)] ^=
                            static_cast<char>(std::uniform_int_distribution<int>(1, 255)(random));
                    what = QStringLiteral("%1 with header bytes flipped").arg(QFileInfo(target).fileName());
                } else {
                    const int at = std::uniform_int_distribution<int>(0, static_cast<int>(bytes.size()) - 1)(random);
                    bytes.truncate(at);
                    what = QStringLiteral("%1 cut at byte %2").arg(QFileInfo(target).fileName()).arg(at);
                }
                writeAll(target, bytes);
                files.emplace_back(opened, what);
            }
        }
    }

    // Shapefile headers that claim far more than the file holds.
    {
        const QString s = copyShapefile(shp, QStringLiteral("dbf_2e31_records"));
        QByteArray dbf = readAll(sibling(s, ".dbf"));
        putLe32(dbf, 4, 0x80000000u);
        writeAll(sibling(s, ".dbf"), dbf);
        files.emplace_back(s, QStringLiteral("a .dbf claiming 2^31 records"));
        files.emplace_back(sibling(s, ".dbf"), QStringLiteral("a lone .dbf claiming 2^31 records"));
    }
    {
        const QString s = copyShapefile(shp, QStringLiteral("shx_2e30_bytes"));
        QByteArray shx = readAll(sibling(s, ".shx"));
        putBe32(shx, 24, 1u << 29); // the length is in 16-bit words
        writeAll(sibling(s, ".shx"), shx);
        files.emplace_back(s, QStringLiteral("a .shx claiming 2^30 bytes"));
    }
    {
        // One polygon record whose ring claims 10 million points, in a file of about 1 KB.
        const QString s = copyShapefile(shp, QStringLiteral("ring_10M_points"));
        QByteArray bytes = readAll(s);
        putLe32(bytes, 100 + 8 + 4 + 32 + 4, 10'000'000u);
        bytes.append(QByteArray(1024 - std::min<int>(1024, static_cast<int>(bytes.size())), '\0'));
        writeAll(s, bytes);
        files.emplace_back(s, QStringLiteral("a ring of 10 million points claimed in a 1 KB .shp"));
    }
    // Coordinates that are not numbers, infinite, or far off the globe, in the shapefile's
    // first vertex (after the header, record header, type, box, part and point counts, parts).
    const std::pair<const char*, double> oddValues[] = {
        {"nan", std::numeric_limits<double>::quiet_NaN()},
        {"inf", std::numeric_limits<double>::infinity()},
        {"lat_1e308", 1e308}};
    for (const auto& [name, value] : oddValues) {
        const QString s = copyShapefile(shp, QStringLiteral("coords_%1").arg(name));
        QByteArray bytes = readAll(s);
        const int firstPoint = 100 + 8 + 4 + 32 + 4 + 4 + 4;
        putDouble(bytes, firstPoint + 8, value);       // y
        putDouble(bytes, 100 + 8 + 4 + 8, value);      // the box's yMin
        writeAll(s, bytes);
        files.emplace_back(s, QStringLiteral("a shapefile with a %1 latitude").arg(name));
    }
    add(QStringLiteral("nan.csv"), nativeRows("nan", "NaN"), QStringLiteral("a CSV with NaN coordinates"));
    add(QStringLiteral("inf.csv"), nativeRows("inf", "-Infinity"), QStringLiteral("a CSV with infinite coordinates"));
    add(QStringLiteral("lat_1e308.csv"), nativeRows("70", "1e308"), QStringLiteral("a CSV with a latitude of 1e308"));
    add(QStringLiteral("lat_1e308.geojson"), geojsonPoint("70, 1e308"), QStringLiteral("a GeoJSON latitude of 1e308"));
    add(QStringLiteral("overflow.geojson"), geojsonPoint("1e400, -1e400"), QStringLiteral("GeoJSON coordinates that overflow to infinity"));
    add(QStringLiteral("nan.geojson"), geojsonPoint("NaN, Infinity"), QStringLiteral("GeoJSON NaN and Infinity"));
    {
        // One line of 100 MB with no line break, as a half-written export might leave.
        QByteArray big(kNativeHeader);
        big.append(QByteArray(100 << 20, 'a'));
        add(QStringLiteral("one_100MB_line.csv"), big, QStringLiteral("a CSV line of 100 MB with no newline"));
        big.truncate(0);
        big.squeeze();
    }
    add(QStringLiteral("unbalanced_quote.csv"),
        QByteArray(kNativeHeader) + "X1,\"2025-12-11,day,armed_clash,Place 1,70.1,37.8,exact,1\n"
                                    "X2,2025-12-12,day,armed_clash,Place 2,70.1,37.8,exact,1\n",
        QStringLiteral("a CSV with an unbalanced quote"));
    {
        static const char row[] = "X1,2025-12-11,day,armed_clash,Pla\0ce,70.1,37.8,exact,1\n";
        add(QStringLiteral("nul_byte.csv"), QByteArray(kNativeHeader) + QByteArray(row, sizeof row - 1),
            QStringLiteral("a CSV with a NUL byte"));
        QByteArray g = geojsonPoint("70, 38");
        g.insert(g.indexOf("38"), '\0');
        add(QStringLiteral("nul_byte.geojson"), g, QStringLiteral("a GeoJSON with a NUL byte"));
    }
    {
        auto utf16 = QStringEncoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        add(QStringLiteral("utf16_bom.csv"), utf16(QString::fromUtf8(nativeRows("70.2", "37.9"))),
            QStringLiteral("a UTF-16 CSV with a BOM"));
        add(QStringLiteral("utf16_bom.geojson"), utf16(QString::fromUtf8(geojsonPoint("70, 38"))),
            QStringLiteral("a UTF-16 GeoJSON with a BOM"));
    }
    {
        const QString s = copyShapefile(shp, QStringLiteral("unknown_codepage"));
        QByteArray dbf = readAll(sibling(s, ".dbf"));
        dbf[29] = static_cast<char>(0xEE); // a language driver id no table knows
        writeAll(sibling(s, ".dbf"), dbf);
        writeAll(sibling(s, ".cpg"), "CP99999");
        files.emplace_back(s, QStringLiteral("a .dbf in an unknown code page"));
    }
    for (const char* ext : {"shp", "csv", "geojson", "gpkg", "kml", "dbf"})
        add(QStringLiteral("empty.%1").arg(ext), {}, QStringLiteral("an empty .%1").arg(ext));
    for (const char* name : {"x.shp", "x.csv", "x.gpkg"}) {
        dir.mkpath(QLatin1String(name));
        files.emplace_back(dir.filePath(QLatin1String(name)), QStringLiteral("a folder named %1").arg(name));
    }
    return files;
}

TEST(HostileFiles, MadeToBeHostileLoadOrAreRefusedWithAReason) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto files = makeHostileFiles(QDir(dir.path()));
    ASSERT_GT(files.size(), 80u);
    Tally tally;
    for (const auto& [path, what] : files)
        openHostile(path, what, tally);
    printTally("generated hostile files", tally);
    EXPECT_EQ(tally.crashed, 0);
    EXPECT_EQ(tally.hung, 0);
    EXPECT_EQ(tally.tried, tally.loaded + tally.refused + tally.crashed + tally.hung);
}

TEST(HostileFiles, OddRealWorldFilesLoadOrAreRefusedWithAReason) {
    BORDERLENS_REQUIRE_REALDATA();
    Tally tally;
    for (const char* folder : {"odd_shapefiles", "geojson_kml_fixtures"}) {
        const QString root = realData(QLatin1String(folder));
        ASSERT_TRUE(QFileInfo(root).isDir()) << root.toStdString() << " is missing";
        QStringList paths;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        for (const QString& path : paths)
            openHostile(path, QDir(realData({})).relativeFilePath(path), tally);
    }
    printTally("odd real-world files", tally);
    EXPECT_GT(tally.tried, 150);
    EXPECT_EQ(tally.crashed, 0);
    EXPECT_EQ(tally.hung, 0);
}

} // namespace
