// The one filter: each criterion alone, combinations, the filtered store (its rows, text and
// facts), and the JSON round trip.
#include "analysis/incident_filter.h"
#include "analysis_fixture.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

constexpr std::int64_t kDay = 2460000;

struct Fixture {
    std::shared_ptr<const IncidentStore> store;
    std::shared_ptr<const DerivedFacts> facts;
};

// Eight incidents whose ids say what each has.
Fixture fixture() {
    std::vector<Incident> v;
    auto add = [&](const QString& id, double lon, int killed, IncidentType type) {
        Incident i = test::incidentAt(id, kDay + std::int64_t(v.size()), lon, 0.5, killed, type);
        i.summary = QStringLiteral("summary of ") + id;
        v.push_back(i);
        return &v.back();
    };
    add(QStringLiteral("clash-d0"), 0.5, 0, IncidentType::ArmedClash)->actors = {
        QStringLiteral("Border guards"), QStringLiteral("Armed group")};
    add(QStringLiteral("seizure-d1"), 1.5, 0, IncidentType::DrugSeizure)->actors = {
        QStringLiteral("Drug control agency")};
    add(QStringLiteral("clash-killed5-d3"), 3.95, 5, IncidentType::ArmedClash);
    add(QStringLiteral("fire-af"), 4.05, 2, IncidentType::CrossBorderFire);
    add(QStringLiteral("region"), 1.5, 0, IncidentType::Statement)->geoPrecision =
        GeoPrecision::Region;
    add(QStringLiteral("month"), 2.5, 1, IncidentType::Crossing)->datePrecision =
        DatePrecision::Month;
    add(QStringLiteral("af-far"), 8.5, 0, IncidentType::ArmedClash);
    add(QStringLiteral("near"), 1.55, 0, IncidentType::Mobilisation);
    Fixture f;
    f.store = std::make_shared<const IncidentStore>(v);
    f.facts = deriveFacts(*f.store, test::squareInputs(4, 2));
    return f;
}

QStringList ids(const Fixture& f, const IncidentFilter& filter) {
    QStringList out;
    for (std::uint32_t r : matchingRows(*f.store, f.facts.get(), filter))
        out << f.store->id(r);
    out.sort();
    return out;
}

QStringList sorted(QStringList l) {
    l.sort();
    return l;
}

} // namespace

TEST(IncidentFilter, EachCriterionAlone) {
    const Fixture f = fixture();
    ASSERT_EQ(f.store->size(), 8u);
    IncidentFilter none;
    EXPECT_TRUE(none.isEmpty());
    EXPECT_EQ(ids(f, none).size(), 8);

    IncidentFilter type;
    type.types = {IncidentType::DrugSeizure, IncidentType::CrossBorderFire};
    EXPECT_EQ(ids(f, type), sorted({"seizure-d1", "fire-af"}));

    IncidentFilter actor;
    actor.actor = QStringLiteral("BORDER gu");
    EXPECT_EQ(ids(f, actor), QStringList{"clash-d0"});
    actor.actor = QStringLiteral("guards;Armed"); // never across two actors
    EXPECT_TRUE(ids(f, actor).isEmpty());

    IncidentFilter killed;
    killed.killedMin = 2;
    EXPECT_EQ(ids(f, killed), sorted({"clash-killed5-d3", "fire-af"}));

    IncidentFilter location;
    location.locationPrecisions = {GeoPrecision::Region};
    EXPECT_EQ(ids(f, location), QStringList{"region"});

    IncidentFilter date;
    date.datePrecisions = {DatePrecision::Month};
    EXPECT_EQ(ids(f, date), QStringList{"month"});

    IncidentFilter side;
    side.sides = {BankSide::AF};
    EXPECT_EQ(ids(f, side), sorted({"fire-af", "af-far"}));

    IncidentFilter district;
    district.districts = {QStringLiteral("D1"), QStringLiteral("(province-level)")};
    EXPECT_EQ(ids(f, district), sorted({"seizure-d1", "region", "near"}));
    district.districts = {QStringLiteral("(none)")};
    EXPECT_EQ(ids(f, district), sorted({"fire-af", "af-far"}));

    IncidentFilter border; // 0.05° of longitude at the equator: 5.6 km
    border.borderKmMax = 6;
    EXPECT_EQ(ids(f, border), sorted({"clash-killed5-d3", "fire-af"}));

    IncidentFilter near; // 0.05° from (1.5, 0.5): 5.6 km
    near.near = IncidentFilter::Near{1.5, 0.5, 6};
    EXPECT_EQ(ids(f, near), sorted({"seizure-d1", "region", "near"}));
    near.near->km = 5;
    EXPECT_EQ(ids(f, near), sorted({"seizure-d1", "region"}));
}

