#pragma once

#include "incidents/incident.h"
#include "store/record_validation.h"

#include <QDialog>

#include <map>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace borderlens {

class PlaceField;
class SourcesEditor;

// The form an analyst logs or corrects an incident with: date and how precisely it is known,
// type, place (gazetteer or map click), casualties as low/best/high, actors, summary, sources.
// OK checks every field (validateIncident) and, if anything is wrong, names it beside the form
// and keeps the dialog open. Not modal, so the map can be clicked to place the incident.
class IncidentForm : public QDialog {
    Q_OBJECT
public:
    explicit IncidentForm(QWidget* parent = nullptr);

    void setIncident(const Incident& incident);
    // The incident as the form holds it now (the id is the one set, empty for a new one).
    Incident incident() const;
    PlaceField* place() const { return m_place; }
    // What stops it from being saved now, as OK would show it.
    std::vector<FieldProblem> problems() const;

    void accept() override;

    QDateEdit* dateEdit() const { return m_date; }
    QComboBox* typeBox() const { return m_type; }
    QSpinBox* killedBest() const { return m_killed[1]; }
    QSpinBox* killedHigh() const { return m_killed[2]; }
    QPlainTextEdit* summaryEdit() const { return m_summary; }
    QLineEdit* actorsEdit() const { return m_actors; }
    SourcesEditor* sourcesEditor() const { return m_sources; }
    QLabel* problemsLabel() const { return m_problemText; }

private:
    QString m_id;
    QDateEdit* m_date;
    QComboBox* m_datePrecision;
    QCheckBox* m_hasEnd;
    QDateEdit* m_end;
    QComboBox* m_type;
    PlaceField* m_place;
    QSpinBox* m_killed[3];
    QSpinBox* m_injured;
    QLineEdit* m_actors;
    QPlainTextEdit* m_summary;
    SourcesEditor* m_sources;
    QLabel* m_problemText;
    Incident m_loaded; // what setIncident() gave, for the fields the form does not show
};

// A count that may be unknown: the spin box's minimum (-1) shows as "unknown".
QSpinBox* unknownCountBox(QWidget* parent);
std::optional<int> countOf(const QSpinBox* box);
void setCount(QSpinBox* box, const std::optional<int>& value);
// The problems as the form shows them: one line each, "• message".
QString problemsText(const std::vector<FieldProblem>& problems);
// A source date typed that is not a date, added to `problems`.
void addSourceDateProblem(const SourcesEditor& sources, std::vector<FieldProblem>& problems);
// Lays a record form out: the fields, then a (hidden) problems label, then Save and Cancel
// wired to the dialog's accept() and reject(). Returns the problems label.
QLabel* finishRecordForm(QDialog& dialog, QLayout* fields);
// Shows `problems` in `label` and returns false, or hides it and returns true when there are
// none: what a form's Save does before it closes.
bool showProblems(QLabel* label, const std::vector<FieldProblem>& problems);

} // namespace borderlens
