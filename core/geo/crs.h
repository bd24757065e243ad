#pragma once

#include <QString>

namespace borderlens {

// A coordinate reference system, identified by the definition PROJ accepts ("EPSG:32642", WKT,
// PROJJSON). A plain value: cheap to copy and compare; PROJ objects are made from it on demand.
class Crs {
public:
    Crs() = default;
    explicit Crs(QString definition, QString name = {});

    static Crs wgs84() { return Crs(QStringLiteral("EPSG:4326"), QStringLiteral("WGS 84")); }
    static Crs utm42n() {
        return Crs(QStringLiteral("EPSG:32642"), QStringLiteral("WGS 84 / UTM zone 42N"));
    }
    static Crs webMercator() {
        return Crs(QStringLiteral("EPSG:3857"), QStringLiteral("WGS 84 / Pseudo-Mercator"));
    }
    // Parses a user's "EPSG:NNNN" (any case, spaces ignored) or "NNNN"; an invalid Crs otherwise.
    static Crs fromUserString(const QString& text);

    bool isValid() const { return !m_definition.isEmpty(); }
    const QString& definition() const { return m_definition; }
    // A short human name: the given one, else the definition if it is short, else "custom CRS".
    QString displayName() const;
    // True for lon/lat CRSs whose units are degrees (EPSG:4326 and any geographic WKT).
    bool isGeographic() const;

    friend bool operator==(const Crs& a, const Crs& b) { return a.m_definition == b.m_definition; }

private:
    QString m_definition;
    QString m_name;
};

} // namespace borderlens
