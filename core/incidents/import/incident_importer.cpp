#include "incidents/import/incident_importer.h"

#include "io/csv_record_reader.h"
#include "io/gdal_support.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace borderlens {
namespace {

struct TableRecord {
    std::vector<QString> fields;
    int line = 0;
    QString malformed; // set when the CSV itself is broken at this record
};

// A table read from any source: its header and rows with their line (or feature) numbers.
struct Table {
    std::vector<QString> header;
    std::vector<TableRecord> rows;
    QString lineWord = QStringLiteral("line");
};

Result<Table> readCsvTable(const QString& path) {
    auto reader = CsvRecordReader::open(path);
    if (!reader)
        return reader.error();
    Table t;
    auto first = reader.value().next();
    if (!first)
        return first.error();
    if (!first.value())
        return Error{path, QStringLiteral("is empty (no header row)")};
    t.header = std::vector<QString>(first.value()->fields.begin(), first.value()->fields.end());
    for (;;) {
        auto rec = reader.value().next();
        if (!rec) {
            // Broken quoting makes where the next record starts a guess; say where it broke and
            // that nothing after it was read, rather than import misaligned fields.
            static const QRegularExpression lineRe(QStringLiteral("^line (\\d+): "));
            const auto m = lineRe.match(rec.error().message);
            t.rows.push_back({{}, m.hasMatch() ? m.captured(1).toInt() : 0,
                              QString(rec.error().message).remove(lineRe) +
                                  QStringLiteral(" (rows after it were not read)")});
            break;
        }
        if (!rec.value())
            break;
        t.rows.push_back({std::vector<QString>(rec.value()->fields.begin(),
                                               rec.value()->fields.end()),
                          static_cast<int>(rec.value()->line), {}});
    }
    return t;
}

// One OGR layer as a table: fields as text, and lon/lat from the point geometry (reprojected to
// WGS 84), which wins over lon/lat attributes: a point moved in QGIS keeps stale attributes.
Table readOgrLayer(OGRLayer& layer, QStringList& warnings, const QString& path) {
    Table t;
    t.lineWord = QStringLiteral("feature");
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        t.header.push_back(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()));
    const ColumnMap columns(t.header);
    int lonCol = columns.index(QStringLiteral("lon"));
    int latCol = columns.index(QStringLiteral("lat"));
    if (lonCol < 0 || latCol < 0) {
        t.header.push_back(QStringLiteral("lon"));
        t.header.push_back(QStringLiteral("lat"));
        lonCol = static_cast<int>(t.header.size()) - 2;
        latCol = lonCol + 1;
    }
    std::unique_ptr<OGRCoordinateTransformation> toWgs84;
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!source.IsSame(&wgs84))
            toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
    }
    int n = 0;
    int moved = 0;
    for (auto& f : layer) {
        TableRecord rec;
        rec.line = ++n;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            rec.fields.push_back(f->IsFieldSetAndNotNull(i) ? QString::fromUtf8(f->GetFieldAsString(i))
                                                            : QString());
        }
        rec.fields.resize(t.header.size());
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
            double x = g->toPoint()->getX(), y = g->toPoint()->getY();
            if (toWgs84)
                toWgs84->Transform(1, &x, &y);
            const auto lc = static_cast<std::size_t>(lonCol), ac = static_cast<std::size_t>(latCol);
            bool ok1 = false, ok2 = false;
            const double oldX = QLocale::c().toDouble(rec.fields[lc], &ok1);
            const double oldY = QLocale::c().toDouble(rec.fields[ac], &ok2);
            if (ok1 && ok2 && (std::abs(oldX - x) > 1e-6 || std::abs(oldY - y) > 1e-6))
                ++moved;
            rec.fields[lc] = QString::number(x, 'g', 17);
            rec.fields[ac] = QString::number(y, 'g', 17);
        }
        t.rows.push_back(std::move(rec));
    }
    if (moved > 0)
        warnings << QStringLiteral("%1: %2 feature(s) of layer %3 had lon/lat attributes that "
                                   "differ from their point geometry; the geometry was used")
                        .arg(QFileInfo(path).fileName())
                        .arg(moved)
                        .arg(QString::fromUtf8(layer.GetName()));
    return t;
}

// GeoPackage / GeoJSON in the native schema: the "incidents" and "facilities" layers BorderLens
// writes, both when present, or else the first layer.
Result<std::vector<Table>> readOgrTables(const QString& path, QStringList& warnings) {
    ensureGdalInitialised();
    GdalErrorCollector errors;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY),
        [](GDALDataset* d) { GDALClose(d); });
    if (!ds)
        return Error{path, QStringLiteral("cannot be opened: %1")
                               .arg(errors.lastFailure().isEmpty()
                                        ? QStringLiteral("not a vector format GDAL recognises")
                                        : errors.lastFailure())};
    if (ds->GetLayerCount() < 1)
        return Error{path, QStringLiteral("contains no layers")};
    std::vector<Table> tables;
    for (const char* name : {"incidents", "facilities"}) {
        if (OGRLayer* l = ds->GetLayerByName(name))
            tables.push_back(readOgrLayer(*l, warnings, path));
    }
    if (tables.empty())
        tables.push_back(readOgrLayer(*ds->GetLayer(0), warnings, path));
    return tables;
}

