// Frames and the time controller, with a test for each known defect of the reference tools
// that applies to this design (QGIS issue numbers in the test names' comments).
#include "time/frame_sequence.h"
#include "time/time_controller.h"
#include "support/allocation_counter.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <map>

using namespace borderlens;

namespace {

std::int64_t jd(int y, int m, int d) { return QDate(y, m, d).toJulianDay(); }
const TimeRange kDecember = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));

TEST(Frames, SevenDayStepsOverDecemberGiveFiveFramesTheLastIncluded) {
    const auto frames = frameWindows(kDecember, *PlaybackStep::parse("7d"), *WindowSpec::parse("7d"));
    ASSERT_EQ(frames.size(), 5u); // ends 8, 15, 22, 29 Dec and 1 Jan
    EXPECT_EQ(frames.front(), (TimeRange{jd(2025, 12, 1), jd(2025, 12, 8)}));
    EXPECT_EQ(frames.back(), (TimeRange{jd(2025, 12, 29), jd(2026, 1, 1)}));
    EXPECT_GT(frames.back().days(), 0); // QGIS #40777: the last frame has length
}

TEST(Frames, AWindowAsLongAsTheStepCoversEveryDayExactlyOnce) {
    for (const char* step : {"1d", "3d", "7d", "10d"}) {
        const auto frames = frameWindows(kDecember, *PlaybackStep::parse(step),
                                         *WindowSpec::parse(QString::fromLatin1(step)));
        std::map<std::int64_t, int> seen;
        for (const TimeRange& f : frames)
            for (std::int64_t d = f.begin; d < f.end; ++d)
                ++seen[d];
        ASSERT_EQ(seen.size(), 31u) << step; // no gaps (the last day is reachable: #52857)
        for (const auto& [day, n] : seen)
            EXPECT_EQ(n, 1) << step << " day " << day; // no double counting
    }
}

TEST(Frames, CountIsTheNumberOfStepsNeededToCoverTheRange) {
    // QGIS #36138: a wrong frame count. ceil(days / step) for fixed-length steps.
    for (int days : {1, 6, 7, 8, 30, 31, 365, 366}) {
        for (int step : {1, 2, 7, 30}) {
            const TimeRange r{jd(2021, 1, 1), jd(2021, 1, 1) + days};
            const auto frames = frameWindows(r, PlaybackStep{PlaybackStep::Unit::Day, step},
                                             WindowSpec{WindowSpec::Mode::Moving, step});
            EXPECT_EQ(frames.size(), static_cast<std::size_t>((days + step - 1) / step))
                << days << " days, step " << step;
            EXPECT_EQ(frames.back().end, r.end);
        }
    }
}

TEST(Frames, CumulativeFramesGrowFromTheStartAndNeverShrink) {
    const auto frames = frameWindows(kDecember, *PlaybackStep::parse("7d"),
                                     *WindowSpec::parse("cumulative"));
    ASSERT_EQ(frames.size(), 5u);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(frames[i].begin, kDecember.begin); // QGIS #63846: cumulative is honoured
        if (i > 0) {
            EXPECT_GT(frames[i].end, frames[i - 1].end);
        }
    }
    EXPECT_EQ(frames.back(), kDecember);
}

TEST(Frames, CalendarMonthStepsLandOnMonthEnds) {
    const TimeRange r{jd(2021, 1, 31), jd(2021, 6, 1)};
    const auto frames = frameWindows(r, *PlaybackStep::parse("1m"), *WindowSpec::parse("cumulative"));
    // Ends (exclusive) on Feb 28, Mar 31, Apr 30, May 31, and the range end Jun 1.
    ASSERT_EQ(frames.size(), 5u);
    EXPECT_EQ(frames[0].end, jd(2021, 2, 28));
    EXPECT_EQ(frames[1].end, jd(2021, 3, 31)); // counted from the start, not Feb 28 + 1 month
    EXPECT_EQ(frames[3].end, jd(2021, 5, 31));
    EXPECT_EQ(frames[4].end, r.end);
}

std::vector<TimeRange> playThrough(TimeController& c) {
    std::vector<TimeRange> seen;
    QObject::connect(&c, &TimeController::rangeChanged,
                     [&](const TimeRange& r) { seen.push_back(r); });
    c.play();
    c.pause(); // the timer is not needed: step by hand to the end
    while (c.stepForward()) {
    }
    return seen;
}

