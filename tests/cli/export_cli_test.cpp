// borderlens-cli export and frames, run as a user would: the issue's command, determinism, the
// error cases (exit 1, a clear message, no file under the final name) and usage errors (exit 2).
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <gtest/gtest.h>
#include <map>

using namespace borderlens::test;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files);
}

// The command of the issue's "done when", with a fixed creation time.
TEST(ExportCli, TheIssuesPdfHoldsTitleWindowLegendAndAttribution) {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("brief.pdf"));
    const CliRun r =
        runCli({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                QStringLiteral("--to"), QStringLiteral("2025-12-31"), QStringLiteral("--title"),
                QStringLiteral("Tajik–Afghan border"), QStringLiteral("--out"), pdf},
               {{QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1795428000")}});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("wrote ") + pdf)) << r.out.toStdString();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_TRUE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    for (const QString& expected :
         {QStringLiteral("Tajik–Afghan border"),
          QStringLiteral("1 Nov 2025 – 31 Dec 2025 (61 days)"),
          QStringLiteral("Armed clash / infiltration (1)"),
          QStringLiteral("Attack on civilians / foreign workers (2)"),
          QStringLiteral("Border outpost (4)"),
          QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"),
          QStringLiteral("GeoNames, CC-BY 4.0"), QStringLiteral("Created 2026-11-23 10:00 UTC")})
        EXPECT_TRUE(text.contains(expected)) << "missing \"" << expected.toStdString() << "\" in:\n"
                                             << text.toStdString();
    EXPECT_EQ(filesIn(dir.path()), QStringList{QStringLiteral("brief.pdf")}); // no temporary left
}

TEST(ExportCli, TheSameCommandTwiceGivesIdenticalPngBytes) {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.png"));
    const QString b = dir.filePath(QStringLiteral("b.png"));
    const QStringList common = {QStringLiteral("export"),
                                QStringLiteral("--from"),
                                QStringLiteral("2025-11-24"),
                                QStringLiteral("--to"),
                                QStringLiteral("2025-12-23"),
                                QStringLiteral("--size"),
                                QStringLiteral("1200x800"),
                                QStringLiteral("--banner"),
                                QStringLiteral("UNCLASSIFIED // FOR BRIEFING"),
                                QStringLiteral("--out")};
    // No SOURCE_DATE_EPOCH: the default "Created" date must itself be reproducible.
    const CliRun first = runCli(common + QStringList{a});
    const CliRun second = runCli(common + QStringList{b});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_FALSE(fileSha256(a).isEmpty());
    EXPECT_EQ(fileSha256(a), fileSha256(b));
    EXPECT_EQ(QImage(a).size(), QSize(1200, 800));
}

TEST(ExportCli, PaperA4LandscapeAt300DpiIs3508By2480) {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("a4.png"));
    const CliRun r =
        runCli({QStringLiteral("export"), QStringLiteral("--paper"), QStringLiteral("A4"),
                QStringLiteral("--orientation"), QStringLiteral("landscape"),
                QStringLiteral("--dpi"), QStringLiteral("300"), QStringLiteral("--to"),
                QStringLiteral("2025-12-31"), QStringLiteral("--out"), png});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(3508, 2480));
    EXPECT_TRUE(r.out.contains(QStringLiteral("3508×2480 px"))) << r.out.toStdString();
}

// A legend too long for the panel with the locator inset: the page drops the inset rather than the
// legend, and says so on stderr; the default page says nothing of the kind.
TEST(ExportCli, ALegendThatCrowdsOutTheInsetIsReportedAsAWarning) {
    QTemporaryDir dir;
    QStringList args{QStringLiteral("export"), QStringLiteral("--size"),
                     QStringLiteral("1920x1080")};
    for (int i = 1; i <= 44; ++i) {
        const QString path =
            dir.filePath(QStringLiteral("checkpoint_%1.geojson").arg(i, 2, 10, QChar('0')));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                               R"("properties":{"name":"CP %1"},"geometry":{"type":"Point",)"
                               R"("coordinates":[%2,37.5]}}]})")
                    .arg(i)
                    .arg(68.0 + i * 0.1, 0, 'f', 1)
                    .toUtf8());
        args << QStringLiteral("--layer") << path;
    }
    const QString out = dir.filePath(QStringLiteral("long.png"));
    const CliRun r = runCli(args << QStringLiteral("--out") << out);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(out));
    EXPECT_TRUE(r.err.contains(QStringLiteral("warning: %1: the locator inset was left out: the "
                                              "legend needs the room; shorten the legend or use "
                                              "a larger page")
                                   .arg(out)))
        << r.err.toStdString();

    const CliRun plain = runCli({QStringLiteral("export"), QStringLiteral("--out"),
                                 dir.filePath(QStringLiteral("plain.png"))});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_FALSE(plain.err.contains(QStringLiteral("inset"))) << plain.err.toStdString();
}

