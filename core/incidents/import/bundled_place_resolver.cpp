#include "incidents/import/bundled_place_resolver.h"

#include "gazetteer/gazetteer.h"
#include "incidents/import/gazetteer_place_resolver.h"

namespace borderlens {

std::shared_ptr<const PlaceResolver> bundledPlaceResolver(QString* problem) {
    auto gazetteer = Gazetteer::loadBundled();
    if (!gazetteer) {
        if (problem)
            *problem = gazetteer.error().toString();
        return std::make_shared<const GazetteerPlaceResolver>(nullptr);
    }
    if (problem)
        problem->clear();
    return std::make_shared<const GazetteerPlaceResolver>(
        std::make_shared<const Gazetteer>(std::move(gazetteer).value()));
}

} // namespace borderlens
