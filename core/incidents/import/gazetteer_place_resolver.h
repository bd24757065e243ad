#pragma once

#include "gazetteer/gazetteer.h"
#include "incidents/import/place_resolver.h"

#include <memory>

namespace borderlens {

// Places importer rows through the gazetteer: the best candidate scoring at least `minScore`,
// preferring the row's country when it names one.
class GazetteerPlaceResolver final : public PlaceResolver {
public:
    explicit GazetteerPlaceResolver(std::shared_ptr<const Gazetteer> gazetteer,
                                    double minScore = 0.85)
        : m_gazetteer(std::move(gazetteer)), m_minScore(minScore) {}

    std::optional<ResolvedPlace> resolve(const QString& placeName,
                                         const QString& countryHint) const override;

private:
    std::shared_ptr<const Gazetteer> m_gazetteer;
    double m_minScore;
};

} // namespace borderlens
