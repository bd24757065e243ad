#include "time/date_precision.h"
#include "time/time_index.h"

#include <gtest/gtest.h>

#include <random>

using namespace borderlens;

namespace {
std::int64_t jd(int y, int m, int d) { return QDate(y, m, d).toJulianDay(); }
} // namespace

TEST(TimeRange, HalfOpenBoundaries) {
    // An incident on 2025-12-24 is in [2025-12-24, 2025-12-25) and not in [2025-12-25, ...).
    const TimeRange day = eventSpan(QDate(2025, 12, 24), std::nullopt, DatePrecision::Day);
    EXPECT_TRUE(TimeRange::fromHalfOpen(QDate(2025, 12, 24), QDate(2025, 12, 25)).overlaps(day));
    EXPECT_FALSE(TimeRange::fromHalfOpen(QDate(2025, 12, 25), QDate(2026, 1, 25)).overlaps(day));
    EXPECT_FALSE(TimeRange::fromHalfOpen(QDate(2025, 12, 1), QDate(2025, 12, 24)).overlaps(day));
    // "to 31 December" inclusive becomes [.., 1 January).
    const TimeRange dec = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    EXPECT_EQ(dec.days(), 31);
    EXPECT_EQ(dec.endDate(), QDate(2026, 1, 1));
    EXPECT_EQ(dec.toDisplayString(), QStringLiteral("1 Dec 2025 – 31 Dec 2025 (31 days)"));
}

TEST(TimeRange, MonthAndYearPrecisionCoverTheirWholePeriod) {
    const TimeRange month = eventSpan(QDate(2025, 12, 1), std::nullopt, DatePrecision::Month);
    EXPECT_EQ(month.begin, jd(2025, 12, 1));
    EXPECT_EQ(month.end, jd(2026, 1, 1));
    // Any window touching December sees a month-precision December incident...
    EXPECT_TRUE(TimeRange::fromInclusive(QDate(2025, 12, 31), QDate(2026, 1, 5)).overlaps(month));
    EXPECT_TRUE(TimeRange::fromInclusive(QDate(2025, 11, 20), QDate(2025, 12, 1)).overlaps(month));
    // ...and a window that does not touch it does not.
    EXPECT_FALSE(TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 11, 30)).overlaps(month));
    const TimeRange year = eventSpan(QDate(2022, 6, 15), std::nullopt, DatePrecision::Year);
    EXPECT_EQ(year.begin, jd(2022, 1, 1));
    EXPECT_EQ(year.days(), 365);
    // An explicit last day wins over precision, inclusive.
    const TimeRange span = eventSpan(QDate(2025, 12, 24), QDate(2025, 12, 25), DatePrecision::Day);
    EXPECT_EQ(span.days(), 2);
}

TEST(TimeRange, ParsesIsoDatesIndependentlyOfLocale) {
    const auto full = parseIsoDate(QStringLiteral("2025-12-24"));
    ASSERT_TRUE(full);
    EXPECT_EQ(full->date, QDate(2025, 12, 24));
    EXPECT_FALSE(full->impliedPrecision);
    const auto month = parseIsoDate(QStringLiteral("2025-12"));
    ASSERT_TRUE(month);
    EXPECT_EQ(month->impliedPrecision, DatePrecision::Month);
    EXPECT_TRUE(parseIsoDate(QStringLiteral("2021-07-05 00:00:00.000")));
    EXPECT_FALSE(parseIsoDate(QStringLiteral("24.12.2025")));
    EXPECT_FALSE(parseIsoDate(QStringLiteral("2025-02-30")));
}

TEST(TimeIndex, AgreesWithABruteForceScan) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> day(0, 5 * 365);
    std::discrete_distribution<int> length({80, 8, 6, 5, 1}); // day, week, month, year, long
    const int lengths[] = {1, 7, 30, 365, 900};
    std::vector<std::int64_t> b, e;
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t s = 2'460'000 + day(rng);
        b.push_back(s);
        e.push_back(s + lengths[length(rng)]);
    }
    const TimeIndex index(b, e);
    for (int q = 0; q < 200; ++q) {
        const std::int64_t start = 2'460'000 - 50 + day(rng);
        const TimeRange w{start, start + 1 + (q % 90)};
        std::vector<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < b.size(); ++i)
            if (w.overlaps(b[i], e[i]))
                expected.push_back(i);
        ASSERT_EQ(index.select(w), expected) << "window " << w.begin << ".." << w.end;
        ASSERT_EQ(index.count(w), expected.size());
    }
    EXPECT_EQ(index.select(TimeRange::all()).size(), b.size());
    EXPECT_TRUE(index.select(TimeRange{5, 5}).empty());
}

TEST(TimeIndex, OpenEndedSpansAreFoundByAnyLaterWindow) {
    // A facility opened on 24 Dec 2025 and never closed, and one with no known dates at all.
    const std::vector<std::int64_t> b{jd(2025, 12, 24), TimeRange::all().begin, jd(2021, 7, 5)};
    const std::vector<std::int64_t> e{TimeRange::all().end, TimeRange::all().end, jd(2021, 7, 6)};
    const TimeIndex index(b, e);
    EXPECT_EQ(index.select(TimeRange::fromInclusive(QDate(2026, 3, 1), QDate(2026, 3, 31))),
              (std::vector<std::uint32_t>{0, 1}));
    EXPECT_EQ(index.select(TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 23))),
              (std::vector<std::uint32_t>{1}));
    EXPECT_EQ(index.select(TimeRange::all()).size(), 3u);
}
