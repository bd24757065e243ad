#pragma once

#include "gazetteer/place_entry.h"

namespace borderlens {

// One answer to a gazetteer query. It holds a copy of the entry (a few implicitly shared
// strings), so it stays valid after the gazetteer is gone.
struct GeocodeCandidate {
    PlaceEntry place;
    double score = 0;    // 1 for an exact key match; otherwise 1 - edit distance / key length
    QString matchedName; // the name or alias that matched
    bool exact = false;  // the normalised query equals the normalised name or alias
    bool matchedAlias = false;
};

} // namespace borderlens
