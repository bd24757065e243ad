#include "sources_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace borderlens {

SourcesEditor::SourcesEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Outlet"), tr("Date"), tr("Address")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(90);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add Source"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        SourceRef s;
        s.date = QDate::currentDate(); // most sources are today's news
        addRow(s);
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void SourcesEditor::addRow(const SourceRef& s) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QString cells[] = {s.title, s.outlet, s.date.isValid() ? s.date.toString(Qt::ISODate) : QString(),
                             s.url};
    for (int c = 0; c < 4; ++c)
        m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

void SourcesEditor::setSources(const std::vector<SourceRef>& sources) {
    m_table->setRowCount(0);
    for (const SourceRef& s : sources)
        addRow(s);
}

std::vector<SourceRef> SourcesEditor::sources(QString* badDate) const {
    std::vector<SourceRef> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [&](int c) {
            const QTableWidgetItem* item = m_table->item(row, c);
            return item ? item->text().trimmed() : QString();
        };
        if (text(0).isEmpty() && text(1).isEmpty() && text(2).isEmpty() && text(3).isEmpty())
            continue;
        SourceRef s{text(0), text(1), QDate::fromString(text(2), Qt::ISODate), text(3)};
        if (!text(2).isEmpty() && !s.date.isValid() && badDate && badDate->isEmpty())
            *badDate = text(2);
        out.push_back(s);
    }
    return out;
}

} // namespace borderlens
