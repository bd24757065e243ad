#include "import_summary_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace borderlens {

QString ImportSummaryDialog::summaryText(const ImportReport& r) {
    QString text = tr("%1 (%2 format): %3 rows read, %4 imported, %5 rejected.")
                       .arg(QFileInfo(r.path).fileName(), r.format)
                       .arg(r.rowsRead)
                       .arg(r.imported())
                       .arg(r.rejected.size());
    if (r.geocoded > 0)
        text += tr(" %1 placed through the gazetteer.").arg(r.geocoded);
    return text;
}

ImportSummaryDialog::ImportSummaryDialog(const ImportReport& report, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Import summary"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(summaryText(report), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    if (!report.rejected.empty()) {
        auto* table = new QTableWidget(static_cast<int>(report.rejected.size()), 2, this);
        table->setObjectName(QStringLiteral("rejectedRows"));
        table->setHorizontalHeaderLabels(
            {report.rowsAreFeatures ? tr("Feature") : tr("Line"), tr("Why it was rejected")});
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < static_cast<int>(report.rejected.size()); ++i) {
            const RejectedRow& row = report.rejected[static_cast<std::size_t>(i)];
            table->setItem(i, 0, new QTableWidgetItem(QString::number(row.line)));
            table->setItem(i, 1, new QTableWidgetItem(row.reason));
        }
        table->resizeColumnToContents(0);
        layout->addWidget(table);
        resize(720, 420);
    }
    if (!report.geocodedRows.empty()) {
        // Every row the gazetteer placed, so a placement the file did not make can be checked.
        layout->addWidget(new QLabel(tr("Placed through the gazetteer:"), this));
        auto* table = new QTableWidget(static_cast<int>(report.geocodedRows.size()), 4, this);
        table->setObjectName(QStringLiteral("geocodedRows"));
        table->setHorizontalHeaderLabels(
            {report.rowsAreFeatures ? tr("Feature") : tr("Line"), tr("Asked for"), tr("Matched"),
             tr("Precision")});
        table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < static_cast<int>(report.geocodedRows.size()); ++i) {
            const GeocodedRow& row = report.geocodedRows[static_cast<std::size_t>(i)];
            table->setItem(i, 0, new QTableWidgetItem(QString::number(row.line)));
            table->setItem(i, 1, new QTableWidgetItem(row.asked.describe()));
            auto* matched = new QTableWidgetItem(row.placed.describe());
            matched->setToolTip(row.placed.describe());
            table->setItem(i, 2, matched);
            table->setItem(i, 3, new QTableWidgetItem(toString(row.placed.precision)));
        }
        table->resizeColumnToContents(0);
        table->resizeColumnToContents(1);
        table->resizeColumnToContents(3);
        layout->addWidget(table);
        resize(860, 520);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

} // namespace borderlens
