#include "layer/attribute_table.h"

#include <cassert>

namespace borderlens {

void AttributeTable::addField(Field field) {
    m_fields.push_back(std::move(field));
    m_columns.emplace_back(m_rowCount);
}

void AttributeTable::appendRow(std::vector<QVariant> values) {
    assert(values.size() == m_fields.size());
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        m_columns[i].push_back(std::move(values[i]));
    ++m_rowCount;
}

int AttributeTable::fieldIndex(const QString& name) const {
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace borderlens
