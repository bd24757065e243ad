#include "analysis/type_histogram.h"

#include <QDate>
#include <gtest/gtest.h>
#include <random>

using namespace borderlens;

namespace {

std::int64_t jd(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}

// One incident a day precise; its district named "d<code>" so a test can build the code column
// in the store's own row order.
Incident incident(int n, QDate day, IncidentType type, int district = 0, int killed = 0) {
    Incident i;
    i.id = QStringLiteral("T-%1").arg(n, 4, 10, QLatin1Char('0'));
    i.startDate = day;
    i.type = type;
    i.district = QStringLiteral("d%1").arg(district);
    if (killed)
        i.killed.best = killed;
    return i;
}

std::vector<std::uint16_t> districtCodes(const IncidentStore& store) {
    std::vector<std::uint16_t> codes(store.size());
    for (std::size_t i = 0; i < store.size(); ++i)
        codes[i] = static_cast<std::uint16_t>(store.district(i).mid(1).toInt());
    return codes;
}

TEST(TypeHistogramTest, PeriodsStartOnMondayAndOnTheFirst) {
    for (std::int64_t day = jd(2023, 12, 1); day < jd(2025, 3, 1); ++day) {
        const QDate d = QDate::fromJulianDay(day);
        const std::int64_t week = periodStart(HistogramPeriod::Week, day);
        EXPECT_EQ(QDate::fromJulianDay(week).dayOfWeek(), 1)
            << d.toString(Qt::ISODate).toStdString();
        EXPECT_LE(week, day);
        EXPECT_GT(week + 7, day);
        EXPECT_EQ(nextPeriodStart(HistogramPeriod::Week, week), week + 7);
        const std::int64_t month = periodStart(HistogramPeriod::Month, day);
        EXPECT_EQ(month, jd(d.year(), d.month(), 1)) << d.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(nextPeriodStart(HistogramPeriod::Month, month),
                  QDate(d.year(), d.month(), 1).addMonths(1).toJulianDay());
    }
}

TEST(TypeHistogramTest, WeeksAcrossTheYearBoundaryWithAnEmptyWeekBetween) {
    const IncidentStore store(std::vector<Incident>{
        incident(1, QDate(2024, 12, 28), IncidentType::ArmedClash),     // Sat: week of Mon 23 Dec
        incident(2, QDate(2024, 12, 30), IncidentType::ArmedClash),     // Mon 30 Dec
        incident(3, QDate(2025, 1, 1), IncidentType::DrugSeizure),      // Wed: week of 30 Dec
        incident(4, QDate(2025, 1, 5), IncidentType::ArmedClash, 0, 3), // Sun: week of 30 Dec
        incident(5, QDate(2025, 1, 6), IncidentType::Statement),        // Mon: week of 6 Jan
        incident(6, QDate(2025, 1, 20), IncidentType::Crossing),        // after an empty week
    });
    const TypeHistogram h = countByPeriodAndType(store, HistogramPeriod::Week);
    ASSERT_EQ(h.size(), 5u);
    const std::int64_t mondays[] = {jd(2024, 12, 23), jd(2024, 12, 30), jd(2025, 1, 6),
                                    jd(2025, 1, 13), jd(2025, 1, 20)};
    for (std::size_t p = 0; p < 5; ++p)
        EXPECT_EQ(h.periods[p], (TimeRange{mondays[p], mondays[p] + 7})) << p;
    EXPECT_EQ(h.count(0, IncidentType::ArmedClash), 1);
    EXPECT_EQ(h.count(1, IncidentType::ArmedClash), 2);
    EXPECT_EQ(h.count(1, IncidentType::DrugSeizure), 1);
    EXPECT_EQ(h.killed[1], 3);
    EXPECT_EQ(h.periodTotal(1), 3);
    EXPECT_EQ(h.count(2, IncidentType::Statement), 1);
    EXPECT_EQ(h.periodTotal(3), 0);
    EXPECT_EQ(h.count(4, IncidentType::Crossing), 1);
    EXPECT_EQ(h.total, 6);
    EXPECT_EQ(h.maxPeriodTotal(), 3);
    EXPECT_EQ(h.periodOf(jd(2025, 1, 12)), 2);
    EXPECT_EQ(h.periodOf(jd(2025, 1, 13)), 3);
    EXPECT_EQ(h.periodOf(jd(2024, 12, 22)), -1);
    EXPECT_EQ(h.periodOf(jd(2025, 1, 27)), -1);
}

TEST(TypeHistogramTest, MonthsOfDifferentLengthsWithEmptyMonthsBetween) {
    const IncidentStore store(std::vector<Incident>{
        incident(1, QDate(2024, 1, 31), IncidentType::CrossBorderFire),
        incident(2, QDate(2024, 2, 1), IncidentType::CrossBorderFire),
        incident(3, QDate(2024, 2, 29), IncidentType::WeaponsSeizure), // leap day: February
        incident(4, QDate(2024, 3, 1), IncidentType::WeaponsSeizure),
        incident(5, QDate(2024, 4, 30), IncidentType::Mobilisation),
        incident(6, QDate(2024, 8, 1), IncidentType::AttackOnCivilians), // May–July empty
    });
    const TypeHistogram h = countByPeriodAndType(store, HistogramPeriod::Month);
    ASSERT_EQ(h.size(), 8u);
    const int lengths[] = {31, 29, 31, 30, 31, 30, 31, 31};
    for (std::size_t p = 0; p < 8; ++p) {
        EXPECT_EQ(h.periods[p].begin, jd(2024, static_cast<int>(p) + 1, 1)) << p;
        EXPECT_EQ(h.periods[p].days(), lengths[p]) << p;
    }
    EXPECT_EQ(h.count(0, IncidentType::CrossBorderFire), 1);
    EXPECT_EQ(h.count(1, IncidentType::CrossBorderFire), 1);
    EXPECT_EQ(h.count(1, IncidentType::WeaponsSeizure), 1);
    EXPECT_EQ(h.count(2, IncidentType::WeaponsSeizure), 1);
    EXPECT_EQ(h.count(3, IncidentType::Mobilisation), 1);
    for (std::size_t p = 4; p < 7; ++p)
        EXPECT_EQ(h.periodTotal(p), 0) << p;
    EXPECT_EQ(h.count(7, IncidentType::AttackOnCivilians), 1);
    EXPECT_EQ(h.total, 6);
}

TEST(TypeHistogramTest, ACoveredRangeIsWidenedToWholePeriodsAndCountsOnlyWhatBeginsInIt) {
    const IncidentStore store(std::vector<Incident>{
        incident(1, QDate(2025, 1, 10), IncidentType::ArmedClash),
        incident(2, QDate(2025, 3, 15), IncidentType::ArmedClash),
        incident(3, QDate(2025, 5, 2), IncidentType::ArmedClash),
        incident(4, QDate(2025, 9, 9), IncidentType::ArmedClash),
    });
    // 20 Feb – 10 May: February to May, so the January and September incidents are outside.
    const TypeHistogram h = countByPeriodAndType(store, HistogramPeriod::Month,
                                                 TimeRange{jd(2025, 2, 20), jd(2025, 5, 11)});
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h.periods.front().begin, jd(2025, 2, 1));
    EXPECT_EQ(h.periods.back().end, jd(2025, 6, 1));
    EXPECT_EQ(h.total, 2);
    EXPECT_EQ(h.periodTotal(1), 1); // March
    EXPECT_EQ(h.periodTotal(3), 1); // May
    // A range wider than the data shows empty periods on both sides; all() is the data's span.
    const TypeHistogram wide = countByPeriodAndType(store, HistogramPeriod::Month,
                                                    TimeRange{jd(2024, 11, 5), jd(2025, 12, 1)});
    EXPECT_EQ(wide.size(), 13u);
    EXPECT_EQ(wide.total, 4);
    EXPECT_EQ(countByPeriodAndType(store, HistogramPeriod::Month, TimeRange::all()).size(), 9u);
}

