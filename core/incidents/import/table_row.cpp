#include "incidents/import/table_row.h"

#include <QLocale>

#include <cmath>

namespace borderlens {

ColumnMap::ColumnMap(const std::vector<QString>& header) : m_names(header) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        const QString key = header[i].trimmed().toLower();
        if (!m_index.contains(key))
            m_index.insert(key, static_cast<int>(i));
    }
}

QString TableRow::value(const QString& column) const {
    const int i = columns.index(column);
    if (i < 0 || static_cast<std::size_t>(i) >= fields.size())
        return {};
    return fields[static_cast<std::size_t>(i)].trimmed();
}

std::optional<double> parseDouble(const QString& text, bool& ok) {
    ok = true;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v)) {
        ok = false;
        return std::nullopt;
    }
    return v;
}

std::optional<int> parseInt(const QString& text, bool& ok) {
    ok = true;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    int v = QLocale::c().toInt(t, &ok);
    if (!ok) {
        // "3.0" from spreadsheets that store everything as reals.
        const double d = QLocale::c().toDouble(t, &ok);
        if (!ok || d != std::floor(d) || std::abs(d) > 1e9) {
            ok = false;
            return std::nullopt;
        }
        v = static_cast<int>(d);
    }
    return v;
}

} // namespace borderlens
