#include "facility_form.h"

#include "incident_form.h"
#include "place_field.h"
#include "sources_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace borderlens {
namespace {

QDateEdit* dateEdit(QWidget* parent) {
    auto* d = new QDateEdit(QDate::currentDate(), parent);
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    d->setEnabled(false);
    return d;
}

} // namespace

FacilityForm::FacilityForm(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Outpost or Facility"));
    setModal(false);
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    for (const auto& k : kFacilityKindKeys)
        m_kind->addItem(displayName(k.value), static_cast<int>(k.value));
    form->addRow(tr("&Kind"), m_kind);
    m_name = new QLineEdit(this);
    form->addRow(tr("&Name"), m_name);
    m_place = new PlaceField(this);
    form->addRow(tr("&Place"), m_place);

    auto* openedRow = new QHBoxLayout;
    m_hasOpened = new QCheckBox(tr("known"), this);
    m_opened = dateEdit(this);
    m_openedPrecision = new QComboBox(this);
    m_openedPrecision->addItem(tr("that day"), int(DatePrecision::Day));
    m_openedPrecision->addItem(tr("that week"), int(DatePrecision::Week));
    m_openedPrecision->addItem(tr("that month"), int(DatePrecision::Month));
    m_openedPrecision->addItem(tr("that year"), int(DatePrecision::Year));
    connect(m_hasOpened, &QCheckBox::toggled, m_opened, &QWidget::setEnabled);
    openedRow->addWidget(m_hasOpened);
    openedRow->addWidget(m_opened);
    openedRow->addWidget(m_openedPrecision);
    form->addRow(tr("Opened"), openedRow);
    auto* closedRow = new QHBoxLayout;
    m_hasClosed = new QCheckBox(tr("closed"), this);
    m_closed = dateEdit(this);
    connect(m_hasClosed, &QCheckBox::toggled, m_closed, &QWidget::setEnabled);
    closedRow->addWidget(m_hasClosed);
    closedRow->addWidget(m_closed);
    closedRow->addStretch();
    form->addRow(tr("Closed"), closedRow);
    m_notes = new QPlainTextEdit(this);
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(50);
    form->addRow(tr("No&tes"), m_notes);
    m_sources = new SourcesEditor(this);
    form->addRow(tr("S&ources"), m_sources);
    m_problemText = finishRecordForm(*this, form);
    resize(560, 560);
    m_hasOpened->setChecked(true); // a new outpost is logged because it opened
}

void FacilityForm::setFacility(const Facility& f) {
    m_loaded = f;
    m_id = f.id;
    setWindowTitle(f.id.isEmpty() ? tr("New Outpost or Facility") : tr("%1 (%2)").arg(f.name, f.id));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(f.kind)));
    m_name->setText(f.name);
    m_place->set(f.name, f.lon, f.lat, f.geoPrecision, f.country, f.province, f.district);
    m_hasOpened->setChecked(f.opened.has_value());
    if (f.opened)
        m_opened->setDate(*f.opened);
    m_openedPrecision->setCurrentIndex(m_openedPrecision->findData(int(f.openedPrecision)));
    m_hasClosed->setChecked(f.closed.has_value());
    if (f.closed)
        m_closed->setDate(*f.closed);
    m_notes->setPlainText(f.notes);
    m_sources->setSources(f.sources);
}

Facility FacilityForm::facility() const {
    Facility f = m_loaded;
    f.id = m_id;
    f.kind = static_cast<FacilityKind>(m_kind->currentData().toInt());
    f.name = m_name->text().trimmed();
    f.lon = m_place->lon();
    f.lat = m_place->lat();
    f.geoPrecision = m_place->precision();
    if (!m_place->country().isEmpty()) {
        f.country = m_place->country();
        f.province = m_place->province();
        f.district = m_place->district();
    }
    f.opened = m_hasOpened->isChecked() ? std::optional<QDate>(m_opened->date()) : std::nullopt;
    f.openedPrecision = static_cast<DatePrecision>(m_openedPrecision->currentData().toInt());
    f.closed = m_hasClosed->isChecked() ? std::optional<QDate>(m_closed->date()) : std::nullopt;
    f.notes = m_notes->toPlainText().trimmed();
    f.sources = m_sources->sources();
    return f;
}

std::vector<FieldProblem> FacilityForm::problems() const {
    std::vector<FieldProblem> out = validateFacility(facility(), QDate::currentDate());
    addSourceDateProblem(*m_sources, out);
    return out;
}

void FacilityForm::accept() {
    if (showProblems(m_problemText, problems()))
        QDialog::accept();
}

} // namespace borderlens