GeoPrecision coarser(GeoPrecision a, GeoPrecision b) { return a > b ? a : b; }

// Parses one table's rows into `report`; ids must be unique across the whole file.
Result<bool> importTable(const QString& path, const Table& table, IncidentFormat format,
                         const PlaceResolver* resolver, QSet<QString>& ids, ImportReport& report) {
    const std::size_t rejectedBefore = report.rejected.size();
    const ColumnMap columns(table.header);
    if (format == IncidentFormat::Auto) {
        format = detectFormat(columns);
        if (format == IncidentFormat::Auto)
            return Error{path, QStringLiteral("the columns fit no known incident format (native, "
                                              "ACLED, UCDP GED); see docs/data-format.md")};
    }
    auto parser = makeRowParser(format);
    QStringList missingColumns;
    for (const QString& c : parser->requiredColumns()) {
        if (!columns.has(c))
            missingColumns << c;
    }
    if (!missingColumns.isEmpty())
        return Error{path, QStringLiteral("not a %1 file: missing column(s) %2")
                               .arg(toString(format), missingColumns.join(QStringLiteral(", ")))};

    if (report.format.isEmpty())
        report.format = toString(format);
    const std::size_t width = table.header.size();
    for (const TableRecord& rec : table.rows) {
        ++report.rowsRead;
        auto reject = [&](const QString& why) { report.rejected.push_back({rec.line, why}); };
        if (!rec.malformed.isEmpty()) {
            reject(rec.malformed);
            continue;
        }
        if (table.lineWord == QLatin1String("line") && rec.fields.size() != width) {
            reject(QStringLiteral("has %1 fields; the header has %2")
                       .arg(rec.fields.size())
                       .arg(width));
            continue;
        }
        const TableRow row{columns, rec.fields, rec.line};
        auto parsed = parser->parse(row);
        if (!parsed) {
            reject(parsed.error().message);
            continue;
        }
        ParsedRow& p = parsed.value();
        const QString id = p.incident ? p.incident->id : p.facility->id;
        if (ids.contains(id)) {
            reject(QStringLiteral("duplicate id '%1'").arg(id));
            continue;
        }
        if (p.needsGeocoding) {
            const QString place = p.incident ? p.incident->place : p.facility->name;
            const QString country = p.incident ? p.incident->country : p.facility->country;
            const auto hit = resolver ? resolver->resolve(place, country) : std::nullopt;
            if (!hit) {
                reject(resolver ? QStringLiteral("no coordinates, and unknown place '%1'").arg(place)
                                : QStringLiteral("no coordinates (and no gazetteer to place '%1')")
                                      .arg(place));
                continue;
            }
            auto apply = [&](auto& item) {
                item.lon = hit->lon;
                item.lat = hit->lat;
                item.geoPrecision = coarser(item.geoPrecision, hit->precision);
                if (item.country.isEmpty())
                    item.country = hit->country;
                if (item.province.isEmpty())
                    item.province = hit->province;
                if (item.district.isEmpty())
                    item.district = hit->district;
            };
            if (p.incident)
                apply(*p.incident);
            else
                apply(*p.facility);
            ++report.geocoded;
        }
        ids.insert(id);
        if (p.incident)
            report.incidents.push_back(std::move(*p.incident));
        else
            report.facilities.push_back(std::move(*p.facility));
    }
    if (table.lineWord == QLatin1String("feature")) {
        for (std::size_t i = rejectedBefore; i < report.rejected.size(); ++i)
            report.rejected[i].reason =
                QStringLiteral("(feature %1) ").arg(report.rejected[i].line) + report.rejected[i].reason;
    }
    return true;
}

} // namespace

Result<ImportReport> importIncidents(const QString& path, IncidentFormat format,
                                     const PlaceResolver* resolver) {
    const QFileInfo fi(path);
    if (!fi.exists())
        return Error{path, QStringLiteral("file not found")};
    const QString ext = fi.suffix().toLower();
    const bool csv = ext == QLatin1String("csv") || ext == QLatin1String("txt");
    ImportReport report;
    report.path = path;
    std::vector<Table> tables;
    if (csv) {
        auto table = readCsvTable(path);
        if (!table)
            return table.error();
        tables.push_back(std::move(table).value());
    } else {
        auto read = readOgrTables(path, report.warnings);
        if (!read)
            return read.error();
        tables = std::move(read).value();
    }
    QSet<QString> ids;
    const IncidentFormat requested = format;
    for (const Table& table : tables) {
        auto done = importTable(path, table, requested, resolver, ids, report);
        if (!done)
            return done.error();
    }
    return report;
}
} // namespace borderlens
