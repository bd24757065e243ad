#pragma once

#include "geo/crs.h"
#include "geo/proj_handles.h"
#include "util/result.h"

#include <memory>
#include <span>

namespace borderlens {

// A PROJ transformation between two CRSs, with lon/lat (x = longitude) axis order on both sides
// whatever the CRS's official order (proj_normalize_for_visualization). Creating one costs about a
// millisecond, so get them from TransformCache rather than making them per call.
// Not thread-safe: it belongs to the thread that made it (its PJ lives in that thread's context).
class CoordinateTransform {
public:
    static Result<std::shared_ptr<CoordinateTransform>> create(const Crs& source,
                                                               const Crs& target);

    const Crs& source() const { return m_source; }
    const Crs& target() const { return m_target; }
    bool isIdentity() const { return m_identity; }

    enum class Direction { Forward, Inverse };

    // Transforms interleaved x,y pairs in place. Points PROJ cannot transform become NaN; returns
    // how many did so.
    std::size_t transformInPlace(std::span<double> xy, Direction dir = Direction::Forward) const;

    // One point; false (and NaN) when it cannot be transformed.
    bool transform(double& x, double& y, Direction dir = Direction::Forward) const;

private:
    CoordinateTransform(Crs source, Crs target, ProjPtr pj, bool identity);

    Crs m_source;
    Crs m_target;
    ProjPtr m_pj;
    bool m_identity = false;
};

// Per-thread cache of transforms keyed by (source, target) definition.
class TransformCache {
public:
    // The transform from source to target for the calling thread, made once and then reused.
    static Result<std::shared_ptr<CoordinateTransform>> get(const Crs& source, const Crs& target);
};

} // namespace borderlens
