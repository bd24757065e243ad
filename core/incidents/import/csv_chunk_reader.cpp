#include "incidents/import/csv_chunk_reader.h"

#include "io/csv_tokenizer.h"

#include <QFileInfo>

#include <algorithm>

namespace borderlens {

namespace {
constexpr std::size_t kHeaderProbe = 64 * 1024;
constexpr std::size_t kMaxHeader = 1 << 20;
constexpr std::size_t kMaxLine = std::size_t(64) << 20;
} // namespace

Result<CsvChunkReader> CsvChunkReader::open(const QString& path, std::size_t chunkBytes) {
    CsvChunkReader r(path);
    r.m_file = std::make_unique<QFile>(path);
    if (!r.m_file->open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot be read: %1").arg(r.m_file->errorString())};
    r.m_size = r.m_file->size();
    // Stretches of about an eighth of the file per core, between 256 KB and 8 MB: enough of them
    // to keep both cores busy to the end, few enough that each is worth a hand-over.
    r.m_chunkBytes = chunkBytes > 0 ? chunkBytes
                                     : std::clamp<std::size_t>(std::size_t(r.m_size) / 16,
                                                               256 << 10, 8 << 20);
    return r;
}

bool CsvChunkReader::readMore(std::size_t bytes) {
    if (m_eof)
        return false;
    const std::size_t at = m_pending.size();
    m_pending.resize(at + bytes);
    const qint64 n = m_file->read(m_pending.data() + at, qint64(bytes));
    if (n <= 0) {
        m_pending.resize(at);
        m_eof = true;
        return false;
    }
    m_pending.resize(at + std::size_t(n));
    m_read += n;
    if (m_read >= m_size && m_file->atEnd())
        m_eof = true;
    return true;
}

Result<std::vector<QString>> CsvChunkReader::readHeader() {
    readMore(kHeaderProbe);
    if (m_pending.size() >= 2 &&
        ((m_pending[0] == '\xFF' && m_pending[1] == '\xFE') ||
         (m_pending[0] == '\xFE' && m_pending[1] == '\xFF')))
        return Error{m_path, QStringLiteral("is UTF-16 text; save it as UTF-8 (CSV UTF-8), which "
                                            "is what BorderLens reads")};
    if (m_pending.compare(0, 3, "\xEF\xBB\xBF") == 0)
        m_pending.erase(0, 3);
    for (;;) {
        CsvTokenizer tokenizer(m_pending, m_eof, 1);
        CsvTokenizer::Record header;
        switch (tokenizer.next(header)) {
        case CsvTokenizer::Status::End:
            if (!m_eof && readMore(kHeaderProbe))
                continue;
            return Error{m_path, QStringLiteral("is empty (no header row)")};
        case CsvTokenizer::Status::Incomplete:
            if (m_pending.size() > kMaxHeader)
                return Error{m_path, QStringLiteral("has no header row in its first MB (is it "
                                                    "a CSV file?)")};
            readMore(kHeaderProbe);
            continue;
        case CsvTokenizer::Status::Error:
            return Error{m_path, QStringLiteral("line %1: %2")
                                     .arg(tokenizer.errorLine())
                                     .arg(tokenizer.errorMessage())};
        case CsvTokenizer::Status::Record: {
            if (header.badUtf8Field > 0)
                return Error{m_path, QStringLiteral("line %1: field %2 is not valid UTF-8")
                                         .arg(header.line)
                                         .arg(header.badUtf8Field)};
            std::vector<QString> fields;
            for (std::string_view f : header.fields)
                fields.push_back(QString::fromUtf8(f.data(), qsizetype(f.size())));
            m_headerEndLine = tokenizer.line();
            m_pending.erase(0, tokenizer.position());
            return fields;
        }
        }
    }
}

Result<std::optional<CsvChunkReader::Chunk>> CsvChunkReader::next() {
    while (m_pending.size() < m_chunkBytes && readMore(m_chunkBytes))
        ;
    for (;;) {
        if (m_pending.empty())
            return std::optional<Chunk>();
        if (m_eof) {
            Chunk c{std::move(m_pending), true};
            m_pending.clear();
            return std::optional<Chunk>(std::move(c));
        }
        // Cut after the last line break; a CR at the very end may be half of a CRLF.
        std::size_t cut = m_pending.rfind('\n');
        if (cut == std::string::npos) {
            const std::size_t cr = m_pending.find_last_of('\r', m_pending.size() - 2);
            cut = m_pending.size() >= 2 ? cr : std::string::npos;
        }
        if (cut == std::string::npos) {
            if (m_pending.size() > kMaxLine)
                return Error{m_path, QStringLiteral("has a line longer than 64 MB after byte %1; "
                                                    "it is not a table BorderLens can read")
                                         .arg(m_read - qint64(m_pending.size()))};
            readMore(m_chunkBytes);
            continue;
        }
        // The stretch takes the buffer; only the few bytes after the cut are copied back.
        Chunk c;
        std::string tail = m_pending.substr(cut + 1);
        c.bytes = std::move(m_pending);
        c.bytes.resize(cut + 1);
        m_pending = std::move(tail);
        if (m_pending.empty() && !m_eof)
            readMore(m_chunkBytes); // to know whether this is the last stretch
        c.last = m_pending.empty() && m_eof;
        return std::optional<Chunk>(std::move(c));
    }
}

} // namespace borderlens
