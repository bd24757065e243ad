#pragma once

#include "gazetteer/gazetteer.h"
#include "incidents/import/place_resolver.h"

#include <memory>

namespace borderlens {

// Places importer rows through the gazetteer. The row's country, province and district are
// constraints: the best candidate scoring at least `minScore` inside all of them is taken, and
// never one in another country (places along the Panj share names with the other bank). When
// the named place is not known there, the row is placed at its district (district precision) or
// else its province (region precision), or refused with the reason.
class GazetteerPlaceResolver final : public PlaceResolver {
public:
    explicit GazetteerPlaceResolver(std::shared_ptr<const Gazetteer> gazetteer,
                                    double minScore = 0.85)
        : m_gazetteer(std::move(gazetteer)), m_minScore(minScore) {}

    Result<ResolvedPlace> resolve(const PlaceQuery& query) const override;

private:
    std::shared_ptr<const Gazetteer> m_gazetteer;
    double m_minScore;
};

} // namespace borderlens
