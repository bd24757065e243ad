// What the find-a-place box does with typed text: the coordinate parser (decimal, DMS, UTM) and
// the completion search over the bundled gazetteer.
#include "fuzz_environment.h"

#include "gazetteer/place_search.h"
#include "geo/coordinate_parser.h"

#include <cmath>
#include <cstdint>
#include <memory>

using namespace borderlens;

namespace {
const PlaceSearch* search = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietEnvironment();
    auto loaded = Gazetteer::loadBundled();
    search = new PlaceSearch(loaded ? std::make_shared<const Gazetteer>(std::move(loaded).value())
                                    : nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    if (const auto p = parseCoordinate(text)) {
        fuzz::check(std::isfinite(p->lat) && std::isfinite(p->lon));
        fuzz::check(std::abs(p->lat) <= 90 && std::abs(p->lon) <= 180);
    }
    const auto hits = search->search(text, 12);
    fuzz::check(hits.size() <= 12);
    return 0;
}