TEST(TypeHistogramTest, ADistrictRestrictionCountsOnlyTheWantedCodes) {
    const IncidentStore store(std::vector<Incident>{
        incident(1, QDate(2025, 6, 2), IncidentType::ArmedClash, 3),
        incident(2, QDate(2025, 6, 2), IncidentType::ArmedClash, 5),
        incident(3, QDate(2025, 6, 3), IncidentType::DrugSeizure, 3),
        incident(4, QDate(2025, 7, 1), IncidentType::DrugSeizure, 7),
        incident(5, QDate(2025, 8, 1), IncidentType::Crossing, 0xFFFF), // outside every district
        incident(6, QDate(2025, 9, 1), IncidentType::Crossing, 5),
    });
    const std::vector<std::uint16_t> codes = districtCodes(store);
    const std::vector<std::uint16_t> wanted = {3, 7};
    const DistrictRestriction only{codes, wanted};
    const TypeHistogram h = countByPeriodAndType(store, HistogramPeriod::Month, {}, &only);
    // The periods still span the whole data, so charts of two selections line up.
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h.count(0, IncidentType::ArmedClash), 1);
    EXPECT_EQ(h.count(0, IncidentType::DrugSeizure), 1);
    EXPECT_EQ(h.count(1, IncidentType::DrugSeizure), 1);
    EXPECT_EQ(h.periodTotal(2), 0);
    EXPECT_EQ(h.periodTotal(3), 0);
    EXPECT_EQ(h.total, 3);

    const std::vector<std::uint16_t> none = {0xFFFF};
    const DistrictRestriction outside{codes, none};
    EXPECT_EQ(countByPeriodAndType(store, HistogramPeriod::Month, {}, &outside).total, 1);
    // A code column shorter than the store (facts of another store) counts none of the rest.
    const DistrictRestriction shortColumn{std::span(codes).first(2), wanted};
    EXPECT_EQ(countByPeriodAndType(store, HistogramPeriod::Month, {}, &shortColumn).total, 1);
}

