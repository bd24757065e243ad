#include "io/ogr_layer_reader.h"

#include "geo/coordinate_transform.h"
#include "io/gdal_support.h"
#include "io/network_access.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <cmath>

namespace borderlens {
namespace {

struct GdalDatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

Error fileError(const QString& path, const QString& why) { return Error{path, why}; }

// How many of a curve's vertices are finite numbers. A half-written or hand-edited file can hold
// NaN or infinite coordinates, which would poison every extent and projection they reach.
int finiteVertices(const OGRSimpleCurve& curve) {
    int n = 0;
    for (int i = 0; i < curve.getNumPoints(); ++i)
        n += std::isfinite(curve.getX(i)) && std::isfinite(curve.getY(i));
    return n;
}

// Appends one OGR geometry (of any type, nested collections included) as parts, leaving out
// vertices that are not finite (counted in `nonFinite`). Returns false if it met a type it could
// not flatten.
bool appendGeometry(const OGRGeometry* g, GeometryColumns& out, std::size_t& nonFinite) {
    if (!g || g->IsEmpty())
        return true;
    if (g->hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        return appendGeometry(linear.get(), out, nonFinite);
    }
    auto addRing = [&out](const OGRSimpleCurve* ring) {
        const int n = ring->getNumPoints();
        for (int i = 0; i < n; ++i) {
            if (std::isfinite(ring->getX(i)) && std::isfinite(ring->getY(i)))
                out.addVertex(ring->getX(i), ring->getY(i));
        }
        out.endRing();
    };
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        if (!std::isfinite(p->getX()) || !std::isfinite(p->getY())) {
            ++nonFinite;
            return true;
        }
        out.addVertex(p->getX(), p->getY());
        out.endRing();
        out.endPart(PartKind::Point);
        return true;
    }
    case wkbLineString:
    case wkbLinearRing: {
        const int finite = finiteVertices(*g->toSimpleCurve());
        nonFinite += static_cast<std::size_t>(g->toSimpleCurve()->getNumPoints() - finite);
        if (finite < 2)
            return true; // a zero-length line draws nothing and breaks no one
        addRing(g->toSimpleCurve());
        out.endPart(PartKind::Line);
        return true;
    }
    case wkbPolygon: {
        const auto* poly = g->toPolygon();
        bool any = false;
        for (const OGRLinearRing* ring : *poly) {
            const int finite = finiteVertices(*ring);
            nonFinite += static_cast<std::size_t>(ring->getNumPoints() - finite);
            if (finite < 3)
                continue;
            addRing(ring);
            any = true;
        }
        if (any)
            out.endPart(PartKind::Polygon);
        return true;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        bool ok = true;
        for (const OGRGeometry* sub : *g->toGeometryCollection())
            ok = appendGeometry(sub, out, nonFinite) && ok;
        return ok;
    }
    case wkbPolyhedralSurface:
    case wkbTIN: {
        std::unique_ptr<OGRGeometry> mp(
            OGRGeometryFactory::forceToMultiPolygon(g->clone()));
        return mp && wkbFlatten(mp->getGeometryType()) == wkbMultiPolygon &&
               appendGeometry(mp.get(), out, nonFinite);
    }
    default:
        return false;
    }
}

QVariant fieldValue(OGRFeature& f, int i, OGRFieldType type) {
    if (!f.IsFieldSetAndNotNull(i))
        return {};
    switch (type) {
    case OFTInteger:
        return f.GetFieldAsInteger(i);
    case OFTInteger64:
        return static_cast<qlonglong>(f.GetFieldAsInteger64(i));
    case OFTReal:
        return f.GetFieldAsDouble(i);
    case OFTDate:
    case OFTDateTime: {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        f.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz);
        const QDate date(y, mo, d);
        if (type == OFTDate)
            return date;
        return QDateTime(date, QTime(h, mi, static_cast<int>(s)), Qt::UTC);
    }
    default:
        return QString::fromUtf8(f.GetFieldAsString(i));
    }
}

