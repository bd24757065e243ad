#pragma once

#include "analysis/derived_facts.h"
#include "incidents/incident_store.h"
#include "time/time_range.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace borderlens {

// How a district's count in a window compares with its baseline, in bands like ACLED
// Trendfinder's. With change c in percent ((count − baseline) / baseline × 100):
//   StrongIncrease  c > +25
//   Increase        +10 < c <= +25
//   Stable          −25 <= c <= +10   (both ends belong to the middle band)
//   Decrease        c < −25
//   LowBaseline     the baseline is below TrendOptions::lowBaseline incidents per window: a
//                   percentage of almost nothing means nothing (0 → 2 is "+∞ %"), so none is
//                   given and the band says so instead.
enum class TrendBand : std::uint8_t { Decrease, Stable, Increase, StrongIncrease, LowBaseline };
inline constexpr std::size_t kTrendBandCount = 5;

// "decrease", "stable", "increase", "strong_increase", "low_baseline": CSV and JSON.
QString toKey(TrendBand band);
// "< −25 %", "−25 … +10 %", "+10 … +25 %", "> +25 %", "low baseline": legends.
QString displayName(TrendBand band);

struct TrendOptions {
    // The baseline is the mean of this many windows of the same length just before the window.
    int baselineWindows = 4;
    // Below this mean (incidents per window) the baseline is "low": 3 is where one incident
    // more or less still moves the change by a third, i.e. noise, not trend.
    double lowBaseline = 3.0;
    // A change of at least this (percent) is a surge; only a baseline that is not low can surge.
    double surgePct = 100.0;

    friend bool operator==(const TrendOptions&, const TrendOptions&) = default;
};

// One row of a trend table.
struct TrendRow {
    QString district; // the layer's name, DerivedFacts::noDistrictName() or provinceLevelName()
    QString province; // empty when unknown
    // The district code (DerivedFacts::districts()), kNoDistrict, or kProvinceLevel.
    std::uint16_t code = DerivedFacts::kNoDistrict;
    int incidents = 0;        // in the window
    int killed = 0;           // IncidentStore::killedOrZero summed over them
    double baseline = 0;      // mean incidents per earlier window
    std::optional<double> changePct; // none with a low baseline
    TrendBand band = TrendBand::LowBaseline;
    bool surge = false;
};

// A window's trend table. Incidents are counted by the day their span begins (so each falls in
// exactly one of the consecutive windows, a contiguous run of the store's rows), in
// [window.begin − k·length, window.end − k·length) for k = 0 (the window) and k = 1…N (the
// baseline).
struct TrendTable {
    TimeRange window;
    TrendOptions options;
    // One row per district of the layer (in feature order, those with no incidents included),
    // then "(none)" for incidents outside every district (present even when 0).
    std::vector<TrendRow> districts;
    // Province-level incidents, counted apart: one row per province (district =
    // "(province-level)"), in province-code order, only provinces that have any such incident
    // in the window or its baseline.
    std::vector<TrendRow> provinceLevel;

    // The row of district code d (a feature number) or of kNoDistrict; null when absent.
    const TrendRow* rowOf(std::uint16_t code) const;
};

// Computes the table for `window` (half-open; an all-time or empty window gives rows with no
// baseline, all LowBaseline). O(incidents in the N+1 windows), one pass over two columns: well
// under 16 ms for a 30-day window of a million incidents. Thread-safe.
TrendTable districtTrends(const IncidentStore& store, const DerivedFacts& facts,
                          const TimeRange& window, const TrendOptions& options = {});

// The band of a change against a baseline, by the rules above; sets `surge` when it is one.
TrendBand classifyTrend(int incidents, double baseline, const TrendOptions& options,
                        std::optional<double>& changePct, bool& surge);

} // namespace borderlens
