#include "analysis/district_trends.h"

#include "analysis/incident_counts.h"

#include <array>

namespace borderlens {

namespace {

struct BandText {
    TrendBand band;
    const char* key;
    const char* label;
};
constexpr std::array<BandText, kTrendBandCount> kBands{{
    {TrendBand::Decrease, "decrease", "< −25 %"},
    {TrendBand::Stable, "stable", "−25 … +10 %"},
    {TrendBand::Increase, "increase", "+10 … +25 %"},
    {TrendBand::StrongIncrease, "strong_increase", "> +25 %"},
    {TrendBand::LowBaseline, "low_baseline", "low baseline"},
}};

// Percentages computed from a mean of whole counts carry rounding of ~1e-14: a change of exactly
// +10 % must land in the band the rules give it, not one ulp beyond.
constexpr double kSlack = 1e-9;

} // namespace

QString toKey(TrendBand band) {
    return QString::fromUtf8(kBands[static_cast<std::size_t>(band)].key);
}

QString displayName(TrendBand band) {
    return QString::fromUtf8(kBands[static_cast<std::size_t>(band)].label);
}

TrendBand classifyTrend(int incidents, double baseline, const TrendOptions& options,
                        std::optional<double>& changePct, bool& surge) {
    surge = false;
    changePct.reset();
    if (!(baseline >= options.lowBaseline) || baseline <= 0)
        return TrendBand::LowBaseline;
    const double c = (incidents - baseline) * 100.0 / baseline;
    changePct = c;
    surge = c >= options.surgePct - kSlack;
    if (c > 25 + kSlack)
        return TrendBand::StrongIncrease;
    if (c > 10 + kSlack)
        return TrendBand::Increase;
    if (c >= -25 - kSlack)
        return TrendBand::Stable;
    return TrendBand::Decrease;
}

const TrendRow* TrendTable::rowOf(std::uint16_t code) const {
    if (code < districts.size() && districts[code].code == code)
        return &districts[code];
    for (const TrendRow& r : districts)
        if (r.code == code)
            return &r;
    return nullptr;
}

TrendTable districtTrends(const IncidentStore& store, const DerivedFacts& facts,
                          const TimeRange& window, const TrendOptions& options) {
    TrendTable table;
    table.window = window;
    table.options = options;
    const std::size_t nd = static_cast<std::size_t>(facts.districtNames().size());
    const std::size_t np = static_cast<std::size_t>(facts.provinceNames().size());
    // Slot nd: outside every district. Province-level slots: np is "province unknown".
    std::vector<int> now(nd + 1, 0), killed(nd + 1, 0), before(nd + 1, 0);
    std::vector<int> pNow(np + 1, 0), pKilled(np + 1, 0), pBefore(np + 1, 0);
    const bool aligned = facts.size() == store.size();
    const bool bounded = !window.isAll() && !window.isEmpty() && aligned;
    const int windows = bounded ? std::max(0, options.baselineWindows) : 0;
    const auto districts = facts.districts();
    const auto provinces = facts.provinces();
    for (int k = 0; aligned && k <= windows; ++k) {
        const std::int64_t shift = bounded ? k * window.days() : 0;
        const TimeRange w{window.begin - shift, window.end - shift};
        const auto [first, last] = rowsBeginningIn(store, w);
        for (std::size_t i = first; i < last; ++i) {
            const std::uint16_t d = districts[i];
            if (d == DerivedFacts::kProvinceLevel) {
                const std::size_t p = provinces[i] < np ? provinces[i] : np;
                if (k == 0) {
                    ++pNow[p];
                    pKilled[p] += store.killedOrZero(i);
                } else {
                    ++pBefore[p];
                }
                continue;
            }
            const std::size_t slot = d < nd ? d : nd;
            if (k == 0) {
                ++now[slot];
                killed[slot] += store.killedOrZero(i);
            } else {
                ++before[slot];
            }
        }
    }
    auto finish = [&](TrendRow& r, int inWindow, int deaths, int earlier) {
        r.incidents = inWindow;
        r.killed = deaths;
        r.baseline = windows > 0 ? double(earlier) / windows : 0.0;
        r.band = classifyTrend(r.incidents, r.baseline, options, r.changePct, r.surge);
    };
    table.districts.reserve(nd + 1);
    for (std::size_t d = 0; d <= nd; ++d) {
        TrendRow r;
        if (d < nd) {
            r.code = static_cast<std::uint16_t>(d);
            r.district = facts.districtNames()[qsizetype(d)];
            const std::uint16_t p = facts.provinceOfDistrict(r.code);
            r.province = p < np ? facts.provinceNames()[p] : QString();
        } else {
            r.code = DerivedFacts::kNoDistrict;
            r.district = DerivedFacts::noDistrictName();
        }
        finish(r, now[d], killed[d], before[d]);
        table.districts.push_back(r);
    }
    for (std::size_t p = 0; p <= np; ++p) {
        if (pNow[p] == 0 && pBefore[p] == 0)
            continue;
        TrendRow r;
        r.code = DerivedFacts::kProvinceLevel;
        r.district = DerivedFacts::provinceLevelName();
        r.province = p < np ? facts.provinceNames()[qsizetype(p)] : QString();
        finish(r, pNow[p], pKilled[p], pBefore[p]);
        table.provinceLevel.push_back(r);
    }
    return table;
}

} // namespace borderlens
