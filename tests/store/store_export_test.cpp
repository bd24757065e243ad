// Exports of the store: the KML carries times Google Earth's slider and GDAL read, the CSV
// imports back as it was, the window keeps what it overlaps.
#include "incidents/import/incident_importer.h"
#include "store/record_fields.h"
#include "store/store_export.h"
#include "store_test_records.h"

#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

std::vector<StoredIncident> sample() {
    Incident day = morningIncident();
    day.id = QStringLiteral("BL-DAY");
    Incident month = morningIncident();
    month.id = QStringLiteral("BL-MONTH");
    month.startDate = QDate(2025, 10, 1);
    month.datePrecision = DatePrecision::Month;
    month.sources.push_back({QStringLiteral("Second report"), QStringLiteral("RFE/RL"), QDate(2025, 10, 9), {}});
    Incident old = morningIncident();
    old.id = QStringLiteral("BL-OLD");
    old.startDate = QDate(2021, 6, 5);
    return {{day, 1}, {month, 3}, {old, 1}};
}

struct KmlPlacemark {
    QString name;
    QString timestamp;
    QString begin;
    QString end;
};

// The placemarks as GDAL's LIBKML driver reads them, time fields as text.
std::map<QString, KmlPlacemark> readKml(const QString& path) {
    std::map<QString, KmlPlacemark> out;
    const char* drivers[] = {"LIBKML", nullptr};
    GDALDataset* ds = GDALDataset::FromHandle(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    if (!ds)
        return out;
    for (int l = 0; l < ds->GetLayerCount(); ++l) {
        OGRLayer* layer = ds->GetLayer(l);
        layer->ResetReading();
        while (OGRFeature* f = layer->GetNextFeature()) {
            KmlPlacemark p;
            auto time = [&](const char* field) {
                const int i = f->GetFieldIndex(field);
                return i >= 0 && f->IsFieldSetAndNotNull(i) ? QString::fromUtf8(f->GetFieldAsString(i)) : QString();
            };
            p.name = time("Name");
            p.timestamp = time("timestamp");
            p.begin = time("begin");
            p.end = time("end");
            out[time("id")] = p;
            OGRFeature::DestroyFeature(f);
        }
    }
    GDALClose(ds);
    return out;
}

TEST(StoreExport, KmlHasTimeStampsAndSpansGdalReads) {
    GDALAllRegister();
    if (!GetGDALDriverManager()->GetDriverByName("LIBKML"))
        GTEST_SKIP() << "GDAL was built without the LIBKML driver";
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("desk.kml"));
    StoreExportOptions options;
    options.format = StoreExportFormat::Kml;
    auto written = exportStore(sample(), {{newOutpost(), 1}}, out, options);
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    EXPECT_EQ(written.value().incidents, 3u);
    EXPECT_EQ(written.value().facilities, 1u);
    const auto placemarks = readKml(out);
    ASSERT_EQ(placemarks.count(QStringLiteral("BL-DAY")), 1u);
    const KmlPlacemark& day = placemarks.at(QStringLiteral("BL-DAY"));
    EXPECT_TRUE(day.timestamp.startsWith(QLatin1String("2025/11/30"))) << day.timestamp.toStdString();
    EXPECT_TRUE(day.begin.isEmpty());
    // A month-precise date is the month it may have happened in: 1 to 31 October.
    const KmlPlacemark& month = placemarks.at(QStringLiteral("BL-MONTH"));
    EXPECT_TRUE(month.timestamp.isEmpty());
    EXPECT_TRUE(month.begin.startsWith(QLatin1String("2025/10/01"))) << month.begin.toStdString();
    EXPECT_TRUE(month.end.startsWith(QLatin1String("2025/10/31"))) << month.end.toStdString();
    EXPECT_TRUE(day.name.contains(QStringLiteral("Shamsiddin Shohin")));
}

TEST(StoreExport, WindowKeepsWhatOverlapsIt) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("window.geojson"));
    StoreExportOptions options;
    options.format = StoreExportFormat::GeoJson;
    options.window = TimeRange::fromInclusive(QDate(2025, 10, 15), QDate(2025, 12, 31));
    auto written = exportStore(sample(), {{newOutpost(), 1}}, out, options);
    ASSERT_TRUE(written);
    EXPECT_EQ(written.value().incidents, 2u); // the day and the month; not 2021
    EXPECT_EQ(written.value().facilities, 1u); // opened 24 December
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::FromHandle(
        GDALOpenEx(out.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    ASSERT_NE(ds, nullptr);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 3);
    GDALClose(ds);
}

TEST(StoreExport, CsvImportsBackAsItWas) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("desk.csv"));
    StoreExportOptions options;
    auto written = exportStore(sample(), {}, out, options);
    ASSERT_TRUE(written);
    auto report = importIncidents(out);
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    const IncidentStore& store = *report.value().store;
    ASSERT_EQ(store.size(), 3u);
    EXPECT_TRUE(report.value().rejected.empty());
    for (const StoredIncident& s : sample()) {
        const int at = store.indexOf(s.incident.id);
        ASSERT_GE(at, 0);
        const Incident back = store.incident(std::size_t(at));
        EXPECT_EQ(incidentFields(back), incidentFields(s.incident)) << s.incident.id.toStdString();
        EXPECT_EQ(back.sources, s.incident.sources);
    }
}

} // namespace
