#pragma once

#include <cstdint>

namespace borderlens {

// Calendar dates (proleptic Gregorian) to and from Julian day numbers in integer arithmetic
// (Howard Hinnant's days_from_civil): what QDate computes, without QDate, a million times per
// import. Years before 1 are out of scope (QDate has no year 0); callers check them.
struct CivilDate {
    int year = 1;
    int month = 1;
    int day = 1;
};

constexpr bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

constexpr int daysInMonth(int y, int m) {
    return m == 2 && isLeapYear(y) ? 29 : kDaysInMonth[m - 1];
}

constexpr bool isValidDate(int y, int m, int d) {
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// The Julian day number of a valid date (2000-01-01 is 2451545, as QDate::toJulianDay).
constexpr std::int32_t julianDay(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 2440588;
}

constexpr CivilDate civilDate(std::int32_t julian) {
    const int z = julian - 2440588 + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

static_assert(julianDay(2000, 1, 1) == 2451545);
static_assert(julianDay(2025, 12, 24) == 2461034);
static_assert(civilDate(2461034).year == 2025 && civilDate(2461034).month == 12 &&
              civilDate(2461034).day == 24);

} // namespace borderlens
