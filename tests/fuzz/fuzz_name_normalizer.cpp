// The gazetteer's query path: NameNormalizer (the key every spelling meets on) and
// Gazetteer::lookup on the bundled gazetteer, as the geocode box and the importer call it.
#include "fuzz_environment.h"

#include "gazetteer/gazetteer.h"
#include "gazetteer/name_normalizer.h"

#include <cstdint>
#include <memory>

using namespace borderlens;

namespace {
const Gazetteer* gazetteer = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietEnvironment();
    auto loaded = Gazetteer::loadBundled();
    gazetteer = loaded ? new Gazetteer(std::move(loaded).value()) : new Gazetteer;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString name = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const NormalizedName n = NameNormalizer::normalize(name);
    fuzz::check(n.keys.size() <= 2);
    fuzz::check(NameNormalizer::key(name) == n.keys.value(0));
    // A name without letters or digits has no key, never an empty one (it would match every
    // other such name).
    for (const QString& k : n.keys)
        fuzz::check(!k.isEmpty());
    Gazetteer::LookupOptions options;
    options.minScore = 0; // the "did you mean" path ranks every entry
    const auto candidates = gazetteer->lookup(name, options);
    fuzz::check(candidates.size() <= std::size_t(options.maxResults));
    return 0;
}
