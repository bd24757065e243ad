// A rejected row's place in its file travels as a number, and its reason is the same text for
// every row rejected for the same reason, so a summary can group them.
#include "incidents/import/incident_importer.h"
#include "support/temp_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

TEST(RejectedRows, FeaturesAreNumberedApartFromTheirReason) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two_bad.geojson"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    const char* feature = R"({"type":"Feature","geometry":{"type":"Point","coordinates":[70.1,37.8]},)"
                          R"("properties":{"id":"%1","start_date":"%2","type":"armed_clash","place":"P"}})";
    f.write(QStringLiteral(R"({"type":"FeatureCollection","features":[%1,%2,%3]})")
                .arg(QString::fromLatin1(feature).arg(QStringLiteral("G1"), QStringLiteral("2025-12-24")),
                     QString::fromLatin1(feature).arg(QStringLiteral("G2"), QStringLiteral("someday")),
                     QString::fromLatin1(feature).arg(QStringLiteral("G3"), QStringLiteral("someday")))
                .toUtf8());
    f.close();
    const auto r = importIncidents(path);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_TRUE(r.value().rowsAreFeatures);
    EXPECT_EQ(r.value().rowUnit(), QStringLiteral("feature"));
    ASSERT_EQ(r.value().rejected.size(), 2u);
    EXPECT_EQ(r.value().rejected[0].line, 2);
    EXPECT_EQ(r.value().rejected[1].line, 3);
    EXPECT_EQ(r.value().rejected[0].reason, r.value().rejected[1].reason);
    EXPECT_TRUE(r.value().rejected[0].reason.startsWith(QStringLiteral("unparseable start_date")))
        << r.value().rejected[0].reason.toStdString();
}

TEST(RejectedRows, CsvRowsAreNumberedByLine) {
    QTemporaryDir dir;
    const QString path = test::writeTempFile(dir, QStringLiteral("bad.csv"),
                                             "id,start_date,type,place,lon,lat\n"
                                             "A,someday,armed_clash,P,70,37\n");
    const auto r = importIncidents(path);
    ASSERT_TRUE(r);
    EXPECT_FALSE(r.value().rowsAreFeatures);
    EXPECT_EQ(r.value().rowUnit(), QStringLiteral("line"));
    ASSERT_EQ(r.value().rejected.size(), 1u);
    EXPECT_EQ(r.value().rejected[0].line, 2);
}

} // namespace
