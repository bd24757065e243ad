#include "incident_table_model.h"

#include <cmath>
#include <limits>
#include <map>

#include <QLocale>

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_map>

namespace borderlens {

namespace {

// Alphabetical rank of every code of one dictionary column across all sources: equal strings
// get equal ranks, so that a layer's "Darvoz" sorts with another layer's "Darvoz".
std::vector<std::vector<std::uint32_t>>
ranksAcross(const std::vector<const StringDictionary*>& dicts) {
    struct Value {
        QString text;
        std::size_t source;
        std::uint32_t code;
    };
    std::vector<Value> values;
    for (std::size_t s = 0; s < dicts.size(); ++s)
        for (std::uint32_t c = 0; c < dicts[s]->size(); ++c) {
            const std::string_view v = dicts[s]->value(c);
            values.push_back({QString::fromUtf8(v.data(), qsizetype(v.size())), s, c});
        }
    std::stable_sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
        return a.text.localeAwareCompare(b.text) < 0;
    });
    std::vector<std::vector<std::uint32_t>> rank(dicts.size());
    for (std::size_t s = 0; s < dicts.size(); ++s)
        rank[s].resize(dicts[s]->size());
    std::uint32_t r = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k > 0 && values[k].text != values[k - 1].text)
            ++r;
        rank[values[k].source][values[k].code] = r;
    }
    return rank;
}

bool containsFolded(std::string_view haystack, const QByteArray& needleLower) {
    if (needleLower.isEmpty())
        return true;
    const auto n = std::size_t(needleLower.size());
    for (std::size_t i = 0; i + n <= haystack.size(); ++i) {
        std::size_t k = 0;
        while (k < n) {
            char c = haystack[i + k];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            if (c != needleLower[qsizetype(k)])
                break;
            ++k;
        }
        if (k == n)
            return true;
    }
    return false;
}

std::vector<bool> matchingCodes(const DictColumn& column, const QByteArray& needle) {
    const StringDictionary& dict = column.dictionary();
    std::vector<bool> match(dict.size());
    for (std::uint32_t c = 0; c < dict.size(); ++c)
        match[c] = containsFolded(dict.value(c), needle);
    return match;
}

} // namespace

void IncidentTableModel::setSources(std::vector<IncidentTableSource> sources,
                                    const TimeRange& window) {
    beginResetModel();
    std::erase_if(sources, [](const IncidentTableSource& s) { return !s.store; });
    m_sources = std::move(sources);
    m_state.assign(m_sources.size(), {});
    m_window = window;
    if (std::none_of(m_sources.begin(), m_sources.end(),
                     [&](const auto& s) { return s.layerId == m_layerFilter; }))
        m_layerFilter.clear();
    computeRanks();
    computeMatches();
    m_rows.clear();
    m_windowCount = 0;
    endResetModel();
    rebuild();
}

void IncidentTableModel::computeRanks() {
    std::vector<const StringDictionary*> places, districts;
    for (const auto& s : m_sources) {
        places.push_back(&s.store->columns().place.dictionary());
        districts.push_back(&s.store->columns().district.dictionary());
    }
    auto placeRanks = ranksAcross(places);
    auto districtRanks = ranksAcross(districts);
    for (std::size_t s = 0; s < m_sources.size(); ++s) {
        m_state[s].placeRank = std::move(placeRanks[s]);
        m_state[s].districtRank = std::move(districtRanks[s]);
    }
}

void IncidentTableModel::computeMatches() {
    if (m_filter.isEmpty())
        return;
    const QByteArray needle = m_filter.toLower().toUtf8();
    for (std::size_t s = 0; s < m_sources.size(); ++s) {
        const IncidentColumns& c = m_sources[s].store->columns();
        m_state[s].placeMatch = matchingCodes(c.place, needle);
        m_state[s].districtMatch = matchingCodes(c.district, needle);
        m_state[s].actorsMatch = matchingCodes(c.actors, needle);
    }
}

void IncidentTableModel::setWindow(const TimeRange& window) {
    m_window = window;
    rebuild();
}

void IncidentTableModel::setFilterText(const QString& text) {
    m_filter = text.trimmed();
    computeMatches();
    rebuild();
}

void IncidentTableModel::setLayerFilter(const QString& layerId) {
    if (layerId == m_layerFilter)
        return;
    m_layerFilter = layerId;
    rebuild();
}

