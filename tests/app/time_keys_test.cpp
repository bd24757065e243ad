#include "bundled_window_fixture.h"
#include "date_field.h"
#include "incident_table.h"
#include "legend_panel.h"
#include "time/time_controller.h"
#include "time_bar.h"
#include "time_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using TimeKeysTest = test::BundledWindowFixture;

// Types `text` over whatever the field holds, as a user who selects it all and types does.
void typeOver(DateField* field, const QString& text) {
    field->setFocus();
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), text);
    QTest::keyClick(field->lineEdit(), Qt::Key_Return);
}

TEST_F(TimeKeysTest, AWholeDateTypedOverTheFieldIsApplied) {
    // Issue 11: 2025-12-31 typed over 2024-12-31 left 2024-12-31 (QDateEdit refused it).
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.timeController()->setRange(
        TimeRange::fromInclusive(QDate(2024, 11, 1), QDate(2024, 12, 31)));
    typeOver(window.timePanel()->toEdit(), QStringLiteral("2025-12-31"));
    EXPECT_EQ(window.timePanel()->toEdit()->date(), QDate(2025, 12, 31));
    EXPECT_EQ(window.timeController()->range().lastDate(), QDate(2025, 12, 31));
    typeOver(window.timePanel()->fromEdit(), QStringLiteral("2025-1-5")); // lazy typing works
    EXPECT_EQ(window.timeController()->range(),
              TimeRange::fromInclusive(QDate(2025, 1, 5), QDate(2025, 12, 31)));
    EXPECT_EQ(window.timePanel()->fromEdit()->lineEdit()->text(), QStringLiteral("2025-01-05"));
}

TEST_F(TimeKeysTest, AnInvalidTypedDateSaysSoAndChangesNothing) {
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    const TimeRange before = window.timeController()->range();
    QSignalSpy messages(window.timePanel(), &TimePanel::message);
    typeOver(window.timePanel()->toEdit(), QStringLiteral("2025-02-30"));
    EXPECT_EQ(window.timeController()->range(), before);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.first().at(0).toString().contains(QStringLiteral("2025-02-30")));
    EXPECT_FALSE(window.timePanel()->toEdit()->error().isEmpty());
    // What was typed stays, to be corrected.
    EXPECT_EQ(window.timePanel()->toEdit()->lineEdit()->text(), QStringLiteral("2025-02-30"));
    typeOver(window.timePanel()->toEdit(), QStringLiteral("31 Dec"));
    EXPECT_TRUE(window.timePanel()->toEdit()->error().contains(QStringLiteral("yyyy-mm-dd")));
}

TEST_F(TimeKeysTest, SpaceArrowsHomeAndEndWorkWithTheMapFocused) {
    // Issue 11: they worked only on the histogram.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    TimeController* c = window.timeController();
    c->setRange(TimeRange::fromInclusive(QDate(2023, 1, 1), QDate(2023, 1, 30)));
    c->setStep(*PlaybackStep::parse("7d"));
    const TimeRange start = c->range();
    const Extent viewBefore = window.canvas()->viewport().visibleExtent();
    window.canvas()->setFocus();
    ASSERT_TRUE(window.canvas()->hasFocus());
    QTest::keyClick(window.canvas(), Qt::Key_Right);
    EXPECT_EQ(c->range().begin, start.begin + 7);
    QTest::keyClick(window.canvas(), Qt::Key_Left);
    EXPECT_EQ(c->range(), start);
    EXPECT_EQ(window.canvas()->viewport().visibleExtent(), viewBefore); // a time step, not a pan
    QTest::keyClick(window.canvas(), Qt::Key_Home);
    EXPECT_EQ(c->range(), c->frames().front());
    QTest::keyClick(window.canvas(), Qt::Key_End);
    EXPECT_TRUE(c->atEnd());
    QTest::keyClick(window.canvas(), Qt::Key_Space);
    EXPECT_TRUE(c->isPlaying());
    QTest::keyClick(window.canvas(), Qt::Key_Space);
    EXPECT_FALSE(c->isPlaying());
    // Shift+arrows still pan.
    QTest::keyClick(window.canvas(), Qt::Key_Right, Qt::ShiftModifier);
    EXPECT_NE(window.canvas()->viewport().visibleExtent(), viewBefore);
}

TEST_F(TimeKeysTest, TheSameKeysWorkOnTheTimeBarAndItsButtons) {
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    TimeController* c = window.timeController();
    c->setRange(TimeRange::fromInclusive(QDate(2023, 1, 1), QDate(2023, 1, 30)));
    c->setStep(*PlaybackStep::parse("7d"));
    const TimeRange start = c->range();
    QWidget* targets[] = {window.timePanel()->bar(), window.timePanel()->playButton()};
    for (QWidget* w : targets) {
        w->setFocus();
        QTest::keyClick(w, Qt::Key_Right);
        EXPECT_EQ(c->range().begin, start.begin + 7);
        QTest::keyClick(w, Qt::Key_Left);
        EXPECT_EQ(c->range(), start);
        QTest::keyClick(w, Qt::Key_Space);
        EXPECT_TRUE(c->isPlaying());
        QTest::keyClick(w, Qt::Key_Space);
        EXPECT_FALSE(c->isPlaying());
        c->setRange(start);
    }
    // A date field keeps its arrows for its cursor.
    DateField* to = window.timePanel()->toEdit();
    to->setFocus();
    to->lineEdit()->setCursorPosition(5);
    QTest::keyClick(to->lineEdit(), Qt::Key_Left);
    EXPECT_EQ(to->lineEdit()->cursorPosition(), 4);
    EXPECT_EQ(c->range(), start);
}

TEST_F(TimeKeysTest, CaptionTableAndLegendShowTheMapsFrameAtTenFramesASecond) {
    // Issue 11: at 10 fps the map trailed the caption and table by a frame or two. Whenever a
    // frame reaches the screen, everything that describes it must describe that frame.
    TimeController* c = window.timeController();
    c->setWindowSpec(*WindowSpec::parse("30d"));
    c->setStep(*PlaybackStep::parse("1d"));
    c->setFramesPerSecond(10);
    int shown = 0, mismatched = 0;
    QObject::connect(window.canvas(), &MapCanvas::frameRendered, &window, [&] {
        const TimeRange frame = window.canvas()->frameSettings().time;
        ++shown;
        const bool captionOk =
            window.timePanel()->caption()->text() == frame.toDisplayString();
        const bool tableOk = window.incidentTable()->window() == frame;
        if (!captionOk || !tableOk)
            ++mismatched;
    });
    c->goToStart();
    c->play();
    // Twelve frames shown while playing, however long a loaded machine takes to draw them.
    QSignalSpy frames(window.canvas(), &MapCanvas::frameRendered);
    while (shown < 12)
        ASSERT_TRUE(frames.wait(10000));
    c->pause();
    settle();
    EXPECT_GE(shown, 10); // it did play
    EXPECT_EQ(mismatched, 0);
    EXPECT_EQ(window.timePanel()->caption()->text(), c->range().toDisplayString());
}

} // namespace
