#include "filter_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace borderlens {
namespace {

// The values ticked in a row of boxes; none ticked, or all, is no filter ("any").
template <typename Enum, std::size_t N>
std::vector<Enum> ticked(const std::array<QCheckBox*, N>& boxes, const auto& values) {
    std::vector<Enum> out;
    for (std::size_t i = 0; i < N; ++i)
        if (boxes[i]->isChecked())
            out.push_back(values[i]);
    if (out.size() == N)
        out.clear();
    return out;
}

template <typename Enum, std::size_t N>
void tick(const std::array<QCheckBox*, N>& boxes, const auto& values,
          const std::vector<Enum>& chosen) {
    for (std::size_t i = 0; i < N; ++i)
        boxes[i]->setChecked(chosen.empty() ||
                             std::find(chosen.begin(), chosen.end(), values[i]) != chosen.end());
}

constexpr std::array<GeoPrecision, 4> kLocationPrecisions{
    GeoPrecision::Exact, GeoPrecision::Near, GeoPrecision::District, GeoPrecision::Region};
constexpr std::array<DatePrecision, 4> kDatePrecisions{DatePrecision::Day, DatePrecision::Week,
                                                       DatePrecision::Month, DatePrecision::Year};

QString pointText(LonLat p) {
    return QStringLiteral("%1, %2").arg(p.lat, 0, 'f', 5).arg(p.lon, 0, 'f', 5);
}

} // namespace

FilterPanel::FilterPanel(QWidget* parent)
    : QWidget(parent), m_actor(new QLineEdit(this)), m_killedMin(new QSpinBox(this)),
      m_side(new QComboBox(this)), m_districts(new QListWidget(this)),
      m_borderOn(new QCheckBox(tr("Within"), this)), m_borderKm(new QDoubleSpinBox(this)),
      m_nearOn(new QCheckBox(tr("Within"), this)), m_nearKm(new QDoubleSpinBox(this)),
      m_nearPoint(new QLineEdit(this)), m_nearOutpost(new QComboBox(this)),
      m_status(new QLabel(this)), m_applyTimer(new QTimer(this)) {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addWidget(buildTypes());
    column->addWidget(buildWhere());
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* clear = new QPushButton(tr("Clear Filter"), this);
    clear->setToolTip(tr("Show every incident again"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_applyTimer->stop();
        setFilter({});
        emit filterChanged(m_applied);
    });
    auto* top = new QHBoxLayout;
    m_status->setWordWrap(true);
    top->addWidget(m_status, 1);
    top->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    // Typing a name or a number applies when the user pauses, not at every key.
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(350);
    connect(m_applyTimer, &QTimer::timeout, this, &FilterPanel::apply);
}

QWidget* FilterPanel::buildTypes() {
    auto* box = new QGroupBox(tr("What"), this);
    auto* form = new QFormLayout(box);
    auto* types = new QGridLayout;
    for (std::size_t i = 0; i < kAllIncidentTypes.size(); ++i) {
        m_types[i] = new QCheckBox(displayName(kAllIncidentTypes[i]), box);
        m_types[i]->setChecked(true);
        types->addWidget(m_types[i], static_cast<int>(i), 0); // one column: the dock is narrow
        connect(m_types[i], &QCheckBox::toggled, this, &FilterPanel::scheduleApply);
    }
    form->addRow(tr("Types"), types);
    m_actor->setPlaceholderText(tr("any actor (text it contains)"));
    m_actor->setClearButtonEnabled(true);
    connect(m_actor, &QLineEdit::textChanged, this, &FilterPanel::scheduleApply);
    form->addRow(tr("Actor"), m_actor);
    m_killedMin->setRange(0, 100000);
    m_killedMin->setSpecialValueText(tr("any"));
    m_killedMin->setPrefix(tr("≥ "));
    connect(m_killedMin, &QSpinBox::valueChanged, this, &FilterPanel::scheduleApply);
    form->addRow(tr("Killed"), m_killedMin);
    auto* dates = new QHBoxLayout;
    const QStringList dateNames{tr("day"), tr("week"), tr("month"), tr("year")};
    for (std::size_t i = 0; i < m_datePrecisions.size(); ++i) {
        m_datePrecisions[i] = new QCheckBox(dateNames[static_cast<int>(i)], box);
        m_datePrecisions[i]->setChecked(true);
        dates->addWidget(m_datePrecisions[i]);
        connect(m_datePrecisions[i], &QCheckBox::toggled, this, &FilterPanel::scheduleApply);
    }
    form->addRow(tr("Date known to"), dates);
    return box;
}

