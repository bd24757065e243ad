#include "time/date_parser.h"

#include "time/civil_days.h"

#include <QLocale>

#include <array>

namespace borderlens {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view stripBlanks(std::string_view t) {
    while (!t.empty() && isBlank(t.front()))
        t.remove_prefix(1);
    while (!t.empty() && isBlank(t.back()))
        t.remove_suffix(1);
    return t;
}

// Reads 1..max digits at `pos`; -1 if there are none.
int readNumber(std::string_view t, std::size_t& pos, std::size_t minDigits, std::size_t maxDigits) {
    const std::size_t start = pos;
    int v = 0;
    while (pos < t.size() && isDigit(t[pos]) && pos - start < maxDigits)
        v = v * 10 + (t[pos++] - '0');
    return pos - start >= minDigits ? v : -1;
}

std::optional<std::int32_t> julian(int y, int m, int d) {
    if (!isValidDate(y, m, d))
        return std::nullopt;
    return julianDay(y, m, d);
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// 1..12 for an English month name as written in a date ("December", or with `shortName` "Dec");
// 0 otherwise. Other spellings go to Qt's parser, which decides.
int monthNumber(std::string_view word, bool shortName) {
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (word == (shortName ? kMonths[m].substr(0, 3) : kMonths[m]))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

// "24 December 2025", "24-Dec-2025", "December 24, 2025": the shapes ACLED and news exports use.
std::optional<std::int32_t> parseWordDate(std::string_view t) {
    std::size_t pos = 0;
    if (!t.empty() && isDigit(t[0])) {
        const int d = readNumber(t, pos, 1, 2);
        if (pos >= t.size() || (t[pos] != ' ' && t[pos] != '-'))
            return std::nullopt;
        const char sep = t[pos++];
        const std::size_t wordStart = pos;
        while (pos < t.size() && t[pos] != sep)
            ++pos;
        const std::string_view word = t.substr(wordStart, pos - wordStart);
        int m = monthNumber(word, false);
        if (m == 0)
            m = monthNumber(word, true);
        if (m == 0 || pos >= t.size())
            return std::nullopt;
        ++pos;
        const int y = readNumber(t, pos, 4, 4);
        if (y < 0 || pos != t.size())
            return std::nullopt;
        return julian(y, m, d);
    }
    const std::size_t space = t.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    const int m = monthNumber(t.substr(0, space), false);
    pos = space + 1;
    const int d = readNumber(t, pos, 1, 2);
    if (m == 0 || d < 0 || t.substr(pos, 2) != ", ")
        return std::nullopt;
    pos += 2;
    const int y = readNumber(t, pos, 4, 4);
    if (y < 0 || pos != t.size())
        return std::nullopt;
    return julian(y, m, d);
}

} // namespace

std::optional<IsoDay> parseIsoDay(std::string_view text) {
    // YYYY-MM-DD, by far the most common form, read directly.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto digit = [&](std::size_t i) { return static_cast<unsigned>(text[i] - '0'); };
        bool digits = true;
        for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
            digits = digits && digit(i) <= 9;
        if (digits) {
            const int y = int(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3));
            const int m = int(digit(5) * 10 + digit(6));
            const int d = int(digit(8) * 10 + digit(9));
            if (!isValidDate(y, m, d))
                return std::nullopt;
            return IsoDay{julianDay(y, m, d), std::nullopt};
        }
    }
    const std::string_view t = stripBlanks(text);
    std::size_t pos = 0;
    const int y = readNumber(t, pos, 4, 4);
    if (y < 0)
        return std::nullopt;
    int m = 1, d = 1;
    bool hasMonth = false, hasDay = false;
    if (pos < t.size() && t[pos] == '-' && pos + 1 < t.size() && isDigit(t[pos + 1])) {
        ++pos;
        m = readNumber(t, pos, 1, 2);
        hasMonth = true;
        if (pos < t.size() && t[pos] == '-' && pos + 1 < t.size() && isDigit(t[pos + 1])) {
            ++pos;
            d = readNumber(t, pos, 1, 2);
            hasDay = true;
        }
    }
    // An optional time of day: [T ][0-9:.]+ then an optional Z.
    if (pos < t.size() && (t[pos] == 'T' || t[pos] == ' ')) {
        const std::size_t timeStart = ++pos;
        while (pos < t.size() && (isDigit(t[pos]) || t[pos] == ':' || t[pos] == '.'))
            ++pos;
        if (pos == timeStart)
            return std::nullopt;
        if (pos < t.size() && t[pos] == 'Z')
            ++pos;
    }
    if (pos != t.size())
        return std::nullopt;
    const auto day = julian(y, m, d);
    if (!day)
        return std::nullopt;
    IsoDay out{*day, std::nullopt};
    if (!hasMonth)
        out.impliedPrecision = DatePrecision::Year;
    else if (!hasDay)
        out.impliedPrecision = DatePrecision::Month;
    return out;
}

std::optional<std::int32_t> parseFlexibleDay(std::string_view text) {
    const std::string_view t = stripBlanks(text);
    if (t.empty())
        return std::nullopt;
    if (const auto iso = parseIsoDay(t); iso && !iso->impliedPrecision)
        return iso->day;
    if (const auto words = parseWordDate(t))
        return words;
    // Anything else Qt's C-locale parser accepts in the same shapes (it is lenient in ways we do
    // not need to copy, and rare enough not to matter for speed).
    const QString q = QString::fromUtf8(t.data(), qsizetype(t.size()));
    const QLocale c = QLocale::c();
    for (const char* fmt : {"d MMMM yyyy", "d-MMMM-yyyy", "d MMM yyyy", "d-MMM-yyyy",
                            "MMMM d, yyyy"}) {
        const QDate d = c.toDate(q, QString::fromLatin1(fmt));
        if (d.isValid())
            return static_cast<std::int32_t>(d.toJulianDay());
    }
    return std::nullopt;
}

} // namespace borderlens
