#include "incidents/synthetic/border_geography.h"

#include "data/data_paths.h"
#include "gazetteer/gazetteer.h"
#include "io/reader_registry.h"
#include "layer/vector_layer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {

namespace {

constexpr double kKmPerDegreeLat = 110.574;
constexpr double kKmPerDegreeLonAtEquator = 111.320;
constexpr double kGridMarginDegrees = 0.7; // > 40 km at these latitudes, both ways
constexpr double kCellDegrees = 0.02;

// cos() by its Taylor series (|x| ≤ π/2 here, error < 1e-12): libm's cos may differ in the last
// bit between platforms, and synthetic files must not.
double cosDegrees(double degrees) {
    const double x = degrees * 3.14159265358979323846 / 180.0;
    const double x2 = x * x;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k <= 10; ++k) {
        term *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        sum += term;
    }
    return sum;
}

double kmPerDegreeLon(double lat) {
    return kKmPerDegreeLonAtEquator * cosDegrees(lat);
}

int sideIndex(BorderSide side) {
    return side == BorderSide::Tajikistan ? 0 : 1;
}

std::optional<BorderSide> sideFromIso2(const QString& iso) {
    if (iso == QLatin1String("TJ"))
        return BorderSide::Tajikistan;
    if (iso == QLatin1String("AF"))
        return BorderSide::Afghanistan;
    return std::nullopt;
}

QString text(const VectorLayer& layer, std::size_t row, int field) {
    return field < 0 ? QString()
                     : layer.attributes().value(row, static_cast<std::size_t>(field)).toString();
}

bool firstVertex(const GeometryColumns& g, std::size_t feature, double& x, double& y) {
    const std::uint32_t part = g.featureOffsets[feature];
    if (part == g.featureOffsets[feature + 1])
        return false;
    const std::uint32_t vertex = g.ringOffsets[g.partOffsets[part]];
    if (vertex >= g.vertexCount())
        return false;
    x = g.xy[2 * vertex];
    y = g.xy[2 * vertex + 1];
    return true;
}

QString key(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

std::string asciiFolded(const QString& name) {
    QString out;
    out.reserve(name.size());
    for (QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x02BB) || c == QChar(0x02BC) ||
            c == QLatin1Char('`'))
            c = QLatin1Char('\'');
        out += c;
    }
    return out.simplified().toStdString();
}

Result<BorderGeography> BorderGeography::loadBundled() {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty())
        return Error{QStringLiteral("geodata"),
                     QStringLiteral("the bundled geodata folder was not found (set "
                                    "BORDERLENS_DATA_DIR to the folder holding geodata/)")};
    const ReaderRegistry registry = ReaderRegistry::withDefaultReaders();
    std::shared_ptr<VectorLayer> layers[4];
    const char* files[4] = {"border_tj_af.shp", "countries.shp", "districts_schematic.shp",
                            "district_seats.shp"};
    for (int i = 0; i < 4; ++i) {
        const QString path = dir + QLatin1Char('/') + QString::fromLatin1(files[i]);
        auto read = registry.read(path);
        if (!read)
            return read.error();
        if (read.value().empty())
            return Error{path, QStringLiteral("has no layer")};
        layers[i] = read.value().front();
    }
    auto gazetteer = Gazetteer::loadBundled();
    if (!gazetteer)
        return gazetteer.error();
    return fromLayers(*layers[0], *layers[1], *layers[2], *layers[3], gazetteer.value());
}