TEST(ExportCli, SvgAndWorldFile) {
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("brief.svg"));
    const CliRun s = runCli({QStringLiteral("export"), QStringLiteral("--title"),
                             QStringLiteral("Border watch"), QStringLiteral("--out"), svg});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().contains(">Border watch</text>"));

    const QString png = dir.filePath(QStringLiteral("map.png"));
    const CliRun w =
        runCli({QStringLiteral("export"), QStringLiteral("--world-file"), QStringLiteral("--size"),
                QStringLiteral("800x600"), QStringLiteral("--crs"), QStringLiteral("EPSG:3857"),
                QStringLiteral("--out"), png});
    ASSERT_EQ(w.exitCode, 0) << w.err.toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("map.pgw"))));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("map.prj"))));
    EXPECT_TRUE(w.out.contains(QStringLiteral("map.pgw")));
}

TEST(FramesCli, SevenDayStepsOverDecemberWriteFiveFrames) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("frames"));
    const CliRun r = runCli(
        {QStringLiteral("frames"), QStringLiteral("--out-dir"), out, QStringLiteral("--from"),
         QStringLiteral("2025-12-01"), QStringLiteral("--to"), QStringLiteral("2025-12-31"),
         QStringLiteral("--step"), QStringLiteral("7d"), QStringLiteral("--window"),
         QStringLiteral("7d"), QStringLiteral("--size"), QStringLiteral("480x320")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(filesIn(out),
              (QStringList{QStringLiteral("frame_0001.png"), QStringLiteral("frame_0002.png"),
                           QStringLiteral("frame_0003.png"), QStringLiteral("frame_0004.png"),
                           QStringLiteral("frame_0005.png")}));
    EXPECT_TRUE(r.out.contains(QStringLiteral("wrote 5 frame(s)"))) << r.out.toStdString();

    const QString cumulative = dir.filePath(QStringLiteral("cumulative"));
    const CliRun c = runCli(
        {QStringLiteral("frames"), QStringLiteral("--out-dir"), cumulative,
         QStringLiteral("--from"), QStringLiteral("2025-11-01"), QStringLiteral("--to"),
         QStringLiteral("2025-12-31"), QStringLiteral("--step"), QStringLiteral("1m"),
         QStringLiteral("--cumulative"), QStringLiteral("--size"), QStringLiteral("320x240")});
    ASSERT_EQ(c.exitCode, 0) << c.err.toStdString();
    EXPECT_EQ(filesIn(cumulative).size(), 2);
}

// Bad input: exit 1, a message saying what is wrong, and nothing under the final name.
TEST(ExportCli, BadInputExitsOneWithAMessageAndWritesNothing) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.png"));
    struct Case {
        QStringList args;
        QString message;
    };
    const Case cases[] = {
        {{QStringLiteral("--from"), QStringLiteral("2025-13-01")},
         QStringLiteral("bad date '2025-13-01' for --from")},
        {{QStringLiteral("--to"), QStringLiteral("31.12.2025")},
         QStringLiteral("bad date '31.12.2025' for --to")},
        {{QStringLiteral("--from"), QStringLiteral("2025-12-31"), QStringLiteral("--to"),
          QStringLiteral("2025-12-01")},
         QStringLiteral("is after --to")},
        {{QStringLiteral("--crs"), QStringLiteral("EPSG:999999")},
         QStringLiteral("unknown CRS 'EPSG:999999'")},
        {{QStringLiteral("--crs"), QStringLiteral("mercator")},
         QStringLiteral("unknown CRS 'mercator'")},
        {{QStringLiteral("--extent"), QStringLiteral("70,38,69,39")},
         QStringLiteral("the extent is empty")},
        {{QStringLiteral("--extent"), QStringLiteral("70,38,70,39")},
         QStringLiteral("the extent is empty")},
        {{QStringLiteral("--extent"), QStringLiteral("70;38;71;39")}, QStringLiteral("bad extent")},
        {{QStringLiteral("--incidents"), dir.filePath(QStringLiteral("missing.csv"))},
         QStringLiteral("missing.csv")},
    };
    for (const Case& c : cases) {
        const CliRun r =
            runCli(QStringList{QStringLiteral("export"), QStringLiteral("--out"), out} + c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args.join(QLatin1Char(' ')).toStdString() << "\n"
                                 << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.message))
            << c.message.toStdString() << " not in: " << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
    }
    // Unwritable: a folder that does not exist, and a "folder" that is a file. (Tests may run as
    // root, for whom a read-only folder is writable, so permissions are not used.)
    QFile plain(dir.filePath(QStringLiteral("plain.txt")));
    ASSERT_TRUE(plain.open(QIODevice::WriteOnly));
    plain.close();
    for (const QString& target : {dir.filePath(QStringLiteral("nowhere/out.pdf")),
                                  dir.filePath(QStringLiteral("plain.txt/out.png"))}) {
        const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("--out"), target});
        EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("cannot write"))) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(target));
    }
    EXPECT_EQ(filesIn(dir.path()), QStringList{QStringLiteral("plain.txt")});
    const CliRun frames =
        runCli({QStringLiteral("frames"), QStringLiteral("--out-dir"),
                dir.filePath(QStringLiteral("plain.txt/frames")), QStringLiteral("--from"),
                QStringLiteral("2025-12-01"), QStringLiteral("--to"), QStringLiteral("2025-12-31"),
                QStringLiteral("--step"), QStringLiteral("7d")});
    EXPECT_EQ(frames.exitCode, 1) << frames.err.toStdString();
    EXPECT_TRUE(frames.err.contains(QStringLiteral("cannot create the folder")))
        << frames.err.toStdString();
}

