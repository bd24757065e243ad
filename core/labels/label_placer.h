#pragma once

#include "labels/label_placement.h"
#include "labels/label_request.h"

#include <atomic>

namespace borderlens {

// Places names without overlap, in the manner of QGIS's PAL: requests are taken by decreasing
// priority; each gets a list of candidate positions (eight around a point, windows along a line,
// good points inside an area), best first; the first candidate that stays inside `frame` and
// clear of obstacles and of labels already placed is taken; a request with none is left out
// rather than overlap. Deterministic: the same inputs give the same placement.
LabelPlacement placeLabels(LabelInputs inputs, const QRectF& frame, double dpi,
                           const std::atomic<bool>* cancel = nullptr);

} // namespace borderlens
