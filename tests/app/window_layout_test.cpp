#include "bundled_window_fixture.h"
#include "incident_table.h"
#include "layer_panel.h"
#include "legend_panel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using WindowLayoutTest = test::BundledWindowFixture;

// Every dock is visible (or a tab of a visible group) and lies wholly inside the window.
void expectDocksInside(const MainWindow& window) {
    const QRect inside = window.rect();
    for (const QDockWidget* dock : window.docks()) {
        EXPECT_FALSE(dock->isHidden()) << dock->windowTitle().toStdString();
        if (!dock->isVisible() || dock->visibleRegion().isEmpty()) {
            // A tab behind another: the group it belongs to must be on screen.
            bool groupShown = false;
            for (const QDockWidget* other : window.tabifiedDockWidgets(const_cast<QDockWidget*>(dock)))
                groupShown = groupShown || other->isVisible();
            EXPECT_TRUE(groupShown) << dock->windowTitle().toStdString();
            continue;
        }
        const QRect r(dock->mapTo(&window, QPoint(0, 0)), dock->size());
        EXPECT_TRUE(inside.contains(r)) << dock->windowTitle().toStdString() << " at "
                                        << r.x() << "," << r.y() << " " << r.width() << "×"
                                        << r.height() << " in " << inside.width() << "×"
                                        << inside.height();
    }
}

TEST_F(WindowLayoutTest, TheWindowFitsALaptopScreenWithEveryDockShown) {
    // Issue 11: the window could not be narrower than 1,803 pixels.
    const QSize minimum = window.layout()->minimumSize();
    EXPECT_LE(minimum.width(), 1366);
    EXPECT_LE(minimum.height(), 700); // 768 less a title bar and a task bar
    window.resize(1366, 768);
    settle();
    EXPECT_EQ(window.width(), 1366);
    EXPECT_EQ(window.height(), 768);
    expectDocksInside(window);
    // The map keeps most of the width.
    EXPECT_GE(window.canvas()->width(), 600);
}

TEST_F(WindowLayoutTest, DocksTabTogetherCloseAndComeBackFromTheViewMenu) {
    window.resize(1366, 768);
    QDockWidget* layers = window.docks()[0];
    QDockWidget* legend = window.docks()[1];
    window.tabifyDockWidget(layers, legend);
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.tabifiedDockWidgets(layers).contains(legend));
    expectDocksInside(window);

    // View ▸ Panels lists every dock; unticking closes it, ticking brings it back.
    QMenu* view = nullptr;
    for (QAction* a : window.menuBar()->actions())
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("View"))
            view = a->menu();
    ASSERT_NE(view, nullptr);
    QMenu* panels = nullptr;
    for (QAction* a : view->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QStringLiteral("Panels"))
            panels = a->menu();
    ASSERT_NE(panels, nullptr);
    ASSERT_EQ(panels->actions().size(), static_cast<qsizetype>(window.docks().size()));
    QDockWidget* identify = window.docks()[2];
    QAction* toggle = identify->toggleViewAction();
    EXPECT_TRUE(panels->actions().contains(toggle));
    toggle->trigger();
    EXPECT_TRUE(identify->isHidden());
    toggle->trigger();
    EXPECT_FALSE(identify->isHidden());
}

TEST_F(WindowLayoutTest, LongNamesElideWithTheWholeNameInTheTooltip) {
    window.resize(1366, 768);
    settle();
    auto* list = window.layerPanel()->findChild<QListWidget*>();
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    EXPECT_EQ(list->textElideMode(), Qt::ElideRight);
    bool sawLongName = false;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        EXPECT_TRUE(item->toolTip().startsWith(item->text())) << item->text().toStdString();
        sawLongName = sawLongName ||
                      list->fontMetrics().horizontalAdvance(item->text()) > list->viewport()->width();
    }
    EXPECT_TRUE(sawLongName); // the sample layers have names longer than a narrow dock
}

TEST(WindowLayout, DocksAndColumnsAreRememberedBetweenSessions) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BorderLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("window_layout_test"));
    QSettings().clear();
    {
        MainWindow first;
        first.restoreLayout(); // nothing saved yet: the defaults
        first.resize(1300, 760);
        first.show();
        QCoreApplication::processEvents();
        first.tabifyDockWidget(first.docks()[0], first.docks()[1]);
        first.docks()[2]->hide();
        first.incidentTable()->view()->horizontalHeader()->resizeSection(0, 211);
        first.close(); // saves
    }
    MainWindow second;
    second.restoreLayout();
    second.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(second.size(), QSize(1300, 760));
    EXPECT_TRUE(second.tabifiedDockWidgets(second.docks()[0]).contains(second.docks()[1]));
    EXPECT_TRUE(second.docks()[2]->isHidden());
    EXPECT_EQ(second.incidentTable()->view()->horizontalHeader()->sectionSize(0), 211);
    QSettings().clear();
}

} // namespace
