#include "columns/record_blocks.h"

#include <zstd.h>

#include <algorithm>
#include <stdexcept>

namespace borderlens {

namespace {

constexpr std::size_t kBlockBytes = 32 * 1024;
constexpr std::size_t kCachedBlocks = 8;
// zstd's fastest level: an ACLED export's notes shrink about threefold at several hundred MB/s
// per core, which keeps compression a small part of an import.
constexpr int kLevel = 1;

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::uint64_t getVarint(const char*& p, const char* end) {
    std::uint64_t v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto b = static_cast<unsigned char>(*p++);
        v |= std::uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    return v;
}

} // namespace

RecordBlocks::RecordBlocks(RecordBlocks&& other) noexcept { *this = std::move(other); }

RecordBlocks& RecordBlocks::operator=(RecordBlocks&& other) noexcept {
    if (this != &other) {
        m_segments = std::move(other.m_segments);
        m_blocks = std::move(other.m_blocks);
        m_rowOffsets = std::move(other.m_rowOffsets);
        m_pending = std::move(other.m_pending);
        m_pendingStart = other.m_pendingStart;
        m_rawTotal = other.m_rawTotal;
        m_cache.clear();
    }
    return *this;
}

void RecordBlocks::append(std::span<const std::string_view> fields) {
    m_rowOffsets.push_back(m_rawTotal);
    const std::size_t before = m_pending.size();
    putVarint(m_pending, fields.size());
    for (std::string_view f : fields) {
        putVarint(m_pending, f.size());
        m_pending.append(f);
    }
    m_rawTotal += m_pending.size() - before;
    if (m_pending.size() >= kBlockBytes)
        flushPending();
}

std::vector<char>& RecordBlocks::writable() {
    if (m_segments.empty() || m_segments.back().use_count() > 1)
        m_segments.push_back(std::make_shared<std::vector<char>>());
    return *m_segments.back();
}

void RecordBlocks::flushPending() {
    if (m_pending.empty())
        return;
    std::vector<char>& out = writable();
    Block b;
    b.rawStart = m_pendingStart;
    b.segment = static_cast<std::uint32_t>(m_segments.size() - 1);
    b.compStart = out.size();
    b.rawSize = static_cast<std::uint32_t>(m_pending.size());
    const std::size_t bound = ZSTD_compressBound(m_pending.size());
    out.resize(b.compStart + bound);
    const std::size_t n = ZSTD_compress(out.data() + b.compStart, bound, m_pending.data(),
                                        m_pending.size(), kLevel);
    if (ZSTD_isError(n) || n >= m_pending.size()) {
        // Incompressible (or a zstd failure): keep the bytes as they are.
        out.resize(b.compStart);
        out.insert(out.end(), m_pending.begin(), m_pending.end());
        b.compSize = b.rawSize;
        b.stored = true;
    } else {
        out.resize(b.compStart + n);
        b.compSize = static_cast<std::uint32_t>(n);
    }
    m_blocks.push_back(b);
    m_pendingStart = m_rawTotal;
    m_pending.clear();
}

void RecordBlocks::finish() {
    flushPending();
    m_pending.shrink_to_fit();
    if (!m_segments.empty() && m_segments.back().use_count() == 1)
        m_segments.back()->shrink_to_fit();
}

void RecordBlocks::appendBlocks(RecordBlocks&& other) {
    finish();
    other.finish();
    const std::uint64_t rawBase = m_rawTotal;
    const auto segmentBase = static_cast<std::uint32_t>(m_segments.size());
    for (auto& segment : other.m_segments)
        m_segments.push_back(std::move(segment));
    for (Block b : other.m_blocks) {
        b.rawStart += rawBase;
        b.segment += segmentBase;
        m_blocks.push_back(b);
    }
    m_rowOffsets.reserve(m_rowOffsets.size() + other.m_rowOffsets.size());
    for (std::uint64_t o : other.m_rowOffsets)
        m_rowOffsets.push_back(o + rawBase);
    m_rawTotal += other.m_rawTotal;
    m_pendingStart = m_rawTotal;
    other = RecordBlocks();
}

RecordBlocks RecordBlocks::gathered(std::span<const std::uint32_t> order) && {
    finish();
    RecordBlocks out;
    out.m_segments = std::move(m_segments);
    out.m_blocks = std::move(m_blocks);
    out.m_rawTotal = m_rawTotal;
    out.m_pendingStart = m_rawTotal;
    out.m_rowOffsets.reserve(order.size());
    for (std::uint32_t r : order)
        out.m_rowOffsets.push_back(m_rowOffsets[r]);
    *this = RecordBlocks();
    return out;
}

RecordBlocks RecordBlocks::gathered(std::span<const std::uint32_t> order) const& {
    RecordBlocks out;
    out.m_segments = m_segments;
    out.m_blocks = m_blocks;
    out.m_rawTotal = m_rawTotal;
    out.m_pending = m_pending; // an unfinished instance: its last rows become a block of the copy
    out.m_pendingStart = m_pendingStart;
    out.flushPending();
    out.m_rowOffsets.reserve(order.size());
    for (std::uint32_t r : order)
        out.m_rowOffsets.push_back(m_rowOffsets[r]);
    return out;
}

const std::string& RecordBlocks::blockBytes(std::size_t block) const {
    for (Cached& c : m_cache) {
        if (c.block == block) {
            c.used = ++m_clock;
            return c.bytes;
        }
    }
    if (m_cache.size() < kCachedBlocks)
        m_cache.emplace_back();
    Cached& slot = *std::min_element(m_cache.begin(), m_cache.end(),
                                     [](const Cached& a, const Cached& b) { return a.used < b.used; });
    const Block& b = m_blocks[block];
    slot.block = block;
    slot.used = ++m_clock;
    slot.bytes.resize(b.rawSize);
    if (b.stored) {
        std::copy_n(m_segments[b.segment]->data() + b.compStart, b.rawSize, slot.bytes.data());
    } else {
        const std::size_t n = ZSTD_decompress(slot.bytes.data(), b.rawSize,
                                              m_segments[b.segment]->data() + b.compStart,
                                              b.compSize);
        if (ZSTD_isError(n) || n != b.rawSize) {
            // Our own bytes in memory: failing here means memory corruption, not bad input.
            slot.block = SIZE_MAX;
            throw std::runtime_error("RecordBlocks: a block does not decompress");
        }
    }
    return slot.bytes;
}

std::vector<std::string> RecordBlocks::fields(std::size_t row) const {
    std::vector<std::string> out;
    if (row >= m_rowOffsets.size())
        return out;
    const std::uint64_t at = m_rowOffsets[row];
    const char* p = nullptr;
    const char* end = nullptr;
    std::lock_guard lock(m_cacheMutex);
    if (at >= m_pendingStart && !m_pending.empty()) {
        p = m_pending.data() + (at - m_pendingStart);
        end = m_pending.data() + m_pending.size();
    } else {
        const auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), at,
                                         [](std::uint64_t v, const Block& b) { return v < b.rawStart; });
        if (it == m_blocks.begin())
            return out;
        const auto block = static_cast<std::size_t>(it - m_blocks.begin() - 1);
        const std::string& bytes = blockBytes(block);
        p = bytes.data() + (at - m_blocks[block].rawStart);
        end = bytes.data() + bytes.size();
    }
    const std::uint64_t count = getVarint(p, end);
    out.reserve(count);
    for (std::uint64_t i = 0; i < count && p <= end; ++i) {
        const std::uint64_t n = getVarint(p, end);
        const std::size_t len = std::min<std::size_t>(n, std::size_t(end - p));
        out.emplace_back(p, len);
        p += len;
    }
    return out;
}

} // namespace borderlens