std::vector<IncidentTableModel::RowKey> IncidentTableModel::windowRows() {
    // Each store lists its window in chronological order; the layers' lists are merged on the
    // start day, so that the default order is by date across layers.
    std::vector<RowKey> rows;
    std::vector<std::uint32_t> indices;
    m_windowCount = 0;
    for (std::size_t s = 0; s < m_sources.size(); ++s) {
        const IncidentStore& store = *m_sources[s].store;
        store.select(m_window, indices);
        m_windowCount += indices.size();
        if (!m_layerFilter.isEmpty() && m_sources[s].layerId != m_layerFilter)
            continue;
        if (!m_filter.isEmpty()) {
            const IncidentColumns& c = store.columns();
            const SourceState& st = m_state[s];
            const QByteArray needle = m_filter.toLower().toUtf8();
            std::array<bool, kIncidentTypeCount> typeMatch{};
            for (IncidentType t : kAllIncidentTypes)
                typeMatch[std::size_t(t)] = displayName(t).contains(m_filter, Qt::CaseInsensitive);
            const bool layerMatch = m_sources[s].name.contains(m_filter, Qt::CaseInsensitive);
            std::erase_if(indices, [&](std::uint32_t i) {
                return !(layerMatch || typeMatch[std::size_t(c.type[i])] ||
                         st.placeMatch[c.place.code(i)] || st.districtMatch[c.district.code(i)] ||
                         st.actorsMatch[c.actors.code(i)] || containsFolded(c.id.view(i), needle));
            });
        }
        const std::size_t before = rows.size();
        rows.reserve(before + indices.size());
        for (std::uint32_t i : indices)
            rows.push_back(key(s, i));
        if (before > 0) {
            const auto beginDay = [this](RowKey k) {
                return m_sources[k >> 32].store->columns().begin[std::uint32_t(k)];
            };
            std::inplace_merge(rows.begin(), rows.begin() + std::ptrdiff_t(before), rows.end(),
                               [&](RowKey a, RowKey b) { return beginDay(a) < beginDay(b); });
        }
    }
    return rows;
}