Result<BorderGeography> BorderGeography::fromLayers(const VectorLayer& border,
                                                    const VectorLayer& countries,
                                                    const VectorLayer& districts,
                                                    const VectorLayer& seats,
                                                    const Gazetteer& gazetteer) {
    BorderGeography geo;

    // The line, every section end to end.
    const GeometryColumns& line = border.lonLat();
    Extent lineExtent;
    for (std::size_t p = 0; p < line.partCount(); ++p) {
        if (line.partKinds[p] != PartKind::Line)
            continue;
        for (std::uint32_t r = line.partOffsets[p]; r < line.partOffsets[p + 1]; ++r) {
            for (std::uint32_t v = line.ringOffsets[r] + 1; v < line.ringOffsets[r + 1]; ++v) {
                Segment s{line.xy[2 * v - 2],
                          line.xy[2 * v - 1],
                          line.xy[2 * v],
                          line.xy[2 * v + 1],
                          geo.m_lengthKm,
                          0,
                          0,
                          kKmPerDegreeLat};
                s.kmPerDegreeLon = kmPerDegreeLon((s.lat0 + s.lat1) / 2.0);
                const double dx = (s.lon1 - s.lon0) * s.kmPerDegreeLon;
                const double dy = (s.lat1 - s.lat0) * s.kmPerDegreeLat;
                s.lengthKm = std::sqrt(dx * dx + dy * dy);
                if (!(s.lengthKm > 0))
                    continue;
                geo.m_lengthKm += s.lengthKm;
                lineExtent.include(s.lon0, s.lat0);
                lineExtent.include(s.lon1, s.lat1);
                geo.m_segments.push_back(s);
            }
        }
    }
    if (geo.m_segments.empty())
        return Error{border.sourcePath(), QStringLiteral("has no line to place incidents along")};
    geo.m_gridArea = {lineExtent.xMin - kGridMarginDegrees, lineExtent.yMin - kGridMarginDegrees,
                      lineExtent.xMax + kGridMarginDegrees, lineExtent.yMax + kGridMarginDegrees};
    geo.m_cellSize = kCellDegrees;

    // Countries.
    const int isoField = countries.attributes().fieldIndex(QStringLiteral("iso_a3"));
    for (std::size_t f = 0; f < countries.featureCount() && f < PolygonGridIndex::kMaxFeatures;
         ++f) {
        const QString iso = text(countries, f, isoField);
        if (iso == QLatin1String("TJK"))
            geo.m_tajikMask |= std::uint64_t{1} << f;
        else if (iso == QLatin1String("AFG"))
            geo.m_afghanMask |= std::uint64_t{1} << f;
    }
    if (!geo.m_tajikMask || !geo.m_afghanMask)
        return Error{
            countries.sourcePath(),
            QStringLiteral("has no TJK and AFG polygons (iso_a3) to tell the banks apart")};
    geo.m_countries = PolygonGridIndex(countries.lonLat(), geo.m_gridArea, kCellDegrees);

    // Tajik district seats, then the gazetteer's places and province points.
    const int seatName = seats.attributes().fieldIndex(QStringLiteral("name"));
    const int seatDistrict = seats.attributes().fieldIndex(QStringLiteral("district"));
    const int seatProvince = seats.attributes().fieldIndex(QStringLiteral("province"));
    for (std::size_t f = 0; f < seats.featureCount(); ++f) {
        SyntheticPlace p;
        if (!firstVertex(seats.lonLat(), f, p.lon, p.lat))
            continue;
        p.name = asciiFolded(text(seats, f, seatName));
        p.district = asciiFolded(text(seats, f, seatDistrict));
        p.province = asciiFolded(text(seats, f, seatProvince));
        p.side = BorderSide::Tajikistan;
        if (p.name.empty() || p.district.empty())
            continue;
        const QString district = key(p.district);
        geo.addPlace(std::move(p), true);
        // A seat must lie on its own bank, or rows placed there would contradict their country.
        const SyntheticPlace& added = geo.m_places.back();
        if (geo.sideAt(added.lon, added.lat) == BorderSide::Tajikistan)
            geo.m_seatByDistrict[0].insert(district, static_cast<int>(geo.m_places.size() - 1));
    }
    for (const PlaceEntry& e : gazetteer.entries()) {
        const auto side = sideFromIso2(e.country);
        if (!side)
            continue;
        SyntheticPlace p;
        p.lon = e.lon;
        p.lat = e.lat;
        p.side = *side;
        p.province = asciiFolded(e.province);
        p.district = asciiFolded(e.district);
        if (e.kind == PlaceKind::Province) {
            if (p.province.empty() || geo.sideAt(p.lon, p.lat) != side)
                continue;
            p.name = p.province;
            p.district.clear();
            const QString province = key(p.province);
            geo.addPlace(std::move(p), false);
            geo.m_provincePoint[sideIndex(*side)].insert(province,
                                                         static_cast<int>(geo.m_places.size() - 1));
            continue;
        }
        const bool town = e.kind == PlaceKind::PopulatedPlace ||
                          (e.kind == PlaceKind::DistrictSeat && *side == BorderSide::Afghanistan);
        if (!town || e.precision != GeoPrecision::Exact)
            continue;
        p.name = asciiFolded(e.name);
        const QString district = key(p.district);
        const bool seatLike = !p.district.empty() && p.name == p.district;
        geo.addPlace(std::move(p), true);
        const SyntheticPlace& added = geo.m_places.back();
        // Afghan districts have no seats layer here: take the town named like the district, or
        // else the first town of the district, as the point centroid-coded rows go to.
        if (*side == BorderSide::Afghanistan && !district.isEmpty() &&
            geo.sideAt(added.lon, added.lat) == side) {
            auto& seatsOfSide = geo.m_seatByDistrict[1];
            const auto it = seatsOfSide.constFind(district);
            if (it == seatsOfSide.constEnd() ||
                (seatLike && geo.m_places[it.value()].name != added.district))
                seatsOfSide.insert(district, static_cast<int>(geo.m_places.size() - 1));
        }
    }

    // Tajik districts, polygon by polygon, each to its seat.
    geo.m_districts = PolygonGridIndex(districts.lonLat(), geo.m_gridArea, kCellDegrees);
    const int districtField = districts.attributes().fieldIndex(QStringLiteral("district"));
    for (std::size_t f = 0; f < districts.featureCount(); ++f)
        geo.m_districtSeatByFeature.push_back(
            geo.m_seatByDistrict[0].value(key(asciiFolded(text(districts, f, districtField))), -1));

    geo.buildPlaceGrid();
    if (geo.m_candidates[0].empty() || geo.m_candidates[1].empty())
        return Error{gazetteer.sourcePath(),
                     QStringLiteral("has no places near the border on both banks")};
    return geo;
}