QMetaType::Type metaTypeOf(OGRFieldType type) {
    switch (type) {
    case OFTInteger:
        return QMetaType::Int;
    case OFTInteger64:
        return QMetaType::LongLong;
    case OFTReal:
        return QMetaType::Double;
    case OFTDate:
        return QMetaType::QDate;
    case OFTDateTime:
        return QMetaType::QDateTime;
    default:
        return QMetaType::QString;
    }
}

// The layer's CRS as a Crs, preferring "EPSG:n" when GDAL can identify one. Null if none.
Crs crsOf(const OGRSpatialReference* srs) {
    if (!srs)
        return {};
    OGRSpatialReference copy(*srs);
    copy.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char* auth = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    if (auth && code && QByteArray(auth) == "EPSG")
        return Crs(QStringLiteral("EPSG:") + QString::fromLatin1(code),
                   QString::fromUtf8(copy.GetName()));
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    if (copy.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        return {};
    }
    Crs crs(QString::fromUtf8(wkt), QString::fromUtf8(copy.GetName()));
    CPLFree(wkt);
    return crs;
}

// Why a sibling .prj did not give a CRS, for the warning: missing, or present but unreadable.
QString prjProblem(const QString& path) {
    QFileInfo fi(path);
    if (fi.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0)
        return QStringLiteral("declares no coordinate reference system");
    const QString prj = fi.path() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".prj");
    QFile f(prj);
    if (!f.exists())
        return QStringLiteral("has no .prj file");
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("has a .prj that cannot be read");
    const QByteArray head = f.read(512).trimmed().toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html"))
        return QStringLiteral("has a .prj (%1) that is an HTML page, not a CRS definition")
            .arg(QFileInfo(prj).fileName());
    return QStringLiteral("has a .prj (%1) that is not a valid CRS definition")
        .arg(QFileInfo(prj).fileName());
}

// A shapefile whose .shx index is missing can be read once GDAL rebuilds the index, but GDAL
// writes the rebuilt .shx next to the .shp, even in read-only mode. We must not touch a user's
// data folder (it may be read-only, or evidence), so copy the shapefile's parts into /vsimem/
// and let GDAL rebuild the index there. Returns the in-memory .shp path, or empty on failure.
class InMemoryShapefile {
public:
    explicit InMemoryShapefile(const QFileInfo& shp) {
        static std::atomic<int> counter{0};
        m_dir = QStringLiteral("/vsimem/borderlens_shx_%1").arg(counter++).toUtf8();
        for (const char* ext : {"shp", "dbf", "prj", "cpg", "SHP", "DBF", "PRJ", "CPG"}) {
            QFile f(shp.path() + QLatin1Char('/') + shp.completeBaseName() + QLatin1Char('.') +
                    QLatin1String(ext));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            const QByteArray name = m_dir + "/data." + QByteArray(ext).toLower();
            VSILFILE* out = VSIFOpenL(name.constData(), "wb");
            if (!out)
                continue;
            const bool whole =
                VSIFWriteL(bytes.constData(), 1, static_cast<size_t>(bytes.size()), out) ==
                static_cast<size_t>(bytes.size());
            VSIFCloseL(out);
            if (!whole) // out of memory: a partial copy would read as a corrupt shapefile
                m_failed = true;
        }
        m_shp = m_dir + "/data.shp";
    }
    ~InMemoryShapefile() { VSIRmdirRecursive(m_dir.constData()); }
    const QByteArray& shpPath() const { return m_shp; }
    bool failed() const { return m_failed; }

private:
    bool m_failed = false;
    QByteArray m_dir;
    QByteArray m_shp;
};

// A byte-order mark of UTF-16 (either order): GDAL's text drivers would call such a file
// "not a vector format", which sends the user looking in the wrong place.
bool isUtf16(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bom = f.read(2);
    return bom == QByteArray("\xFF\xFE", 2) || bom == QByteArray("\xFE\xFF", 2);
}