void IncidentTableModel::sortRows(std::vector<RowKey>& rows) const {
    const auto storeOf = [this](RowKey k) -> const IncidentStore& {
        return *m_sources[k >> 32].store;
    };
    const auto idx = [](RowKey k) { return std::uint32_t(k); };
    auto sortBy = [&](auto keyOf) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](RowKey a, RowKey b) { return keyOf(a) < keyOf(b); });
    };
    switch (m_sortColumn) {
    case Date:
        break; // merged in chronological order
    case Type: {
        std::array<int, kIncidentTypeCount> rank{};
        std::array<QString, kIncidentTypeCount> names;
        for (IncidentType t : kAllIncidentTypes)
            names[std::size_t(t)] = displayName(t);
        for (std::size_t t = 0; t < kIncidentTypeCount; ++t)
            for (std::size_t u = 0; u < kIncidentTypeCount; ++u)
                rank[t] += names[u] < names[t];
        sortBy([&](RowKey k) { return rank[std::size_t(storeOf(k).types()[idx(k)])]; });
        break;
    }
    case Place:
        sortBy([&](RowKey k) {
            return m_state[k >> 32].placeRank[storeOf(k).columns().place.code(idx(k))];
        });
        break;
    case District:
    case Province: {
        // Each row's name by its code (the facts' district or province code, else the record's
        // dictionary code): every (source, code) named once, the names ranked, rows by rank.
        const bool province = m_sortColumn == Province;
        auto codeOf = [&](RowKey k) -> std::uint32_t {
            const auto& src = m_sources[k >> 32];
            if (src.facts)
                return province ? src.facts->provinces()[idx(k)] : src.facts->districts()[idx(k)];
            return province ? src.store->columns().province.code(idx(k))
                            : src.store->columns().district.code(idx(k));
        };
        std::map<std::pair<std::size_t, std::uint32_t>, QString> names;
        for (RowKey k : rows) {
            const auto at = std::pair{std::size_t(k >> 32), codeOf(k)};
            if (!names.count(at))
                names.emplace(at, cellText(k, m_sortColumn));
        }
        QStringList distinct;
        for (const auto& [at, name] : names)
            distinct << name;
        distinct.removeDuplicates();
        std::sort(distinct.begin(), distinct.end(),
                  [](const QString& a, const QString& b) { return a.localeAwareCompare(b) < 0; });
        std::map<std::pair<std::size_t, std::uint32_t>, int> rank;
        for (const auto& [at, name] : names)
            rank.emplace(at, int(distinct.indexOf(name)));
        sortBy([&](RowKey k) { return rank.at({std::size_t(k >> 32), codeOf(k)}); });
        break;
    }
    case Bank:
        sortBy([&](RowKey k) {
            const auto& facts = m_sources[k >> 32].facts;
            return facts ? int(facts->sides()[idx(k)]) * 2 + facts->sideDisagrees()[idx(k)] : 99;
        });
        break;
    case Outpost:
        sortBy([&](RowKey k) {
            const auto& facts = m_sources[k >> 32].facts;
            const float km = facts ? facts->nearestOutpostKm()[idx(k)] : std::nanf("");
            return std::isnan(km) ? std::numeric_limits<float>::max() : km;
        });
        break;
    case Border:
        sortBy([&](RowKey k) {
            const auto& facts = m_sources[k >> 32].facts;
            const float km = facts ? facts->borderKm()[idx(k)] : std::nanf("");
            return std::isnan(km) ? std::numeric_limits<float>::max() : km;
        });
        break;
    case Killed:
        sortBy([&](RowKey k) { return storeOf(k).killedOrZero(idx(k)); });
        break;
    case Precision:
        sortBy([&](RowKey k) { return int(storeOf(k).geoPrecisions()[idx(k)]); });
        break;
    case Layer: {
        std::vector<int> rank(m_sources.size());
        std::iota(rank.begin(), rank.end(), 0);
        std::stable_sort(rank.begin(), rank.end(), [&](int a, int b) {
            return m_sources[std::size_t(a)].name.localeAwareCompare(
                       m_sources[std::size_t(b)].name) < 0;
        });
        std::vector<int> position(m_sources.size());
        for (std::size_t p = 0; p < rank.size(); ++p)
            position[std::size_t(rank[p])] = int(p);
        sortBy([&](RowKey k) { return position[k >> 32]; });
        break;
    }
    case Summary: {
        // The one column that is not in memory as such: read each row's text once.
        std::unordered_map<RowKey, QString> text;
        for (RowKey k : rows) {
            const auto rec = storeOf(k).columns().records.fields(idx(k));
            text.emplace(k, rec.empty() ? QString() : QString::fromStdString(rec[0]));
        }
        std::stable_sort(rows.begin(), rows.end(), [&](RowKey a, RowKey b) {
            return text[a].localeAwareCompare(text[b]) < 0;
        });
        break;
    }
    default:
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(rows.begin(), rows.end());
}

void IncidentTableModel::rebuild() {
    emit layoutAboutToBeChanged();
    const QModelIndexList persistent = persistentIndexList();
    constexpr RowKey kNone = ~RowKey(0);
    std::vector<RowKey> followed; // the incident each persistent index points at
    followed.reserve(std::size_t(persistent.size()));
    for (const QModelIndex& p : persistent)
        followed.push_back(p.isValid() && std::size_t(p.row()) < m_rows.size()
                               ? m_rows[std::size_t(p.row())]
                               : kNone);

    std::vector<RowKey> rows = windowRows();
    sortRows(rows);
    m_rows = std::move(rows);

    // Move persistent indexes (selection, current row) to the rows of the same incidents.
    if (!persistent.isEmpty()) {
        std::unordered_map<RowKey, int> rowOfKey;
        for (RowKey f : followed)
            if (f != kNone)
                rowOfKey.emplace(f, -1);
        for (std::size_t r = 0; r < m_rows.size(); ++r)
            if (auto it = rowOfKey.find(m_rows[r]); it != rowOfKey.end())
                it->second = static_cast<int>(r);
        QModelIndexList to;
        for (qsizetype k = 0; k < persistent.size(); ++k) {
            const auto it = rowOfKey.find(followed[std::size_t(k)]);
            to << (it != rowOfKey.end() && it->second >= 0
                       ? index(it->second, persistent[k].column())
                       : QModelIndex());
        }
        changePersistentIndexList(persistent, to);
    }
    emit layoutChanged();
}

void IncidentTableModel::sort(int column, Qt::SortOrder order) {
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild();
}

