#pragma once

#include "gazetteer/gazetteer.h"

#include <QString>

#include <memory>
#include <vector>

namespace borderlens {

// One answer of the find-a-place box.
struct PlaceHit {
    QString name;        // the preferred name
    QString matched;     // the spelling typed, when it is another one (an alias, Cyrillic...)
    QString description; // what it is: "district seat — Darvoz district, Gorno-Badakhshan, Tajikistan"
    double lon = 0;
    double lat = 0;
    PlaceKind kind = PlaceKind::PopulatedPlace;
};

// What a gazetteer entry is, in words for the status bar.
QString describePlace(const PlaceEntry& entry);

// Completes what the user is typing from the gazetteer's names and aliases, in any script or
// transliteration NameNormalizer brings together (Shurobod, Shuroobod, Шурообод): names whose key
// begins with the typed key first (whole matches before longer names), then the gazetteer's
// fuzzy candidates. Built once; searching is a scan of precomputed keys.
class PlaceSearch {
public:
    explicit PlaceSearch(std::shared_ptr<const Gazetteer> gazetteer);
    std::vector<PlaceHit> search(const QString& typed, int maxResults = 12) const;

private:
    struct Key {
        QString key;
        std::uint32_t entry;
        std::int32_t alias; // -1: the name
    };
    std::shared_ptr<const Gazetteer> m_gazetteer;
    std::vector<Key> m_keys;
};

} // namespace borderlens
