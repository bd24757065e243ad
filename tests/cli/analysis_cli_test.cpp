// borderlens-cli stats and table: the exact CSV headers, the rows and facts they hold on a small
// file whose answers are known, the filter options, JSON, and clear errors.
#include "support/cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

// Five incidents: three in Shamsiddin Shohin's stretch of the Panj on the Tajik bank (one said
// to be Afghan), one on the Afghan bank, one known only to its province; in November 2025, with
// one in each of the four 30-day windows before it (a low baseline).
QString writeIncidents(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("desk.csv"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id,start_date,date_precision,type,place,lon,lat,geo_precision,country,killed_best,"
            "actors\n"
            "A1,2025-11-05,day,armed_clash,Post 1,70.2500,37.6500,exact,TJ,3,Border guards;Armed group\n"
            "A2,2025-11-06,day,drug_seizure,Post 2,70.2500,37.6500,exact,TJ,0,Drug control agency\n"
            "A3,2025-11-07,day,armed_clash,Bank,70.2500,37.6500,exact,AF,1,Taliban\n"
            "A4,2025-11-08,day,cross_border_fire,Other bank,70.3920,37.9950,exact,TJ,2,Taliban\n"
            "A5,2025-11-09,day,statement,Khatlon,69.0000,37.9000,region,TJ,0,\n"
            "B1,2025-10-20,day,armed_clash,Post 1,70.2500,37.6500,exact,TJ,0,\n"
            "B2,2025-09-20,day,armed_clash,Post 1,70.2500,37.6500,exact,TJ,0,\n"
            "B3,2025-08-20,day,armed_clash,Post 1,70.2500,37.6500,exact,TJ,0,\n"
            "B4,2025-07-20,day,armed_clash,Post 1,70.2500,37.6500,exact,TJ,0,\n");
    return path;
}

QStringList lines(const QString& text) { return text.trimmed().split(QLatin1Char('\n')); }

// `command` (stats or table) on `file` for November 2025, with more options.
CliRun november(const QString& command, const QString& file, const QStringList& more = {}) {
    return runCli(QStringList{command, QStringLiteral("--incidents"), file,
                              QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                              QStringLiteral("--to"), QStringLiteral("2025-11-30")} +
                  more);
}

} // namespace

