// The bundled Tajik-Afghan border line (geodata/border_tj_af.shp) against the country polygons it
// was derived from (geodata/countries.shp) and the facts the issue gives.
#include "geo/coordinate_transform.h"
#include "geo/geodesy.h"
#include "geo/point_in_polygon.h"
#include "geodata/geodata_files.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

struct LonLat {
    double lon;
    double lat;
};

double metres(const LonLat& a, const LonLat& b) {
    return geodesicDistance(a.lon, a.lat, b.lon, b.lat);
}

// The line parts of the layer (one per river section), in file order.
std::vector<std::vector<LonLat>> lineParts(const VectorLayer& layer) {
    const GeometryColumns& g = layer.lonLat();
    std::vector<std::vector<LonLat>> parts;
    for (std::size_t p = 0; p < g.partCount(); ++p) {
        EXPECT_EQ(g.partKinds[p], PartKind::Line);
        for (std::uint32_t r = g.partOffsets[p]; r < g.partOffsets[p + 1]; ++r) {
            std::vector<LonLat> line;
            for (std::uint32_t v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; ++v)
                line.push_back({g.xy[2 * v], g.xy[2 * v + 1]});
            parts.push_back(std::move(line));
        }
    }
    return parts;
}

// Joins the parts end to end (either may need reversing) into one line; empty if they do not
// form a single chain. Ends closer than `joinMetres` count as joined.
std::vector<LonLat> chain(std::vector<std::vector<LonLat>> parts, double joinMetres) {
    if (parts.empty())
        return {};
    std::deque<LonLat> line(parts.front().begin(), parts.front().end());
    parts.erase(parts.begin());
    while (!parts.empty()) {
        bool joined = false;
        for (auto it = parts.begin(); it != parts.end() && !joined; ++it) {
            std::vector<LonLat>& p = *it;
            if (metres(line.back(), p.front()) < joinMetres) {
                line.insert(line.end(), p.begin() + 1, p.end());
            } else if (metres(line.back(), p.back()) < joinMetres) {
                line.insert(line.end(), p.rbegin() + 1, p.rend());
            } else if (metres(line.front(), p.back()) < joinMetres) {
                line.insert(line.begin(), p.begin(), p.end() - 1);
            } else if (metres(line.front(), p.front()) < joinMetres) {
                line.insert(line.begin(), p.rbegin(), p.rend() - 1);
            } else {
                continue;
            }
            parts.erase(it);
            joined = true;
        }
        if (!joined)
            return {};
    }
    return {line.begin(), line.end()};
}

class BorderLine : public ::testing::Test {
protected:
    void SetUp() override {
        BORDERLENS_REQUIRE_GEODATA(QStringLiteral("border_tj_af.shp"));
        BORDERLENS_REQUIRE_GEODATA(QStringLiteral("countries.shp"));
        m_border = readGeodataLayer(QStringLiteral("border_tj_af.shp"));
        m_countries = readGeodataLayer(QStringLiteral("countries.shp"));
        ASSERT_TRUE(m_border && m_countries);
        m_tjk = featureWhere(*m_countries, QStringLiteral("iso_a3"), QStringLiteral("TJK"));
        m_afg = featureWhere(*m_countries, QStringLiteral("iso_a3"), QStringLiteral("AFG"));
        ASSERT_TRUE(m_tjk && m_afg) << "countries.shp lacks TJK or AFG in field iso_a3";
        m_parts = lineParts(*m_border);
        m_line = chain(m_parts, 1.0);
        ASSERT_FALSE(m_line.empty()) << m_parts.size() << " parts that do not join end to end";
    }

    std::shared_ptr<VectorLayer> m_border;
    std::shared_ptr<VectorLayer> m_countries;
    std::optional<std::size_t> m_tjk;
    std::optional<std::size_t> m_afg;
    std::vector<std::vector<LonLat>> m_parts;
    std::vector<LonLat> m_line;
};

