#pragma once

#include "incidents/incident_type.h"
#include "render/layer_style.h"

#include <QColor>

namespace borderlens {

// One symbol per incident type: a colour from a palette that stays distinguishable for the
// common colour vision deficiencies (Okabe–Ito based) and a shape, so that type is never told by
// colour alone.
struct IncidentSymbol {
    QColor colour;
    MarkerShape shape;
};
IncidentSymbol symbolFor(IncidentType t);

} // namespace borderlens
