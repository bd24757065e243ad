// importIncidents() on GDAL's in-memory files (/vsimem/), the way the GeoJSON and GeoPackage
// fuzz targets (tests/fuzz/) reach the same reader as a file on disk.
#include "incidents/import/incident_importer.h"
#include "io/gdal_support.h"

#include <QFile>

#include <cpl_vsi.h>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

TEST(InMemoryImport, AGeoJsonInVsimemImportsLikeTheFileOnDisk) {
    const QString onDisk = QStringLiteral(BORDERLENS_TEST_DATA_DIR "/import/native_incidents.geojson");
    QFile f(onDisk);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    ensureGdalInitialised();
    const char* name = "/vsimem/in_memory_import_test.geojson";
    VSILFILE* mem = VSIFileFromMemBuffer(name, reinterpret_cast<GByte*>(bytes.data()),
                                         vsi_l_offset(bytes.size()), FALSE);
    ASSERT_NE(mem, nullptr);
    VSIFCloseL(mem);

    const auto fromMemory = importIncidents(QString::fromUtf8(name));
    const auto fromDisk = importIncidents(onDisk);
    VSIUnlink(name);
    ASSERT_TRUE(fromMemory) << fromMemory.error().message.toStdString();
    ASSERT_TRUE(fromDisk);
    EXPECT_EQ(fromMemory.value().format, fromDisk.value().format);
    EXPECT_EQ(fromMemory.value().rowsRead, fromDisk.value().rowsRead);
    EXPECT_EQ(fromMemory.value().imported(), fromDisk.value().imported());
    EXPECT_GT(fromMemory.value().imported(), 0);
}

TEST(InMemoryImport, AMissingVsimemFileIsAnErrorNamingIt) {
    const QString name = QStringLiteral("/vsimem/no_such_file.geojson");
    const auto r = importIncidents(name);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().source, name);
}

} // namespace
