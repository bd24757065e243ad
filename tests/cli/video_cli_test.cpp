// borderlens-cli video, run as a user would: what ffprobe says of the MP4 (codec, frames,
// duration, size), a decoded frame against the PNG `frames` writes for the same step, the GIF's
// frames and delays, and exit codes and leftovers for bad arguments.
#include "support/cli_runner.h"
#include "support/video_probe.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

// Nine 7-day steps over 1 Nov – 31 Dec 2025 (61 days), the moving 30-day window.
const QStringList kPlayback = {
    QStringLiteral("--from"), QStringLiteral("2025-11-01"), QStringLiteral("--to"),
    QStringLiteral("2025-12-31"), QStringLiteral("--step"), QStringLiteral("7d"),
    QStringLiteral("--window"), QStringLiteral("30d"), QStringLiteral("--size"),
    QStringLiteral("960x540")};
constexpr int kSteps = 9;

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}

TEST(VideoCli, Mp4IsH264WithOneFramePerStepPlusHoldsAtTheAskedRate) {
    if (!haveFfmpegTools())
        GTEST_SKIP() << "ffprobe/ffmpeg (Debian's ffmpeg package) are not installed";
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("playback.mp4"));
    const CliRun r = runCli(QStringList{QStringLiteral("video"), QStringLiteral("--out"), mp4} +
                            kPlayback +
                            QStringList{QStringLiteral("--fps"), QStringLiteral("5"),
                                        QStringLiteral("--hold-first"), QStringLiteral("1"),
                                        QStringLiteral("--hold-last"), QStringLiteral("0.4")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("9 step(s), 16 frame(s)"))) << r.out.toStdString();
    EXPECT_EQ(filesIn(dir.path()), QStringList{QStringLiteral("playback.mp4")}); // no .part left

    QString why;
    const auto probe = probeVideo(mp4, &why);
    ASSERT_TRUE(probe) << why.toStdString();
    EXPECT_EQ(probe->codec, QStringLiteral("h264"));
    EXPECT_EQ(probe->pixelFormat, QStringLiteral("yuv420p"));
    EXPECT_EQ(probe->width, 960);
    EXPECT_EQ(probe->height, 540);
    const int holds = 5 + 2; // 1 s and 0.4 s at 5 fps
    EXPECT_EQ(probe->frames, kSteps + holds);
    EXPECT_NEAR(probe->duration, (kSteps + holds) / 5.0, 0.01);

    // +faststart: the index (moov) comes before the media data, so playback starts at once.
    QFile f(mp4);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ASSERT_GE(bytes.indexOf("mdat"), 0);
    EXPECT_LT(bytes.indexOf("moov"), bytes.indexOf("mdat"));
}

TEST(VideoCli, DecodedFramesMatchThePngsOfFramesAbove35Db) {
    if (!haveFfmpegTools())
        GTEST_SKIP() << "ffprobe/ffmpeg (Debian's ffmpeg package) are not installed";
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("playback.mp4"));
    const QString pngs = dir.filePath(QStringLiteral("frames"));
    const QMap<QString, QString> fixedDate = {
        {QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1795428000")}};
    const CliRun v = runCli(QStringList{QStringLiteral("video"), QStringLiteral("--out"), mp4,
                                        QStringLiteral("--hold-first"), QStringLiteral("0.2")} +
                                kPlayback,
                            fixedDate);
    ASSERT_EQ(v.exitCode, 0) << v.err.toStdString();
    const CliRun f = runCli(
        QStringList{QStringLiteral("frames"), QStringLiteral("--out-dir"), pngs} + kPlayback,
        fixedDate);
    ASSERT_EQ(f.exitCode, 0) << f.err.toStdString();

    const int hold = 2; // 0.2 s at the default 10 fps
    const struct {
        int step;       // from 1, as frames names them
        int videoFrame; // from 0
    } pairs[] = {{1, 0}, {1, hold}, {5, hold + 4}, {kSteps, hold + kSteps - 1}};
    for (const auto& pair : pairs) {
        const QImage png(QDir(pngs).filePath(QStringLiteral("frame_%1.png")
                                                 .arg(pair.step, 4, 10, QLatin1Char('0'))));
        const QImage decoded = decodeVideoFrame(mp4, pair.videoFrame);
        ASSERT_FALSE(png.isNull());
        ASSERT_FALSE(decoded.isNull()) << "frame " << pair.videoFrame;
        ASSERT_EQ(decoded.size(), png.size());
        EXPECT_GE(psnr(png, decoded), 35.0) << "step " << pair.step;
    }
    // And a different step does not match as well: the frames really are the steps.
    const QImage first(QDir(pngs).filePath(QStringLiteral("frame_0001.png")));
    EXPECT_LT(psnr(first, decodeVideoFrame(mp4, hold + kSteps - 1)),
              psnr(first, decodeVideoFrame(mp4, 0)));
}

TEST(VideoCli, GifHasOneImagePerStepWithTheHoldsInItsDelays) {
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("playback.gif"));
    const CliRun r = runCli(QStringList{QStringLiteral("video"), QStringLiteral("--out"), gif,
                                        QStringLiteral("--fps"), QStringLiteral("10"),
                                        QStringLiteral("--hold-first"), QStringLiteral("1"),
                                        QStringLiteral("--hold-last"), QStringLiteral("2")} +
                            kPlayback);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(gif);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const std::vector<int> delays = gifFrameDelays(f.readAll());
    ASSERT_EQ(static_cast<int>(delays.size()), kSteps);
    EXPECT_EQ(delays.front(), 110); // 1/10 s + 1 s
    EXPECT_EQ(delays.back(), 210);  // 1/10 s + 2 s
    for (std::size_t i = 1; i + 1 < delays.size(); ++i)
        EXPECT_EQ(delays[i], 10) << "frame " << i;

    QImageReader reader(gif);
    EXPECT_EQ(reader.imageCount(), kSteps);
    const QImage frame = reader.read();
    EXPECT_EQ(frame.size(), QSize(960, 540));
}

