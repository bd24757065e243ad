#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace borderlens {

// Per-row text that is read only when one row is shown (an incident's summary and sources):
// records of length-prefixed fields, packed into blocks of about 32 KiB that are compressed
// with zstd as they fill. ACLED notes make up most of an export's bytes and compress about
// threefold, and a record is decompressed only when an identify panel or a table cell asks for
// it. A few recently read blocks are kept decompressed, so a table scrolling through nearby
// rows does not decompress a block per cell.
//
// Rows are addressed by number; gathered() reorders rows without touching the blocks, so a store
// sorted by time keeps its text where the import wrote it.
class RecordBlocks {
public:
    RecordBlocks() = default;
    RecordBlocks(RecordBlocks&& other) noexcept;
    RecordBlocks& operator=(RecordBlocks&& other) noexcept;
    RecordBlocks(const RecordBlocks&) = delete;
    RecordBlocks& operator=(const RecordBlocks&) = delete;

    std::size_t size() const { return m_rowOffsets.size(); }

    // Appends a row made of `fields`. Call finish() after the last row.
    void append(std::span<const std::string_view> fields);
    // Compresses what is still pending; appending after it starts a new block.
    void finish();
    // Appends the (finished) rows of another instance, taking its blocks.
    void appendBlocks(RecordBlocks&& other);
    // Rows in `order` (order[k] becomes row k), sharing the compressed blocks by moving them.
    RecordBlocks gathered(std::span<const std::uint32_t> order) &&;
    // The same leaving this one whole: both share the compressed blocks, which are never written
    // once full (a filtered store costs its row offsets, not a copy of the text).
    RecordBlocks gathered(std::span<const std::uint32_t> order) const&;

    // The fields of `row`, decoded.
    std::vector<std::string> fields(std::size_t row) const;

    std::size_t rawBytes() const { return m_rawTotal; }
    std::size_t compressedBytes() const {
        std::size_t n = 0;
        for (const auto& s : m_segments)
            n += s->size();
        return n;
    }
    std::size_t memoryUsed() const {
        std::size_t n = m_blocks.capacity() * sizeof(Block) +
                        m_rowOffsets.capacity() * sizeof(std::uint64_t) + m_pending.capacity();
        for (const auto& s : m_segments)
            n += s->capacity();
        return n;
    }

private:
    struct Block {
        std::uint64_t rawStart = 0;  // logical offset of its first byte
        std::uint32_t segment = 0;   // which of m_segments holds its bytes
        std::uint64_t compStart = 0; // where they start in it
        std::uint32_t rawSize = 0;
        std::uint32_t compSize = 0;
        bool stored = false; // kept uncompressed (compression did not help)
    };
    struct Cached {
        std::size_t block = SIZE_MAX;
        std::string bytes;
        std::uint64_t used = 0;
    };

    void flushPending();
    const std::string& blockBytes(std::size_t block) const; // call with m_cacheMutex held

    // Compressed bytes in segments, one per stretch of rows compressed together: joining two
    // instances moves segments, never copies (or doubles) hundreds of megabytes.
    // Shared between copies made by gathered() const&; only the last segment of an instance
    // that holds it alone is ever appended to (writable()).
    std::vector<std::shared_ptr<std::vector<char>>> m_segments;
    std::vector<char>& writable(); // the last segment
    std::vector<Block> m_blocks;
    std::vector<std::uint64_t> m_rowOffsets; // logical offset of each row's record
    std::string m_pending;                   // the block being filled
    std::uint64_t m_pendingStart = 0;
    std::uint64_t m_rawTotal = 0;

    mutable std::mutex m_cacheMutex;
    mutable std::vector<Cached> m_cache;
    mutable std::uint64_t m_clock = 0;
};

} // namespace borderlens
