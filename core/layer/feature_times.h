#pragma once

#include "layer/attribute_table.h"
#include "time/time_index.h"

#include <memory>

namespace borderlens {

// The time of each feature of a vector layer, read from one attribute (a date, a date-time, or
// ISO 8601 text; "2025-12" and "2025" mean the whole month or year), indexed for windows.
// Features whose field is empty or unparseable have no time and are left out of every window
// (the count is reported, so the user knows).
class FeatureTimes {
public:
    static std::shared_ptr<const FeatureTimes> fromField(const AttributeTable& attributes,
                                                         int field);

    int field() const { return m_field; }
    const TimeIndex& index() const { return m_index; }
    std::size_t undated() const { return m_undated; }

private:
    int m_field = -1;
    TimeIndex m_index;
    std::size_t m_undated = 0;
};

// The attribute most likely to hold a feature's date (event_date, date_start, date, …, or the
// first date-typed field), or -1. Only a suggestion: a layer becomes temporal when the user says.
int guessDateField(const AttributeTable& attributes);

} // namespace borderlens
