#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <vector>

namespace borderlens {

struct Field {
    QString name;
    QMetaType::Type type = QMetaType::QString;
};

// Attributes stored by column: one vector of values per field, all of featureCount() length.
// A null value is an invalid QVariant.
class AttributeTable {
public:
    void addField(Field field);
    // Appends one row; values.size() must equal fieldCount().
    void appendRow(std::vector<QVariant> values);

    std::size_t fieldCount() const { return m_fields.size(); }
    std::size_t rowCount() const { return m_rowCount; }
    const std::vector<Field>& fields() const { return m_fields; }
    // Index of the field with this name (case-insensitive), or -1.
    int fieldIndex(const QString& name) const;
    const QVariant& value(std::size_t row, std::size_t field) const {
        return m_columns[field][row];
    }
    const std::vector<QVariant>& column(std::size_t field) const { return m_columns[field]; }

private:
    std::vector<Field> m_fields;
    std::vector<std::vector<QVariant>> m_columns;
    std::size_t m_rowCount = 0;
};

} // namespace borderlens
