#pragma once

#include "incidents/import/place_resolver.h"

#include <memory>

namespace borderlens {

// The resolver that the viewer, `borderlens-cli import` and `export`/`frames` all place rows
// with: the bundled gazetteer (geodata/gazetteer.csv). Made in one place so that they accept the
// same rows from the same file. When the gazetteer cannot be read the resolver still answers,
// refusing each row that needs it with the reason, and `problem` (if given) says why.
std::shared_ptr<const PlaceResolver> bundledPlaceResolver(QString* problem = nullptr);

} // namespace borderlens