TEST(TypeHistogramTest, AnEmptyStoreHasNoPeriodsUnlessARangeIsGiven) {
    const IncidentStore empty;
    EXPECT_TRUE(countByPeriodAndType(empty, HistogramPeriod::Week).empty());
    EXPECT_TRUE(countByPeriodAndType(empty, HistogramPeriod::Week, TimeRange::all()).empty());
    const TypeHistogram h = countByPeriodAndType(empty, HistogramPeriod::Week,
                                                 TimeRange{jd(2025, 1, 1), jd(2025, 1, 15)});
    EXPECT_EQ(h.size(), 3u); // the weeks of 30 Dec, 6 Jan and 13 Jan
    EXPECT_EQ(h.total, 0);
}

// Against a count written the slow, obvious way with QDate, on seeded random data with spans.
TEST(TypeHistogramTest, MatchesANaiveCountOnRandomData) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> dayOf(0, 900);
    std::uniform_int_distribution<int> typeOf(0, kIncidentTypeCount - 1);
    std::uniform_int_distribution<int> districtOf(0, 9);
    std::vector<Incident> rows;
    for (int n = 0; n < 3000; ++n) {
        Incident i =
            incident(n, QDate(2023, 11, 20).addDays(dayOf(rng)),
                     kAllIncidentTypes[static_cast<std::size_t>(typeOf(rng))], districtOf(rng));
        if (n % 5 == 0)
            i.endDate = i.startDate.addDays(n % 40);
        rows.push_back(i);
    }
    const IncidentStore store(rows);
    const std::vector<std::uint16_t> codes = districtCodes(store);
    const std::vector<std::uint16_t> wanted = {1, 4, 8};
    const DistrictRestriction only{codes, wanted};
    for (HistogramPeriod period : {HistogramPeriod::Week, HistogramPeriod::Month}) {
        const TypeHistogram h = countByPeriodAndType(store, period, {}, &only);
        std::vector<TypeHistogram::TypeCounts> expected(h.size(), TypeHistogram::TypeCounts{});
        for (const Incident& i : rows) {
            const int d = i.district.mid(1).toInt();
            if (d != 1 && d != 4 && d != 8)
                continue;
            const QDate s = i.startDate;
            const QDate first = period == HistogramPeriod::Week ? s.addDays(1 - s.dayOfWeek())
                                                                : QDate(s.year(), s.month(), 1);
            std::size_t p = 0;
            while (p < h.size() && h.periods[p].begin != first.toJulianDay())
                ++p;
            ASSERT_LT(p, h.size()) << s.toString(Qt::ISODate).toStdString();
            ++expected[p][static_cast<std::size_t>(i.type)];
        }
        EXPECT_EQ(h.counts, expected);
    }
}

} // namespace