void BorderGeography::addPlace(SyntheticPlace place, bool candidate) {
    const int index = static_cast<int>(m_places.size());
    if (candidate && distanceKm(place.lon, place.lat) <= kPlaceBandKm &&
        sideAt(place.lon, place.lat) == place.side)
        m_candidates[sideIndex(place.side)].push_back(index);
    m_places.push_back(std::move(place));
}

void BorderGeography::buildPlaceGrid() {
    m_cols = std::max(1, static_cast<int>(std::ceil(m_gridArea.width() / m_cellSize)));
    m_rows = std::max(1, static_cast<int>(std::ceil(m_gridArea.height() / m_cellSize)));
    for (int side = 0; side < 2; ++side) {
        std::vector<int>& nearest = m_nearest[side];
        nearest.assign(static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows), -1);
        for (int row = 0; row < m_rows; ++row) {
            const double lat = m_gridArea.yMin + (row + 0.5) * m_cellSize;
            const double kx = kmPerDegreeLon(lat);
            for (int col = 0; col < m_cols; ++col) {
                const double lon = m_gridArea.xMin + (col + 0.5) * m_cellSize;
                double best = std::numeric_limits<double>::infinity();
                int bestIndex = -1;
                for (int i : m_candidates[side]) {
                    const double dx = (m_places[i].lon - lon) * kx;
                    const double dy = (m_places[i].lat - lat) * kKmPerDegreeLat;
                    const double d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        bestIndex = i;
                    }
                }
                nearest[static_cast<std::size_t>(row) * m_cols + col] = bestIndex;
            }
        }
    }
}

