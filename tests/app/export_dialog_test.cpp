// The viewer's export pieces: the Export Map dialog (live preview, export on a worker,
// remembered settings), the frame-series runner (progress, cancel) and the clipboard image.
#include "export/layout_renderer.h"
#include "export/sample_briefing.h"
#include "export_dialog.h"
#include "frame_export_runner.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map_clipboard.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const TimeRange kDecember = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));

class ExportViewerTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Keep the user's real settings out of it.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BorderLensTests"));
        // One settings file per test: ctest runs the tests of this file in parallel processes.
        QCoreApplication::setApplicationName(
            QStringLiteral("export_dialog_test_") +
            QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        QSettings().clear();
        m_map = sampleBriefingMap(kDecember);
        m_map.outputSize = QSize(900, 600);
    }
    void TearDown() override { QSettings().clear(); }
    MapSettings m_map;
};

TEST_F(ExportViewerTest, DialogPreviewsExportsAndRemembers) {
    int snapshots = 0;
    auto snapshot = [&] {
        ++snapshots;
        return m_map;
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brief.png"));
    {
        ExportDialog dialog(snapshot, false);
        dialog.show();
        QSignalSpy preview(&dialog, &ExportDialog::previewUpdated);
        ASSERT_TRUE(preview.wait(15000));
        // An A4 landscape page (the default), scaled into the preview.
        const QImage& image = dialog.previewImage();
        ASSERT_FALSE(image.isNull());
        EXPECT_NEAR(static_cast<double>(image.width()) / image.height(), 297.0 / 210.0, 0.02);

        const ExportOptions defaults = dialog.options();
        EXPECT_EQ(defaults.page.kind, PageSetup::Kind::Paper);
        EXPECT_EQ(defaults.page.sizePx(), QSize(3508, 2480));
        EXPECT_TRUE(dialog.layout().legend);
        EXPECT_FALSE(dialog.layout().mapOnly);

        auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("title"));
        ASSERT_NE(title, nullptr);
        title->setText(QStringLiteral("Daily border brief"));
        EXPECT_EQ(dialog.layout().title, QStringLiteral("Daily border brief"));
        // A change re-renders the preview.
        ASSERT_TRUE(preview.wait(15000));

        QSignalSpy done(&dialog, &ExportDialog::exportFinished);
        dialog.exportTo(path);
        ASSERT_TRUE(done.wait(30000));
        EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
        EXPECT_EQ(dialog.writtenFile(), path);
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(QImage(path).size(), QSize(3508, 2480));
    EXPECT_GE(snapshots, 2); // at opening and again at export

    // The next dialog starts from the last settings.
    ExportDialog again(snapshot, false);
    EXPECT_EQ(again.layout().title, QStringLiteral("Daily border brief"));
}

// Whether the map's incident and facility layers name their features.
std::pair<bool, bool> labelsOf(const MapSettings& map) {
    bool incidents = false, facilities = false;
    for (const auto& layer : map.layers) {
        if (const auto* i = dynamic_cast<const IncidentMapLayer*>(layer.get()))
            incidents = i->options().labels;
        if (const auto* f = dynamic_cast<const FacilityMapLayer*>(layer.get()))
            facilities = f->labels();
    }
    return {incidents, facilities};
}

// The labels option (borderlens-cli --labels) names incidents and facilities on the exported
// copy of the layers, never on the screen's; it is remembered like the other settings.
TEST_F(ExportViewerTest, LabelsOptionReachesTheExportedLayersOnly) {
    const auto screenLayers = m_map.layers;
    const auto screenLabels = labelsOf(m_map);
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    const QString labelled = dir.filePath(QStringLiteral("labelled.png"));
    {
        ExportDialog dialog([this] { return m_map; }, false);
        auto* labels = dialog.findChild<QCheckBox*>(QStringLiteral("labels"));
        ASSERT_NE(labels, nullptr);
        EXPECT_FALSE(labels->isChecked()); // off by default, as in the CLI
        EXPECT_EQ(labelsOf(dialog.mapToExport()), std::make_pair(false, false));
        QSignalSpy done(&dialog, &ExportDialog::exportFinished);
        dialog.exportTo(plain);
        ASSERT_TRUE(done.wait(30000));
    }
    {
        ExportDialog dialog([this] { return m_map; }, false);
        auto* labels = dialog.findChild<QCheckBox*>(QStringLiteral("labels"));
        ASSERT_NE(labels, nullptr);
        labels->setChecked(true);
        EXPECT_EQ(labelsOf(dialog.mapToExport()), std::make_pair(true, true));
        QSignalSpy done(&dialog, &ExportDialog::exportFinished);
        dialog.exportTo(labelled);
        ASSERT_TRUE(done.wait(30000));
        EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
    }
    // The screen's layers are the same objects, as they were.
    EXPECT_EQ(m_map.layers, screenLayers);
    EXPECT_EQ(labelsOf(m_map), screenLabels);
    // The names are on the exported page: it differs from the one without them.
    const QImage a(plain), b(labelled);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_NE(a, b);
    // Remembered.
    ExportDialog again([this] { return m_map; }, false);
    EXPECT_TRUE(again.findChild<QCheckBox*>(QStringLiteral("labels"))->isChecked());
}

// When the legend crowds out the locator inset, the dialog says so beside its preview.
TEST_F(ExportViewerTest, TheLayoutsNoteIsShownBesideThePreview) {
    const PageSetup a4 = PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, 300);
    const QString insetNote = QStringLiteral("the locator inset was left out: the legend needs the "
                                             "room; shorten the legend or use a larger page");
    // The shortest legend that crowds the inset out of the dialog's default page (A4 landscape).
    const BriefingLayout asSetUp = ExportDialog([this] { return m_map; }, false).layout();
    MapSettings crowded;
    for (int entries = 10; entries <= 90 && crowded.layers.empty(); entries += 2) {
        MapSettings map = m_map;
        map.layers.push_back(longLegendLayer(entries));
        if (LayoutRenderer::layout(QSizeF(a4.sizePx()), a4.dpi, map, asSetUp)
                .notes.contains(insetNote))
            crowded = map;
    }
    ASSERT_FALSE(crowded.layers.empty());

    ExportDialog dialog([&] { return crowded; }, false);
    dialog.show();
    QSignalSpy preview(&dialog, &ExportDialog::previewUpdated);
    ASSERT_TRUE(preview.wait(15000));
    EXPECT_EQ(dialog.layoutNotes(), QStringList{insetNote});
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("layoutNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    EXPECT_TRUE(note->text().startsWith(QStringLiteral("The locator inset was left out")))
        << note->text().toStdString();

    // Without the inset there is nothing to say.
    dialog.findChild<QCheckBox*>(QStringLiteral("inset"))->setChecked(false);
    ASSERT_TRUE(preview.wait(15000));
    EXPECT_TRUE(dialog.layoutNotes().isEmpty());
    EXPECT_FALSE(note->isVisible());
}

TEST_F(ExportViewerTest, DialogKeepsOpenAndSaysWhyWhenTheExportFails) {
    ExportDialog dialog([this] { return m_map; }, false);
    QSignalSpy done(&dialog, &ExportDialog::exportFinished);
    dialog.exportTo(QStringLiteral("/no/such/folder/brief.pdf"));
    ASSERT_TRUE(done.wait(30000));
    EXPECT_FALSE(done.at(0).at(0).toBool());
    EXPECT_TRUE(done.at(0).at(1).toString().contains(QStringLiteral("does not exist")));
    EXPECT_NE(dialog.result(), QDialog::Accepted);
}

TEST_F(ExportViewerTest, FrameRunnerReportsProgressAndCancels) {
    FrameSeries::Options o;
    o.page = PageSetup::pixelSize(QSize(320, 200), 72);
    o.range = kDecember;
    o.step = *PlaybackStep::parse(QStringLiteral("7d"));
    o.window = *WindowSpec::parse(QStringLiteral("7d"));
    QTemporaryDir dir;
    QTemporaryDir many; // outlives the runner, whose destructor waits for its worker
    FrameExportRunner runner;
    QSignalSpy finished(&runner, &FrameExportRunner::finished);
    ASSERT_TRUE(runner.start(dir.path(), o, m_map, sampleLayout()));
    EXPECT_FALSE(runner.start(dir.path(), o, m_map, sampleLayout())); // one run at a time
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    EXPECT_EQ(finished.at(0).at(1).value<FrameSeries::Report>().files.size(), 5);
    EXPECT_EQ(runner.progressDialog()->maximum(), 5);

    // A long series, cancelled from the dialog: it stops between frames and says so.
    o.range = TimeRange::fromInclusive(QDate(2021, 1, 1), QDate(2025, 12, 31));
    o.step = *PlaybackStep::parse(QStringLiteral("1d"));
    finished.clear();
    ASSERT_TRUE(runner.start(many.path(), o, m_map, sampleLayout()));
    auto* cancelButton = runner.progressDialog()->findChild<QPushButton*>();
    ASSERT_NE(cancelButton, nullptr);
    cancelButton->click(); // as the user would
    ASSERT_TRUE(finished.wait(30000));
    const auto report = finished.at(0).at(1).value<FrameSeries::Report>();
    EXPECT_TRUE(report.cancelled);
    EXPECT_LT(report.files.size(), 100);
}

TEST_F(ExportViewerTest, ClipboardImageIsTheMapOrTheBriefingPage) {
    EXPECT_EQ(clipboardImage(m_map, std::nullopt).size(), QSize(900, 600));
    EXPECT_EQ(clipboardImage(m_map, sampleLayout()).size(), QSize(1920, 1080));
}

} // namespace

namespace {

TEST_F(ExportViewerTest, ABriefingFromAProjectIsWhatTheDialogShowsAndGivesBack) {
    ExportDialog dialog([this] { return m_map; }, false);
    ProjectExport briefing;
    briefing.title = QStringLiteral("Panj, December");
    briefing.banner = QStringLiteral("FOR BRIEFING");
    briefing.size = QSize(1280, 720);
    briefing.inset = false;
    briefing.graticule = false;
    briefing.labels = true;
    dialog.setBriefing(briefing);
    const ProjectExport back = dialog.briefing();
    EXPECT_EQ(back.title, briefing.title);
    EXPECT_EQ(back.banner, briefing.banner);
    EXPECT_EQ(back.size, briefing.size);
    EXPECT_EQ(back.inset, false);
    EXPECT_EQ(back.graticule, false);
    EXPECT_EQ(back.labels, true);
    EXPECT_EQ(back.legend, true);
    EXPECT_EQ(dialog.layout().title, briefing.title); // and the page follows it
}

} // namespace
