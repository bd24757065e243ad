#include "incidents/import/geopackage_writer.h"

#include "io/gdal_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

namespace borderlens {
namespace {

QByteArray iso(const std::optional<QDate>& d) {
    return d ? d->toString(Qt::ISODate).toUtf8() : QByteArray();
}

struct FieldWriter {
    OGRFeature* f;
    void text(const char* name, const QString& v) {
        if (!v.isEmpty())
            f->SetField(name, v.toUtf8().constData());
    }
    void text(const char* name, const QByteArray& v) {
        if (!v.isEmpty())
            f->SetField(name, v.constData());
    }
    void number(const char* name, const std::optional<int>& v) {
        if (v)
            f->SetField(name, *v);
    }
    void sources(const std::vector<SourceRef>& sources, int maxSources) {
        for (int i = 0; i < std::min<int>(maxSources, static_cast<int>(sources.size())); ++i) {
            const SourceRef& s = sources[static_cast<std::size_t>(i)];
            const QByteArray p = "source" + QByteArray::number(i + 1) + "_";
            text((p + "title").constData(), s.title);
            text((p + "outlet").constData(), s.outlet);
            text((p + "date").constData(),
                 s.date.isValid() ? s.date.toString(Qt::ISODate).toUtf8() : QByteArray());
            text((p + "url").constData(), s.url);
        }
    }
};

bool addFields(OGRLayer* layer, const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
    for (const auto& [name, type] : fields) {
        OGRFieldDefn d(name, type);
        if (layer->CreateField(&d) != OGRERR_NONE)
            return false;
    }
    return true;
}

int maxSources(const auto& items) {
    std::size_t n = 1;
    for (const auto& i : items)
        n = std::max(n, i.sources.size());
    return static_cast<int>(n);
}

void addSourceFields(std::vector<std::pair<const char*, OGRFieldType>>& fields, int n,
                     std::vector<QByteArray>& storage) {
    storage.reserve(static_cast<std::size_t>(n) * 4);
    for (int i = 1; i <= n; ++i) {
        for (const char* part : {"title", "outlet", "date", "url"}) {
            storage.push_back("source" + QByteArray::number(i) + "_" + part);
            fields.emplace_back(storage.back().constData(), OFTString);
        }
    }
}

} // namespace

Result<bool> writeGeoPackage(const QString& path, const IncidentStore& incidents,
                             const std::vector<Facility>& facilities) {
    ensureGdalInitialised();
    const QFileInfo target(path);
    if (!QFileInfo(target.absolutePath()).isDir())
        return Error{path, QStringLiteral("folder %1 does not exist").arg(target.absolutePath())};
    const QString tmp = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                        QStringLiteral(".part");
    QFile::remove(tmp);
    GdalErrorCollector errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* ds =
        driver ? driver->Create(gdalPath(tmp).constData(), 0, 0, 0, GDT_Unknown, nullptr)
               : nullptr;
    if (!ds)
        return Error{path, QStringLiteral("cannot be written: %1").arg(errors.lastFailure())};
    auto fail = [&](const QString& why) -> Result<bool> {
        GDALClose(ds);
        QFile::remove(tmp);
        return Error{path, why};
    };
    OGRSpatialReference wgs84;
    if (wgs84.importFromEPSG(4326) != OGRERR_NONE)
        return fail(QStringLiteral("CRS problem: EPSG:4326 (WGS 84) is unknown to PROJ (is "
                                   "proj.db installed?)"));
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    OGRLayer* inc = ds->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
    std::vector<QByteArray> names;
    std::vector<std::pair<const char*, OGRFieldType>> incFields = {
        {"id", OFTString},          {"start_date", OFTString},    {"end_date", OFTString},
        {"date_precision", OFTString}, {"type", OFTString},       {"place", OFTString},
        {"lon", OFTReal},           {"lat", OFTReal},             {"geo_precision", OFTString},
        {"country", OFTString},     {"province", OFTString},      {"district", OFTString},
        {"killed_low", OFTInteger}, {"killed_best", OFTInteger},  {"killed_high", OFTInteger},
        {"injured", OFTInteger},    {"actors", OFTString},        {"summary", OFTString}};
    const int incSources = std::max(1, int(incidents.columns().maxSources));
    addSourceFields(incFields, incSources, names);
    if (!inc || !addFields(inc, incFields))
        return fail(QStringLiteral("cannot create the incidents layer: %1").arg(errors.lastFailure()));
    if (inc->StartTransaction() != OGRERR_NONE)
        return fail(QStringLiteral("cannot start a transaction"));
    for (std::size_t row = 0; row < incidents.size(); ++row) {
        const Incident i = incidents.incident(row);
        OGRFeature* f = OGRFeature::CreateFeature(inc->GetLayerDefn());
        FieldWriter w{f};
        w.text("id", i.id);
        w.text("start_date", i.startDate.toString(Qt::ISODate));
        w.text("end_date", iso(i.endDate));
        w.text("date_precision", toString(i.datePrecision));
        w.text("type", toKey(i.type));
        w.text("place", i.place);
        f->SetField("lon", i.lon);
        f->SetField("lat", i.lat);
        w.text("geo_precision", toString(i.geoPrecision));
        w.text("country", i.country);
        w.text("province", i.province);
        w.text("district", i.district);
        w.number("killed_low", i.killed.low);
        w.number("killed_best", i.killed.best);
        w.number("killed_high", i.killed.high);
        w.number("injured", i.injured);
        w.text("actors", i.actors.join(QStringLiteral(";")));
        w.text("summary", i.summary);
        w.sources(i.sources, incSources);
        f->SetGeometryDirectly(new OGRPoint(i.lon, i.lat));
        const OGRErr err = inc->CreateFeature(f);
        OGRFeature::DestroyFeature(f);
        if (err != OGRERR_NONE)
            return fail(QStringLiteral("cannot write incident %1").arg(i.id));
    }
    if (inc->CommitTransaction() != OGRERR_NONE)
        return fail(QStringLiteral("cannot commit the incidents"));

    if (!facilities.empty()) {
        OGRLayer* fac = ds->CreateLayer("facilities", &wgs84, wkbPoint, nullptr);
        std::vector<QByteArray> facNames;
        std::vector<std::pair<const char*, OGRFieldType>> facFields = {
            {"id", OFTString},     {"name", OFTString},     {"kind", OFTString},
            {"lon", OFTReal},      {"lat", OFTReal},        {"geo_precision", OFTString},
            {"opened", OFTString}, {"opened_precision", OFTString}, {"closed", OFTString},
            {"country", OFTString}, {"province", OFTString}, {"district", OFTString},
            {"notes", OFTString}};
        const int facSources = maxSources(facilities);
        addSourceFields(facFields, facSources, facNames);
        if (!fac || !addFields(fac, facFields))
            return fail(QStringLiteral("cannot create the facilities layer"));
        for (const Facility& x : facilities) {
            OGRFeature* f = OGRFeature::CreateFeature(fac->GetLayerDefn());
            FieldWriter w{f};
            w.text("id", x.id);
            w.text("name", x.name);
            w.text("kind", toKey(x.kind));
            f->SetField("lon", x.lon);
            f->SetField("lat", x.lat);
            w.text("geo_precision", toString(x.geoPrecision));
            w.text("opened", iso(x.opened));
            w.text("opened_precision", toString(x.openedPrecision));
            w.text("closed", iso(x.closed));
            w.text("country", x.country);
            w.text("province", x.province);
            w.text("district", x.district);
            w.text("notes", x.notes);
            w.sources(x.sources, facSources);
            f->SetGeometryDirectly(new OGRPoint(x.lon, x.lat));
            const OGRErr err = fac->CreateFeature(f);
            OGRFeature::DestroyFeature(f);
            if (err != OGRERR_NONE)
                return fail(QStringLiteral("cannot write facility %1").arg(x.id));
        }
    }
    // GDAL 3.6's GDALClose returns nothing; a failed flush shows up as a CPL error.
    errors.clear();
    GDALClose(ds);
    if (!errors.failures().isEmpty()) {
        QFile::remove(tmp);
        return Error{path, QStringLiteral("cannot finish writing: %1").arg(errors.lastFailure())};
    }
    std::error_code ec;
    // UTF-16 names convert to the file system's own encoding on every platform.
    std::filesystem::rename(std::filesystem::path(tmp.toStdU16String()),
                            std::filesystem::path(path.toStdU16String()), ec);
    if (ec) {
        QFile::remove(tmp);
        return Error{path, QStringLiteral("cannot replace the file: %1")
                               .arg(QString::fromStdString(ec.message()))};
    }
    return true;
}

} // namespace borderlens
