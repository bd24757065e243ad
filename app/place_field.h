#pragma once

#include "gazetteer/place_entry.h"
#include "geo/geo_precision.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace borderlens {

// Where a record is: a place name the gazetteer completes as the user types (Latin or
// Cyrillic, any transliteration it knows), or a point clicked on the map, or coordinates typed;
// with how precisely the place is known. Choosing a gazetteer place fills the position, the
// precision it is known to and its country, province and district.
class PlaceField : public QWidget {
    Q_OBJECT
public:
    explicit PlaceField(QWidget* parent = nullptr);

    QString placeName() const;
    double lon() const;
    double lat() const;
    GeoPrecision precision() const;
    // Admin names of the chosen gazetteer place (empty after a map click or typed coordinates,
    // which say nothing about them).
    const QString& country() const { return m_country; }
    const QString& province() const { return m_province; }
    const QString& district() const { return m_district; }

    void set(const QString& name, double lon, double lat, GeoPrecision precision,
             const QString& country, const QString& province, const QString& district);
    // A point clicked on the map: position exact to the click, admin names cleared.
    void setPicked(double lon, double lat);
    // Looks `name` up in the gazetteer and takes its best exact match; false if none.
    bool choosePlace(const QString& name);

    QLineEdit* nameEdit() const { return m_name; }
    QDoubleSpinBox* lonEdit() const { return m_lon; }
    QDoubleSpinBox* latEdit() const { return m_lat; }

signals:
    // The user wants to click the map: the next click goes to setPicked().
    void pickRequested();

private:
    void take(const PlaceEntry& place);
    QLineEdit* m_name;
    QDoubleSpinBox* m_lon;
    QDoubleSpinBox* m_lat;
    QComboBox* m_precision;
    QLabel* m_where;
    QString m_country;
    QString m_province;
    QString m_district;
};

} // namespace borderlens