TEST_F(BorderLine, IsOneLineOfTheKnownLength) {
    double length = 0;
    for (std::size_t i = 1; i < m_line.size(); ++i)
        length += metres(m_line[i - 1], m_line[i]);
    RecordProperty("length_km", QString::number(length / 1000.0, 'f', 1).toStdString());
    RecordProperty("vertices", static_cast<int>(m_line.size()));
    RecordProperty("sections", static_cast<int>(m_parts.size()));
    // Measured here ≈1,364 km; the news says 1,344-1,357 km, the 10 m detail adds ~1%.
    EXPECT_GT(length / 1000.0, 1340.0);
    EXPECT_LT(length / 1000.0, 1400.0);
}

TEST_F(BorderLine, EndsAtTheTripoints) {
    const LonLat china{74.89, 37.23};
    const LonLat uzbekistan{67.79, 37.18};
    const LonLat a = m_line.front();
    const LonLat b = m_line.back();
    // Either direction is fine, as long as one end is at each tripoint.
    const double direct = std::max(metres(a, china), metres(b, uzbekistan));
    const double reversed = std::max(metres(a, uzbekistan), metres(b, china));
    EXPECT_LT(std::min(direct, reversed), 5000.0)
        << "ends (" << a.lon << ", " << a.lat << ") and (" << b.lon << ", " << b.lat << ")";
}

// Boundary segments of one country in UTM 42N metres, kept only near `area`.
struct Segment {
    double x1, y1, x2, y2;
};

std::vector<Segment> boundarySegments(const GeometryColumns& g, std::size_t feature,
                                      const Extent& area) {
    std::vector<Segment> out;
    for (std::uint32_t p = g.featureOffsets[feature]; p < g.featureOffsets[feature + 1]; ++p) {
        for (std::uint32_t r = g.partOffsets[p]; r < g.partOffsets[p + 1]; ++r) {
            for (std::uint32_t v = g.ringOffsets[r] + 1; v < g.ringOffsets[r + 1]; ++v) {
                const Segment s{g.xy[2 * v - 2], g.xy[2 * v - 1], g.xy[2 * v], g.xy[2 * v + 1]};
                if (std::max(s.x1, s.x2) >= area.xMin && std::min(s.x1, s.x2) <= area.xMax &&
                    std::max(s.y1, s.y2) >= area.yMin && std::min(s.y1, s.y2) <= area.yMax)
                    out.push_back(s);
            }
        }
    }
    return out;
}

double distanceToSegments(double x, double y, const std::vector<Segment>& segments) {
    double best = std::numeric_limits<double>::infinity();
    for (const Segment& s : segments) {
        const double dx = s.x2 - s.x1, dy = s.y2 - s.y1;
        const double len2 = dx * dx + dy * dy;
        const double t =
            len2 > 0 ? std::clamp(((x - s.x1) * dx + (y - s.y1) * dy) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy)));
    }
    return best;
}

TEST_F(BorderLine, LiesOnBothCountriesBoundaries) {
    // In UTM 42N, true to distance within 0.4% across the border's 7 degrees of longitude.
    auto countriesUtm = m_countries->projected(Crs::utm42n());
    ASSERT_TRUE(countriesUtm) << countriesUtm.error().toString().toStdString();
    auto toUtm = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    ASSERT_TRUE(toUtm);
    std::vector<double> xy;
    Extent area;
    for (const LonLat& p : m_line) {
        double x = p.lon, y = p.lat;
        ASSERT_TRUE(toUtm.value()->transform(x, y));
        xy.push_back(x);
        xy.push_back(y);
        area.include(x, y);
    }
    area = Extent{area.xMin - 5000, area.yMin - 5000, area.xMax + 5000, area.yMax + 5000};
    const auto tjk = boundarySegments(*countriesUtm.value(), *m_tjk, area);
    const auto afg = boundarySegments(*countriesUtm.value(), *m_afg, area);
    ASSERT_FALSE(tjk.empty());
    ASSERT_FALSE(afg.empty());
    double worstTjk = 0, worstAfg = 0;
    std::size_t worstTjkAt = 0, worstAfgAt = 0;
    for (std::size_t i = 0; i < m_line.size(); ++i) {
        const double dt = distanceToSegments(xy[2 * i], xy[2 * i + 1], tjk);
        const double da = distanceToSegments(xy[2 * i], xy[2 * i + 1], afg);
        if (dt > worstTjk)
            std::tie(worstTjk, worstTjkAt) = std::make_pair(dt, i);
        if (da > worstAfg)
            std::tie(worstAfg, worstAfgAt) = std::make_pair(da, i);
    }
    RecordProperty("max_m_from_tjk", static_cast<int>(worstTjk));
    RecordProperty("max_m_from_afg", static_cast<int>(worstAfg));
    EXPECT_LT(worstTjk, 1000.0) << "vertex " << worstTjkAt << " (" << m_line[worstTjkAt].lon << ", "
                                << m_line[worstTjkAt].lat << ")";
    EXPECT_LT(worstAfg, 1000.0) << "vertex " << worstAfgAt << " (" << m_line[worstAfgAt].lon << ", "
                                << m_line[worstAfgAt].lat << ")";
}

