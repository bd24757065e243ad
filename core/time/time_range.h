#pragma once

#include <QDate>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <limits>

namespace borderlens {

// A half-open range of whole days [begin, end), as Julian day numbers. Half-open so that adjacent
// windows [a, b) and [b, c) never both count an incident on day b, and the last frame of a
// playback is a window like any other. All of BorderLens's time is at day resolution: the
// sources give dates, never times of day.
struct TimeRange {
    std::int64_t begin = std::numeric_limits<std::int64_t>::min() / 2;
    std::int64_t end = std::numeric_limits<std::int64_t>::max() / 2;

    // Everything: the value for "time filter off".
    static TimeRange all() { return {}; }
    // [first, last] inclusive, as users say "from 1 to 31 December".
    static TimeRange fromInclusive(QDate first, QDate last) {
        return {first.toJulianDay(), last.toJulianDay() + 1};
    }
    static TimeRange fromHalfOpen(QDate begin, QDate end) {
        return {begin.toJulianDay(), end.toJulianDay()};
    }

    bool isAll() const { return *this == all(); }
    bool isEmpty() const { return end <= begin; }
    std::int64_t days() const { return isEmpty() ? 0 : end - begin; }
    QDate beginDate() const { return QDate::fromJulianDay(begin); }
    // The last day inside the range (end - 1): what a person calls the range's end.
    QDate lastDate() const { return QDate::fromJulianDay(end - 1); }
    QDate endDate() const { return QDate::fromJulianDay(end); }

    bool contains(std::int64_t day) const { return day >= begin && day < end; }
    // True if [b, e) shares at least one day with this range (Kepler.gl's overlap rule).
    bool overlaps(std::int64_t b, std::int64_t e) const { return b < end && e > begin; }
    bool overlaps(const TimeRange& o) const { return overlaps(o.begin, o.end); }

    // "24 Nov 2025 – 23 Dec 2025 (30 days)", or "all time".
    QString toDisplayString() const;

    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

} // namespace borderlens

Q_DECLARE_METATYPE(borderlens::TimeRange)
