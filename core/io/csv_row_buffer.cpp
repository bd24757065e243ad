#include "io/csv_row_buffer.h"

#include <QDate>
#include <charconv>
#include <cmath>

namespace borderlens {

void CsvRowBuffer::field(std::string_view text) {
    separate();
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        m_bytes.append(text);
        return;
    }
    m_bytes += '"';
    for (const char c : text) {
        if (c == '"')
            m_bytes += '"';
        m_bytes += c;
    }
    m_bytes += '"';
}

void CsvRowBuffer::integer(long long value) {
    separate();
    appendInteger(m_bytes, value);
}

void CsvRowBuffer::fixed(double value, int decimals) {
    separate();
    appendFixed(m_bytes, value, decimals);
}

void CsvRowBuffer::isoDate(qint64 julianDay) {
    separate();
    appendIsoDate(m_bytes, julianDay);
}

void CsvRowBuffer::endRow() {
    m_bytes += '\n';
    m_inRow = false;
}

void CsvRowBuffer::appendInteger(std::string& out, long long value) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, r.ptr);
}

void CsvRowBuffer::appendFixed(std::string& out, double value, int decimals) {
    long long scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    // llround is exact (no libm approximation), so the digits are the same everywhere.
    const long long scaled = std::llround(value * static_cast<double>(scale));
    const long long magnitude = scaled < 0 ? -scaled : scaled;
    if (scaled < 0)
        out += '-';
    appendInteger(out, magnitude / scale);
    if (decimals > 0) {
        out += '.';
        const std::size_t at = out.size();
        appendInteger(out, magnitude % scale);
        const std::size_t written = out.size() - at;
        if (written < static_cast<std::size_t>(decimals))
            out.insert(at, static_cast<std::size_t>(decimals) - written, '0');
    }
}

void CsvRowBuffer::appendIsoDate(std::string& out, qint64 julianDay) {
    int y = 0, m = 0, d = 0;
    QDate::fromJulianDay(julianDay).getDate(&y, &m, &d);
    char text[10] = {static_cast<char>('0' + y / 1000 % 10),
                     static_cast<char>('0' + y / 100 % 10),
                     static_cast<char>('0' + y / 10 % 10),
                     static_cast<char>('0' + y % 10),
                     '-',
                     static_cast<char>('0' + m / 10),
                     static_cast<char>('0' + m % 10),
                     '-',
                     static_cast<char>('0' + d / 10),
                     static_cast<char>('0' + d % 10)};
    out.append(text, sizeof text);
}

} // namespace borderlens