QWidget* FilterPanel::buildWhere() {
    auto* box = new QGroupBox(tr("Where"), this);
    auto* form = new QFormLayout(box);
    auto* precisions = new QGridLayout;
    for (std::size_t i = 0; i < m_locationPrecisions.size(); ++i) {
        m_locationPrecisions[i] = new QCheckBox(describePrecision(kLocationPrecisions[i]), box);
        m_locationPrecisions[i]->setChecked(true);
        precisions->addWidget(m_locationPrecisions[i], static_cast<int>(i), 0);
        connect(m_locationPrecisions[i], &QCheckBox::toggled, this, &FilterPanel::scheduleApply);
    }
    form->addRow(tr("Place known"), precisions);
    m_side->addItem(tr("either"));
    m_side->addItem(tr("Tajik bank (TJ)"), QVariant::fromValue(int(BankSide::TJ)));
    m_side->addItem(tr("Afghan bank (AF)"), QVariant::fromValue(int(BankSide::AF)));
    m_side->addItem(tr("neither (a third country)"), QVariant::fromValue(int(BankSide::None)));
    m_side->setToolTip(tr("Which side of the border the point lies on, by the countries layer "
                          "(not by what the record says)"));
    connect(m_side, &QComboBox::currentIndexChanged, this, &FilterPanel::scheduleApply);
    form->addRow(tr("Bank"), m_side);
    m_districts->setToolTip(tr("Tick districts to keep only their incidents; none ticked: all"));
    m_districts->setMinimumHeight(110);
    connect(m_districts, &QListWidget::itemChanged, this, &FilterPanel::scheduleApply);
    form->addRow(tr("Districts"), m_districts);

    m_borderKm->setRange(0.1, 2000);
    m_borderKm->setValue(5);
    m_borderKm->setSuffix(tr(" km of the border"));
    m_borderKm->setDecimals(1);
    auto* border = new QHBoxLayout;
    border->addWidget(m_borderOn);
    border->addWidget(m_borderKm, 1);
    connect(m_borderOn, &QCheckBox::toggled, this, &FilterPanel::scheduleApply);
    connect(m_borderKm, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_borderOn->isChecked())
            scheduleApply();
    });
    form->addRow(tr("Border"), border);

    m_nearKm->setRange(0.1, 2000);
    m_nearKm->setValue(10);
    m_nearKm->setSuffix(tr(" km of"));
    m_nearKm->setDecimals(1);
    m_nearPoint->setPlaceholderText(tr("lat, lon or a pick on the map"));
    auto* pick = new QPushButton(tr("Pick on Map"), this);
    pick->setToolTip(tr("Click the point on the map"));
    connect(pick, &QPushButton::clicked, this, &FilterPanel::pickPointRequested);
    m_nearOutpost->addItem(tr("or an outpost…"));
    connect(m_nearOutpost, &QComboBox::activated, this, [this](int index) {
        if (index <= 0 || index > static_cast<int>(m_outposts.size()))
            return;
        setPickedPoint(m_outposts[static_cast<std::size_t>(index - 1)].second);
    });
    auto* near = new QGridLayout;
    near->addWidget(m_nearOn, 0, 0);
    near->addWidget(m_nearKm, 0, 1);
    near->addWidget(m_nearPoint, 1, 0, 1, 2);
    near->addWidget(pick, 2, 0);
    near->addWidget(m_nearOutpost, 2, 1);
    connect(m_nearOn, &QCheckBox::toggled, this, &FilterPanel::scheduleApply);
    connect(m_nearKm, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_nearOn->isChecked())
            scheduleApply();
    });
    connect(m_nearPoint, &QLineEdit::textChanged, this, [this] {
        if (m_nearOn->isChecked())
            scheduleApply();
    });
    form->addRow(tr("Near"), near);
    return box;
}

void FilterPanel::scheduleApply() {
    if (!m_showing)
        m_applyTimer->start();
}

