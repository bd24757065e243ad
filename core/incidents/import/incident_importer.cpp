#include "incidents/import/incident_importer.h"

#include "io/csv_record_reader.h"
#include "io/gdal_support.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

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

// GeoPackage / GeoJSON in the native schema: fields as text, point geometry as lon/lat.
Result<Table> readOgrTable(const QString& path) {
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
    OGRLayer* layer = ds->GetLayer(0);
    // Prefer a layer named like what we write.
    for (const char* name : {"incidents", "facilities"}) {
        if (OGRLayer* l = ds->GetLayerByName(name)) {
            layer = l;
            break;
        }
    }
    Table t;
    t.lineWord = QStringLiteral("feature");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        t.header.push_back(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()));
    const bool addLonLat = std::find(t.header.begin(), t.header.end(), QStringLiteral("lon")) ==
                           t.header.end();
    if (addLonLat) {
        t.header.push_back(QStringLiteral("lon"));
        t.header.push_back(QStringLiteral("lat"));
    }
    int n = 0;
    for (auto& f : *layer) {
        TableRecord rec;
        rec.line = ++n;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            rec.fields.push_back(f->IsFieldSetAndNotNull(i) ? QString::fromUtf8(f->GetFieldAsString(i))
                                                            : QString());
        }
        if (addLonLat) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
                rec.fields.push_back(QString::number(g->toPoint()->getX(), 'g', 17));
                rec.fields.push_back(QString::number(g->toPoint()->getY(), 'g', 17));
            } else {
                rec.fields.push_back({});
                rec.fields.push_back({});
            }
        }
        t.rows.push_back(std::move(rec));
    }
    return t;
}

GeoPrecision coarser(GeoPrecision a, GeoPrecision b) { return a > b ? a : b; }

} // namespace

Result<ImportReport> importIncidents(const QString& path, IncidentFormat format,
                                     const PlaceResolver* resolver) {
    const QFileInfo fi(path);
    if (!fi.exists())
        return Error{path, QStringLiteral("file not found")};
    const QString ext = fi.suffix().toLower();
    const bool csv = ext == QLatin1String("csv") || ext == QLatin1String("txt");
    auto table = csv ? readCsvTable(path) : readOgrTable(path);
    if (!table)
        return table.error();
    const ColumnMap columns(table.value().header);
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

    ImportReport report;
    report.path = path;
    report.format = toString(format);
    QSet<QString> ids;
    const std::size_t width = table.value().header.size();
    for (const TableRecord& rec : table.value().rows) {
        ++report.rowsRead;
        auto reject = [&](const QString& why) { report.rejected.push_back({rec.line, why}); };
        if (!rec.malformed.isEmpty()) {
            reject(rec.malformed);
            continue;
        }
        if (csv && rec.fields.size() != width) {
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
    if (table.value().lineWord == QLatin1String("feature")) {
        for (RejectedRow& r : report.rejected)
            r.reason = QStringLiteral("(feature %1) ").arg(r.line) + r.reason;
    }
    return report;
}

} // namespace borderlens
