#pragma once

#include "util/result.h"

#include <QFile>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace borderlens {

// Reads a CSV file for the parallel importer: first its header record alone (so a file that fits
// no format is refused without reading its body), then stretches of a few MB, each ending just
// after a line break, to parse on separate threads. Memory stays at a few stretches whatever the
// file's size; a run of 64 MB without a line break is an error, not an allocation.
class CsvChunkReader {
public:
    // `chunkBytes` 0 chooses from the file's size.
    static Result<CsvChunkReader> open(const QString& path, std::size_t chunkBytes = 0);

    // The header's fields. Errors name the file: empty, UTF-16, broken quoting, not UTF-8.
    Result<std::vector<QString>> readHeader();
    // The line the first row after the header starts on.
    std::int64_t headerEndLine() const { return m_headerEndLine; }

    struct Chunk {
        std::string bytes;
        bool last = false; // nothing follows it
    };
    // The next stretch; nullopt after the last.
    Result<std::optional<Chunk>> next();

    qint64 fileSize() const { return m_size; }
    qint64 bytesRead() const { return m_read; }

private:
    explicit CsvChunkReader(QString path) : m_path(std::move(path)) {}
    // Reads up to `bytes` more into m_pending; false at the end of the file.
    bool readMore(std::size_t bytes);

    QString m_path;
    std::unique_ptr<QFile> m_file;
    qint64 m_size = 0;
    qint64 m_read = 0;
    bool m_eof = false;
    std::string m_pending;
    std::int64_t m_headerEndLine = 1;
    std::size_t m_chunkBytes = 4 << 20;
};

} // namespace borderlens
