#include "place_field.h"

#include "gazetteer/gazetteer.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>

namespace borderlens {
namespace {

// The bundled gazetteer, read once for every form of the session.
const Gazetteer* gazetteer() {
    static const Result<Gazetteer> g = Gazetteer::loadBundled();
    return g ? &g.value() : nullptr;
}

// Every name and alias, so the completer offers Шурообод as well as Shurobod.
QStringList completions() {
    QStringList names;
    if (const Gazetteer* g = gazetteer()) {
        for (const PlaceEntry& e : g->entries()) {
            names << e.name;
            names << e.aliases;
        }
    }
    names.removeDuplicates();
    names.sort(Qt::CaseInsensitive);
    return names;
}

QDoubleSpinBox* degrees(double limit, QWidget* parent) {
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(-limit, limit);
    s->setDecimals(6);
    s->setSingleStep(0.01);
    s->setSuffix(QStringLiteral("°"));
    return s;
}

} // namespace

PlaceField::PlaceField(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Type a place (Latin or Cyrillic), or pick it on the map"));
    auto* completer = new QCompleter(completions(), m_name);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(completer);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& text) { choosePlace(text); });
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_country.clear(); // a new name: the old place's admin names no longer apply
        m_province.clear();
        m_district.clear();
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        // A name typed in full (no completion chosen) is looked up too, if it is known exactly.
        if (!m_name->text().trimmed().isEmpty() && m_country.isEmpty())
            choosePlace(m_name->text());
    });
    auto* pick = new QPushButton(tr("Pick on Map"), this);
    pick->setToolTip(tr("Click the map to place it there"));
    connect(pick, &QPushButton::clicked, this, &PlaceField::pickRequested);
    m_lon = degrees(180, this);
    m_lat = degrees(90, this);
    m_lon->setToolTip(tr("Longitude (WGS 84)"));
    m_lat->setToolTip(tr("Latitude (WGS 84)"));
    m_precision = new QComboBox(this);
    for (const auto& k : kGeoPrecisionKeys)
        m_precision->addItem(describePrecision(k.value), static_cast<int>(k.value));
    m_where = new QLabel(this);
    m_where->setWordWrap(true);
    grid->addWidget(m_name, 0, 0, 1, 3);
    grid->addWidget(pick, 0, 3);
    grid->addWidget(new QLabel(tr("Lat"), this), 1, 0);
    grid->addWidget(m_lat, 1, 1);
    grid->addWidget(new QLabel(tr("Lon"), this), 1, 2);
    grid->addWidget(m_lon, 1, 3);
    grid->addWidget(new QLabel(tr("Known to"), this), 2, 0);
    grid->addWidget(m_precision, 2, 1, 1, 3);
    grid->addWidget(m_where, 3, 0, 1, 4);
}

QString PlaceField::placeName() const { return m_name->text().trimmed(); }
double PlaceField::lon() const { return m_lon->value(); }
double PlaceField::lat() const { return m_lat->value(); }
GeoPrecision PlaceField::precision() const {
    return static_cast<GeoPrecision>(m_precision->currentData().toInt());
}

void PlaceField::set(const QString& name, double lon, double lat, GeoPrecision precision,
                     const QString& country, const QString& province, const QString& district) {
    m_name->setText(name);
    m_lon->setValue(lon);
    m_lat->setValue(lat);
    m_precision->setCurrentIndex(m_precision->findData(static_cast<int>(precision)));
    m_country = country;
    m_province = province;
    m_district = district;
    QStringList where;
    for (const QString& s : {district, province, country}) {
        if (!s.isEmpty())
            where << s;
    }
    m_where->setText(where.join(QStringLiteral(", ")));
}

void PlaceField::setPicked(double lon, double lat) {
    set(m_name->text(), lon, lat, GeoPrecision::Exact, {}, {}, {});
    m_where->setText(tr("Picked on the map"));
}

void PlaceField::take(const PlaceEntry& p) {
    set(p.name, p.lon, p.lat, p.precision, p.country, p.province, p.district);
}

bool PlaceField::choosePlace(const QString& name) {
    const Gazetteer* g = gazetteer();
    if (!g)
        return false;
    const auto found = g->lookup(name, 1);
    if (found.empty() || !found.front().exact) {
        m_where->setText(tr("Not in the gazetteer: pick the place on the map or type its coordinates"));
        return false;
    }
    take(found.front().place);
    return true;
}

} // namespace borderlens
