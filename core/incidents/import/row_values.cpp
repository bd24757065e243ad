#include "incidents/import/row_values.h"

#include "incidents/incident_columns.h"
#include "time/civil_days.h"

#include <QLocale>

#include <charconv>
#include <cmath>

namespace borderlens::rowvalues {

std::optional<double> parseNumber(std::string_view text, bool& ok) {
    ok = true;
    const std::string_view t = trimmedUtf8(text);
    if (t.empty())
        return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size()) {
        // Forms from_chars leaves to others ("+70.1"): Qt's C locale, as before.
        v = QLocale::c().toDouble(qstr(t), &ok);
    }
    if (!ok || !std::isfinite(v)) {
        ok = false;
        return std::nullopt;
    }
    return v;
}

std::optional<int> parseWhole(std::string_view text, bool& ok) {
    ok = true;
    const std::string_view t = trimmedUtf8(text);
    if (t.empty())
        return std::nullopt;
    int v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc() && end == t.data() + t.size())
        return v;
    const QString q = qstr(t);
    v = QLocale::c().toInt(q, &ok);
    if (!ok) {
        const double d = QLocale::c().toDouble(q, &ok);
        if (!ok || d != std::floor(d) || std::abs(d) > 1e9) {
            ok = false;
            return std::nullopt;
        }
        v = static_cast<int>(d);
    }
    return v;
}

std::optional<QString> readCoordinates(const FieldRow& row, int lonColumn, int latColumn,
                                       const char* lonName, const char* latName, double& lon,
                                       double& lat, bool& missing) {
    const std::string_view lonText = row.value(lonColumn);
    const std::string_view latText = row.value(latColumn);
    missing = lonText.empty() && latText.empty();
    if (missing)
        return std::nullopt;
    const QString lonN = QString::fromLatin1(lonName), latN = QString::fromLatin1(latName);
    if (lonText.empty() || latText.empty())
        return QStringLiteral("only one of %1/%2 given").arg(lonN, latN);
    bool okLon = false, okLat = false;
    const auto x = parseNumber(lonText, okLon);
    const auto y = parseNumber(latText, okLat);
    if (!okLat)
        return QStringLiteral("%1 '%2' is not a number").arg(latN, qstr(latText));
    if (!okLon)
        return QStringLiteral("%1 '%2' is not a number").arg(lonN, qstr(lonText));
    if (*y < -90.0 || *y > 90.0)
        return QStringLiteral("%1 %2 out of range (-90..90)").arg(latN, qstr(latText));
    if (*x < -180.0 || *x > 180.0)
        return QStringLiteral("%1 %2 out of range (-180..180)").arg(lonN, qstr(lonText));
    lon = *x;
    lat = *y;
    return std::nullopt;
}

std::optional<QString> readCount(const FieldRow& row, int column, const char* name,
                                 std::int32_t& out) {
    bool ok = false;
    const std::string_view text = row.value(column);
    const auto v = parseWhole(text, ok);
    if (!ok || (v && *v < 0))
        return QStringLiteral("%1 '%2' is not a whole number >= 0")
            .arg(QString::fromLatin1(name), qstr(text));
    out = v ? *v : IncidentColumns::kUnknown;
    return std::nullopt;
}

void appendActors(std::string& joined, std::string_view list, bool split) {
    while (!list.empty()) {
        const std::size_t semi = split ? list.find(';') : std::string_view::npos;
        const std::string_view name = trimmedUtf8(list.substr(0, semi));
        list = semi == std::string_view::npos ? std::string_view() : list.substr(semi + 1);
        if (name.empty())
            continue;
        if (!joined.empty())
            joined.push_back(IncidentColumns::kActorSeparator);
        const std::size_t at = joined.size();
        joined.append(name);
        // The separator cannot be part of a name (nothing legitimate holds a control character).
        for (std::size_t k = at; k < joined.size(); ++k)
            if (joined[k] == IncidentColumns::kActorSeparator)
                joined[k] = ' ';
    }
}

void setSpan(IncidentColumns::Row& row, std::int32_t start, std::optional<std::int32_t> lastDay,
             DatePrecision precision) {
    // eventSpan() in day numbers, without a QDate per row.
    row.datePrecision = precision;
    row.hasEndDate = lastDay.has_value();
    row.begin = start;
    if (lastDay && *lastDay >= start) {
        row.end = *lastDay + 1;
        return;
    }
    switch (precision) {
    case DatePrecision::Day:
        row.end = start + 1;
        return;
    case DatePrecision::Week:
        row.end = start + 7;
        return;
    case DatePrecision::Month: {
        const CivilDate d = civilDate(start);
        row.begin = julianDay(d.year, d.month, 1);
        row.end = row.begin + daysInMonth(d.year, d.month);
        return;
    }
    case DatePrecision::Year: {
        const CivilDate d = civilDate(start);
        row.begin = julianDay(d.year, 1, 1);
        row.end = julianDay(d.year + 1, 1, 1);
        return;
    }
    }
}

std::string_view countryIso2(std::string_view nameOrCode, char (&buffer)[2]) {
    const std::string_view t = trimmedUtf8(nameOrCode);
    auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (t.size() == 2 && isLetter(t[0]) && isLetter(t[1])) {
        buffer[0] = static_cast<char>(t[0] & ~0x20);
        buffer[1] = static_cast<char>(t[1] & ~0x20);
        return {buffer, 2};
    }
    struct Entry {
        std::string_view iso2;
        std::string_view name;
        int numeric;
    };
    static constexpr Entry table[] = {
        {"AF", "Afghanistan", 4},  {"TJ", "Tajikistan", 762}, {"UZ", "Uzbekistan", 860},
        {"KG", "Kyrgyzstan", 417}, {"CN", "China", 156},      {"PK", "Pakistan", 586},
        {"IR", "Iran", 364},       {"TM", "Turkmenistan", 795}, {"KZ", "Kazakhstan", 398},
        {"RU", "Russia", 643},
    };
    // A leading '+' is a number as QString::toInt() read it.
    const std::string_view digits = !t.empty() && t[0] == '+' ? t.substr(1) : t;
    int code = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code);
    const bool isNumber = !digits.empty() && ec == std::errc() && end == digits.data() + digits.size();
    auto sameIgnoringCase = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if ((a[i] | 0x20) != (b[i] | 0x20))
                return false;
        return true;
    };
    for (const Entry& e : table) {
        if (isNumber ? code == e.numeric : sameIgnoringCase(t, e.name))
            return e.iso2;
    }
    if (t.size() >= 4 && sameIgnoringCase(t.substr(0, 4), "Iran"))
        return "IR";
    if (t.size() >= 6 && sameIgnoringCase(t.substr(0, 6), "Russia"))
        return "RU";
    return {};
}

} // namespace borderlens::rowvalues
