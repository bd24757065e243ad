#pragma once

#include "incidents/incident.h"

#include <QWidget>

class QTableWidget;

namespace borderlens {

// The sources of a record as an editable table: title, outlet, date (YYYY-MM-DD), address.
class SourcesEditor : public QWidget {
    Q_OBJECT
public:
    explicit SourcesEditor(QWidget* parent = nullptr);
    void setSources(const std::vector<SourceRef>& sources);
    // Rows left wholly empty are skipped; `badDate` names the first date that does not parse.
    std::vector<SourceRef> sources(QString* badDate = nullptr) const;
    QTableWidget* table() const { return m_table; }
    void addRow(const SourceRef& source = {});

private:
    QTableWidget* m_table;
};

} // namespace borderlens
