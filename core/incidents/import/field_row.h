#pragma once

#include <QHash>
#include <QString>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace borderlens {

// Column name → index, from a header row; lookups ignore case and surrounding spaces, and the
// first of two columns with the same name wins.
class ColumnMap {
public:
    explicit ColumnMap(const std::vector<QString>& header);
    int index(const QString& name) const { return m_index.value(name.toLower(), -1); }
    bool has(const QString& name) const { return index(name) >= 0; }
    const std::vector<QString>& names() const { return m_names; }

private:
    QHash<QString, int> m_index;
    std::vector<QString> m_names;
};

// Strips the characters QString::trimmed() strips (ASCII and Unicode spaces), from UTF-8.
std::string_view trimmedUtf8(std::string_view s);

// One row of a table (a CSV record or an OGR feature's fields) as UTF-8 views, read by column
// index: the parsers resolve their columns' indices once per file, not a name per value.
struct FieldRow {
    std::span<const std::string_view> fields;
    std::int64_t line = 0;

    // The trimmed value, or empty when the column is absent (index < 0) or the row is short.
    std::string_view value(int index) const {
        if (index < 0 || static_cast<std::size_t>(index) >= fields.size())
            return {};
        return trimmedUtf8(fields[static_cast<std::size_t>(index)]);
    }
};

inline QString qstr(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

} // namespace borderlens