void FilterPanel::apply() {
    m_applyTimer->stop();
    const IncidentFilter now = filter();
    // A point that does not parse yet (half typed) is no filter: say so rather than guess.
    const bool badPoint = m_nearOn->isChecked() && !now.near;
    m_nearPoint->setStyleSheet(badPoint ? QStringLiteral("background:#fde2e1") : QString());
    if (now == m_applied)
        return;
    m_applied = now;
    emit filterChanged(now);
}

IncidentFilter FilterPanel::filter() const {
    IncidentFilter f;
    f.types = ticked<IncidentType>(m_types, kAllIncidentTypes);
    f.actor = m_actor->text().trimmed();
    if (m_killedMin->value() > 0)
        f.killedMin = m_killedMin->value();
    f.locationPrecisions = ticked<GeoPrecision>(m_locationPrecisions, kLocationPrecisions);
    f.datePrecisions = ticked<DatePrecision>(m_datePrecisions, kDatePrecisions);
    if (m_side->currentIndex() > 0)
        f.sides = {static_cast<BankSide>(m_side->currentData().toInt())};
    for (int i = 0; i < m_districts->count(); ++i)
        if (m_districts->item(i)->checkState() == Qt::Checked)
            f.districts << m_districts->item(i)->text();
    if (m_borderOn->isChecked())
        f.borderKmMax = m_borderKm->value();
    if (m_nearOn->isChecked())
        if (const auto p = parseCoordinate(m_nearPoint->text()))
            f.near = IncidentFilter::Near{p->lon, p->lat, m_nearKm->value()};
    return f;
}

void FilterPanel::setFilter(const IncidentFilter& f) {
    m_showing = true;
    tick(m_types, kAllIncidentTypes, f.types);
    m_actor->setText(f.actor);
    m_killedMin->setValue(f.killedMin.value_or(0));
    tick(m_locationPrecisions, kLocationPrecisions, f.locationPrecisions);
    tick(m_datePrecisions, kDatePrecisions, f.datePrecisions);
    m_side->setCurrentIndex(0);
    if (f.sides.size() == 1)
        m_side->setCurrentIndex(std::max(0, m_side->findData(int(f.sides.front()))));
    QStringList names;
    for (int i = 0; i < m_districts->count(); ++i)
        names << m_districts->item(i)->text();
    for (const QString& d : f.districts)
        if (!names.contains(d))
            names << d; // a project's district the layer does not have (yet): kept, shown
    m_districts->clear();
    for (const QString& name : names) {
        auto* item = new QListWidgetItem(name, m_districts);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(f.districts.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_borderOn->setChecked(f.borderKmMax.has_value());
    if (f.borderKmMax)
        m_borderKm->setValue(*f.borderKmMax);
    m_nearOn->setChecked(f.near.has_value());
    if (f.near) {
        m_nearKm->setValue(f.near->km);
        m_nearPoint->setText(pointText({f.near->lon, f.near->lat}));
    }
    m_applied = filter();
    m_showing = false;
}

void FilterPanel::setDistrictNames(const QStringList& names) {
    QStringList keep;
    for (int i = 0; i < m_districts->count(); ++i)
        if (m_districts->item(i)->checkState() == Qt::Checked)
            keep << m_districts->item(i)->text();
    const bool was = m_showing;
    m_showing = true;
    m_districts->clear();
    QStringList all = names;
    for (const QString& k : keep)
        if (!all.contains(k))
            all << k;
    for (const QString& name : all) {
        auto* item = new QListWidgetItem(name, m_districts);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(keep.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_showing = was;
}

void FilterPanel::setOutposts(std::vector<std::pair<QString, LonLat>> outposts) {
    m_outposts = std::move(outposts);
    m_nearOutpost->clear();
    m_nearOutpost->addItem(tr("or an outpost…"));
    for (const auto& [name, at] : m_outposts)
        m_nearOutpost->addItem(name);
    m_nearOutpost->setEnabled(!m_outposts.empty());
}

void FilterPanel::setStatus(const QString& text) { m_status->setText(text); }

void FilterPanel::setPickedPoint(LonLat point) {
    m_nearPoint->setText(pointText(point));
    m_nearOn->setChecked(true);
    apply();
}

} // namespace borderlens
