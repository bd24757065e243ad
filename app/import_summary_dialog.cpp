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
        table->setHorizontalHeaderLabels({tr("Line"), tr("Why it was rejected")});
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
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

} // namespace borderlens
