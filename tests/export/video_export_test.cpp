// AnimationExporter and its parts in process: cancelling or failing leaves no file (and an
// existing file under the target name untouched), the GIF palette keeps a map's flat colours
// exact, holds and sizes, and the encoder's refusals.
#include "export/animation_exporter.h"
#include "export/gif_palette.h"
#include "export/sample_briefing.h"
#include "export/video_encoder.h"
#include "support/video_probe.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const TimeRange kNovDec = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31));

AnimationExporter::Options weeklyOptions(VideoFormat format, QSize size = QSize(480, 270)) {
    AnimationExporter::Options o;
    o.frames.page = PageSetup::pixelSize(size, PageSetup::proportionalDpi(size));
    o.frames.range = kNovDec;
    o.frames.step = *PlaybackStep::parse(QStringLiteral("7d"));
    o.frames.window = *WindowSpec::parse(QStringLiteral("30d"));
    o.format = format;
    o.fps = 10;
    return o;
}

QStringList everyFileIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}

TEST(AnimationExport, ACancelledExportLeavesNoFileAndKeepsAnOldOne) {
    for (VideoFormat format : {VideoFormat::Mp4, VideoFormat::Gif}) {
        QTemporaryDir dir;
        const QString path =
            dir.filePath(QStringLiteral("playback.") + VideoEncoder::suffix(format));
        {
            QFile old(path);
            ASSERT_TRUE(old.open(QIODevice::WriteOnly));
            old.write("yesterday's briefing");
        }
        std::atomic<bool> cancel = false;
        int progressCalls = 0;
        auto r = AnimationExporter::write(
            path, weeklyOptions(format), sampleBriefingMap(kNovDec), sampleLayout(),
            [&](int done, int) {
                ++progressCalls;
                if (done == 2)
                    cancel = true;
            },
            &cancel);
        ASSERT_TRUE(r) << r.error().toString().toStdString();
        EXPECT_TRUE(r.value().cancelled);
        EXPECT_EQ(progressCalls, 2);
        EXPECT_EQ(everyFileIn(dir.path()), QStringList{QStringLiteral("playback.") +
                                                       VideoEncoder::suffix(format)});
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::ReadOnly));
        EXPECT_EQ(old.readAll(), QByteArray("yesterday's briefing"));
    }
}

TEST(AnimationExport, CancelledBeforeItStartsWritesNothing) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.gif"));
    std::atomic<bool> cancel = true;
    auto r = AnimationExporter::write(path, weeklyOptions(VideoFormat::Gif),
                                      sampleBriefingMap(kNovDec), sampleLayout(), {}, &cancel);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r.value().cancelled);
    EXPECT_TRUE(everyFileIn(dir.path()).isEmpty());
}

TEST(AnimationExport, AFailedExportSaysWhyAndLeavesNoFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.mp4"));
    AnimationExporter::Options tooFast = weeklyOptions(VideoFormat::Mp4);
    tooFast.fps = 500;
    auto r = AnimationExporter::write(path, tooFast, sampleBriefingMap(kNovDec), sampleLayout());
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("frames per second")))
        << r.error().toString().toStdString();
    AnimationExporter::Options noRange = weeklyOptions(VideoFormat::Mp4);
    noRange.frames.range = TimeRange::all();
    EXPECT_FALSE(AnimationExporter::write(path, noRange, sampleBriefingMap(kNovDec), sampleLayout()));
    EXPECT_FALSE(AnimationExporter::write(dir.filePath(QStringLiteral("no/such/playback.mp4")),
                                          weeklyOptions(VideoFormat::Mp4),
                                          sampleBriefingMap(kNovDec), sampleLayout()));
    EXPECT_TRUE(everyFileIn(dir.path()).isEmpty());
}

TEST(AnimationExport, WritesOneFramePerWindowPlusHolds) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.mp4"));
    AnimationExporter::Options o = weeklyOptions(VideoFormat::Mp4);
    o.holdFirstSeconds = 0.5;
    o.holdLastSeconds = 1;
    auto r = AnimationExporter::write(path, o, sampleBriefingMap(kNovDec), sampleLayout());
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_FALSE(r.value().cancelled);
    EXPECT_EQ(r.value().windows, static_cast<int>(FrameSeries::windows(o.frames).size()));
    EXPECT_EQ(r.value().videoFrames, r.value().windows + 5 + 10);
    EXPECT_DOUBLE_EQ(r.value().seconds, (r.value().windows + 15) / 10.0);
    EXPECT_EQ(everyFileIn(dir.path()), QStringList{QStringLiteral("playback.mp4")});
    if (!haveFfmpegTools())
        GTEST_SKIP() << "ffprobe is not installed: the file's contents are checked by the CLI "
                        "tests when it is";
    const auto probe = probeVideo(path);
    ASSERT_TRUE(probe);
    EXPECT_EQ(probe->frames, r.value().videoFrames);
}

