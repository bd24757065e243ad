#include "geo/geo_precision.h"

namespace borderlens {

QString toString(GeoPrecision p) {
    switch (p) {
    case GeoPrecision::Exact:
        return QStringLiteral("exact");
    case GeoPrecision::Near:
        return QStringLiteral("near");
    case GeoPrecision::District:
        return QStringLiteral("district");
    case GeoPrecision::Region:
        return QStringLiteral("region");
    }
    return {};
}

std::optional<GeoPrecision> geoPrecisionFromString(const QString& s) {
    const QString t = s.trimmed().toLower();
    if (t == QLatin1String("exact"))
        return GeoPrecision::Exact;
    if (t == QLatin1String("near"))
        return GeoPrecision::Near;
    if (t == QLatin1String("district"))
        return GeoPrecision::District;
    if (t == QLatin1String("region"))
        return GeoPrecision::Region;
    return std::nullopt;
}

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
