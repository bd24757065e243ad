#pragma once

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace borderlens {

// Column name → index, from a header row; lookups ignore case and surrounding spaces.
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

// One row of a table (a CSV record or an OGR feature's fields), read by column name.
struct TableRow {
    const ColumnMap& columns;
    const std::vector<QString>& fields;
    int line = 0;

    // The trimmed value, or empty when the column is absent or the row is short.
    QString value(const QString& column) const;
};

// Locale-independent number parsing: '.' is the decimal point whatever the user's locale, since
// data files are exchanged across locales. Empty text gives nullopt with ok = true.
std::optional<double> parseDouble(const QString& text, bool& ok);
std::optional<int> parseInt(const QString& text, bool& ok);

} // namespace borderlens
