#pragma once

#include "columns/dict_column.h"
#include "columns/record_blocks.h"
#include "columns/text_column.h"
#include "geo/geo_precision.h"
#include "incidents/incident.h"
#include "incidents/incident_type.h"
#include "time/date_precision.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace borderlens {

// Incidents as columns, in the order they were added: what an importer fills, row by row, and
// what an IncidentStore sorts and indexes. Fixed-width values sit in flat arrays; text that
// repeats (places, admin names, countries, actor lists) is dictionary-coded; ids are one text
// arena; summaries and sources, read only when one incident is shown, are compressed records.
//
// The start of an incident's span is its start date; its end is exclusive. A row's last day
// (Incident::endDate) is end - 1 when kHasEndDate is set, else implied by the precision.
struct IncidentColumns {
    static constexpr std::int32_t kUnknown = -1; // in the count columns
    static constexpr std::uint8_t kHasEndDate = 1;

    std::vector<std::int32_t> begin; // Julian day of the first day
    std::vector<std::int32_t> end;   // exclusive
    std::vector<std::uint8_t> datePrecision;
    std::vector<std::uint8_t> flags;
    std::vector<IncidentType> type;
    std::vector<GeoPrecision> geoPrecision;
    std::vector<double> lon;
    std::vector<double> lat;
    // Counts, kUnknown when unknown. A column stays empty (costing nothing) until some row knows
    // a value: most files give only one casualty figure and no injured.
    std::vector<std::int32_t> killedLow;
    std::vector<std::int32_t> killedBest;
    std::vector<std::int32_t> killedHigh;
    std::vector<std::int32_t> injured;
    static std::int32_t count(const std::vector<std::int32_t>& column, std::size_t i) {
        return column.empty() ? kUnknown : column[i];
    }
    TextColumn id;
    DictColumn place;
    DictColumn country;
    DictColumn province;
    DictColumn district;
    DictColumn actors; // the list joined with kActorSeparator
    RecordBlocks records; // per row: summary, then 4 fields per source (title, outlet, date, url)

    static constexpr char kActorSeparator = '\x1f';

    // How often each source outlet is cited, counted as rows are added: a briefing credits its
    // sources without decompressing every record to find them.
    StringDictionary outlets;
    std::vector<std::uint32_t> outletCitations; // by outlet code
    std::uint32_t maxSources = 0; // the most sources any row cites

    std::size_t size() const { return begin.size(); }

    // One row's values, for the parsers to fill (views must stay valid until append()).
    struct Row {
        std::int32_t begin = 0;
        std::int32_t end = 0;
        DatePrecision datePrecision = DatePrecision::Day;
        bool hasEndDate = false;
        IncidentType type = IncidentType::ArmedClash;
        GeoPrecision geoPrecision = GeoPrecision::Exact;
        double lon = 0;
        double lat = 0;
        std::int32_t killedLow = kUnknown;
        std::int32_t killedBest = kUnknown;
        std::int32_t killedHigh = kUnknown;
        std::int32_t injured = kUnknown;
        std::string_view id;
        std::string_view place;
        std::string_view country;
        std::string_view province;
        std::string_view district;
        std::string_view actors; // joined with kActorSeparator
        std::string_view summary;
        struct Source {
            std::string_view title, outlet, url;
            std::int32_t day = 0; // 0 when the date is unknown
        };
        std::span<const Source> sources;
    };
    // False when a text column would pass 4 GiB (the row is not added).
    bool append(const Row& row);
    // From the row form, for tests and small data.
    bool append(const Incident& incident);

    // Appends `other`'s rows (both must be finished) and empties it.
    void appendColumns(IncidentColumns&& other);
    // The parts' rows one after another, built column by column into exactly the room needed.
    static IncidentColumns concatenate(std::vector<IncidentColumns> parts);
    // Reorders every column to `order` (order[k] is the row that becomes row k); rows not named
    // are dropped.
    void gather(std::span<const std::uint32_t> order);
    // The rows in `order` as new columns, leaving these whole (the compressed records are
    // shared, not copied): what a filtered store is made of.
    IncidentColumns gathered(std::span<const std::uint32_t> order) const;
    // Compresses pending records and releases the dictionaries' lookup tables.
    void finish();

    // The whole record of row i.
    Incident incident(std::size_t i) const;
    std::size_t memoryUsed() const;
};

} // namespace borderlens