TEST(IncidentFilter, CriteriaCombineAndNeedTheirFacts) {
    const Fixture f = fixture();
    IncidentFilter both;
    both.types = {IncidentType::ArmedClash};
    both.sides = {BankSide::TJ};
    EXPECT_EQ(ids(f, both), sorted({"clash-d0", "clash-killed5-d3"}));
    both.killedMin = 1;
    both.borderKmMax = 10;
    EXPECT_EQ(ids(f, both), QStringList{"clash-killed5-d3"});
    EXPECT_TRUE(both.needsDerivedFacts());
    EXPECT_TRUE(matchingRows(*f.store, nullptr, both).empty()) << "no facts: nothing decidable";
    EXPECT_FALSE(both.describe().isEmpty());
}

TEST(IncidentFilter, TheFilteredStoreHoldsTheRowsTheirTextAndTheirFacts) {
    const Fixture f = fixture();
    IncidentFilter filter;
    filter.sides = {BankSide::AF};
    const FilteredIncidents out = filterIncidents(f.store, f.facts, filter);
    ASSERT_TRUE(out.filtered);
    ASSERT_EQ(out.store->size(), 2u);
    ASSERT_EQ(out.facts->size(), 2u);
    for (std::size_t k = 0; k < 2; ++k) {
        const std::uint32_t source = out.sourceRows[k];
        EXPECT_EQ(out.store->id(k), f.store->id(source));
        EXPECT_EQ(out.store->incident(k).summary, QStringLiteral("summary of ") + f.store->id(source));
        EXPECT_EQ(out.facts->sides()[k], BankSide::AF);
        EXPECT_EQ(out.facts->borderKm()[k], f.facts->borderKm()[source]);
    }
    EXPECT_EQ(out.store->select(TimeRange::all()).size(), 2u) << "indexed by time";
    EXPECT_EQ(f.store->size(), 8u) << "the source is left whole";
    EXPECT_EQ(f.store->incident(3).summary, QStringLiteral("summary of ") + f.store->id(3));

    const FilteredIncidents same = filterIncidents(f.store, f.facts, IncidentFilter{});
    EXPECT_FALSE(same.filtered);
    EXPECT_EQ(same.store, f.store);
}

TEST(IncidentFilter, JsonRoundTripAndErrorsNameTheKey) {
    IncidentFilter f;
    f.types = {IncidentType::ArmedClash, IncidentType::DrugSeizure};
    f.actor = QStringLiteral("Border guards");
    f.killedMin = 3;
    f.locationPrecisions = {GeoPrecision::Exact, GeoPrecision::Near};
    f.datePrecisions = {DatePrecision::Day};
    f.sides = {BankSide::TJ, BankSide::None};
    f.districts = {QStringLiteral("Shamsiddin Shohin"), QStringLiteral("(none)")};
    f.borderKmMax = 7.5;
    f.near = IncidentFilter::Near{70.25, 37.9, 12.5};
    const QByteArray text = QJsonDocument(f.toJson()).toJson();
    const auto back = IncidentFilter::fromJson(QJsonDocument::fromJson(text).object());
    ASSERT_TRUE(back) << back.error().toString().toStdString();
    EXPECT_EQ(back.value(), f);
    EXPECT_TRUE(IncidentFilter::fromJson(QJsonObject{}).value().isEmpty());

    auto error = [](const char* json) {
        const auto r = IncidentFilter::fromJson(QJsonDocument::fromJson(json).object());
        return r ? QString() : r.error().source;
    };
    EXPECT_EQ(error(R"({"types": ["armed_clash", "picnic"]})"), QStringLiteral("types[1]"));
    EXPECT_EQ(error(R"({"killed_min": -1})"), QStringLiteral("killed_min"));
    EXPECT_EQ(error(R"({"near": {"lon": 70, "lat": 95, "km": 1}})"), QStringLiteral("near"));
    EXPECT_EQ(error(R"({"colour": "red"})"), QStringLiteral("colour"));
    EXPECT_EQ(error(R"({"sides": ["TJ"]})"), QString()) << "keys are read in any case";
}
