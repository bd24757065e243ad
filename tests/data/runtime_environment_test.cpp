#include "data/runtime_environment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void touch(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
}

QString clean(const QString& path) {
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

// An installed tree: <prefix>/bin/borderlens.exe, <prefix>/share/{proj,gdal} (our Windows
// installer and vcpkg both lay it out like this).
TEST(RuntimeEnvironment, FindsDataBesideTheProgramInABinShareTree) {
    QTemporaryDir prefix;
    ASSERT_TRUE(prefix.isValid());
    touch(prefix.filePath(QStringLiteral("share/proj/proj.db")));
    touch(prefix.filePath(QStringLiteral("share/gdal/gdalvrt.xsd")));
    const QString bin = prefix.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);

    const LibraryDataDirs dirs = findBundledLibraryData(bin);
    EXPECT_EQ(dirs.proj, clean(prefix.filePath(QStringLiteral("share/proj"))));
    EXPECT_EQ(dirs.gdal, clean(prefix.filePath(QStringLiteral("share/gdal"))));
}

// A flat portable folder: the program with proj/ and gdal-data/ beside it.
TEST(RuntimeEnvironment, FindsDataInAFlatFolder) {
    QTemporaryDir app;
    ASSERT_TRUE(app.isValid());
    touch(app.filePath(QStringLiteral("proj/proj.db")));
    touch(app.filePath(QStringLiteral("gdal-data/gdalvrt.xsd")));

    EXPECT_EQ(findBundledProjData(app.path()), clean(app.filePath(QStringLiteral("proj"))));
    EXPECT_EQ(findBundledGdalData(app.path()), clean(app.filePath(QStringLiteral("gdal-data"))));
}

TEST(RuntimeEnvironment, PrefersTheInstalledTreeAndNeedsTheMarkerFiles) {
    QTemporaryDir prefix;
    ASSERT_TRUE(prefix.isValid());
    const QString bin = prefix.filePath(QStringLiteral("bin"));
    touch(prefix.filePath(QStringLiteral("share/proj/proj.db")));
    touch(bin + QStringLiteral("/proj/proj.db"));
    // A gdal folder without GDAL's files is not GDAL's data.
    QDir().mkpath(prefix.filePath(QStringLiteral("share/gdal")));

    EXPECT_EQ(findBundledProjData(bin), clean(prefix.filePath(QStringLiteral("share/proj"))));
    EXPECT_TRUE(findBundledGdalData(bin).isEmpty());
}

TEST(RuntimeEnvironment, FindsNothingWhereNothingIsBundled) {
    QTemporaryDir app;
    ASSERT_TRUE(app.isValid());
    const LibraryDataDirs dirs = findBundledLibraryData(app.path());
    EXPECT_TRUE(dirs.proj.isEmpty());
    EXPECT_TRUE(dirs.gdal.isEmpty());
}

#ifndef Q_OS_WIN
// Elsewhere than on Windows the system's PROJ and GDAL find their own data; nothing is set.
TEST(RuntimeEnvironment, LeavesTheEnvironmentAloneOutsideWindows) {
    const QByteArray before = qgetenv("PROJ_DATA");
    EXPECT_TRUE(prepareRuntimeEnvironment().isEmpty());
    EXPECT_EQ(qgetenv("PROJ_DATA"), before);
}
#endif
