#pragma once

#include "incidents/import/import_report.h"

#include <QDialog>

namespace borderlens {

// After File ▸ Import Incidents…: how many rows were read, imported, placed through the
// gazetteer and rejected; for each rejected row its line and the reason, and for each row the
// gazetteer placed its line, what it asked for, what it matched and at what precision.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportSummaryDialog(const ImportReport& report, QWidget* parent = nullptr);
    static QString summaryText(const ImportReport& report);
};

} // namespace borderlens
