// What the viewer's Export Map writes against what its canvas shows, on a screen with a device
// pixel ratio of 2 (this binary runs with QT_SCALE_FACTOR=2, see tests/CMakeLists.txt).
#include "bundled_window_fixture.h"
#include "export_dialog.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map/facility_map_layer.h"
#include "map_canvas.h"
#include "time/time_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using BundledWindow = test::BundledWindowFixture;

template <typename W> W* child(QObject& parent, const char* name) {
    W* w = parent.findChild<W*>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

TEST_F(BundledWindow, AnExportDrawsExactlyWhatTheScreenShows) {
    // QGIS #42932: exported frames differ from the screen. The Export Map dialog, map only, at
    // the canvas's size in device pixels and its DPI, must write the picture the canvas shows.
    QStandardPaths::setTestModeEnabled(true); // the dialog's remembered settings stay out of it
    QCoreApplication::setApplicationName(QStringLiteral("screen_export_test"));
    QSettings().clear();
    MapCanvas* canvas = window.canvas();
    ASSERT_EQ(canvas->devicePixelRatioF(), 2.0);
    window.timeController()->setRange(
        TimeRange::fromInclusive(QDate(2025, 11, 24), QDate(2025, 12, 31)));
    // The screen names the outposts; an export does so only with its labels option, which also
    // names every incident. The outposts are hidden so that the two can be compared.
    for (const auto& e : window.layers().entries()) {
        if (dynamic_cast<const FacilityMapLayer*>(e.layer.get()))
            window.layerPanel()->setLayerVisible(e.layer->id(), false);
    }
    settle();
    const QImage screen = canvas->grab().toImage().convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(screen.size(), canvas->size() * 2);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("screen.png"));
    ExportDialog dialog([this] { return window.currentMapSettings(); }, false, &window);
    child<QComboBox>(dialog, "format")->setCurrentIndex(0); // PNG
    child<QRadioButton>(dialog, "byPixels")->setChecked(true);
    child<QSpinBox>(dialog, "width")->setValue(screen.width());
    child<QSpinBox>(dialog, "height")->setValue(screen.height());
    child<QDoubleSpinBox>(dialog, "dpi")->setValue(canvas->logicalDpiX() * 2.0);
    child<QCheckBox>(dialog, "mapOnly")->setChecked(true);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.exportTo(path);
    ASSERT_TRUE(finished.wait(30000));
    ASSERT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();
    const QImage exported = QImage(path).convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(exported.size(), screen.size());

    // The canvas writes the window's dates over the map's top left corner and the credits
    // along its bottom (in device pixels here); the file has neither.
    QFont bold = canvas->font();
    bold.setBold(true);
    const QString caption = window.timeWindow().toDisplayString();
    const QRect captionBox(0, 0, 2 * (QFontMetrics(bold).horizontalAdvance(caption) + 30),
                           2 * (QFontMetrics(bold).height() + 20));
    const int creditLines = 3 * QFontMetrics(canvas->font()).lineSpacing() + 12;
    const QRect creditsBox(0, screen.height() - 2 * creditLines, screen.width(), 2 * creditLines);
    int differing = 0;
    for (int y = 0; y < screen.height(); ++y) {
        for (int x = 0; x < screen.width(); ++x) {
            if (!captionBox.contains(x, y) && !creditsBox.contains(x, y) &&
                screen.pixel(x, y) != exported.pixel(x, y))
                ++differing;
        }
    }
    EXPECT_EQ(differing, 0) << "of " << screen.width() * screen.height() << " pixels";
    QSettings().clear();
}

} // namespace
