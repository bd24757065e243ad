#include "district_trends_panel.h"

#include "map/district_choropleth_layer.h"

#include <QAbstractTableModel>
#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace borderlens {

// The rows of a trend table: districts that had incidents in the window or its baseline (a
// table of 58 districts, most of them quiet, would hide the few that matter), "(none)", then
// the province-level counts.
class TrendTableModel : public QAbstractTableModel {
public:
    // What a narrow dock shows first: the district, its trend and the numbers behind it.
    enum Column { District, Band, Change, Incidents, Baseline, Killed, Province, ColumnCount };
    static constexpr int CodeRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setTable(std::shared_ptr<const TrendTable> table) {
        beginResetModel();
        m_table = std::move(table);
        m_rows.clear();
        if (m_table) {
            for (const TrendRow& r : m_table->districts)
                if (r.incidents > 0 || r.baseline > 0)
                    m_rows.push_back(&r);
            for (const TrendRow& r : m_table->provinceLevel)
                m_rows.push_back(&r);
        }
        endResetModel();
    }
    const TrendRow* row(int i) const { return m_rows[static_cast<std::size_t>(i)]; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        static const char* names[] = {"District", "Trend",  "Change",  "Incidents",
                                      "Baseline", "Killed", "Province"};
        return tr(names[section]);
    }
    QVariant data(const QModelIndex& index, int role) const override {
        const TrendRow& r = *row(index.row());
        const QLocale locale;
        if (role == CodeRole)
            return int(r.code);
        if (role == Qt::TextAlignmentRole && index.column() >= Change &&
            index.column() <= Killed)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::DecorationRole && index.column() == Band)
            return swatch(r.band);
        if (role == Qt::ToolTipRole && index.column() == Baseline)
            return tr("Mean incidents per window over the %n window(s) before this one", nullptr,
                      m_table->options.baselineWindows);
        if (role == Qt::FontRole && r.surge) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == SortRole) {
            switch (index.column()) {
            case Incidents: return r.incidents;
            case Killed: return r.killed;
            case Baseline: return r.baseline;
            case Change: return r.changePct.value_or(-1e9);
            case Band: return int(r.band) * 2 + int(r.surge);
            default: break;
            }
            return data(index, Qt::DisplayRole);
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case District: return r.district;
        case Province: return r.province;
        case Incidents: return locale.toString(r.incidents);
        case Killed: return locale.toString(r.killed);
        case Baseline: return locale.toString(r.baseline, 'f', 1);
        case Change:
            return r.changePct ? QStringLiteral("%1%2 %").arg(*r.changePct > 0 ? "+" : "")
                                     .arg(locale.toString(*r.changePct, 'f', 0))
                               : QString();
        case Band:
            return r.surge ? tr("%1 — surge").arg(displayName(r.band)) : displayName(r.band);
        default: break;
        }
        return {};
    }

private:
    static QPixmap swatch(TrendBand band) {
        QPixmap p(12, 12);
        p.fill(DistrictChoroplethLayer::bandColour(band));
        QPainter painter(&p);
        painter.setPen(QColor(0, 0, 0, 90));
        painter.drawRect(0, 0, 11, 11);
        return p;
    }
    std::shared_ptr<const TrendTable> m_table;
    std::vector<const TrendRow*> m_rows;
};

