#include "io/csv_tokenizer.h"

#include <algorithm>
#include <cstring>

namespace borderlens {

CsvTokenizer::CsvTokenizer(std::string_view data, bool atEnd, std::int64_t firstLine)
    : m_data(data), m_atEnd(atEnd), m_line(firstLine) {}

CsvTokenizer::Status CsvTokenizer::fail(std::int64_t line, QString message) {
    m_errorLine = line;
    m_error = std::move(message);
    m_pos = m_data.size();
    return Status::Error;
}

bool CsvTokenizer::isValidUtf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const unsigned char* end = p + bytes.size();
    while (p < end) {
        // Eight ASCII bytes at a time: the common case for ids, dates and numbers.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false; // continuation byte, overlong lead (C0, C1) or F5..FF
        }
        if (end - p <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

CsvTokenizer::Status CsvTokenizer::next(Record& out) {
    const char* d = m_data.data();
    const std::size_t n = m_data.size();
    // Blank lines between records.
    while (m_pos < n && (d[m_pos] == '\n' || d[m_pos] == '\r')) {
        if (d[m_pos] == '\r') {
            if (m_pos + 1 == n && !m_atEnd)
                return Status::Incomplete; // CR LF may be split across blocks
            if (m_pos + 1 < n && d[m_pos + 1] == '\n')
                ++m_pos;
        }
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= n)
        return Status::End;

    const std::size_t recordStart = m_pos;
    const std::int64_t recordLine = m_line;
    auto incomplete = [&] {
        m_pos = recordStart;
        m_line = recordLine;
        return Status::Incomplete;
    };
    std::size_t spans = 0;
    auto addSpan = [&](std::size_t offset, std::size_t length, bool escaped) {
        if (spans == m_spans.size())
            m_spans.resize(std::max<std::size_t>(32, 2 * m_spans.size()));
        m_spans[spans++] = {offset, length, escaped};
    };
    std::size_t pos = m_pos;
    std::int64_t line = m_line;
    std::size_t escapedBytes = 0;

    // The common record: one line with no quote and no lone CR. Found with memchr (vectorised
    // in the C library) and split at commas the same way, instead of a test on every byte.
    if (const void* nl = std::memchr(d + pos, '\n', n - pos); nl || m_atEnd) {
        const std::size_t lineEnd = nl ? std::size_t(static_cast<const char*>(nl) - d) : n;
        std::size_t contentEnd = lineEnd;
        if (nl && contentEnd > pos && d[contentEnd - 1] == '\r')
            --contentEnd; // CRLF
        if (!std::memchr(d + pos, '"', contentEnd - pos) &&
            !std::memchr(d + pos, '\r', contentEnd - pos)) {
            for (std::size_t at = pos;;) {
                const void* comma = std::memchr(d + at, ',', contentEnd - at);
                const std::size_t fieldEnd =
                    comma ? std::size_t(static_cast<const char*>(comma) - d) : contentEnd;
                addSpan(at, fieldEnd - at, false);
                if (!comma)
                    break;
                at = fieldEnd + 1;
            }
            pos = nl ? lineEnd + 1 : n;
            line += nl ? 1 : 0;
            goto materialise;
        }
    }

    for (;;) {
        const int fieldNumber = static_cast<int>(spans) + 1;
        if (pos < n && d[pos] == '"') {
            const std::size_t contentStart = ++pos;
            bool escaped = false;
            for (;;) {
                if (pos >= n) {
                    if (!m_atEnd)
                        return incomplete();
                    return fail(recordLine,
                                QStringLiteral("a quoted field (field %1) has no closing quote")
                                    .arg(fieldNumber));
                }
                const char c = d[pos];
                if (c == '"') {
                    if (pos + 1 >= n && !m_atEnd)
                        return incomplete(); // "" may straddle the end of the block
                    if (pos + 1 < n && d[pos + 1] == '"') {
                        escaped = true;
                        pos += 2;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    ++line;
                } else if (c == '\r') {
                    if (pos + 1 >= n && !m_atEnd)
                        return incomplete();
                    if (pos + 1 >= n || d[pos + 1] != '\n')
                        ++line;
                }
                ++pos;
            }
            addSpan(contentStart, pos - contentStart, escaped);
            if (escaped)
                escapedBytes += pos - contentStart;
            ++pos; // the closing quote
            if (pos < n && d[pos] != ',' && d[pos] != '\n' && d[pos] != '\r')
                return fail(line, QStringLiteral("text after the closing quote of field %1")
                                      .arg(fieldNumber));
        } else {
            const std::size_t start = pos;
            while (pos < n && d[pos] != ',' && d[pos] != '\n' && d[pos] != '\r')
                ++pos;
            addSpan(start, pos - start, false);
        }
        if (pos >= n) {
            if (!m_atEnd)
                return incomplete();
            break; // the last record of the input, with no line break after it
        }
        const char sep = d[pos++];
        if (sep == ',')
            continue;
        if (sep == '\r') {
            if (pos >= n && !m_atEnd)
                return incomplete();
            if (pos < n && d[pos] == '\n')
                ++pos;
        }
        ++line;
        break;
    }

materialise:
    // Materialise the views; collapsed quotes go to the scratch buffer, sized first so views into
    // it stay valid.
    m_scratch.clear();
    m_scratch.reserve(escapedBytes);
    out.fields.clear();
    out.line = recordLine;
    out.badUtf8Field = 0;
    for (std::size_t f = 0; f < spans; ++f) {
        const Span& s = m_spans[f];
        std::string_view v(d + s.offset, s.length);
        if (s.escaped) {
            const std::size_t at = m_scratch.size();
            for (std::size_t k = 0; k < v.size(); ++k) {
                m_scratch.push_back(v[k]);
                if (v[k] == '"')
                    ++k; // the second of a doubled quote
            }
            v = std::string_view(m_scratch.data() + at, m_scratch.size() - at);
        }
        out.fields.push_back(v);
    }
    if (!isValidUtf8(std::string_view(d + recordStart, pos - recordStart))) {
        for (std::size_t f = 0; f < out.fields.size(); ++f) {
            if (!isValidUtf8(out.fields[f])) {
                out.badUtf8Field = static_cast<int>(f) + 1;
                break;
            }
        }
    }
    m_pos = pos;
    m_line = line;
    return Status::Record;
}

} // namespace borderlens