char** openOptionsFor(const QString& path) {
    // CSV needs to be told which columns hold coordinates; other drivers would warn about
    // options they do not know, so pass these to CSV only.
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0)
        return nullptr;
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "X_POSSIBLE_NAMES", "longitude,lon,long,lng,x");
    opts = CSLSetNameValue(opts, "Y_POSSIBLE_NAMES", "latitude,lat,y");
    opts = CSLSetNameValue(opts, "AUTODETECT_TYPE", "YES");
    return opts;
}

Result<std::shared_ptr<VectorLayer>> readLayer(const QString& path, OGRLayer& layer,
                                               const QString& layerName,
                                               GdalErrorCollector& errors) {
    QStringList warnings;
    Crs source = crsOf(layer.GetSpatialRef());
    if (!source.isValid()) {
        source = Crs::wgs84();
        warnings << QStringLiteral("%1 %2; assuming EPSG:4326 (WGS 84 lon/lat)")
                        .arg(QFileInfo(path).fileName(), prjProblem(path));
    }

    OGRFeatureDefn* defn = layer.GetLayerDefn();
    AttributeTable attributes;
    std::vector<OGRFieldType> types;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        types.push_back(fd->GetType());
        attributes.addField({QString::fromUtf8(fd->GetNameRef()), metaTypeOf(fd->GetType())});
    }

    GeometryColumns geometry;
    std::size_t unsupported = 0;
    std::size_t nonFinite = 0;
    errors.clear();
    layer.ResetReading();
    for (auto& feature : layer) {
        if (!appendGeometry(feature->GetGeometryRef(), geometry, nonFinite))
            ++unsupported;
        geometry.endFeature();
        std::vector<QVariant> row;
        row.reserve(types.size());
        for (int i = 0; i < static_cast<int>(types.size()); ++i)
            row.push_back(fieldValue(*feature, i, types[static_cast<std::size_t>(i)]));
        attributes.appendRow(std::move(row));
    }
    if (!errors.failures().isEmpty()) {
        // GDAL read what it could; say what it could not, once, rather than per feature.
        warnings << QStringLiteral("%1: GDAL reported %2 error(s) while reading, e.g. \"%3\"")
                        .arg(QFileInfo(path).fileName())
                        .arg(errors.failures().size())
                        .arg(errors.failures().first());
        if (geometry.featureCount() == 0)
            return fileError(path, QStringLiteral("cannot read layer \"%1\": %2")
                                       .arg(layerName, errors.failures().first()));
    }
    if (nonFinite > 0)
        warnings << QStringLiteral("%1: %2 vertices have coordinates that are not finite numbers "
                                   "(NaN or infinite) and were left out")
                        .arg(QFileInfo(path).fileName())
                        .arg(nonFinite);
    if (unsupported > 0)
        warnings << QStringLiteral("%1: %2 feature(s) have a geometry type BorderLens cannot draw")
                        .arg(QFileInfo(path).fileName())
                        .arg(unsupported);

    if (!(source == Crs::wgs84())) {
        auto t = TransformCache::get(source, Crs::wgs84());
        if (!t)
            return fileError(path, t.error().message);
        const std::size_t failed = t.value()->transformInPlace(geometry.xy);
        if (failed > 0)
            warnings << QStringLiteral("%1: %2 vertices could not be transformed to lon/lat")
                            .arg(QFileInfo(path).fileName())
                            .arg(failed);
        geometry.updateExtents();
    } else {
        // Lon/lat was assumed or declared: coordinates far outside it mean the CRS is wrong, and
        // drawing them would put features in a fictitious place.
        const Extent e = geometry.totalExtent();
        if (!e.isEmpty() && (e.xMin < -540 || e.xMax > 540 || e.yMin < -90.5 || e.yMax > 90.5))
            return fileError(path, QStringLiteral("coordinates (%1 … %2, %3 … %4) are not "
                                                  "longitude/latitude, and %5")
                                       .arg(e.xMin, 0, 'g', 8)
                                       .arg(e.xMax, 0, 'g', 8)
                                       .arg(e.yMin, 0, 'g', 8)
                                       .arg(e.yMax, 0, 'g', 8)
                                       .arg(warnings.isEmpty() ? QStringLiteral("the CRS is wrong")
                                                               : prjProblem(path)));
    }

    const char* geomName = OGRGeometryTypeToName(layer.GetGeomType());
    return std::make_shared<VectorLayer>(layerName, path, source, QString::fromUtf8(geomName),
                                         std::move(geometry), std::move(attributes),
                                         std::move(warnings));
}

} // namespace

