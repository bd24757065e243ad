#include "incident_form.h"

#include "place_field.h"
#include "sources_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace borderlens {

QSpinBox* unknownCountBox(QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(-1, 100000);
    box->setSpecialValueText(QObject::tr("unknown"));
    box->setValue(-1);
    return box;
}

std::optional<int> countOf(const QSpinBox* box) {
    return box->value() < 0 ? std::nullopt : std::optional<int>(box->value());
}

void setCount(QSpinBox* box, const std::optional<int>& value) { box->setValue(value.value_or(-1)); }

QString problemsText(const std::vector<FieldProblem>& problems) {
    QStringList lines;
    for (const FieldProblem& p : problems)
        lines << QStringLiteral("• %1").arg(p.message);
    return lines.join(QLatin1Char('\n'));
}

void addSourceDateProblem(const SourcesEditor& sources, std::vector<FieldProblem>& problems) {
    QString badDate;
    sources.sources(&badDate);
    if (!badDate.isEmpty())
        problems.push_back({QStringLiteral("sources"),
                            QObject::tr("source date '%1' is not a date YYYY-MM-DD").arg(badDate)});
}

QLabel* finishRecordForm(QDialog& dialog, QLayout* fields) {
    auto* problems = new QLabel(&dialog);
    problems->setStyleSheet(QStringLiteral("color: #b00020"));
    problems->setWordWrap(true);
    problems->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(fields);
    layout->addWidget(problems);
    layout->addWidget(buttons);
    return problems;
}

bool showProblems(QLabel* label, const std::vector<FieldProblem>& problems) {
    label->setText(problemsText(problems));
    label->setVisible(!problems.empty());
    return problems.empty();
}

IncidentForm::IncidentForm(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Incident"));
    setModal(false);
    auto* form = new QFormLayout;

    auto* dateRow = new QHBoxLayout;
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_datePrecision = new QComboBox(this);
    m_datePrecision->addItem(tr("that day"), int(DatePrecision::Day));
    m_datePrecision->addItem(tr("that week"), int(DatePrecision::Week));
    m_datePrecision->addItem(tr("that month"), int(DatePrecision::Month));
    m_datePrecision->addItem(tr("that year"), int(DatePrecision::Year));
    m_datePrecision->setToolTip(tr("How precisely the date is known"));
    m_hasEnd = new QCheckBox(tr("until"), this);
    m_end = new QDateEdit(QDate::currentDate(), this);
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_end->setEnabled(false);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    dateRow->addWidget(m_date);
    dateRow->addWidget(m_datePrecision);
    dateRow->addWidget(m_hasEnd);
    dateRow->addWidget(m_end);
    form->addRow(tr("Date"), dateRow);

    m_type = new QComboBox(this);
    for (const auto& k : kIncidentTypeKeys)
        m_type->addItem(displayName(k.value), static_cast<int>(k.value));
    form->addRow(tr("&Type"), m_type);

    m_place = new PlaceField(this);
    form->addRow(tr("&Place"), m_place);

    auto* killedRow = new QHBoxLayout;
    const QString parts[] = {tr("low"), tr("best"), tr("high")};
    for (int k = 0; k < 3; ++k) {
        m_killed[k] = unknownCountBox(this);
        m_killed[k]->setToolTip(tr("Killed: %1 estimate").arg(parts[k]));
        killedRow->addWidget(new QLabel(parts[k], this));
        killedRow->addWidget(m_killed[k]);
    }
    form->addRow(tr("Killed"), killedRow);
    m_injured = unknownCountBox(this);
    form->addRow(tr("&Injured"), m_injured);
    m_actors = new QLineEdit(this);
    m_actors->setPlaceholderText(tr("e.g. Tajik border guards; armed group (separate with ;)"));
    form->addRow(tr("&Actors"), m_actors);
    m_summary = new QPlainTextEdit(this);
    m_summary->setTabChangesFocus(true);
    m_summary->setMinimumHeight(60);
    form->addRow(tr("&Summary"), m_summary);
    m_sources = new SourcesEditor(this);
    form->addRow(tr("S&ources"), m_sources);

    m_problemText = finishRecordForm(*this, form);
    resize(620, 640);
}

void IncidentForm::setIncident(const Incident& i) {
    m_loaded = i;
    m_id = i.id;
    setWindowTitle(i.id.isEmpty() ? tr("New Incident") : tr("Incident %1").arg(i.id));
    if (i.startDate.isValid())
        m_date->setDate(i.startDate);
    m_datePrecision->setCurrentIndex(m_datePrecision->findData(int(i.datePrecision)));
    m_hasEnd->setChecked(i.endDate.has_value());
    if (i.endDate)
        m_end->setDate(*i.endDate);
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(i.type)));
    m_place->set(i.place, i.lon, i.lat, i.geoPrecision, i.country, i.province, i.district);
    setCount(m_killed[0], i.killed.low);
    setCount(m_killed[1], i.killed.best);
    setCount(m_killed[2], i.killed.high);
    setCount(m_injured, i.injured);
    m_actors->setText(i.actors.join(QStringLiteral("; ")));
    m_summary->setPlainText(i.summary);
    m_sources->setSources(i.sources);
}

Incident IncidentForm::incident() const {
    Incident i = m_loaded;
    i.id = m_id;
    i.startDate = m_date->date();
    i.datePrecision = static_cast<DatePrecision>(m_datePrecision->currentData().toInt());
    i.endDate = m_hasEnd->isChecked() ? std::optional<QDate>(m_end->date()) : std::nullopt;
    i.type = static_cast<IncidentType>(m_type->currentData().toInt());
    i.place = m_place->placeName();
    i.lon = m_place->lon();
    i.lat = m_place->lat();
    i.geoPrecision = m_place->precision();
    i.country = m_place->country().isEmpty() ? m_loaded.country : m_place->country();
    i.province = m_place->province().isEmpty() && m_place->country().isEmpty() ? m_loaded.province
                                                                              : m_place->province();
    i.district = m_place->district().isEmpty() && m_place->country().isEmpty() ? m_loaded.district
                                                                              : m_place->district();
    i.killed = {countOf(m_killed[0]), countOf(m_killed[1]), countOf(m_killed[2])};
    i.injured = countOf(m_injured);
    i.actors.clear();
    for (const QString& a : m_actors->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            i.actors << a.trimmed();
    }
    i.summary = m_summary->toPlainText().trimmed();
    i.sources = m_sources->sources();
    return i;
}

std::vector<FieldProblem> IncidentForm::problems() const {
    std::vector<FieldProblem> out = validateIncident(incident(), QDate::currentDate());
    addSourceDateProblem(*m_sources, out);
    return out;
}

void IncidentForm::accept() {
    if (showProblems(m_problemText, problems()))
        QDialog::accept();
}

} // namespace borderlens
