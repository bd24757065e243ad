#pragma once

#include <QtGlobal>
#include <cstdint>
#include <string>
#include <string_view>

namespace borderlens {

// CSV text built in a byte buffer, for writers that stream many rows: RFC 4180 quoting only where
// a field needs it, LF line ends, and numbers and dates formatted without the locale (the decimal
// point is always '.'). The caller hands bytes() to its device and clear()s when it is large.
class CsvRowBuffer {
public:
    void field(std::string_view text);
    void emptyField() { separate(); }
    void integer(long long value);
    // `value` rounded to `decimals` places: "69.09911", "-0.50000".
    void fixed(double value, int decimals);
    // A Julian day as YYYY-MM-DD.
    void isoDate(qint64 julianDay);
    void endRow();

    const std::string& bytes() const { return m_bytes; }
    std::size_t size() const { return m_bytes.size(); }
    void clear() { m_bytes.clear(); }
    void reserve(std::size_t n) { m_bytes.reserve(n); }

    // Appends decimal digits of `value` to `out` (no separator, no quoting).
    static void appendInteger(std::string& out, long long value);
    static void appendFixed(std::string& out, double value, int decimals);
    static void appendIsoDate(std::string& out, qint64 julianDay);

private:
    void separate() {
        if (m_inRow)
            m_bytes += ',';
        m_inRow = true;
    }
    std::string m_bytes;
    bool m_inRow = false;
};

} // namespace borderlens
