#include "bundled_window_fixture.h"
#include "date_field.h"
#include "layer_panel.h"
#include "incident_table.h"
#include "main_window.h"
#include "map_canvas.h"
#include "time/time_controller.h"
#include "time_bar.h"
#include "time_panel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using TimeWindowTest = test::BundledWindowFixture;

TEST_F(TimeWindowTest, TheBarSpansTheDataAndItsHistogramCountsEveryIncident) {
    const TimeController* c = window.timeController();
    EXPECT_EQ(c->fullRange().beginDate(), QDate(2021, 6, 1));
    EXPECT_EQ(c->fullRange().endDate(), QDate(2026, 1, 1));
    TimeBar* bar = window.timePanel()->bar();
    // Each sample incident is counted once, in the bin where it starts.
    int total = 0;
    for (int n : bar->binCounts())
        total += n;
    EXPECT_EQ(total, 15);
    // Four and a half years on a bar of about 850 pixels: a bin a month; wider, a bin a week.
    EXPECT_EQ(bar->binUnit(), TimeBar::BinUnit::Month) << bar->width() << " px";
    window.resize(1900, 900);
    QCoreApplication::processEvents();
    EXPECT_EQ(bar->binUnit(), TimeBar::BinUnit::Week) << bar->width() << " px";
    total = 0;
    for (int n : bar->binCounts())
        total += n;
    EXPECT_EQ(total, 15);
}

TEST_F(TimeWindowTest, DraggingTheWindowChangesTheMapAndTheTable) {
    TimeBar* bar = window.timePanel()->bar();
    const QImage all = window.canvas()->lastFrame();
    EXPECT_EQ(window.incidentTable()->visibleRowCount(), 15);

    // Make a 30-day window at the far end (December 2025), by typing, then drag it by mouse to
    // an empty stretch (2024).
    window.timePanel()->fromEdit()->setDate(QDate(2025, 12, 1));
    window.timePanel()->toEdit()->setDate(QDate(2025, 12, 30));
    window.timePanel()->applyTypedDates();
    settle();
    const int december = window.incidentTable()->visibleRowCount();
    EXPECT_EQ(december, 1); // the 23-25 Dec infiltration (the Nov attacks end before 1 Dec)
    const QImage decImage = window.canvas()->lastFrame();
    EXPECT_NE(decImage, all);

    const TimeRange w = window.timeController()->range();
    const QPoint grab(qRound((bar->xOfDay(w.begin) + bar->xOfDay(w.end)) / 2), bar->height() / 2);
    const QPoint drop(qRound(bar->xOfDay(QDate(2024, 6, 15).toJulianDay())), bar->height() / 2);
    QTest::mousePress(bar, Qt::LeftButton, {}, grab);
    QTest::mouseMove(bar, drop);
    QTest::mouseRelease(bar, Qt::LeftButton, {}, drop);
    settle();
    const TimeRange moved = window.timeController()->range();
    EXPECT_EQ(moved.days(), w.days()); // dragging moves, it does not resize
    EXPECT_TRUE(moved.contains(QDate(2024, 6, 15).toJulianDay()));
    EXPECT_EQ(window.incidentTable()->visibleRowCount(), 0);
    EXPECT_NE(window.canvas()->lastFrame(), decImage);
}

TEST_F(TimeWindowTest, TheTypedWindowIsTheOneApplied) {
    window.timePanel()->fromEdit()->setDate(QDate(2021, 7, 1));
    window.timePanel()->toEdit()->setDate(QDate(2021, 7, 31));
    window.timePanel()->applyTypedDates();
    const TimeRange r = window.timeController()->range();
    EXPECT_EQ(r, TimeRange::fromInclusive(QDate(2021, 7, 1), QDate(2021, 7, 31)));
    EXPECT_EQ(window.canvas()->timeWindow(), r);
    EXPECT_EQ(window.timeWindow(), r);
    // The table follows the map's frame of that window.
    settle();
    // 5 troop crossings (4-5 July), the reservists (5 July) and the readiness check (22 July).
    EXPECT_EQ(window.incidentTable()->visibleRowCount(), 7);
}

TEST_F(TimeWindowTest, OutpostsAppearFromTheirOpeningAndCumulativeGrows) {
    TimeController* c = window.timeController();
    c->setRange(TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 23)));
    settle();
    const QImage before = window.canvas()->lastFrame();
    c->setRange(TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 24)));
    settle();
    EXPECT_NE(window.canvas()->lastFrame(), before); // the outposts and range appeared

    window.timePanel()->windowCombo()->setCurrentIndex(5); // cumulative
    EXPECT_EQ(c->windowSpec().mode, WindowSpec::Mode::Cumulative);
    c->setStep(*PlaybackStep::parse("1m"));
    c->play();
    c->pause();
    int last = -1;
    do {
        settle(); // the table shows the frame on the map
        const int rows = window.incidentTable()->visibleRowCount();
        EXPECT_GE(rows, last);
        last = rows;
    } while (c->stepForward());
    EXPECT_EQ(last, 15);
}

TEST_F(TimeWindowTest, RemovingTheIncidentLayerEmptiesTheTableAndTheBar) {
    const auto ids = window.layerPanel()->topFirstIds();
    emit window.layerPanel()->removeRequested(ids.front()); // the incidents (top of the list)
    EXPECT_EQ(window.incidentTable()->visibleRowCount(), 0);
    int total = 0;
    for (int n : window.timePanel()->bar()->binCounts())
        total += n;
    EXPECT_EQ(total, 0);
}

TEST_F(TimeWindowTest, TheStepShownIsTheStepUsed) {
    EXPECT_EQ(window.timePanel()->stepCombo()->currentText(), QStringLiteral("Week"));
    EXPECT_EQ(window.timeController()->step(), (PlaybackStep{PlaybackStep::Unit::Week, 1}));
    window.timePanel()->stepCombo()->setCurrentIndex(2);
    EXPECT_EQ(window.timeController()->step(), (PlaybackStep{PlaybackStep::Unit::Month, 1}));
}

} // namespace
