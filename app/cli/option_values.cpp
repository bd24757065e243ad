#include "option_values.h"

#include "geo/coordinate_transform.h"
#include "geo/proj_handles.h"

#include <QStringList>
#include <cmath>
#include <proj.h>

namespace borderlens::cli {

bool splitInlineValue(QString& name, QString& value) {
    if (!name.startsWith(QLatin1String("--")) || !name.contains(QLatin1Char('=')))
        return false;
    value = name.section(QLatin1Char('='), 1);
    name = name.section(QLatin1Char('='), 0, 0);
    return true;
}

std::optional<QDate> parseDate(const QString& text) {
    const QDate d = QDate::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd"));
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

// "minlon,minlat,maxlon,maxlat" in degrees, with '.' decimals (QString::toDouble ignores the
// locale, so a German analyst's shell gives the same result).
std::optional<Extent> parseExtent(const QString& text, QString& why) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        why = QStringLiteral("expected minlon,minlat,maxlon,maxlat");
        return std::nullopt;
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v[i])) {
            why = QStringLiteral("'%1' is not a number").arg(parts[i].trimmed());
            return std::nullopt;
        }
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
        why = QStringLiteral("longitudes must lie in -180…180 and latitudes in -90…90");
        return std::nullopt;
    }
    if (v[0] >= v[2] || v[1] >= v[3]) {
        why = QStringLiteral("the extent is empty (minlon must be below maxlon and minlat below "
                             "maxlat)");
        return std::nullopt;
    }
    return Extent{v[0], v[1], v[2], v[3]};
}

// A CRS PROJ knows, with its official name ("WGS 84 / UTM zone 43N").
std::optional<Crs> resolveCrs(const QString& text) {
    const Crs parsed = Crs::fromUserString(text);
    if (!parsed.isValid())
        return std::nullopt;
    ProjPtr pj(proj_create(threadContext(), parsed.definition().toUtf8().constData()));
    if (!pj)
        return std::nullopt;
    switch (proj_get_type(pj.get())) {
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_PROJECTED_CRS:
        break;
    default:
        return std::nullopt; // a datum, an ellipsoid, a 3D or vertical CRS: not a map CRS
    }
    const char* name = proj_get_name(pj.get());
    const Crs crs(parsed.definition(), name ? QString::fromUtf8(name) : QString());
    if (!TransformCache::get(Crs::wgs84(), crs))
        return std::nullopt;
    return crs;
}

} // namespace borderlens::cli
