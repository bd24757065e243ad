// Trend bands on a data set built so that every answer is known: one district per case, with a
// 10-day window [D, D + 10) and four 10-day baseline windows before it.
#include "analysis/district_trends.h"
#include "analysis/incident_counts.h"
#include "analysis_fixture.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

constexpr std::int64_t kDay = 2460000; // the window's first day

// `perBaseline` incidents in each of the 4 earlier windows and `now` in the window, in district
// square d (killed 1 each, 2 in the window); the ids say where they are.
void add(std::vector<Incident>& out, double lon, int perBaseline, int now) {
    static int serial = 0;
    for (int w = 1; w <= 4; ++w)
        for (int k = 0; k < perBaseline; ++k)
            out.push_back(test::incidentAt(QString::number(++serial), kDay - 10 * w + k % 10, lon,
                                           0.5, 1));
    for (int k = 0; k < now; ++k)
        out.push_back(test::incidentAt(QString::number(++serial), kDay + k % 10, lon, 0.5, 2));
}

} // namespace

TEST(DistrictTrends, EachBandItsBoundariesLowBaselineSurgeNoneAndProvinceLevel) {
    std::vector<Incident> incidents;
    add(incidents, 0.5, 10, 20); // D0: +100 %: strong increase and a surge
    add(incidents, 1.5, 10, 12); // D1: +20 %: increase
    add(incidents, 2.5, 10, 11); // D2: +10 % exactly: stable (the boundary is the middle band's)
    add(incidents, 3.5, 10, 7);  // D3: −30 %: decrease
    add(incidents, 4.5, 4, 5);   // D4: +25 % exactly: increase, not strong
    add(incidents, 5.5, 4, 3);   // D5: −25 % exactly: stable
    add(incidents, 6.5, 2, 9);   // D6: baseline 2 < 3: low baseline, no percentage, no surge
    add(incidents, 7.5, 3, 2);   // D7: baseline 3 exactly is not low: −33 %, decrease
    add(incidents, 20.5, 1, 4);  // outside every district: "(none)"
    // Province-level: at D0's point, known only to its province (P1): counted apart.
    for (int k = 0; k < 5; ++k) {
        Incident i = test::incidentAt(QStringLiteral("pl%1").arg(k), kDay + k, 0.5, 0.5, 1);
        i.geoPrecision = GeoPrecision::Region;
        incidents.push_back(i);
    }
    // Outside all five windows: counted nowhere.
    incidents.push_back(test::incidentAt(QStringLiteral("late"), kDay + 10, 0.5, 0.5));
    incidents.push_back(test::incidentAt(QStringLiteral("early"), kDay - 41, 0.5, 0.5));

    const IncidentStore store(incidents);
    const auto facts = deriveFacts(store, test::squareInputs(8, 4));
    const TrendTable t = districtTrends(store, *facts, TimeRange{kDay, kDay + 10});
    ASSERT_EQ(t.districts.size(), 9u) << "8 districts and (none)";

    struct Expect {
        TrendBand band;
        std::optional<double> change;
        bool surge;
        int incidents;
        double baseline;
    };
    const std::vector<Expect> expected = {
        {TrendBand::StrongIncrease, 100.0, true, 20, 10},
        {TrendBand::Increase, 20.0, false, 12, 10},
        {TrendBand::Stable, 10.0, false, 11, 10},
        {TrendBand::Decrease, -30.0, false, 7, 10},
        {TrendBand::Increase, 25.0, false, 5, 4},
        {TrendBand::Stable, -25.0, false, 3, 4},
        {TrendBand::LowBaseline, std::nullopt, false, 9, 2},
        {TrendBand::Decrease, -100.0 / 3, false, 2, 3},
    };
    for (std::size_t d = 0; d < expected.size(); ++d) {
        const TrendRow& r = t.districts[d];
        SCOPED_TRACE(r.district.toStdString());
        EXPECT_EQ(r.district, QStringLiteral("D%1").arg(d));
        EXPECT_EQ(r.province, d < 4 ? QStringLiteral("P1") : QStringLiteral("P2"));
        EXPECT_EQ(r.band, expected[d].band);
        EXPECT_EQ(r.surge, expected[d].surge);
        EXPECT_EQ(r.incidents, expected[d].incidents);
        EXPECT_EQ(r.killed, 2 * expected[d].incidents);
        EXPECT_DOUBLE_EQ(r.baseline, expected[d].baseline);
        ASSERT_EQ(r.changePct.has_value(), expected[d].change.has_value());
        if (r.changePct) {
            EXPECT_NEAR(*r.changePct, *expected[d].change, 1e-9);
        }
    }
    const TrendRow& none = t.districts.back();
    EXPECT_EQ(none.district, QStringLiteral("(none)"));
    EXPECT_EQ(none.incidents, 4);
    EXPECT_EQ(none.band, TrendBand::LowBaseline);
    ASSERT_EQ(t.provinceLevel.size(), 1u);
    EXPECT_EQ(t.provinceLevel[0].district, QStringLiteral("(province-level)"));
    EXPECT_EQ(t.provinceLevel[0].province, QStringLiteral("P1"));
    EXPECT_EQ(t.provinceLevel[0].incidents, 5);
    EXPECT_EQ(t.rowOf(0)->incidents, 20) << "province-level incidents are not D0's";

    // Two baseline windows instead of four: D0's earlier two windows hold 10 each as well.
    TrendOptions two;
    two.baselineWindows = 2;
    EXPECT_DOUBLE_EQ(districtTrends(store, *facts, TimeRange{kDay, kDay + 10}, two)
                         .districts[6].baseline,
                     2.0);
}

TEST(DistrictTrends, AllTimeHasNoBaselineAndCountsAreByKey) {
    std::vector<Incident> incidents;
    add(incidents, 0.5, 2, 3);
    const IncidentStore store(incidents);
    const auto facts = deriveFacts(store, test::squareInputs(2, 1));
    const TrendTable all = districtTrends(store, *facts, TimeRange::all());
    EXPECT_EQ(all.districts[0].incidents, 11);
    EXPECT_EQ(all.districts[0].band, TrendBand::LowBaseline);

    const auto byType = countIncidents(store, facts.get(), TimeRange{kDay, kDay + 10},
                                       CountKey::Type);
    ASSERT_EQ(byType.size(), kIncidentTypeCount);
    EXPECT_EQ(byType[0].key, QStringLiteral("armed_clash"));
    EXPECT_EQ(byType[0].incidents, 3);
    EXPECT_EQ(byType[0].killed, 6);
    const auto byProvince = countIncidents(store, facts.get(), TimeRange::all(), CountKey::Province);
    ASSERT_EQ(byProvince.size(), 3u); // P1, P2, (none)
    EXPECT_EQ(byProvince[0].key, QStringLiteral("P1"));
    EXPECT_EQ(byProvince[0].incidents, 11);
    const auto byMonth = countIncidents(store, facts.get(), TimeRange::all(), CountKey::Month);
    int total = 0;
    for (const CountRow& r : byMonth)
        total += r.incidents;
    EXPECT_EQ(total, 11);
    EXPECT_EQ(byMonth.front().key, QDate::fromJulianDay(kDay - 40).toString(QStringLiteral("yyyy-MM")));
    const auto byWeek = countIncidents(store, facts.get(), TimeRange::all(), CountKey::Week);
    EXPECT_EQ(QDate::fromString(byWeek.front().key, Qt::ISODate).dayOfWeek(), 1) << "weeks start Monday";
    EXPECT_GE(byWeek.size(), 7u);
}
