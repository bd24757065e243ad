#include "io/csv_record_reader.h"

#include <QBuffer>
#include <QFile>
#include <QStringDecoder>

namespace borderlens {
namespace {

constexpr qint64 kBlockSize = 64 * 1024;

} // namespace

CsvRecordReader::CsvRecordReader(QIODevice* device, QString sourceName)
    : m_device(device), m_sourceName(std::move(sourceName)) {}

CsvRecordReader::CsvRecordReader(const QByteArray& data, QString sourceName)
    : m_sourceName(std::move(sourceName)) {
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    m_device = buffer.get();
    m_owned = std::move(buffer);
}

Result<CsvRecordReader> CsvRecordReader::open(const QString& path) {
    auto file = std::make_unique<QFile>(path);
    if (!file->exists())
        return Error{path, QStringLiteral("file not found")};
    if (!file->open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot be read: %1").arg(file->errorString())};
    CsvRecordReader reader(file.get(), path);
    reader.m_owned = std::move(file);
    return reader;
}

CsvRecordReader::CsvRecordReader(CsvRecordReader&&) noexcept = default;
CsvRecordReader& CsvRecordReader::operator=(CsvRecordReader&&) noexcept = default;
CsvRecordReader::~CsvRecordReader() = default;

bool CsvRecordReader::fill() {
    if (!m_device)
        return false;
    // Keep unread bytes: the BOM check looks three bytes ahead, possibly across a block edge.
    const QByteArray block = m_device->read(kBlockSize);
    if (block.isEmpty())
        return false;
    m_buffer = m_buffer.mid(m_pos) + block;
    m_pos = 0;
    return true;
}

int CsvRecordReader::peek() {
    if (m_pos >= m_buffer.size() && !fill())
        return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvRecordReader::get() {
    const int c = peek();
    if (c >= 0)
        ++m_pos;
    return c;
}

Error CsvRecordReader::error(qint64 line, const QString& message) {
    m_done = true;
    return Error{m_sourceName, QStringLiteral("line %1: %2").arg(line).arg(message)};
}

Result<std::optional<CsvRecordReader::Record>> CsvRecordReader::next() {
    if (m_done)
        return std::optional<Record>();
    if (!m_bomChecked) {
        m_bomChecked = true;
        while (m_buffer.size() - m_pos < 3 && fill()) {
        }
        if (m_buffer.mid(m_pos, 3) == QByteArrayLiteral("\xEF\xBB\xBF"))
            m_pos += 3;
    }
    // Skip empty lines.
    for (int c = peek(); c == '\n' || c == '\r'; c = peek()) {
        get();
        if (c == '\r' && peek() == '\n')
            get();
        ++m_line;
    }
    if (peek() < 0) {
        m_done = true;
        return std::optional<Record>();
    }

    Record record;
    record.line = m_line;
    QByteArray field;
    while (true) {
        field.clear();
        if (peek() == '"') {
            get();
            while (true) {
                const int c = get();
                if (c < 0)
                    return error(record.line,
                                 QStringLiteral("a quoted field (field %1) has no closing quote")
                                     .arg(record.fields.size() + 1));
                if (c == '"') {
                    if (peek() != '"')
                        break;
                    get();
                } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    ++m_line;
                }
                field.append(static_cast<char>(c));
            }
            const int after = peek();
            if (after != ',' && after != '\n' && after != '\r' && after >= 0)
                return error(m_line, QStringLiteral("text after the closing quote of field %1")
                                         .arg(record.fields.size() + 1));
        } else {
            for (int c = peek(); c >= 0 && c != ',' && c != '\n' && c != '\r'; c = peek())
                field.append(static_cast<char>(get()));
        }
        // A decoder per field is cheap (no allocation) and tells us about invalid bytes;
        // ConvertInitialBom keeps a U+FEFF inside a field: only the file's own BOM is dropped.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        QString text = utf8.decode(field);
        if (utf8.hasError())
            return error(
                m_line,
                QStringLiteral("field %1 is not valid UTF-8").arg(record.fields.size() + 1));
        record.fields << std::move(text);

        const int end = get();
        if (end == ',')
            continue;
        if (end == '\r' && peek() == '\n')
            get();
        if (end >= 0)
            ++m_line;
        return std::optional<Record>(std::move(record));
    }
}

} // namespace borderlens
