#include "time/date_precision.h"

#include <QRegularExpression>

namespace borderlens {

QString toString(DatePrecision p) {
    switch (p) {
    case DatePrecision::Day:
        return QStringLiteral("day");
    case DatePrecision::Week:
        return QStringLiteral("week");
    case DatePrecision::Month:
        return QStringLiteral("month");
    case DatePrecision::Year:
        return QStringLiteral("year");
    }
    return {};
}

std::optional<DatePrecision> datePrecisionFromString(const QString& s) {
    const QString t = s.trimmed().toLower();
    if (t == QLatin1String("day") || t.isEmpty())
        return DatePrecision::Day;
    if (t == QLatin1String("week"))
        return DatePrecision::Week;
    if (t == QLatin1String("month"))
        return DatePrecision::Month;
    if (t == QLatin1String("year"))
        return DatePrecision::Year;
    return std::nullopt;
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
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[T ][0-9:.]+Z?)?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int y = m.captured(1).toInt();
    const bool hasMonth = m.hasCaptured(2) && !m.captured(2).isEmpty();
    const bool hasDay = m.hasCaptured(3) && !m.captured(3).isEmpty();
    const QDate d(y, hasMonth ? m.captured(2).toInt() : 1, hasDay ? m.captured(3).toInt() : 1);
    if (!d.isValid())
        return std::nullopt;
    ParsedDate out{d, std::nullopt};
    if (!hasMonth)
        out.impliedPrecision = DatePrecision::Year;
    else if (!hasDay)
        out.impliedPrecision = DatePrecision::Month;
    return out;
}

} // namespace borderlens
