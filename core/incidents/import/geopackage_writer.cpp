#include "incidents/import/geopackage_writer.h"

#include "io/gdal_support.h"

#include <QFile>
#include <QFileInfo>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <functional>
#include <memory>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace borderlens {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDestroyer>;

using FieldList = std::vector<std::pair<QByteArray, OGRFieldType>>;

QByteArray iso(const std::optional<QDate>& d) {
    return d ? d->toString(Qt::ISODate).toUtf8() : QByteArray();
}

// Sets fields by their index in the layer, found once per layer rather than by name for each of
// a million features (a name lookup is a scan of the field list).
class FieldWriter {
public:
    FieldWriter(const OGRFeatureDefn& defn, const FieldList& fields) {
        for (const auto& field : fields)
            m_index.push_back(defn.GetFieldIndex(field.first.constData()));
    }
    void start(OGRFeature* f) {
        m_f = f;
        m_next = 0;
    }
    // Each call fills the next field, in the order the fields were declared.
    void text(const QString& v) { text(v.toUtf8()); }
    void text(const QByteArray& v) {
        const int i = m_index[m_next++];
        if (!v.isEmpty())
            m_f->SetField(i, v.constData());
    }
    void number(const std::optional<int>& v) {
        const int i = m_index[m_next++];
        if (v)
            m_f->SetField(i, *v);
    }
    void real(double v) { m_f->SetField(m_index[m_next++], v); }
    void sources(const std::vector<SourceRef>& sources, int maxSources) {
        for (int k = 0; k < maxSources; ++k) {
            if (k >= static_cast<int>(sources.size())) {
                m_next += 4;
                continue;
            }
            const SourceRef& s = sources[static_cast<std::size_t>(k)];
            text(s.title);
            text(s.outlet);
            text(s.date.isValid() ? s.date.toString(Qt::ISODate).toUtf8() : QByteArray());
            text(s.url);
        }
    }

private:
    std::vector<int> m_index;
    OGRFeature* m_f = nullptr;
    std::size_t m_next = 0;
};

FieldList withSources(FieldList fields, int n) {
    for (int i = 1; i <= n; ++i) {
        for (const char* part : {"title", "outlet", "date", "url"})
            fields.emplace_back("source" + QByteArray::number(i) + "_" + part, OFTString);
    }
    return fields;
}

