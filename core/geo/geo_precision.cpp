#include "geo/geo_precision.h"

namespace borderlens {

double uncertaintyRadiusMetres(GeoPrecision p) {
    switch (p) {
    case GeoPrecision::Exact:
        return 0.0;
    case GeoPrecision::Near:
        return 10'000.0;
    case GeoPrecision::District:
        return 25'000.0;
    case GeoPrecision::Region:
        return 75'000.0;
    }
    return 0.0;
}

QString describePrecision(GeoPrecision p) {
    if (p == GeoPrecision::Exact)
        return QStringLiteral("exact");
    return QStringLiteral("%1 (approximate, ±%2 km)")
        .arg(toString(p))
        .arg(uncertaintyRadiusMetres(p) / 1000.0, 0, 'f', 0);
}

} // namespace borderlens
