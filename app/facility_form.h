#pragma once

#include "incidents/incident.h"
#include "store/record_validation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace borderlens {

class PlaceField;
class SourcesEditor;

// The form for an outpost or other facility: kind, name, place, opened and closed dates (the
// opening date with its precision), notes and sources; checked as the incident form is.
class FacilityForm : public QDialog {
    Q_OBJECT
public:
    explicit FacilityForm(QWidget* parent = nullptr);

    void setFacility(const Facility& facility);
    Facility facility() const;
    PlaceField* place() const { return m_place; }
    std::vector<FieldProblem> problems() const;
    void accept() override;

    QLineEdit* nameEdit() const { return m_name; }
    QDateEdit* openedEdit() const { return m_opened; }
    QCheckBox* openedKnown() const { return m_hasOpened; }

private:
    QString m_id;
    QComboBox* m_kind;
    QLineEdit* m_name;
    PlaceField* m_place;
    QCheckBox* m_hasOpened;
    QDateEdit* m_opened;
    QComboBox* m_openedPrecision;
    QCheckBox* m_hasClosed;
    QDateEdit* m_closed;
    QPlainTextEdit* m_notes;
    SourcesEditor* m_sources;
    QLabel* m_problemText;
    Facility m_loaded;
};

} // namespace borderlens