TEST(ExportCli, UsageErrorsExitTwo) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.png"));
    const QList<QStringList> cases = {
        {QStringLiteral("export")},
        {QStringLiteral("export"), QStringLiteral("--out"),
         dir.filePath(QStringLiteral("out.jpg"))},
        {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--frobnicate")},
        {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--size"),
         QStringLiteral("800x600"), QStringLiteral("--paper"), QStringLiteral("A4")},
        {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--title")},
        {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--step"),
         QStringLiteral("7d")},
        {QStringLiteral("frames"), QStringLiteral("--out-dir"), dir.path(),
         QStringLiteral("--step"), QStringLiteral("7d")},
        {QStringLiteral("frames"), QStringLiteral("--out-dir"), dir.path(),
         QStringLiteral("--from"), QStringLiteral("2025-12-01"), QStringLiteral("--to"),
         QStringLiteral("2025-12-31"), QStringLiteral("--step"), QStringLiteral("7d"),
         QStringLiteral("--window"), QStringLiteral("30d"), QStringLiteral("--cumulative")},
    };
    for (const QStringList& args : cases) {
        const CliRun r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << "\n"
                                 << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("usage:"))) << r.err.toStdString();
    }
    EXPECT_TRUE(filesIn(dir.path()).isEmpty());
    const CliRun help = runCli({QStringLiteral("export"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--paper A4|A3|Letter")));
}

} // namespace

// A --layer of polygons goes under the lines, as in the viewer (LayerStack::addByKind): given after
// a line layer, its fill still comes first in the SVG's drawing order, and the line after it.
TEST(ExportCli, AnAreaLayerDrawsUnderALineLayerGivenBeforeIt) {
    QTemporaryDir dir;
    const QString line = dir.filePath(QStringLiteral("line.geojson"));
    writeFile(line, R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                    R"("properties":{"name":"road"},"geometry":{"type":"LineString","coordinates":)"
                    R"([[69,36.5],[69,39.5],[70,39.5]]}}]})");
    const QString area = dir.filePath(QStringLiteral("area.geojson"));
    writeFile(area, R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                    R"("properties":{"name":"all"},"geometry":{"type":"Polygon","coordinates":)"
                    R"([[[55,30],[85,30],[85,45],[55,45],[55,30]]]}}]})");
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    const CliRun r =
        runCli({QStringLiteral("export"), QStringLiteral("--map-only"), QStringLiteral("--extent"),
                QStringLiteral("67,36,73,40"), QStringLiteral("--layer"), line,
                QStringLiteral("--layer"), area, QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // Qt's SVG groups in drawing order: the area's translucent fill, its outline, then the line
    // (the only other coloured stroke; frames and ticks are black, the names' halos white).
    QStringList order;
    static const QRegularExpression group(
        QStringLiteral(R"re(<g fill="([^"]*)"( fill-opacity="0.4")?[^>]*stroke="([^"]*)"[^>]*>\s*<(\w+))re"));
    for (auto it = group.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(4) == QLatin1String("text"))
            continue; // the features' names, drawn over both
        if (!m.captured(2).isEmpty())
            order << QStringLiteral("area");
        else if (m.captured(1) == QLatin1String("none") &&
                 m.captured(3) != QLatin1String("black") &&
                 m.captured(3) != QLatin1String("#000000") &&
                 m.captured(3) != QLatin1String("#ffffff"))
            order << QStringLiteral("stroke");
    }
    ASSERT_EQ(order.count(QStringLiteral("area")), 1) << text.left(3000).toStdString();
    ASSERT_EQ(order.count(QStringLiteral("stroke")), 2) << order.join(' ').toStdString();
    EXPECT_EQ(order.join(' ').toStdString(), "area stroke stroke");
}
