#include "io/csv_record_reader.h"

#include "io/csv_tokenizer.h"

#include <QBuffer>
#include <QFile>

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

// Appends the next block to the unread bytes; false at the end of the device.
bool CsvRecordReader::fill() {
    if (!m_device || m_eof)
        return false;
    const QByteArray block = m_device->read(kBlockSize);
    if (block.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer = m_buffer.mid(m_pos) + block;
    m_pos = 0;
    return true;
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
    CsvTokenizer::Record record;
    for (;;) {
        const std::string_view unread(m_buffer.constData() + m_pos,
                                      static_cast<std::size_t>(m_buffer.size() - m_pos));
        CsvTokenizer tokenizer(unread, m_eof, m_line);
        switch (tokenizer.next(record)) {
        case CsvTokenizer::Status::Incomplete:
            if (!fill())
                m_eof = true; // tokenise again as the end of the input
            continue;
        case CsvTokenizer::Status::End:
            if (!m_eof && fill())
                continue;
            m_done = true;
            return std::optional<Record>();
        case CsvTokenizer::Status::Error:
            return error(tokenizer.errorLine(), tokenizer.errorMessage());
        case CsvTokenizer::Status::Record: {
            if (record.badUtf8Field > 0)
                return error(record.line, QStringLiteral("field %1 is not valid UTF-8")
                                              .arg(record.badUtf8Field));
            Record out;
            out.line = record.line;
            for (std::string_view f : record.fields)
                out.fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
            m_pos += static_cast<qsizetype>(tokenizer.position());
            m_line = tokenizer.line();
            return std::optional<Record>(std::move(out));
        }
        }
    }
}

} // namespace borderlens
