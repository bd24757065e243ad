#include "incidents/import/incident_importer.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

TEST(ImportCli, WritesAGeoPackageAndPrintsCountsAndRejections) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id,start_date,type,place,lon,lat\n"
            "A,2025-12-24,armed_clash,Shurobod,70.04865,37.84137\n"
            "B,2025-12-24,armed_clash,Vanj,,\n"
            "C,24/12/2025,armed_clash,Somewhere,70,37\n");
    f.close();
    const QString gpkg = dir.filePath(QStringLiteral("store.gpkg"));
    const CliRun o = runCli({QStringLiteral("import"), csv, QStringLiteral("--out"), gpkg});
    EXPECT_EQ(o.exitCode, 0) << o.err.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("read:     3"))) << o.out.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("imported: 2"))) << o.out.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("1 placed by gazetteer")));
    EXPECT_TRUE(o.out.contains(QStringLiteral("rejected: 1")));
    EXPECT_TRUE(o.err.contains(QStringLiteral("line 4: unparseable start_date '24/12/2025'")))
        << o.err.toStdString();
    auto back = importIncidents(gpkg);
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value().store->size(), 2u);
}

// An ACLED export of both banks, 13 rows: 6 with coordinates, 4 without that the gazetteer
// places within their own country (one at its district), and 3 it cannot place.
QString writeBothBanksAcled(const QTemporaryDir& dir) {
    const QByteArray header =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
        "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
        "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
        "source_scale,notes,fatalities,tags,timestamp\n";
    auto row = [](int n, const char* iso, const char* country, const char* admin1,
                  const char* admin2, const char* location, const char* lat, const char* lon) {
        return QByteArray("X") + QByteArray::number(n) + ",2025-12-" + QByteArray::number(10 + n) +
               ",2025,1,Political violence,Battles,Armed clash,A,,,B,,,,," + iso + ",Asia," +
               country + "," + admin1 + "," + admin2 + ",," + location + "," + lat + "," + lon +
               ",1,src,National,notes,1,,1\n";
    };
    QByteArray csv = header;
    csv += row(1, "762", "Tajikistan", "Khatlon", "Shamsiddin Shohin", "Shurobod", "37.84137",
               "70.04865");
    csv += row(2, "762", "Tajikistan", "Gorno-Badakhshan", "Darvoz", "Qalaikhumb", "38.45373",
               "70.78902");
    csv += row(3, "762", "Tajikistan", "Gorno-Badakhshan", "Vanj", "Vanj", "38.37078", "71.45474");
    csv += row(4, "4", "Afghanistan", "Kunduz", "Imam Sahib", "Imam Sahib", "37.18897", "68.93644");
    csv += row(5, "4", "Afghanistan", "Badakhshan", "Darwaz", "Nusay", "38.4435", "70.80413");
    csv += row(6, "4", "Afghanistan", "Takhar", "Darqad", "Darqad", "37.38414", "69.45294");
    csv += row(7, "4", "Afghanistan", "Badakhshan", "Shighnan", "Shighnan", "", "");
    csv += row(8, "4", "Afghanistan", "Badakhshan", "", "Darwaz", "", "");
    csv += row(9, "762", "Tajikistan", "Gorno-Badakhshan", "", "Shughnon", "", "");
    csv += row(10, "4", "Afghanistan", "Takhar", "Chah Ab", "Unnamed ford", "", "");
    csv += row(11, "4", "Afghanistan", "", "", "Khorugh", "", "");
    csv += row(12, "4", "Afghanistan", "", "", "Unnamed ford", "", "");
    csv += row(13, "762", "Tajikistan", "Atlantis", "", "Unnamed ford", "", "");
    const QString path = dir.filePath(QStringLiteral("both_banks.csv"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(csv);
    return path;
}

// The number before `suffix` in `text` ("imported: 10 (" → 10), or -1.
int numberBefore(const QString& text, const QString& prefix, const QString& suffix) {
    const QRegularExpression re(QRegularExpression::escape(prefix) + QStringLiteral("(\\d+)") +
                                QRegularExpression::escape(suffix));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

TEST(ImportCli, ListsEveryRowItPlacedAndKeepsPlacesOnTheirBank) {
    QTemporaryDir dir;
    const QString csv = writeBothBanksAcled(dir);
    const CliRun o = runCli({QStringLiteral("import"), csv, QStringLiteral("--out"),
                             dir.filePath(QStringLiteral("store.gpkg"))});
    ASSERT_EQ(o.exitCode, 0) << o.err.toStdString();
    EXPECT_EQ(numberBefore(o.out, QStringLiteral("imported: "), QStringLiteral(" (")), 10)
        << o.out.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("4 placed by gazetteer"))) << o.out.toStdString();
    // One line per placed row: its line, what it asked for, what it matched, the precision.
    const QStringList placed = o.out.split(QLatin1Char('\n')).filter(QStringLiteral("placed:"));
    ASSERT_EQ(placed.size(), 4) << o.out.toStdString();
    EXPECT_TRUE(placed[0].startsWith(QStringLiteral("placed:   line 8: 'Shighnan' (Shighnan, "
                                                    "Badakhshan, AF) -> Shighnan "
                                                    "(af.district.shighnan, district, AF)")))
        << placed[0].toStdString();
    EXPECT_TRUE(placed[0].endsWith(QStringLiteral("; district precision")));
    EXPECT_TRUE(placed[1].contains(QStringLiteral("(af.district.darwaz, district, AF)")))
        << placed[1].toStdString();
    EXPECT_TRUE(placed[2].contains(QStringLiteral("(tj.district.shughnon, district, TJ)")));
    EXPECT_TRUE(placed[3].contains(QStringLiteral("(af.district.chah-ab, district, AF) — no place "
                                                  "'Unnamed ford' in Chah Ab, Takhar, "
                                                  "Afghanistan, so the district")))
        << placed[3].toStdString();
    EXPECT_TRUE(o.err.contains(QStringLiteral("line 12: no coordinates, and no place 'Khorugh' in "
                                              "Afghanistan; no district or province given")))
        << o.err.toStdString();
}

// The viewer, import and export place rows through one resolver: export draws exactly the rows
// import keeps (before, export imported without the gazetteer and dropped the placed ones).
TEST(ImportCli, ImportAndExportAcceptTheSameRowsFromOneFile) {
    QTemporaryDir dir;
    const QString csv = writeBothBanksAcled(dir);
    const CliRun imported = runCli({QStringLiteral("import"), csv, QStringLiteral("--out"),
                                    dir.filePath(QStringLiteral("store.gpkg"))});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const CliRun exported =
        runCli({QStringLiteral("export"), QStringLiteral("--incidents"), csv,
                QStringLiteral("--size"), QStringLiteral("320x240"), QStringLiteral("--out"),
                dir.filePath(QStringLiteral("map.png"))});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    const int kept = numberBefore(imported.out, QStringLiteral("imported: "), QStringLiteral(" ("));
    EXPECT_EQ(kept, 10) << imported.out.toStdString();
    EXPECT_EQ(numberBefore(exported.out, QStringLiteral("; "), QStringLiteral(" incident(s)")),
              kept)
        << exported.out.toStdString();
    EXPECT_TRUE(exported.err.contains(QStringLiteral("3 row(s) rejected")))
        << exported.err.toStdString();
}

TEST(ImportCli, UsageAndBadInput) {
    EXPECT_EQ(runCli({QStringLiteral("import")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("x.csv")}).exitCode, 2); // no --out
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("x.csv"), QStringLiteral("--format"),
                   QStringLiteral("kml"), QStringLiteral("--out"), QStringLiteral("y.gpkg")})
                  .exitCode,
              2);
    const CliRun missing = runCli({QStringLiteral("import"), QStringLiteral("/no/such.csv"),
                                 QStringLiteral("--out"), QStringLiteral("/tmp/y.gpkg")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("/no/such.csv")));
}

} // namespace