OGRLayer* createLayer(GDALDataset& ds, const char* name, OGRSpatialReference& srs,
                      const FieldList& fields) {
    OGRLayer* layer = ds.CreateLayer(name, &srs, wkbPoint, nullptr);
    if (!layer)
        return nullptr;
    for (const auto& [field, type] : fields) {
        OGRFieldDefn d(field.constData(), type);
        if (layer->CreateField(&d) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

int maxSources(const std::vector<Facility>& items) {
    std::size_t n = 1;
    for (const auto& i : items)
        n = std::max(n, i.sources.size());
    return static_cast<int>(n);
}

// The incidents in the native schema, in the order writeIncident() fills them.
FieldList incidentFields(int sources) {
    return withSources(
        {{"id", OFTString},          {"start_date", OFTString},     {"end_date", OFTString},
         {"date_precision", OFTString}, {"type", OFTString},        {"place", OFTString},
         {"lon", OFTReal},           {"lat", OFTReal},              {"geo_precision", OFTString},
         {"country", OFTString},     {"province", OFTString},       {"district", OFTString},
         {"killed_low", OFTInteger}, {"killed_best", OFTInteger},   {"killed_high", OFTInteger},
         {"injured", OFTInteger},    {"actors", OFTString},         {"summary", OFTString}},
        sources);
}

void fill(FieldWriter& w, const Incident& i, int sources) {
    w.text(i.id);
    w.text(i.startDate.toString(Qt::ISODate));
    w.text(iso(i.endDate));
    w.text(toString(i.datePrecision));
    w.text(toKey(i.type));
    w.text(i.place);
    w.real(i.lon);
    w.real(i.lat);
    w.text(toString(i.geoPrecision));
    w.text(i.country);
    w.text(i.province);
    w.text(i.district);
    w.number(i.killed.low);
    w.number(i.killed.best);
    w.number(i.killed.high);
    w.number(i.injured);
    w.text(i.actors.join(QStringLiteral(";")));
    w.text(i.summary);
    w.sources(i.sources, sources);
}

FieldList facilityFields(int sources) {
    return withSources({{"id", OFTString},
                        {"name", OFTString},
                        {"kind", OFTString},
                        {"lon", OFTReal},
                        {"lat", OFTReal},
                        {"geo_precision", OFTString},
                        {"opened", OFTString},
                        {"opened_precision", OFTString},
                        {"closed", OFTString},
                        {"country", OFTString},
                        {"province", OFTString},
                        {"district", OFTString},
                        {"notes", OFTString}},
                       sources);
}

void fill(FieldWriter& w, const Facility& x, int sources) {
    w.text(x.id);
    w.text(x.name);
    w.text(toKey(x.kind));
    w.real(x.lon);
    w.real(x.lat);
    w.text(toString(x.geoPrecision));
    w.text(iso(x.opened));
    w.text(toString(x.openedPrecision));
    w.text(iso(x.closed));
    w.text(x.country);
    w.text(x.province);
    w.text(x.district);
    w.text(x.notes);
    w.sources(x.sources, sources);
}

// Writes every item as a point feature; false (with the failing item's id) on the first error.
template <typename Item>
bool writeAll(OGRLayer& layer, const FieldList& fields, int sources, std::size_t count,
              const std::function<Item(std::size_t)>& item, QString& failedId) {
    FieldWriter w(*layer.GetLayerDefn(), fields);
    for (std::size_t row = 0; row < count; ++row) {
        const Item x = item(row);
        const FeaturePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        w.start(f.get());
        fill(w, x, sources);
        f->SetGeometryDirectly(new OGRPoint(x.lon, x.lat));
        if (layer.CreateFeature(f.get()) != OGRERR_NONE) {
            failedId = x.id;
            return false;
        }
    }
    return true;
}

// Flushes the finished file to the disk before it is renamed into place, so that after a power
// cut the name holds either the old file or the whole new one. The SQLite writes themselves are
// not synced (see writeGeoPackage), this one sync covers them all.
bool syncToDisk(const QString& path) {
#ifdef Q_OS_UNIX
    const int fd = ::open(path.toUtf8().constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path);
    return true;
#endif
}

std::filesystem::path fsPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

} // namespace

Result<bool> writeGeoPackage(const QString& path, const IncidentStore& incidents,
                             const std::vector<Facility>& facilities) {
    ensureGdalInitialised();
    const QFileInfo target(path);
    if (!QFileInfo(target.absolutePath()).isDir())
        return Error{path, QStringLiteral("folder %1 does not exist").arg(target.absolutePath())};
    if (target.isDir())
        return Error{path, QStringLiteral("it is a folder")};
    const QString tmp = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                        QStringLiteral(".part");
    QFile::remove(tmp);
    GdalErrorCollector errors;
    DatasetPtr ds;
    // Closes the temporary file before deleting it (Windows cannot delete an open file).
    auto fail = [&](const QString& why) -> Result<bool> {
        ds.reset();
        QFile::remove(tmp);
        return Error{path, why};
    };
    {
        // The temporary file is renamed into place only once complete, and deleted otherwise, so
        // SQLite need not sync nor keep a rollback journal for it: most of the write's time.
        const CPLConfigOptionSetter noSync("OGR_SQLITE_SYNCHRONOUS", "OFF", false);
        const CPLConfigOptionSetter noJournal("OGR_SQLITE_JOURNAL", "OFF", false);
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        ds.reset(driver ? driver->Create(gdalPath(tmp).constData(), 0, 0, 0, GDT_Unknown, nullptr)
                        : nullptr);
        if (!ds)
            return fail(QStringLiteral("cannot be written: %1").arg(errors.lastFailure()));
        OGRSpatialReference wgs84;
        if (wgs84.importFromEPSG(4326) != OGRERR_NONE)
            return fail(QStringLiteral("CRS problem: EPSG:4326 (WGS 84) is unknown to PROJ (is "
                                       "proj.db installed?)"));
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

        const int incSources = std::max(1, int(incidents.columns().maxSources));
        const FieldList incFields = incidentFields(incSources);
        OGRLayer* inc = createLayer(*ds, "incidents", wgs84, incFields);
        if (!inc)
            return fail(
                QStringLiteral("cannot create the incidents layer: %1").arg(errors.lastFailure()));
        const int facSources = maxSources(facilities);
        const FieldList facFields = facilityFields(facSources);
        OGRLayer* fac = nullptr;
        if (!facilities.empty() && !(fac = createLayer(*ds, "facilities", wgs84, facFields)))
            return fail(QStringLiteral("cannot create the facilities layer: %1")
                            .arg(errors.lastFailure()));

        // Incidents and facilities in one transaction: the store holds both or neither.
        if (ds->StartTransaction() != OGRERR_NONE)
            return fail(QStringLiteral("cannot start a transaction: %1").arg(errors.lastFailure()));
        QString failedId;
        if (!writeAll<Incident>(*inc, incFields, incSources, incidents.size(),
                                [&](std::size_t row) { return incidents.incident(row); },
                                failedId))
            return fail(QStringLiteral("cannot write incident %1: %2")
                            .arg(failedId, errors.lastFailure()));
        if (fac && !writeAll<Facility>(*fac, facFields, facSources, facilities.size(),
                                       [&](std::size_t row) { return facilities[row]; }, failedId))
            return fail(QStringLiteral("cannot write facility %1: %2")
                            .arg(failedId, errors.lastFailure()));
        if (ds->CommitTransaction() != OGRERR_NONE)
            return fail(QStringLiteral("cannot commit: %1").arg(errors.lastFailure()));
        // GDAL 3.6's GDALClose returns nothing; a failed flush shows up as a CPL error.
        errors.clear();
        ds.reset();
    }
    if (!errors.failures().isEmpty())
        return fail(QStringLiteral("cannot finish writing: %1").arg(errors.lastFailure()));
    if (!syncToDisk(tmp))
        return fail(QStringLiteral("cannot flush the file to disk"));
    std::error_code ec;
    std::filesystem::rename(fsPath(tmp), fsPath(path), ec);
    if (ec)
        return fail(QStringLiteral("cannot replace the file: %1")
                        .arg(QString::fromStdString(ec.message())));
    return true;
}

} // namespace borderlens