TEST(TimeController, PlaybackShowsExactlyTheExportedFrames) {
    // QGIS #42932: exported frames differ from the screen. Here both come from frameWindows().
    for (const char* step : {"1d", "7d", "1m"}) {
        for (const char* window : {"30d", "7d", "cumulative"}) {
            TimeController c;
            c.setFullRange(TimeRange{jd(2025, 1, 31), jd(2025, 12, 24)});
            c.setStep(*PlaybackStep::parse(QString::fromLatin1(step)));
            c.setWindowSpec(*WindowSpec::parse(QString::fromLatin1(window)));
            const std::vector<TimeRange> seen = playThrough(c);
            EXPECT_EQ(seen, c.frames()) << step << " / " << window;
            EXPECT_TRUE(c.atEnd());
            EXPECT_EQ(c.range().end, c.fullRange().end); // the last frame was reached
        }
    }
}

TEST(TimeController, ChangingTheStepKeepsThePosition) {
    // QGIS #39994.
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2026, 1, 1)});
    c.setWindowSpec(*WindowSpec::parse("30d"));
    c.jumpTo(jd(2023, 8, 30));
    const TimeRange before = c.range();
    c.setStep(*PlaybackStep::parse("1m"));
    EXPECT_EQ(c.range(), before);
    c.stepForward();
    // The window ended (exclusive) on 31 Aug; a month later it ends on 30 Sep.
    EXPECT_EQ(c.range().end, jd(2023, 9, 30));
    EXPECT_EQ(c.range().days(), 30);
}

TEST(TimeController, JumpsToATypedWindow) {
    // QGIS #39107: no jump to a date.
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2026, 1, 1)});
    QSignalSpy spy(&c, &TimeController::rangeChanged);
    const TimeRange typed = TimeRange::fromInclusive(QDate(2025, 11, 24), QDate(2025, 12, 23));
    c.setRange(typed);
    EXPECT_EQ(c.range(), typed);
    EXPECT_EQ(c.windowSpec().lengthDays, 30);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.takeFirst().at(0).value<TimeRange>(), typed);
}

TEST(TimeController, NextIncidentStepsSkipEmptyFrames) {
    // QGIS #44648: skip empty frames. Three events years apart take three steps, not 1,800.
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2026, 1, 1)});
    c.setEventDays({jd(2021, 7, 5), jd(2023, 4, 26), jd(2025, 12, 24)});
    c.setWindowSpec(*WindowSpec::parse("7d"));
    c.setStepKind(TimeController::StepKind::NextEvent);
    c.play();
    c.pause();
    EXPECT_TRUE(c.range().contains(jd(2021, 7, 5)));
    ASSERT_TRUE(c.stepForward());
    EXPECT_TRUE(c.range().contains(jd(2023, 4, 26)));
    ASSERT_TRUE(c.stepForward());
    EXPECT_TRUE(c.range().contains(jd(2025, 12, 24)));
    ASSERT_TRUE(c.stepForward()); // to the end of the range
    EXPECT_TRUE(c.atEnd());
    EXPECT_FALSE(c.stepForward());
    ASSERT_TRUE(c.stepBackward());
    EXPECT_TRUE(c.range().contains(jd(2025, 12, 24)));
}

TEST(TimeController, LoopWrapsToTheFirstFrameAndResetShowsEverything) {
    TimeController c;
    c.setFullRange(kDecember);
    c.setStep(*PlaybackStep::parse("7d"));
    c.setWindowSpec(*WindowSpec::parse("7d"));
    c.setLoop(true);
    c.jumpTo(jd(2025, 12, 31));
    ASSERT_TRUE(c.atEnd());
    ASSERT_TRUE(c.stepForward());
    EXPECT_EQ(c.range(), (TimeRange{jd(2025, 12, 1), jd(2025, 12, 8)}));
    c.reset();
    EXPECT_EQ(c.range(), kDecember);
}

TEST(TimeController, OffModeShowsAllTime) {
    TimeController c;
    c.setFullRange(kDecember);
    c.setWindowSpec(*WindowSpec::parse("off"));
    EXPECT_TRUE(c.range().isAll());
}

TEST(TimeController, ALongSpanIsNotPrecomputed) {
    // QGIS #40786: a long span froze the UI while every frame was computed. Here a step is O(1):
    // a 100-year daily playback (36,525 frames, 584 KB as TimeRanges) moves from its first frame
    // to its second without building the others (frames() is only called by the exporter), so
    // what the controller allocates meanwhile is far below the size of the frame list.
    TimeController c;
    const std::size_t before = test::AllocationCounter::bytes();
    {
        const test::AllocationCounter counting;
        c.setFullRange(TimeRange{jd(1950, 1, 1), jd(2050, 1, 1)});
        c.setWindowSpec(*WindowSpec::parse("1d"));
        c.play();
        c.pause();
        c.stepForward();
    }
    const std::size_t allocated = test::AllocationCounter::bytes() - before;
    EXPECT_LT(allocated, 36525 * sizeof(TimeRange) / 16) << allocated << " bytes";
    EXPECT_EQ(c.range(), (TimeRange{jd(1950, 1, 2), jd(1950, 1, 3)}));
    c.stepBackward();
    EXPECT_EQ(c.range(), (TimeRange{jd(1950, 1, 1), jd(1950, 1, 2)}));
}