TEST(AnalysisCli, StatsCsvHasTheExactHeaderADistrictRowNoneAndProvinceLevel) {
    QTemporaryDir dir;
    const QString file = writeIncidents(dir);
    const auto run = november(QStringLiteral("stats"), file,
                              {QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = lines(run.out);
    ASSERT_FALSE(rows.isEmpty());
    EXPECT_EQ(rows.front(), QStringLiteral("district,province,incidents,killed,baseline,change_pct,band,surge"));
    // The bundled schematic districts: 58 rows, then (none), then one province-level row.
    EXPECT_EQ(rows.size(), 1 + 58 + 1 + 1) << run.out.toStdString();
    int inDistricts = 0, none = -1, provinceLevel = -1;
    for (const QString& row : rows.mid(1)) {
        const QStringList c = row.split(QLatin1Char(','));
        ASSERT_EQ(c.size(), 8) << row.toStdString();
        if (c[0] == QLatin1String("(none)"))
            none = c[2].toInt();
        else if (c[0] == QLatin1String("(province-level)"))
            provinceLevel = c[2].toInt();
        else
            inDistricts += c[2].toInt();
        if (c[2].toInt() > 0 && c[0] != QLatin1String("(none)") &&
            c[0] != QLatin1String("(province-level)")) {
            // Three in one district against one a window before: a low baseline, no percentage.
            EXPECT_EQ(c[2], QStringLiteral("3"));
            EXPECT_EQ(c[3], QStringLiteral("4"));
            EXPECT_EQ(c[4], QStringLiteral("1.00"));
            EXPECT_EQ(c[5], QString());
            EXPECT_EQ(c[6], QStringLiteral("low_baseline"));
            EXPECT_EQ(c[7], QStringLiteral("false"));
        }
    }
    EXPECT_EQ(inDistricts, 3);
    EXPECT_EQ(none, 1) << "the Afghan-bank incident is outside every Tajik district";
    EXPECT_EQ(provinceLevel, 1);
}

TEST(AnalysisCli, StatsByTypeAndJson) {
    QTemporaryDir dir;
    const QString file = writeIncidents(dir);
    const auto byType =
        november(QStringLiteral("stats"), file, {QStringLiteral("--by"), QStringLiteral("type")});
    ASSERT_EQ(byType.exitCode, 0) << byType.err.toStdString();
    EXPECT_EQ(lines(byType.out).front(), QStringLiteral("type,incidents,killed"));
    EXPECT_TRUE(lines(byType.out).contains(QStringLiteral("armed_clash,2,4")));

    const auto json = november(QStringLiteral("stats"), file,
                               {QStringLiteral("--format"), QStringLiteral("json"),
                                QStringLiteral("--baseline"), QStringLiteral("2")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("baseline_windows")).toInt(), 2);
    EXPECT_EQ(o.value(QStringLiteral("rows")).toArray().size(), 60);
}

TEST(AnalysisCli, TableHasTheChosenColumnsTheFactsAndTheFilters) {
    QTemporaryDir dir;
    const QString file = writeIncidents(dir);
    const QString table = QStringLiteral("table");
    const auto all = november(table, file);
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_EQ(lines(all.out).front(),
              QStringLiteral("id,date,type,place,lon,lat,killed,district,province,border_km,side,"
                             "side_disagrees,nearest_outpost,nearest_outpost_km"));
    EXPECT_EQ(lines(all.out).size(), 6);

    const auto some = november(table, file, {QStringLiteral("--columns"),
                                                QStringLiteral("id,side,side_disagrees,border_km"),
                                                QStringLiteral("--side"), QStringLiteral("AF")});
    ASSERT_EQ(some.exitCode, 0) << some.err.toStdString();
    const QStringList rows = lines(some.out);
    EXPECT_EQ(rows.front(), QStringLiteral("id,side,side_disagrees,border_km"));
    ASSERT_EQ(rows.size(), 2) << some.out.toStdString();
    const QStringList a4 = rows[1].split(QLatin1Char(','));
    EXPECT_EQ(a4[0], QStringLiteral("A4"));
    EXPECT_EQ(a4[1], QStringLiteral("AF"));
    EXPECT_EQ(a4[2], QStringLiteral("true")) << "the record says TJ";
    EXPECT_GT(a4[3].toDouble(), 0.0);

    const auto filtered = november(table, file, {QStringLiteral("--type"),
                                                    QStringLiteral("armed_clash"),
                                                    QStringLiteral("--actor"), QStringLiteral("border GUARDS"),
                                                    QStringLiteral("--killed-min"), QStringLiteral("2"),
                                                    QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(filtered.exitCode, 0) << filtered.err.toStdString();
    const QJsonArray a = QJsonDocument::fromJson(filtered.out.toUtf8()).array();
    ASSERT_EQ(a.size(), 1);
    EXPECT_EQ(a[0].toObject().value(QStringLiteral("id")).toString(), QStringLiteral("A1"));
    EXPECT_EQ(a[0].toObject().value(QStringLiteral("side")).toString(), QStringLiteral("TJ"));
    EXPECT_FALSE(a[0].toObject().value(QStringLiteral("side_disagrees")).toBool());

    const auto nearBy = november(table, file, {QStringLiteral("--near"),
                                                  QStringLiteral("70.25,37.65,1"),
                                                  QStringLiteral("--columns"), QStringLiteral("id")});
    ASSERT_EQ(nearBy.exitCode, 0) << nearBy.err.toStdString();
    EXPECT_EQ(lines(nearBy.out), (QStringList{"id", "A1", "A2", "A3"}));
}

TEST(AnalysisCli, ErrorsNameTheFileOrTheOption) {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nothing.csv"));
    const auto noFile = runCli({QStringLiteral("stats"), QStringLiteral("--incidents"), missing});
    EXPECT_EQ(noFile.exitCode, 1);
    EXPECT_TRUE(noFile.err.contains(missing)) << noFile.err.toStdString();

    const QString file = writeIncidents(dir);
    const auto badColumn = runCli({QStringLiteral("table"), QStringLiteral("--incidents"), file,
                                   QStringLiteral("--columns"), QStringLiteral("id,colour")});
    EXPECT_EQ(badColumn.exitCode, 2);
    EXPECT_TRUE(badColumn.err.contains(QStringLiteral("colour")));
    const auto badBy = runCli({QStringLiteral("stats"), QStringLiteral("--incidents"), file,
                               QStringLiteral("--by"), QStringLiteral("weekday")});
    EXPECT_EQ(badBy.exitCode, 2);
    const auto unknown = runCli({QStringLiteral("stats"), QStringLiteral("--incidents"), file,
                                 QStringLiteral("--colour")});
    EXPECT_EQ(unknown.exitCode, 2);
    const QString points = dir.filePath(QStringLiteral("points.csv"));
    {
        QFile f(points);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("name,lon,lat\nx,70,38\n");
    }
    const auto notPolygons = runCli({QStringLiteral("stats"), QStringLiteral("--incidents"), file,
                                     QStringLiteral("--districts"), points});
    EXPECT_EQ(notPolygons.exitCode, 1);
    EXPECT_TRUE(notPolygons.err.contains(QStringLiteral("points.csv"))) << notPolygons.err.toStdString();
}

TEST(AnalysisCli, ExportDrawsTheChoroplethWithItsLegend) {
    QTemporaryDir dir;
    const QString file = writeIncidents(dir);
    const QString out = dir.filePath(QStringLiteral("brief.svg"));
    const auto run = november(QStringLiteral("export"), file,
                              {QStringLiteral("--choropleth"), QStringLiteral("--out"), out});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    EXPECT_TRUE(svg.contains("District trend")) << "the legend names the layer";
    EXPECT_TRUE(svg.contains("low baseline"));
}
