// File ▸ Export Animation…: the dialog starts from the time bar's settings, previews the first
// frame, writes the file on a worker, and a cancelled export leaves no file.
#include "animation_dialog.h"
#include "export/sample_briefing.h"
#include "support/video_probe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const TimeRange kNovDec = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31));

AnimationExporter::Options timeBarSettings(VideoFormat format) {
    AnimationExporter::Options o;
    o.frames.page = PageSetup::pixelSize(QSize(480, 270), PageSetup::proportionalDpi({480, 270}));
    o.frames.range = kNovDec;
    o.frames.step = *PlaybackStep::parse(QStringLiteral("7d"));
    o.frames.window = *WindowSpec::parse(QStringLiteral("30d"));
    o.format = format;
    return o;
}

class AnimationDialogTest : public ::testing::Test {
protected:
    void SetUp() override {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BorderLensTests"));
        QCoreApplication::setApplicationName(
            QStringLiteral("animation_dialog_test_") +
            QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    }
    MapSettings m_map = sampleBriefingMap(kNovDec);
};

TEST_F(AnimationDialogTest, StartsFromTheTimeBarPreviewsTheFirstFrameAndWritesTheGif) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.gif"));
    AnimationDialog dialog(m_map, sampleLayout(), timeBarSettings(VideoFormat::Gif));
    dialog.show();
    QSignalSpy preview(&dialog, &AnimationDialog::previewUpdated);
    ASSERT_TRUE(preview.wait(15000));
    const auto o = dialog.options();
    ASSERT_TRUE(o);
    EXPECT_EQ(o->frames.step, *PlaybackStep::parse(QStringLiteral("7d")));
    EXPECT_EQ(o->frames.window, *WindowSpec::parse(QStringLiteral("30d")));
    EXPECT_EQ(o->frames.range, kNovDec);
    // The preview is the first frame, as the file will have it.
    EXPECT_EQ(dialog.previewImage().convertToFormat(QImage::Format_RGB32),
              AnimationExporter::renderFrame(*o, m_map, sampleLayout(), 0)
                  .convertToFormat(QImage::Format_RGB32));

    QSignalSpy done(&dialog, &AnimationDialog::exportFinished);
    dialog.exportTo(path);
    EXPECT_TRUE(dialog.isExporting());
    ASSERT_TRUE(done.wait(60000));
    EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(gifFrameDelays(f.readAll()).size(), FrameSeries::windows(o->frames).size());
}

TEST_F(AnimationDialogTest, ACancelledExportLeavesNoFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.mp4"));
    AnimationExporter::Options daily = timeBarSettings(VideoFormat::Mp4);
    daily.frames.step = *PlaybackStep::parse(QStringLiteral("1d")); // 61 frames: time to cancel
    AnimationDialog dialog(m_map, sampleLayout(), daily);
    QSignalSpy done(&dialog, &AnimationDialog::exportFinished);
    dialog.exportTo(path);
    dialog.cancelExport();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_FALSE(done.at(0).at(0).toBool());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_F(AnimationDialogTest, AStepItCannotReadDisablesExport) {
    AnimationDialog dialog(m_map, sampleLayout(), timeBarSettings(VideoFormat::Mp4));
    auto* step = dialog.findChild<QLineEdit*>(QStringLiteral("step"));
    ASSERT_NE(step, nullptr);
    step->setText(QStringLiteral("fortnightly"));
    EXPECT_FALSE(dialog.options());
    bool exportEnabled = true;
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("Export")))
            exportEnabled = b->isEnabled();
    EXPECT_FALSE(exportEnabled);
}

} // namespace