TEST(Frames, AStepLongerThanTheWindowNeverGivesAnEmptyOrInvertedFrame) {
    for (const TimeRange& r : {TimeRange{jd(2025, 1, 31), jd(2025, 12, 24)},
                               TimeRange{jd(2025, 11, 1), jd(2025, 12, 16)}}) {
        for (const char* step : {"1m", "14d"}) {
            const auto frames = frameWindows(r, *PlaybackStep::parse(QString::fromLatin1(step)),
                                             *WindowSpec::parse("7d"));
            for (const TimeRange& f : frames) {
                EXPECT_FALSE(f.isEmpty()) << step << " " << f.begin << ".." << f.end;
                EXPECT_LE(f.days(), 7);
            }
            EXPECT_EQ(frames.back().end, r.end);
        }
    }
}

TEST(TimeController, ChangingTheStepDuringPlaybackKeepsThePosition) {
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2026, 1, 1)});
    c.setWindowSpec(*WindowSpec::parse("7d"));
    c.setStep(*PlaybackStep::parse("1d"));
    c.play();
    c.pause();
    for (int i = 0; i < 10; ++i)
        c.stepForward();
    const TimeRange before = c.range();
    EXPECT_EQ(before.end, jd(2021, 1, 12));
    c.setStep(*PlaybackStep::parse("1m"));
    EXPECT_EQ(c.range(), before);
    c.stepForward();
    EXPECT_EQ(c.range().end, jd(2021, 2, 12)); // a month on, not a year (frame 10 of months)
}

TEST(TimeController, PlayKeepsTheWindowTheUserSetAndStartsWhereTheSliderIs) {
    // Issue 11: a custom 1,675-day window became 30 days and playback jumped to 2021.
    // The user's window is as long as the data's span but ends two months before its end.
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2021, 1, 1) + 1675});
    c.setStep(*PlaybackStep::parse("7d"));
    const TimeRange typed{jd(2025, 6, 1) - 1675, jd(2025, 6, 1)};
    c.setRange(typed);
    QSignalSpy settings(&c, &TimeController::settingsChanged);
    c.play();
    EXPECT_TRUE(c.isPlaying());
    EXPECT_EQ(c.windowSpec().lengthDays, 1675);
    EXPECT_EQ(c.range(), typed); // nothing moved until the first tick
    EXPECT_EQ(settings.count(), 0);
    c.stepForward(); // what the first tick does
    EXPECT_EQ(c.range(), (TimeRange{typed.begin + 7, typed.end + 7}));
    c.pause();
}

TEST(TimeController, PlayAtTheEndStartsAgainWithTheSameWindow) {
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 1, 1), jd(2026, 1, 1)}); // reset: one window of it all
    const std::int64_t whole = c.windowSpec().lengthDays;
    ASSERT_TRUE(c.atEnd());
    QSignalSpy ranges(&c, &TimeController::rangeChanged);
    c.play();
    c.pause();
    EXPECT_EQ(c.windowSpec().lengthDays, whole); // not shrunk to 30 days
    ASSERT_GE(ranges.count(), 1);
    EXPECT_EQ(ranges.last().at(0).value<TimeRange>(), c.range());
    // The first frame of a whole-span window stepping by days: clipped at the start of the data,
    // then growing; it is the exporter's first frame.
    EXPECT_EQ(c.range(), (TimeRange{jd(2021, 1, 1), jd(2021, 1, 2)}));
    EXPECT_EQ(c.range(), c.frames().front());
}

TEST(TimeController, HomeAndEndGoToTheFirstAndLastExportedFrames) {
    TimeController c;
    c.setFullRange(TimeRange{jd(2025, 1, 31), jd(2025, 12, 24)});
    c.setStep(*PlaybackStep::parse("1m"));
    c.setWindowSpec(*WindowSpec::parse("30d"));
    c.jumpTo(jd(2025, 6, 10));
    c.goToEnd();
    EXPECT_TRUE(c.atEnd());
    EXPECT_EQ(c.range(), c.frames().back());
    ASSERT_TRUE(c.stepBackward());
    EXPECT_EQ(c.range(), c.frames()[c.frames().size() - 2]); // back along the exported frames
    c.goToStart();
    EXPECT_EQ(c.range(), c.frames().front());
    EXPECT_FALSE(c.stepBackward());
}

TEST(TimeController, ATypedWindowBeyondTheDataIsShownAsTyped) {
    TimeController c;
    c.setFullRange(TimeRange{jd(2021, 6, 1), jd(2026, 1, 1)});
    const TimeRange typed = TimeRange::fromInclusive(QDate(2026, 2, 1), QDate(2026, 2, 28));
    c.setRange(typed);
    EXPECT_EQ(c.range(), typed);
}

} // namespace
