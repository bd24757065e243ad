#pragma once

#include "geo/polygon_grid_index.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace borderlens {

class Gazetteer;
class VectorLayer;

enum class BorderSide : std::uint8_t { Tajikistan, Afghanistan };

// A named place synthetic incidents can be coded to: a town, a district seat or a province's
// schematic point. Names are ASCII-folded ("Kŭlob" → "Kulob"), as exports such as ACLED's spell
// them, and kept as UTF-8 ready to be written.
struct SyntheticPlace {
    std::string name;
    std::string province; // empty when unknown
    std::string district; // empty when unknown or for a province point
    double lon = 0;
    double lat = 0;
    BorderSide side = BorderSide::Tajikistan;
};

// A point on the border line with the local scale and the direction across the border.
struct BorderPoint {
    double lon = 0;
    double lat = 0;
    double kmPerDegreeLon = 1;
    double kmPerDegreeLat = 1;
    double normalEast = 0; // unit vector across the line, in kilometres east and north
    double normalNorth = 1;
};

// The geography the synthetic incident generator draws from: the Tajik–Afghan border line, which
// country a point lies in, the (schematic) Tajik districts and their seats, and the gazetteer's
// places and province points on both banks. Built once; every query is cheap (grids), so that
// millions of incidents take seconds.
class BorderGeography {
public:
    // Places farther than this from the border line are not used for incidents coded to a place
    // (32 km, so that a row a few kilometres "near" one stays within 40 km of the line).
    static constexpr double kPlaceBandKm = 32.0;

    // The bundled geodata/: border_tj_af.shp, countries.shp, districts_schematic.shp and
    // district_seats.shp through the ReaderRegistry, and the gazetteer.
    static Result<BorderGeography> loadBundled();
    static Result<BorderGeography> fromLayers(const VectorLayer& border,
                                              const VectorLayer& countries,
                                              const VectorLayer& districts,
                                              const VectorLayer& seats, const Gazetteer& gazetteer);

    double lengthKm() const { return m_lengthKm; }
    // The point `km` along the line (all sections end to end), clamped to the line.
    BorderPoint pointAlong(double km) const;
    // How far along the line the point nearest to (lon, lat) is.
    double kmAlong(double lon, double lat) const;
    // Distance from (lon, lat) to the border line, in kilometres (locally flat approximation).
    double distanceKm(double lon, double lat) const;

    // Tajikistan or Afghanistan, from the country polygons; none elsewhere (a neighbour, outside).
    std::optional<BorderSide> sideAt(double lon, double lat) const;

    const std::vector<SyntheticPlace>& places() const { return m_places; }
    // Places (towns and district seats) of that side within kPlaceBandKm of the border.
    const std::vector<int>& placesNearBorder(BorderSide side) const {
        return m_candidates[side == BorderSide::Tajikistan ? 0 : 1];
    }
    // The named place (town or district seat) of that side nearest to (lon, lat), among those
    // within kPlaceBandKm of the border; -1 if there is none. Resolved to a 0.02° cell.
    int nearestPlace(double lon, double lat, BorderSide side) const;
    // The seat of the district holding (lon, lat): the schematic district polygons in Tajikistan,
    // the nearest place's district in Afghanistan; -1 if unknown.
    int districtSeatAt(double lon, double lat, BorderSide side) const;
    // The seat of a district by name (as in the district seats layer or gazetteer); -1 if none.
    int districtSeat(BorderSide side, const std::string& district) const;
    // The schematic point of a province (the gazetteer's province entry); -1 if none.
    int provincePoint(BorderSide side, const std::string& province) const;

private:
    struct Segment {
        double lon0, lat0, lon1, lat1;
        double kmStart, lengthKm;
        double kmPerDegreeLon, kmPerDegreeLat;
    };
    void addPlace(SyntheticPlace place, bool candidate);
    void buildPlaceGrid();
    double segmentDistanceKm(const Segment& s, double lon, double lat, double* along) const;

    std::vector<Segment> m_segments;
    double m_lengthKm = 0;
    PolygonGridIndex m_countries;
    std::uint64_t m_tajikMask = 0;
    std::uint64_t m_afghanMask = 0;
    PolygonGridIndex m_districts;
    std::vector<int> m_districtSeatByFeature; // district polygon feature -> place index
    std::vector<SyntheticPlace> m_places;
    std::vector<int> m_candidates[2];        // per side: places near the border
    QHash<QString, int> m_seatByDistrict[2]; // per side: district -> place index
    QHash<QString, int> m_provincePoint[2];  // per side: province -> place index
    Extent m_gridArea;
    double m_cellSize = 0.02;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<int> m_nearest[2]; // per side, per cell: place index or -1
};

// "Kŭlob" → "Kulob", "Qal‘ah" → "Qal'ah": diacritics dropped, typographic apostrophes made plain.
std::string asciiFolded(const QString& name);

} // namespace borderlens
