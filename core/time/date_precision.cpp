#include "time/date_precision.h"

#include "time/date_parser.h"

namespace borderlens {

std::optional<DatePrecision> datePrecisionFromKey(std::string_view s) {
    for (char c : s) {
        if (!detail::isAsciiSpace(c))
            return enumFromKey(kDatePrecisionKeys, s);
    }
    return DatePrecision::Day;
}

std::optional<DatePrecision> datePrecisionFromString(const QString& s) {
    const QByteArray utf8 = s.toUtf8();
    return datePrecisionFromKey(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

TimeRange eventSpan(QDate start, std::optional<QDate> lastDay, DatePrecision precision) {
    if (lastDay && lastDay->isValid() && *lastDay >= start)
        return {start.toJulianDay(), lastDay->toJulianDay() + 1};
    switch (precision) {
    case DatePrecision::Day:
        return {start.toJulianDay(), start.toJulianDay() + 1};
    case DatePrecision::Week:
        return {start.toJulianDay(), start.toJulianDay() + 7};
    case DatePrecision::Month: {
        const QDate first(start.year(), start.month(), 1);
        return {first.toJulianDay(), first.addMonths(1).toJulianDay()};
    }
    case DatePrecision::Year: {
        const QDate first(start.year(), 1, 1);
        return {first.toJulianDay(), first.addYears(1).toJulianDay()};
    }
    }
    return {start.toJulianDay(), start.toJulianDay() + 1};
}

std::optional<ParsedDate> parseIsoDate(const QString& text) {
    const QByteArray utf8 = text.trimmed().toUtf8();
    const auto day = parseIsoDay(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!day)
        return std::nullopt;
    return ParsedDate{QDate::fromJulianDay(day->day), day->impliedPrecision};
}

} // namespace borderlens