int IncidentTableModel::rowOf(const QString& layerId, std::uint32_t index) const {
    const auto s = std::find_if(m_sources.begin(), m_sources.end(),
                                [&](const auto& src) { return src.layerId == layerId; });
    if (s == m_sources.end())
        return -1;
    const RowKey wanted = key(std::size_t(s - m_sources.begin()), index);
    const auto it = std::find(m_rows.begin(), m_rows.end(), wanted);
    return it != m_rows.end() ? int(it - m_rows.begin()) : -1;
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size())
        return {};
    const std::size_t source = sourceOf(index.row());
    const std::uint32_t i = storeIndex(index.row());
    const IncidentStore& s = *m_sources[source].store;
    if (role == IndexRole)
        return QVariant::fromValue(qulonglong(i));
    if (role == IdRole)
        return s.id(i);
    if (role == LayerIdRole)
        return m_sources[source].layerId;
    auto summary = [&] {
        const auto rec = s.columns().records.fields(i);
        return rec.empty() ? QString() : QString::fromStdString(rec[0]);
    };
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return summary();
    if (role == Qt::ToolTipRole && index.column() == Layer)
        return m_sources[source].name;
    if (role == Qt::ToolTipRole && index.column() == Bank) {
        const auto& facts = m_sources[source].facts;
        if (facts && facts->sideDisagrees()[i])
            return tr("The point lies in %1, but the record says %2: a centroid-coded event can "
                      "land on the wrong bank.")
                .arg(displayCode(facts->sides()[i]), s.country(i));
    }
    if (role == Qt::ToolTipRole && index.column() == District) {
        if (m_sources[source].facts)
            return tr("Where the point lies on the district layer; the record says: %1")
                .arg(s.district(i).isEmpty() ? tr("nothing") : s.district(i));
    }
    if (role == Qt::TextAlignmentRole && index.column() == Border)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Date: {
        const TimeRange span = s.span(i);
        const QString d = QLocale::c().toString(span.beginDate(), QStringLiteral("yyyy-MM-dd"));
        if (s.columns().flags[i] & IncidentColumns::kHasEndDate)
            return d + QStringLiteral(" – ") + span.lastDate().toString(Qt::ISODate);
        return s.datePrecision(i) == DatePrecision::Day
                   ? d
                   : QStringLiteral("%1 (%2)").arg(d, toString(s.datePrecision(i)));
    }
    case Type:
        return displayName(s.types()[i]);
    case Place:
        return s.place(i);
    case District:
    case Province:
    case Bank:
    case Outpost:
        return cellText(m_rows[std::size_t(index.row())], index.column());
    case Border: {
        const auto& facts = m_sources[source].facts;
        const float km = facts ? facts->borderKm()[i] : std::nanf("");
        return std::isnan(km) ? QVariant(QString()) : QVariant(QString::number(km, 'f', 1));
    }
    case Killed: {
        const IncidentColumns& c = s.columns();
        const bool known = IncidentColumns::count(c.killedBest, i) >= 0 ||
                           IncidentColumns::count(c.killedLow, i) >= 0 ||
                           IncidentColumns::count(c.killedHigh, i) >= 0;
        return known ? QVariant(s.killedOrZero(i)) : QVariant(QString());
    }
    case Precision:
        return toString(s.geoPrecisions()[i]);
    case Layer:
        return m_sources[source].name;
    case Summary:
        return summary();
    default:
        return {};
    }
}

QString IncidentTableModel::cellText(RowKey k, int column) const {
    const IncidentTableSource& src = m_sources[k >> 32];
    const std::uint32_t i = std::uint32_t(k);
    const DerivedFacts* facts = src.facts.get();
    switch (column) {
    case District:
        return facts ? facts->districtName(i) : src.store->district(i);
    case Province: {
        // The district layer may name no provinces (the schematic one, geoBoundaries ADM2):
        // then the record's own word is all there is.
        const QString derived = facts ? facts->provinceName(i) : QString();
        return derived.isEmpty() ? src.store->province(i) : derived;
    }
    case Bank: {
        if (!facts)
            return {};
        const QString side = displayCode(facts->sides()[i]);
        return facts->sideDisagrees()[i] ? tr("%1 ≠ record").arg(side) : side;
    }
    case Outpost: {
        if (!facts || facts->nearestOutposts()[i] == DerivedFacts::kNoOutpost)
            return {};
        return tr("%1 · %2 km")
            .arg(facts->nearestOutpostName(i))
            .arg(double(facts->nearestOutpostKm()[i]), 0, 'f', 1);
    }
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* names[] = {"Date",   "Type",      "Place", "District",
                                  "Province", "Killed",  "Location",  "Border km", "Bank",
                                  "Nearest outpost", "Layer", "Summary"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace borderlens
