#include "layer/feature_times.h"

#include "time/date_precision.h"

#include <QDateTime>

namespace borderlens {

std::shared_ptr<const FeatureTimes> FeatureTimes::fromField(const AttributeTable& attributes,
                                                            int field) {
    auto t = std::make_shared<FeatureTimes>();
    t->m_field = field;
    const std::size_t n = attributes.rowCount();
    std::vector<std::int64_t> begins(n), ends(n);
    for (std::size_t i = 0; i < n; ++i) {
        const QVariant& v = attributes.value(i, static_cast<std::size_t>(field));
        std::optional<TimeRange> span;
        if (v.typeId() == QMetaType::QDate && v.toDate().isValid()) {
            span = eventSpan(v.toDate(), std::nullopt, DatePrecision::Day);
        } else if (v.typeId() == QMetaType::QDateTime && v.toDateTime().isValid()) {
            span = eventSpan(v.toDateTime().date(), std::nullopt, DatePrecision::Day);
        } else if (const auto parsed = parseIsoDate(v.toString())) {
            span = eventSpan(parsed->date, std::nullopt,
                             parsed->impliedPrecision.value_or(DatePrecision::Day));
        }
        if (span) {
            begins[i] = span->begin;
            ends[i] = span->end;
        } else {
            // An empty span overlaps no window.
            begins[i] = ends[i] = std::numeric_limits<std::int64_t>::min() / 2;
            ++t->m_undated;
        }
    }
    t->m_index = TimeIndex(begins, ends);
    return t;
}

int guessDateField(const AttributeTable& attributes) {
    static const char* preferred[] = {"event_date", "date_start", "start_date", "date",
                                      "datetime",   "timestamp",  "date_time",  "begin",
                                      "start",      "opened",     "time"};
    for (const char* name : preferred) {
        const int i = attributes.fieldIndex(QString::fromLatin1(name));
        if (i >= 0)
            return i;
    }
    for (std::size_t i = 0; i < attributes.fieldCount(); ++i) {
        const auto type = attributes.fields()[i].type;
        if (type == QMetaType::QDate || type == QMetaType::QDateTime)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace borderlens