TEST(VideoCli, BadArgumentsExitTwoBadValuesExitOneAndNothingIsWritten) {
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("out.mp4"));
    const QStringList video = {QStringLiteral("video"), QStringLiteral("--out"), mp4};
    const QList<QStringList> usage = {
        {QStringLiteral("video")},
        QStringList{QStringLiteral("video")} + kPlayback, // no --out
        QStringList{QStringLiteral("video"), QStringLiteral("--out"),
                    dir.filePath(QStringLiteral("out.avi"))} +
            kPlayback,
        video + QStringList{QStringLiteral("--step"), QStringLiteral("7d")}, // no dates
        video + QStringList{QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                            QStringLiteral("--to"), QStringLiteral("2025-12-31")}, // no step
        video + kPlayback + QStringList{QStringLiteral("--out-dir"), dir.path()},
        video + kPlayback + QStringList{QStringLiteral("--world-file")},
        video + kPlayback + QStringList{QStringLiteral("--fps")},
        video + kPlayback + QStringList{QStringLiteral("--cumulative")}, // and --window
        video + kPlayback + QStringList{QStringLiteral("--frobnicate")},
        {QStringLiteral("frames"), QStringLiteral("--out-dir"), dir.path(), QStringLiteral("--fps"),
         QStringLiteral("10")},
    };
    for (const QStringList& args : usage) {
        const CliRun r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << "\n"
                                 << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("usage:"))) << r.err.toStdString();
    }
    const QList<QStringList> failures = {
        video + kPlayback + QStringList{QStringLiteral("--fps"), QStringLiteral("0")},
        video + kPlayback + QStringList{QStringLiteral("--fps"), QStringLiteral("ten")},
        video + kPlayback + QStringList{QStringLiteral("--hold-last"), QStringLiteral("-1")},
        video + kPlayback + QStringList{QStringLiteral("--step"), QStringLiteral("3x")},
        video + kPlayback + QStringList{QStringLiteral("--from"), QStringLiteral("2025-13-01")},
        QStringList{QStringLiteral("video"), QStringLiteral("--out"),
                    dir.filePath(QStringLiteral("missing/out.mp4"))} +
            kPlayback,
    };
    for (const QStringList& args : failures) {
        const CliRun r = runCli(args);
        EXPECT_EQ(r.exitCode, 1) << args.join(QLatin1Char(' ')).toStdString() << "\n"
                                 << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("error:"))) << r.err.toStdString();
    }
    EXPECT_TRUE(filesIn(dir.path()).isEmpty()) << filesIn(dir.path()).join(' ').toStdString();
    const CliRun help = runCli({QStringLiteral("video"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--hold-first"))) << help.out.toStdString();
    const CliRun top = runCli({QStringLiteral("--help")});
    EXPECT_TRUE(top.out.contains(QStringLiteral("video --out FILE.(mp4|gif)")));
}

} // namespace