DistrictTrendsPanel::DistrictTrendsPanel(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_view(new QTableView(this)),
      m_model(new TrendTableModel(this)), m_sorted(new QSortFilterProxyModel(this)),
      m_baseline(new QSpinBox(this)), m_onMap(new QCheckBox(tr("Colour the map"), this)) {
    m_heading->setWordWrap(true);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(TrendTableModel::SortRole);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TrendTableModel::Incidents, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_baseline->setRange(1, 52);
    m_baseline->setValue(m_options.baselineWindows);
    m_baseline->setSuffix(tr(" windows"));
    m_baseline->setToolTip(tr("The baseline is the mean of this many windows of the same length "
                              "just before the one shown"));
    connect(m_baseline, &QSpinBox::valueChanged, this, [this](int n) {
        if (n == m_options.baselineWindows)
            return;
        m_options.baselineWindows = n;
        recompute();
        emit optionsChanged(m_options);
    });
    m_onMap->setToolTip(tr("Colour the districts by their trend band (the legend explains it)"));
    connect(m_onMap, &QCheckBox::toggled, this, &DistrictTrendsPanel::mapShownChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QStringList names;
        for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
            names << i.data().toString();
        emit districtsSelected(selectedCodes(), names.join(QStringLiteral(", ")));
    });

    // Two rows: the dock shares a narrow column with Identify.
    auto* bottom = new QGridLayout;
    bottom->addWidget(new QLabel(tr("Baseline:"), this), 0, 0);
    bottom->addWidget(m_baseline, 0, 1);
    bottom->addWidget(m_onMap, 1, 0, 1, 2);
    bottom->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    recompute();
}

DistrictTrendsPanel::~DistrictTrendsPanel() = default;

void DistrictTrendsPanel::setData(std::shared_ptr<const IncidentStore> store,
                                  std::shared_ptr<const DerivedFacts> facts) {
    m_store = std::move(store);
    m_facts = std::move(facts);
    recompute();
}

void DistrictTrendsPanel::setWindow(const TimeRange& window) {
    if (window == m_window)
        return;
    m_window = window;
    recompute();
}

void DistrictTrendsPanel::setOptions(const TrendOptions& options) {
    m_options = options;
    m_baseline->blockSignals(true);
    m_baseline->setValue(options.baselineWindows);
    m_baseline->blockSignals(false);
    recompute();
}

void DistrictTrendsPanel::setMapShown(bool shown) {
    m_onMap->blockSignals(true);
    m_onMap->setChecked(shown);
    m_onMap->blockSignals(false);
}

std::vector<std::uint16_t> DistrictTrendsPanel::selectedCodes() const {
    std::vector<std::uint16_t> codes;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        codes.push_back(static_cast<std::uint16_t>(i.data(TrendTableModel::CodeRole).toInt()));
    return codes;
}

void DistrictTrendsPanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (m_stale)
        recomputeNow();
}

void DistrictTrendsPanel::recompute() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    recomputeNow();
}

void DistrictTrendsPanel::recomputeNow() {
    m_stale = false;
    const QStringList selected = [&] {
        QStringList names;
        for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
            names << i.data().toString();
        return names;
    }();
    if (!m_store || !m_facts) {
        m_table.reset();
        m_heading->setText(tr("Districts are being attributed…"));
    } else if (m_window.isAll() || m_window.isEmpty()) {
        m_table.reset();
        m_heading->setText(tr("Choose a time window on the time bar: each district's incidents "
                              "in it are compared with the windows of the same length before."));
    } else {
        m_table = std::make_shared<const TrendTable>(
            districtTrends(*m_store, *m_facts, m_window, m_options));
        m_heading->setText(tr("%1, against the mean of the %n window(s) of the same length "
                              "before it. Bands as ACLED Trendfinder's; a baseline under %2 "
                              "incidents is too low for a percentage.",
                              nullptr, m_options.baselineWindows)
                               .arg(m_window.toDisplayString())
                               .arg(m_options.lowBaseline));
    }
    m_model->setTable(m_table);
    // The same districts stay selected across windows (names, as codes of a new layer differ).
    QItemSelection keep;
    for (int r = 0; r < m_sorted->rowCount(); ++r)
        if (selected.contains(m_sorted->index(r, 0).data().toString()))
            keep.select(m_sorted->index(r, 0),
                        m_sorted->index(r, TrendTableModel::ColumnCount - 1));
    m_view->selectionModel()->select(keep, QItemSelectionModel::ClearAndSelect);
}

} // namespace borderlens
