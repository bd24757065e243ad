#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QIODevice;

namespace borderlens {

// A streaming CSV reader that decodes records to QStrings and reports where each starts, for
// small tables read whole (the gazetteer). The grammar is CsvTokenizer's; this adds reading a
// device in blocks, skipping a leading byte-order mark, and treating a field that is not UTF-8 as
// an error (text after a closing quote and an unterminated quote are errors too, never silently
// repaired). It parses no numbers or dates, so nothing here depends on the locale. After an
// error it stays at the end.
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
    bool fill();
    Error error(qint64 line, const QString& message);

    std::unique_ptr<QIODevice> m_owned; // set when the reader made its device
    QIODevice* m_device = nullptr;
    QString m_sourceName;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    bool m_bomChecked = false;
    bool m_eof = false;
    bool m_done = false;
};

} // namespace borderlens
