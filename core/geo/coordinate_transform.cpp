#include "geo/coordinate_transform.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <utility>

namespace borderlens {

namespace {

// One thread's PROJ state. The context and the transforms made in it live and die together, in
// one object: as separate thread_locals they could be destroyed context first (their order
// follows first use), and destroying a transform then reads its freed context.
struct ThreadProj {
    ProjContextPtr context = makeOfflineContext(); // declared first: destroyed last
    QHash<QString, std::shared_ptr<CoordinateTransform>> transforms;
};

ThreadProj& threadProj() {
    thread_local ThreadProj state;
    return state;
}

} // namespace

PJ_CONTEXT* threadContext() { return threadProj().context.get(); }

CoordinateTransform::CoordinateTransform(Crs source, Crs target, ProjPtr pj, bool identity)
    : m_source(std::move(source)), m_target(std::move(target)), m_pj(std::move(pj)),
      m_identity(identity) {}

Result<std::shared_ptr<CoordinateTransform>> CoordinateTransform::create(const Crs& source,
                                                                         const Crs& target) {
    if (!source.isValid() || !target.isValid())
        return Error{{}, QStringLiteral("no coordinate reference system given")};
    if (source == target) {
        return std::shared_ptr<CoordinateTransform>(
            new CoordinateTransform(source, target, nullptr, true));
    }
    PJ_CONTEXT* ctx = threadContext();
    ProjPtr raw(proj_create_crs_to_crs(ctx, source.definition().toUtf8().constData(),
                                       target.definition().toUtf8().constData(), nullptr));
    if (!raw) {
        const int err = proj_context_errno(ctx);
        return Error{source.displayName() + QStringLiteral(" → ") + target.displayName(),
                     QStringLiteral("cannot transform between these CRSs (%1)")
                         .arg(QString::fromUtf8(proj_context_errno_string(ctx, err)))};
    }
    ProjPtr norm(proj_normalize_for_visualization(ctx, raw.get()));
    if (!norm)
        return Error{source.displayName(), QStringLiteral("cannot normalise axis order")};
    return std::shared_ptr<CoordinateTransform>(
        new CoordinateTransform(source, target, std::move(norm), false));
}

std::size_t CoordinateTransform::transformInPlace(std::span<double> xy, Direction dir) const {
    if (m_identity || xy.empty())
        return 0;
    const std::size_t n = xy.size() / 2;
    const PJ_DIRECTION pjdir = dir == Direction::Forward ? PJ_FWD : PJ_INV;
    proj_trans_generic(m_pj.get(), pjdir, xy.data(), 2 * sizeof(double), n, xy.data() + 1,
                       2 * sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
    std::size_t failed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double& x = xy[2 * i];
        double& y = xy[2 * i + 1];
        // PROJ marks failures with HUGE_VAL; NaN is easier to test for downstream.
        if (!std::isfinite(x) || !std::isfinite(y)) {
            x = y = std::numeric_limits<double>::quiet_NaN();
            ++failed;
        }
    }
    proj_errno_reset(m_pj.get());
    return failed;
}

bool CoordinateTransform::transform(double& x, double& y, Direction dir) const {
    double xy[2] = {x, y};
    const bool ok = transformInPlace(xy, dir) == 0;
    x = xy[0];
    y = xy[1];
    return ok;
}

Result<std::shared_ptr<CoordinateTransform>> TransformCache::get(const Crs& source,
                                                                 const Crs& target) {
    // Per thread, because PROJ objects may not cross threads (see proj_handles.h).
    auto& cache = threadProj().transforms;
    const QString key = source.definition() + QChar(0x1F) + target.definition();
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    auto made = CoordinateTransform::create(source, target);
    if (made)
        cache.insert(key, made.value());
    return made;
}

} // namespace borderlens