TEST_F(BorderLine, SidesInTheDarvazBendAreTajikistanAndAfghanistan) {
    // The vertex nearest 71.31 E 38.06 N, where the Panj swings round the Afghan Darvaz bulge
    // and "north of the river" is not Tajikistan.
    const LonLat target{71.31, 38.06};
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < m_line.size(); ++i) {
        if (metres(m_line[i], target) < metres(m_line[nearest], target))
            nearest = i;
    }
    ASSERT_LT(metres(m_line[nearest], target), 5000.0) << "the line does not pass the bend";
    ASSERT_TRUE(nearest > 0 && nearest + 1 < m_line.size());
    auto toUtm = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    ASSERT_TRUE(toUtm);
    auto utm = [&](const LonLat& p) {
        double x = p.lon, y = p.lat;
        EXPECT_TRUE(toUtm.value()->transform(x, y));
        return std::make_pair(x, y);
    };
    // The local direction of the line from its neighbours; the normal is perpendicular to it.
    const auto [px, py] = utm(m_line[nearest - 1]);
    const auto [vx, vy] = utm(m_line[nearest]);
    const auto [nx, ny] = utm(m_line[nearest + 1]);
    const double len = std::hypot(nx - px, ny - py);
    ASSERT_GT(len, 0);
    const double ux = -(ny - py) / len, uy = (nx - px) / len;
    LonLat side[2];
    for (int s = 0; s < 2; ++s) {
        const double sign = s == 0 ? 1.0 : -1.0;
        double x = vx + sign * 2000.0 * ux, y = vy + sign * 2000.0 * uy;
        ASSERT_TRUE(toUtm.value()->transform(x, y, CoordinateTransform::Direction::Inverse));
        side[s] = {x, y};
        EXPECT_NEAR(metres(side[s], m_line[nearest]), 2000.0, 20.0);
    }
    const GeometryColumns& g = m_countries->lonLat();
    auto in = [&](const LonLat& p, std::size_t f) {
        return featureContainsPoint(g, f, p.lon, p.lat);
    };
    const int tj = in(side[0], *m_tjk) ? 0 : in(side[1], *m_tjk) ? 1 : -1;
    ASSERT_NE(tj, -1) << "neither side is in Tajikistan: (" << side[0].lon << ", " << side[0].lat
                      << "), (" << side[1].lon << ", " << side[1].lat << ")";
    const LonLat& tjSide = side[tj];
    const LonLat& afSide = side[1 - tj];
    auto text = [](const LonLat& p) {
        return QStringLiteral("%1 %2").arg(p.lon, 0, 'f', 5).arg(p.lat, 0, 'f', 5).toStdString();
    };
    RecordProperty("bend_vertex", text(m_line[nearest]));
    RecordProperty("tj_side", text(tjSide));
    RecordProperty("af_side", text(afSide));
    EXPECT_FALSE(in(tjSide, *m_afg));
    EXPECT_TRUE(in(afSide, *m_afg)) << "(" << afSide.lon << ", " << afSide.lat << ")";
    EXPECT_FALSE(in(afSide, *m_tjk));
    // Here Tajikistan (Vanj) is the south-east side and Afghan Darvaz the north-west one.
    EXPECT_GT(tjSide.lon, afSide.lon);
    EXPECT_LT(tjSide.lat, afSide.lat);
}

} // namespace
