// Which bank: points 2 km either side of the Darvaz bend of the Panj (the border's sharpest turn
// near 38.4° N, 70.8–71.2° E), offset perpendicular to the border there. A record that says TJ
// but lies on the Afghan bank is flagged; one on the Tajik bank is not.
#include "analysis/derived_facts.h"
#include "analysis_fixture.h"
#include "data/border_reference.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace borderlens;

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180;

struct Bend {
    LonLat at;
    double nx = 0, ny = 0; // unit normal, in km east and north
};

// The vertex where the border turns most within the box, and the normal to the border there
// (to the line from the vertex before to the one after).
std::optional<Bend> darvazBend(const std::vector<std::vector<LonLat>>& border) {
    std::optional<Bend> best;
    double sharpest = 0;
    for (const auto& part : border)
        for (std::size_t i = 2; i + 2 < part.size(); ++i) {
            const LonLat v = part[i];
            if (v.lat < 38.2 || v.lat > 38.6 || v.lon < 70.8 || v.lon > 71.2)
                continue;
            const double k = std::cos(v.lat * kDeg);
            // Legs two vertices long, so a jitter of one vertex is no bend.
            const double ax = (v.lon - part[i - 2].lon) * k, ay = v.lat - part[i - 2].lat;
            const double bx = (part[i + 2].lon - v.lon) * k, by = part[i + 2].lat - v.lat;
            const double turn = std::abs(std::atan2(ax * by - ay * bx, ax * bx + ay * by));
            if (turn > sharpest) {
                sharpest = turn;
                const double tx = (part[i + 1].lon - part[i - 1].lon) * k * 111.3;
                const double ty = (part[i + 1].lat - part[i - 1].lat) * 111.1;
                const double n = std::hypot(tx, ty);
                best = Bend{v, -ty / n, tx / n};
            }
        }
    return best;
}

} // namespace

TEST(BankSide, TwoKilometresEitherSideOfTheDarvazBend) {
    const auto reference = BorderReference::loadBundled();
    ASSERT_TRUE(reference);
    const auto bend = darvazBend(reference->border());
    ASSERT_TRUE(bend) << "no border vertex near 38.4N 70.8E..71.2E";
    auto inputs = bundledAnalysisInputs();
    ASSERT_TRUE(inputs) << inputs.error().toString().toStdString();

    std::vector<Incident> incidents;
    for (int s : {1, -1}) {
        const double lon = bend->at.lon + s * 2.0 * bend->nx / (111.32 * std::cos(bend->at.lat * kDeg));
        const double lat = bend->at.lat + s * 2.0 * bend->ny / 110.95;
        Incident i = test::incidentAt(s > 0 ? QStringLiteral("plus") : QStringLiteral("minus"),
                                      2460000, lon, lat);
        i.country = QStringLiteral("TJ"); // what a centroid-coded report might say for both
        incidents.push_back(i);
    }
    const IncidentStore store(incidents);
    const auto facts = deriveFacts(store, inputs.value());
    ASSERT_EQ(facts->size(), 2u);
    std::map<BankSide, std::size_t> bySide;
    for (std::size_t i = 0; i < 2; ++i) {
        bySide[facts->sides()[i]] = i;
        // Offset 2 km: no farther than that, and on the inside of the bend the other leg may
        // be nearer, but not by much.
        EXPECT_GT(facts->borderKm()[i], 0.5);
        EXPECT_LE(facts->borderKm()[i], 2.05);
    }
    ASSERT_EQ(bySide.count(BankSide::TJ), 1u) << "one point on each bank";
    ASSERT_EQ(bySide.count(BankSide::AF), 1u) << "one point on each bank";
    EXPECT_FALSE(facts->sideDisagrees()[bySide[BankSide::TJ]]);
    EXPECT_TRUE(facts->sideDisagrees()[bySide[BankSide::AF]]) << "says TJ, lies in AF";
    EXPECT_EQ(facts->countryCode(bySide[BankSide::AF]), QStringLiteral("AF"));
}

TEST(BankSide, ARecordWithoutACountryIsNeverFlagged) {
    const AnalysisInputs inputs = test::squareInputs(4, 2);
    Incident silent = test::incidentAt(QStringLiteral("a"), 2460000, 5.5, 0.5);
    Incident says = test::incidentAt(QStringLiteral("b"), 2460000, 5.5, 0.5);
    says.country = QStringLiteral("tjk"); // three letters, any case
    const IncidentStore store(std::vector<Incident>{silent, says});
    const auto facts = deriveFacts(store, inputs);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(facts->sides()[i], BankSide::AF);
        EXPECT_EQ(bool(facts->sideDisagrees()[i]), store.id(i) == QLatin1String("b"));
    }
}
