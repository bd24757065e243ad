#include "analysis/incident_counts.h"

#include <QDate>

#include <algorithm>
#include <limits>
#include <map>

namespace borderlens {

std::pair<std::size_t, std::size_t> rowsBeginningIn(const IncidentStore& store,
                                                    const TimeRange& window) {
    const auto begins = store.spanBegins();
    auto clamp32 = [](std::int64_t d) {
        return static_cast<std::int32_t>(std::clamp<std::int64_t>(
            d, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
    };
    if (window.isEmpty())
        return {0, 0};
    const auto first = std::lower_bound(begins.begin(), begins.end(), clamp32(window.begin));
    const auto last = window.end > std::numeric_limits<std::int32_t>::max()
                          ? begins.end()
                          : std::lower_bound(first, begins.end(), clamp32(window.end));
    return {static_cast<std::size_t>(first - begins.begin()),
            static_cast<std::size_t>(last - begins.begin())};
}

std::vector<CountRow> countIncidents(const IncidentStore& store, const DerivedFacts* facts,
                                     const TimeRange& window, CountKey key) {
    const auto [first, last] = rowsBeginningIn(store, window);
    std::vector<CountRow> rows;
    switch (key) {
    case CountKey::Province: {
        const bool have = facts && facts->size() == store.size();
        const std::size_t np = have ? std::size_t(facts->provinceNames().size()) : 0;
        rows.resize(np + 1);
        for (std::size_t p = 0; p < np; ++p)
            rows[p].key = facts->provinceNames()[qsizetype(p)];
        rows[np].key = DerivedFacts::noDistrictName();
        for (std::size_t i = first; i < last; ++i) {
            const std::size_t p = have && facts->provinces()[i] < np ? facts->provinces()[i] : np;
            ++rows[p].incidents;
            rows[p].killed += store.killedOrZero(i);
        }
        break;
    }
    case CountKey::Type:
        for (IncidentType t : kAllIncidentTypes)
            rows.push_back({toKey(t), 0, 0});
        for (std::size_t i = first; i < last; ++i) {
            CountRow& r = rows[static_cast<std::size_t>(store.types()[i])];
            ++r.incidents;
            r.killed += store.killedOrZero(i);
        }
        break;
    case CountKey::Week:
    case CountKey::Month: {
        if (first == last)
            break;
        // Weeks start on Monday (ISO 8601); months on the 1st. Every bin from the first to the
        // last incident's, so a chart's empty weeks show as zero.
        auto binStart = [key](std::int64_t day) -> std::int64_t {
            const QDate d = QDate::fromJulianDay(day);
            if (key == CountKey::Week)
                return day - (d.dayOfWeek() - 1);
            return QDate(d.year(), d.month(), 1).toJulianDay();
        };
        auto next = [key](std::int64_t start) -> std::int64_t {
            return key == CountKey::Week ? start + 7
                                         : QDate::fromJulianDay(start).addMonths(1).toJulianDay();
        };
        const auto begins = store.spanBegins();
        std::map<std::int64_t, std::size_t> index;
        for (std::int64_t s = binStart(begins[first]), end = begins[last - 1]; s <= end;
             s = next(s)) {
            index[s] = rows.size();
            const QDate d = QDate::fromJulianDay(s);
            rows.push_back({key == CountKey::Week ? d.toString(Qt::ISODate)
                                                  : d.toString(QStringLiteral("yyyy-MM")),
                            0, 0});
        }
        // Rows are in time order: walk bins alongside instead of a lookup per row.
        auto bin = index.begin();
        for (std::size_t i = first; i < last; ++i) {
            while (std::next(bin) != index.end() && std::next(bin)->first <= begins[i])
                ++bin;
            CountRow& r = rows[bin->second];
            ++r.incidents;
            r.killed += store.killedOrZero(i);
        }
        break;
    }
    }
    return rows;
}

} // namespace borderlens
