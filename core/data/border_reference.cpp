#include "data/border_reference.h"

#include "data/data_paths.h"
#include "geo/point_in_polygon.h"
#include "io/reader_registry.h"

#include <QDir>

namespace borderlens {
namespace {

std::shared_ptr<const VectorLayer> readBundled(const QString& file) {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty())
        return nullptr;
    auto layers = ReaderRegistry::withDefaultReaders().read(QDir(dir).filePath(file));
    return layers && !layers.value().empty() ? layers.value().front() : nullptr;
}

} // namespace

BorderReference::BorderReference(std::vector<std::vector<LonLat>> border,
                                 std::shared_ptr<const VectorLayer> countries)
    : m_border(std::move(border)), m_countries(std::move(countries)) {}

std::shared_ptr<const BorderReference> BorderReference::loadBundled() {
    const auto line = readBundled(QStringLiteral("border_tj_af.shp"));
    if (!line)
        return nullptr;
    const GeometryColumns& g = line->lonLat();
    std::vector<std::vector<LonLat>> parts;
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        for (std::uint32_t r = g.partOffsets[part]; r < g.partOffsets[part + 1]; ++r) {
            std::vector<LonLat> pts;
            for (std::uint32_t v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; ++v)
                pts.push_back({g.xy[2 * v], g.xy[2 * v + 1]});
            parts.push_back(std::move(pts));
        }
    }
    return std::make_shared<const BorderReference>(std::move(parts),
                                                   readBundled(QStringLiteral("countries.shp")));
}

BorderReference::Answer BorderReference::locate(LonLat point) const {
    Answer a;
    a.nearest = nearestOnLine(m_border, point);
    if (m_countries) {
        const auto f = findFeatureContaining(m_countries->lonLat(), point.lon, point.lat);
        const int name = m_countries->attributes().fieldIndex(QStringLiteral("name"));
        if (f && name >= 0)
            a.country = m_countries->attributes().value(*f, std::size_t(name)).toString();
    }
    return a;
}

} // namespace borderlens
