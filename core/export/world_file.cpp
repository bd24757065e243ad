#include "export/world_file.h"

#include "geo/proj_handles.h"

#include <QFileInfo>
#include <QSaveFile>

namespace borderlens {

namespace {

Result<QString> writeText(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{path, QStringLiteral("cannot write: %1").arg(file.errorString())};
    return path;
}

} // namespace

QString worldFileText(const MapViewport& vp) {
    const QPointF topLeftCentre = vp.toMap({0.5, 0.5});
    const double upp = vp.unitsPerPixel();
    // Full precision, C locale (QString::number never uses the system's decimal comma).
    auto n = [](double v) {
        return QString::number(v, 'f', 10);
    };
    return n(upp) + QLatin1Char('\n') + n(0) + QLatin1Char('\n') + n(0) + QLatin1Char('\n') +
           n(-upp) + QLatin1Char('\n') + n(topLeftCentre.x()) + QLatin1Char('\n') +
           n(topLeftCentre.y()) + QLatin1Char('\n');
}

QString worldFilePath(const QString& imagePath) {
    const QFileInfo info(imagePath);
    const QString ext = info.suffix();
    const QString wext = ext.size() >= 2 ? QString(ext.front()) + ext.back() + QLatin1Char('w')
                                         : QStringLiteral("wld");
    return info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + wext;
}

Result<QStringList> writeWorldFile(const QString& imagePath, const MapViewport& viewport,
                                   const Crs& crs) {
    ProjPtr pj(proj_create(threadContext(), crs.definition().toUtf8().constData()));
    const char* wkt = pj ? proj_as_wkt(threadContext(), pj.get(), PJ_WKT1_ESRI, nullptr) : nullptr;
    if (!wkt)
        return Error{crs.definition(), QStringLiteral("cannot express this CRS as a .prj")};
    const QByteArray prj(wkt);
    auto world = writeText(worldFilePath(imagePath), worldFileText(viewport).toLatin1());
    if (!world)
        return world.error();
    const QFileInfo info(imagePath);
    auto prjPath = writeText(
        info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".prj"), prj);
    if (!prjPath)
        return prjPath.error();
    return QStringList{world.value(), prjPath.value()};
}

} // namespace borderlens
