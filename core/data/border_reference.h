#pragma once

#include "geo/geodesic_measure.h"
#include "layer/vector_layer.h"

#include <QString>

#include <memory>
#include <vector>

namespace borderlens {

// The bundled Tajik–Afghan border line and country outlines, for the measure tool's one-click
// question: how far is this point from the border, and on which side does it lie?
class BorderReference {
public:
    BorderReference(std::vector<std::vector<LonLat>> border,
                    std::shared_ptr<const VectorLayer> countries);
    // geodata/border_tj_af.shp and countries.shp; null when they cannot be read.
    static std::shared_ptr<const BorderReference> loadBundled();

    struct Answer {
        NearestPoint nearest; // the border point nearest to the click
        QString country;      // the country the click lies in; empty outside them all
    };
    Answer locate(LonLat point) const;
    const std::vector<std::vector<LonLat>>& border() const { return m_border; }

private:
    std::vector<std::vector<LonLat>> m_border;
    std::shared_ptr<const VectorLayer> m_countries;
};

} // namespace borderlens