bool OgrLayerReader::accepts(const QString& path) const {
    // GDAL decides by content; it is the fallback reader for everything.
    return !path.isEmpty();
}

Result<LayerList> OgrLayerReader::read(const QString& path) const {
    ensureGdalInitialised();
    const QFileInfo fi(path);
    if (auto refused = refuseNetworkSource(path))
        return *refused;
    if (!fi.exists())
        return fileError(path, QStringLiteral("file not found"));
    if (fi.isFile() && fi.size() == 0)
        return fileError(path, QStringLiteral("file is empty (0 bytes)"));
    if (isUtf16(path))
        return fileError(path, QStringLiteral("is UTF-16 text; GDAL reads UTF-8: save it as UTF-8 "
                                              "and open it again"));
    GdalErrorCollector errors;
    char** openOptions = openOptionsFor(path);
    // Zipped shapefiles arrive by e-mail all the time; GDAL reads them through /vsizip/.
    const bool zipped = fi.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0;
    const QByteArray native = (zipped ? QByteArray("/vsizip/") : QByteArray()) +
                              gdalPath(fi.absoluteFilePath());
    DatasetPtr ds(GDALDataset::Open(native.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                    nullptr, openOptions, nullptr));
    CSLDestroy(openOptions);
    std::unique_ptr<InMemoryShapefile> rebuilt;
    if (!ds && errors.lastFailure().contains(QLatin1String("SHAPE_RESTORE_SHX"))) {
        rebuilt = std::make_unique<InMemoryShapefile>(fi);
        if (rebuilt->failed())
            return fileError(path, QStringLiteral("its index (.shx) is missing, and there is not "
                                                  "enough memory to rebuild it"));
        CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", "YES");
        errors.clear();
        ds.reset(GDALDataset::Open(rebuilt->shpPath().constData(),
                                   GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", nullptr);
    }
    if (!ds && fi.isDir())
        return fileError(path, QStringLiteral("is a folder, and holds nothing GDAL reads as "
                                              "vector data"));
    if (!ds) {
        const QString why = errors.lastFailure();
        return fileError(path, why.isEmpty()
                                   ? QStringLiteral("not a vector format GDAL recognises")
                                   : QStringLiteral("GDAL cannot open it: %1").arg(why));
    }

    LayerList layers;
    QStringList skipped;
    const int count = ds->GetLayerCount();
    for (int i = 0; i < count; ++i) {
        OGRLayer* layer = ds->GetLayer(i);
        if (!layer)
            continue;
        const QString layerName = count == 1 ? fi.completeBaseName()
                                             : QString::fromUtf8(layer->GetName());
        if (layer->GetGeomType() == wkbNone) {
            skipped << layerName;
            continue;
        }
        auto read = readLayer(path, *layer, layerName, errors);
        if (!read)
            return read.error();
        if (rebuilt) {
            read.value()->addWarning(
                QStringLiteral("%1: its index (.shx) is missing; BorderLens rebuilt it in memory "
                               "(nothing was written to disk)")
                    .arg(fi.fileName()));
        }
        layers.push_back(std::move(read).value());
    }
    if (layers.empty()) {
        if (fi.suffix().compare(QLatin1String("dbf"), Qt::CaseInsensitive) == 0)
            return fileError(path, QStringLiteral("a .dbf holds attributes only; its .shp "
                                                  "(the geometry) is missing"));
        if (!skipped.isEmpty())
            return fileError(path, QStringLiteral("has no geometry (a table without "
                                                  "coordinates: %1)").arg(skipped.join(", ")));
        return fileError(path, QStringLiteral("contains no vector layers"));
    }
    return layers;
}

} // namespace borderlens
