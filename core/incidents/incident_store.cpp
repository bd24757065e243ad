#include "incidents/incident_store.h"

#include "util/parallel.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace borderlens {

std::vector<std::uint32_t> storeOrder(const IncidentColumns& c) {
    const std::size_t n = c.size();
    std::vector<std::uint32_t> order(n);
    if (n == 0)
        return order;
    const auto [lo, hi] = std::minmax_element(c.begin.begin(), c.begin.end());
    const std::int64_t range = std::int64_t(*hi) - *lo + 1;
    if (range <= std::int64_t(4 * n + 100'000)) {
        // Counting sort on the day: stable, linear, and days span a few thousand values.
        std::vector<std::uint32_t> starts(static_cast<std::size_t>(range) + 1, 0);
        for (std::int32_t b : c.begin)
            ++starts[static_cast<std::size_t>(b - *lo) + 1];
        std::partial_sum(starts.begin(), starts.end(), starts.begin());
        for (std::uint32_t i = 0; i < n; ++i)
            order[starts[static_cast<std::size_t>(c.begin[i] - *lo)]++] = i;
    } else {
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return c.begin[a] < c.begin[b]; });
    }
    // Within a day, by id, so the order does not depend on the order of the file's rows.
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t a = 0; a < n;) {
        std::size_t b = a + 1;
        while (b < n && c.begin[order[b]] == c.begin[order[a]])
            ++b;
        if (b - a > 1)
            runs.emplace_back(a, b);
        a = b;
    }
    // Ids compared by their first eight bytes as one big-endian number (the bytewise order),
    // and only on a tie by the rest: a million string comparisons become integer ones.
    std::vector<std::uint64_t> prefix(n);
    parallelSlices(n, n > 100'000 ? workerCount() : 1, [&](std::size_t a, std::size_t b) {
        for (std::size_t i = a; i < b; ++i) {
            const std::string_view v = c.id.view(i);
            std::uint64_t key = 0;
            for (std::size_t k = 0; k < 8; ++k)
                key = (key << 8) | (k < v.size() ? static_cast<unsigned char>(v[k]) : 0u);
            prefix[i] = key;
        }
    });
    auto byId = [&](std::uint32_t a, std::uint32_t b) {
        if (prefix[a] != prefix[b])
            return prefix[a] < prefix[b];
        return c.id.view(a) < c.id.view(b);
    };
    const unsigned parts = n > 100'000 ? workerCount() : 1;
    parallelSlices(runs.size(), parts, [&](std::size_t r0, std::size_t r1) {
        for (std::size_t r = r0; r < r1; ++r)
            std::stable_sort(order.begin() + std::ptrdiff_t(runs[r].first),
                             order.begin() + std::ptrdiff_t(runs[r].second), byId);
    });
    return order;
}

namespace {

bool isIdentity(const std::vector<std::uint32_t>& order) {
    for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] != i)
            return false;
    return true;
}

QStringList rankOutlets(const IncidentColumns& c) {
    std::vector<std::pair<QString, std::uint32_t>> ranked;
    for (std::uint32_t code = 1; code < c.outletCitations.size(); ++code) {
        if (c.outletCitations[code] == 0)
            continue;
        const std::string_view v = c.outlets.value(code);
        ranked.emplace_back(QString::fromUtf8(v.data(), qsizetype(v.size())),
                            c.outletCitations[code]);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QStringList out;
    for (const auto& r : ranked)
        out << r.first;
    return out;
}

} // namespace

IncidentStore::IncidentStore(IncidentColumns columns) : m_columns(std::move(columns)) {
    m_columns.finish();
    const std::vector<std::uint32_t> order = storeOrder(m_columns);
    if (!isIdentity(order))
        m_columns.gather(order);
    m_index = TimeIndex(std::span<const std::int32_t>(m_columns.begin),
                        std::span<const std::int32_t>(m_columns.end));
    m_outlets = rankOutlets(m_columns);
}

std::shared_ptr<const IncidentStore>
IncidentStore::subset(std::span<const std::uint32_t> rows) const {
    auto out = std::make_shared<IncidentStore>();
    out->m_columns = m_columns.gathered(rows);
    out->m_index = TimeIndex(std::span<const std::int32_t>(out->m_columns.begin),
                             std::span<const std::int32_t>(out->m_columns.end));
    out->m_outlets = m_outlets;
    return out;
}

namespace {
IncidentColumns columnsOf(const std::vector<Incident>& incidents) {
    IncidentColumns c;
    for (const Incident& i : incidents)
        c.append(i);
    return c;
}
} // namespace

IncidentStore::IncidentStore(const std::vector<Incident>& incidents)
    : IncidentStore(columnsOf(incidents)) {}

int IncidentStore::killedOrZero(std::size_t i) const {
    for (const auto* col : {&m_columns.killedBest, &m_columns.killedHigh, &m_columns.killedLow}) {
        const std::int32_t v = IncidentColumns::count(*col, i);
        if (v != IncidentColumns::kUnknown)
            return v;
    }
    return 0;
}

int IncidentStore::indexOf(const QString& id) const {
    std::call_once(m_byIdOnce, [this] {
        m_byId.resize(size());
        std::iota(m_byId.begin(), m_byId.end(), 0u);
        std::stable_sort(m_byId.begin(), m_byId.end(), [this](std::uint32_t a, std::uint32_t b) {
            return m_columns.id.view(a) < m_columns.id.view(b);
        });
    });
    const QByteArray key = id.toUtf8();
    const std::string_view k(key.constData(), std::size_t(key.size()));
    const auto it = std::lower_bound(m_byId.begin(), m_byId.end(), k,
                                     [this](std::uint32_t row, std::string_view v) {
                                         return m_columns.id.view(row) < v;
                                     });
    if (it == m_byId.end() || m_columns.id.view(*it) != k)
        return -1;
    return static_cast<int>(*it);
}

std::size_t IncidentStore::memoryUsed() const {
    return m_columns.memoryUsed() + m_index.memoryUsed() + m_byId.capacity() * sizeof(std::uint32_t);
}

FacilityStore::FacilityStore(std::vector<Facility> facilities) : m_rows(std::move(facilities)) {
    std::vector<std::int64_t> begins;
    std::vector<std::int64_t> ends;
    for (const Facility& f : m_rows) {
        const TimeRange p = f.presence();
        begins.push_back(p.begin);
        ends.push_back(p.end);
    }
    m_index = TimeIndex(std::span<const std::int64_t>(begins), std::span<const std::int64_t>(ends));
}

TimeRange FacilityStore::timeExtent() const {
    TimeRange r{0, 0};
    bool any = false;
    for (const Facility& f : m_rows) {
        if (!f.opened)
            continue;
        const TimeRange p = f.presence();
        const std::int64_t b = p.begin;
        const std::int64_t e = b + 1;
        r = any ? TimeRange{std::min(r.begin, b), std::max(r.end, e)} : TimeRange{b, e};
        any = true;
    }
    return r;
}

} // namespace borderlens
