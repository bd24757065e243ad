#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QIODevice;

namespace borderlens {

// A streaming RFC 4180 reader that reports where each record starts, for importers that must
// name the line of a bad row. Fields are comma-separated; a field in double quotes may hold
// commas, line breaks and doubled quotes (""). Input is UTF-8, a leading byte-order mark is
// skipped, and CRLF, LF and lone CR all end a line. It parses no numbers or dates, so nothing
// here depends on the locale. Lenient where the meaning is unambiguous, strict where it is not:
//   - a quote inside an unquoted field (5" gun) is kept as a literal character;
//   - text after a closing quote ("a"b), an unterminated quote and bytes that are not UTF-8 are
//     errors naming the line, never silently repaired;
//   - a completely empty line is skipped, so blank lines do not become one-field records.
// It reads the device in blocks, so memory does not grow with the file.
class CsvRecordReader {
public:
    struct Record {
        QStringList fields;
        qint64 line = 0; // 1-based line where the record starts
    };

    // Reads from `device`, which the caller opened and keeps alive while reading. `sourceName`
    // (usually the file path) becomes Error::source.
    explicit CsvRecordReader(QIODevice* device, QString sourceName = {});
    // Reads from bytes held in memory.
    explicit CsvRecordReader(const QByteArray& data, QString sourceName = {});
    // Opens a file; the error names the file when it is missing or unreadable.
    static Result<CsvRecordReader> open(const QString& path);

    CsvRecordReader(CsvRecordReader&&) noexcept;
    CsvRecordReader& operator=(CsvRecordReader&&) noexcept;
    ~CsvRecordReader();

    // The next record; std::nullopt at the end of the input; an error naming the source and the
    // line. After an error the reader stays at the end.
    Result<std::optional<Record>> next();

    const QString& sourceName() const { return m_sourceName; }

private:
    int get(); // the next byte (0..255), or -1 at the end
    int peek();
    bool fill();
    Error error(qint64 line, const QString& message);

    std::unique_ptr<QIODevice> m_owned; // set when the reader made its device
    QIODevice* m_device = nullptr;
    QString m_sourceName;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    bool m_bomChecked = false;
    bool m_done = false;
};

} // namespace borderlens