double BorderGeography::segmentDistanceKm(const Segment& s, double lon, double lat,
                                          double* along) const {
    const double kx = s.kmPerDegreeLon, ky = s.kmPerDegreeLat;
    const double ex = (s.lon1 - s.lon0) * kx, ey = (s.lat1 - s.lat0) * ky;
    const double px = (lon - s.lon0) * kx, py = (lat - s.lat0) * ky;
    double t = (px * ex + py * ey) / (s.lengthKm * s.lengthKm);
    t = std::clamp(t, 0.0, 1.0);
    const double dx = px - t * ex, dy = py - t * ey;
    if (along)
        *along = s.kmStart + t * s.lengthKm;
    return std::sqrt(dx * dx + dy * dy);
}

double BorderGeography::distanceKm(double lon, double lat) const {
    double best = std::numeric_limits<double>::infinity();
    for (const Segment& s : m_segments)
        best = std::min(best, segmentDistanceKm(s, lon, lat, nullptr));
    return best;
}

double BorderGeography::kmAlong(double lon, double lat) const {
    double best = std::numeric_limits<double>::infinity();
    double bestAlong = 0;
    for (const Segment& s : m_segments) {
        double along = 0;
        const double d = segmentDistanceKm(s, lon, lat, &along);
        if (d < best) {
            best = d;
            bestAlong = along;
        }
    }
    return bestAlong;
}

BorderPoint BorderGeography::pointAlong(double km) const {
    km = std::clamp(km, 0.0, m_lengthKm);
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), km,
                               [](double v, const Segment& s) { return v < s.kmStart; });
    const Segment& s = it == m_segments.begin() ? m_segments.front() : *(it - 1);
    const double t = std::clamp((km - s.kmStart) / s.lengthKm, 0.0, 1.0);
    BorderPoint p;
    p.lon = s.lon0 + t * (s.lon1 - s.lon0);
    p.lat = s.lat0 + t * (s.lat1 - s.lat0);
    p.kmPerDegreeLon = s.kmPerDegreeLon;
    p.kmPerDegreeLat = s.kmPerDegreeLat;
    const double east = (s.lon1 - s.lon0) * s.kmPerDegreeLon / s.lengthKm;
    const double north = (s.lat1 - s.lat0) * s.kmPerDegreeLat / s.lengthKm;
    p.normalEast = -north;
    p.normalNorth = east;
    return p;
}

std::optional<BorderSide> BorderGeography::sideAt(double lon, double lat) const {
    const std::uint64_t mask = m_countries.featuresAt(lon, lat);
    const bool tj = (mask & m_tajikMask) != 0;
    const bool af = (mask & m_afghanMask) != 0;
    if (tj == af) // neither, or an overlap of the two polygons: no clear side
        return std::nullopt;
    return tj ? BorderSide::Tajikistan : BorderSide::Afghanistan;
}

int BorderGeography::nearestPlace(double lon, double lat, BorderSide side) const {
    if (!m_gridArea.contains(lon, lat))
        return -1;
    const int col = std::min(static_cast<int>((lon - m_gridArea.xMin) / m_cellSize), m_cols - 1);
    const int row = std::min(static_cast<int>((lat - m_gridArea.yMin) / m_cellSize), m_rows - 1);
    return m_nearest[sideIndex(side)][static_cast<std::size_t>(row) * m_cols + col];
}

int BorderGeography::districtSeatAt(double lon, double lat, BorderSide side) const {
    if (side == BorderSide::Tajikistan) {
        if (const auto f = m_districts.firstFeatureAt(lon, lat);
            f && *f < m_districtSeatByFeature.size() && m_districtSeatByFeature[*f] >= 0)
            return m_districtSeatByFeature[*f];
    }
    const int near = nearestPlace(lon, lat, side);
    if (near < 0)
        return -1;
    return districtSeat(side, m_places[near].district);
}

int BorderGeography::districtSeat(BorderSide side, const std::string& district) const {
    if (district.empty())
        return -1;
    return m_seatByDistrict[sideIndex(side)].value(key(district), -1);
}

int BorderGeography::provincePoint(BorderSide side, const std::string& province) const {
    if (province.empty())
        return -1;
    return m_provincePoint[sideIndex(side)].value(key(province), -1);
}

} // namespace borderlens