TEST(AnimationExport, AnMp4IsEvenSizedAGifTakesThePageAsItIs) {
    EXPECT_EQ(AnimationExporter::videoSize(weeklyOptions(VideoFormat::Mp4, QSize(641, 361))),
              QSize(640, 360));
    EXPECT_EQ(AnimationExporter::videoSize(weeklyOptions(VideoFormat::Gif, QSize(641, 361))),
              QSize(641, 361));
    EXPECT_EQ(AnimationExporter::holdPeriods(1.0, 25), 25);
    EXPECT_EQ(AnimationExporter::holdPeriods(0, 25), 0);
    EXPECT_EQ(AnimationExporter::holdPeriods(-3, 25), 0);
}

TEST(AnimationExport, TheVideoFramesAreThePagesOfTheFrameSeries) {
    const AnimationExporter::Options o = weeklyOptions(VideoFormat::Gif);
    const MapSettings map = sampleBriefingMap(kNovDec);
    QTemporaryDir dir;
    auto written = FrameSeries::write(dir.path(), o.frames, map, sampleLayout());
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    const QStringList& files = written.value().files;
    ASSERT_EQ(files.size(), static_cast<int>(FrameSeries::windows(o.frames).size()));
    LayoutCache cache; // as the exporter draws them: in order, sharing one cache
    for (int i = 0; i < files.size(); ++i) {
        const QImage frame = AnimationExporter::renderFrame(o, map, sampleLayout(), i, &cache);
        EXPECT_EQ(frame.convertToFormat(QImage::Format_RGB32),
                  QImage(files[i]).convertToFormat(QImage::Format_RGB32))
            << "frame " << i;
    }
}

TEST(GifPalette, AFewFlatColoursComeOutExact) {
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(QColor(0xec, 0xe8, 0xdf));
    QPainter p(&image);
    p.fillRect(0, 0, 20, 10, QColor(0xb0, 0x1e, 0x2e));
    p.fillRect(20, 10, 20, 10, QColor(0x3b, 0x82, 0xc4));
    p.end();
    GifPalette palette = GifPalette::fromImages({image});
    EXPECT_EQ(palette.colours().size(), 3u);
    std::vector<std::uint8_t> indices(64 * 32);
    palette.map(image, indices.data(), 64);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x)
            ASSERT_EQ(palette.colours()[indices[static_cast<std::size_t>(y * 64 + x)]],
                      image.pixel(x, y) | 0xff000000u);
}

TEST(GifPalette, ManyColoursShareAtMost255EntriesAndTheFrequentOnesStayExact) {
    QImage image(256, 256, QImage::Format_RGB32);
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x)
            image.setPixel(x, y, qRgb(x, y, (x + y) / 2));
    QPainter p(&image);
    p.fillRect(0, 0, 256, 128, QColor(0xec, 0xe8, 0xdf)); // the "paper": half the image
    p.end();
    GifPalette palette = GifPalette::fromImages({image});
    EXPECT_LE(palette.colours().size(), 255u);
    std::vector<std::uint8_t> indices(256 * 256);
    palette.map(image, indices.data(), 256);
    EXPECT_EQ(palette.colours()[indices[0]], qRgb(0xec, 0xe8, 0xdf));
    // The gradient is approximated closely: 255 entries for 32,768 colours.
    EXPECT_GE(psnr(image, [&] {
                  QImage mapped(256, 256, QImage::Format_RGB32);
                  for (int y = 0; y < 256; ++y)
                      for (int x = 0; x < 256; ++x)
                          mapped.setPixel(
                              x, y, palette.colours()[indices[static_cast<std::size_t>(y * 256 + x)]]);
                  return mapped;
              }()),
              28.0);
}

TEST(VideoEncoder, RefusesNetworkUrlsOddMp4SizesAndAGifWithoutPalette) {
    VideoSettings s;
    s.size = QSize(320, 240);
    EXPECT_FALSE(VideoEncoder::open(QStringLiteral("http://example.com/x.mp4"), s));
    EXPECT_FALSE(VideoEncoder::open(QStringLiteral("/vsicurl/http://example.com/x.mp4"), s));
    QTemporaryDir dir;
    s.size = QSize(321, 240);
    EXPECT_FALSE(VideoEncoder::open(dir.filePath(QStringLiteral("odd.mp4")), s));
    s.size = QSize(320, 240);
    s.format = VideoFormat::Gif;
    EXPECT_FALSE(VideoEncoder::open(dir.filePath(QStringLiteral("x.gif")), s));
    EXPECT_EQ(VideoEncoder::formatForPath(QStringLiteral("a/B.MP4")), VideoFormat::Mp4);
    EXPECT_EQ(VideoEncoder::formatForPath(QStringLiteral("b.gif")), VideoFormat::Gif);
    EXPECT_FALSE(VideoEncoder::formatForPath(QStringLiteral("c.avi")));
}

} // namespace
