#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borderlens {

// Splits CSV bytes into records of fields, in place: fields are views into the bytes (or, for
// quoted fields with doubled quotes, into the tokenizer's own buffer) and nothing is copied or
// decoded. It is the one CSV grammar of the program (RFC 4180, as docs/data-format.md states it),
// used by the streaming CsvRecordReader and by the parallel incident importer alike:
//   - fields are comma-separated; a field in double quotes may hold commas, line breaks and
//     doubled quotes (""); a quote inside an unquoted field (5" gun) is a literal character;
//   - CRLF, LF and a lone CR each end a line; a completely empty line is skipped;
//   - text after a closing quote ("a"b) and a quoted field that never closes are errors;
//   - a field whose bytes are not UTF-8 is flagged on its record (badUtf8Field), not decoded.
// A leading byte-order mark is the caller's business: the bytes must start at a record.
class CsvTokenizer {
public:
    enum class Status {
        Record,     // `out` holds the next record
        End,        // no more records
        Incomplete, // the bytes end inside a record; position() is where that record starts
        Error,      // malformed quoting: errorLine() and errorMessage() say where and what
    };
    struct Record {
        std::vector<std::string_view> fields;
        std::int64_t line = 0; // line where the record starts
        int badUtf8Field = 0;  // 1-based number of the first field that is not UTF-8, or 0
    };

    // `atEnd`: nothing follows `data`, so a record may end without a line break and an open
    // quote at the end is an error; otherwise both give Incomplete. Lines are numbered from
    // `firstLine` at the first byte.
    CsvTokenizer(std::string_view data, bool atEnd, std::int64_t firstLine = 1);

    // Views in `out` stay valid until the next call.
    Status next(Record& out);

    std::size_t position() const { return m_pos; }
    std::int64_t line() const { return m_line; }
    std::int64_t errorLine() const { return m_errorLine; }
    const QString& errorMessage() const { return m_error; }

    // Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points past
    // U+10FFFF), as QStringDecoder checks it.
    static bool isValidUtf8(std::string_view bytes);

private:
    struct Span {
        std::size_t offset;
        std::size_t length;
        bool escaped; // holds "" pairs to collapse
    };
    Status fail(std::int64_t line, QString message);

    std::string_view m_data;
    bool m_atEnd;
    std::size_t m_pos = 0;
    std::int64_t m_line;
    std::vector<Span> m_spans;
    std::string m_scratch;
    std::int64_t m_errorLine = 0;
    QString m_error;
};

} // namespace borderlens
