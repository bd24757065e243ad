#include "map/identify.h"

namespace borderlens {

std::vector<std::pair<QString, QString>> whereFields(double lon, double lat, GeoPrecision precision,
                                                     const QString& country,
                                                     const QString& province,
                                                     const QString& district) {
    return {
        {QStringLiteral("Location"),
         QStringLiteral("%1° N, %2° E").arg(lat, 0, 'f', 5).arg(lon, 0, 'f', 5)},
        {QStringLiteral("Location precision"), describePrecision(precision)},
        {QStringLiteral("Country"), country},
        {QStringLiteral("Province"), province},
        {QStringLiteral("District"), district},
    };
}

} // namespace borderlens
