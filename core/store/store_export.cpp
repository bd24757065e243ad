#include "store/store_export.h"

#include "io/csv_row_buffer.h"
#include "store/record_fields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace borderlens {
namespace {

bool inWindow(const Incident& i, const TimeRange& window) {
    return window.isAll() || window.overlaps(i.span());
}

bool inWindow(const Facility& f, const TimeRange& window) {
    return window.isAll() || window.overlaps(f.presence());
}

std::size_t maxSources(const std::vector<StoredIncident>& incidents, const TimeRange& window) {
    std::size_t n = 1;
    for (const auto& s : incidents) {
        if (inWindow(s.incident, window))
            n = std::max(n, s.incident.sources.size());
    }
    return n;
}

void field(CsvRowBuffer& row, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    row.field(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

QByteArray csv(const std::vector<StoredIncident>& incidents, const TimeRange& window,
               std::size_t& written) {
    const std::size_t sources = maxSources(incidents, window);
    CsvRowBuffer row;
    for (const auto& [name, value] : incidentFields(Incident{}))
        field(row, name);
    for (std::size_t k = 1; k <= sources; ++k) {
        for (const char* part : {"title", "outlet", "date", "url"})
            field(row, QStringLiteral("source%1_%2").arg(k).arg(QLatin1String(part)));
    }
    row.endRow();
    for (const auto& s : incidents) {
        if (!inWindow(s.incident, window))
            continue;
        ++written;
        for (const auto& [name, value] : incidentFields(s.incident))
            field(row, value);
        for (std::size_t k = 0; k < sources; ++k) {
            const SourceRef ref = k < s.incident.sources.size() ? s.incident.sources[k] : SourceRef{};
            field(row, ref.title);
            field(row, ref.outlet);
            field(row, ref.date.isValid() ? ref.date.toString(Qt::ISODate) : QString());
            field(row, ref.url);
        }
        row.endRow();
    }
    return QByteArray::fromStdString(row.bytes());
}

QJsonObject properties(const RecordFields& fields, const QString& kind, std::int64_t version,
                       const std::vector<SourceRef>& sources) {
    QJsonObject p;
    p.insert(QStringLiteral("record_kind"), kind);
    for (const auto& [name, value] : fields) {
        if (name == QLatin1String("lon") || name == QLatin1String("lat"))
            continue; // in the geometry
        p.insert(name, value.isEmpty() ? QJsonValue() : QJsonValue(value));
    }
    p.insert(QStringLiteral("version"), static_cast<qint64>(version));
    QJsonArray refs;
    for (const SourceRef& s : sources) {
        refs.append(QJsonObject{{QStringLiteral("title"), s.title},
                                {QStringLiteral("outlet"), s.outlet},
                                {QStringLiteral("date"), s.date.isValid() ? s.date.toString(Qt::ISODate) : QString()},
                                {QStringLiteral("url"), s.url}});
    }
    p.insert(QStringLiteral("sources"), refs);
    return p;
}

QJsonObject pointFeature(double lon, double lat, QJsonObject props) {
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                       {QStringLiteral("geometry"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                    {QStringLiteral("coordinates"), QJsonArray{lon, lat}}}},
                       {QStringLiteral("properties"), std::move(props)}};
}

QByteArray geojson(const std::vector<StoredIncident>& incidents,
                   const std::vector<StoredFacility>& facilities, const TimeRange& window,
                   StoreExportCounts& counts) {
    QJsonArray features;
    for (const auto& s : incidents) {
        if (!inWindow(s.incident, window))
            continue;
        ++counts.incidents;
        features.append(pointFeature(s.incident.lon, s.incident.lat,
                                     properties(incidentFields(s.incident), QStringLiteral("incident"),
                                                s.version, s.incident.sources)));
    }
    for (const auto& s : facilities) {
        if (!inWindow(s.facility, window))
            continue;
        ++counts.facilities;
        features.append(pointFeature(s.facility.lon, s.facility.lat,
                                     properties(facilityFields(s.facility), QStringLiteral("facility"),
                                                s.version, s.facility.sources)));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                     {QStringLiteral("features"), features}})
        .toJson(QJsonDocument::Indented);
}

// KML times: an instant for a day-precise single-day event; otherwise the span it may have
// happened in, as TimeSpan begin/end with the end the last day (KML's end is inclusive of the
// date given, unlike our half-open ranges).
void writeTime(QXmlStreamWriter& x, const TimeRange& span, bool instant) {
    if (instant) {
        x.writeStartElement(QStringLiteral("TimeStamp"));
        x.writeTextElement(QStringLiteral("when"), span.beginDate().toString(Qt::ISODate));
        x.writeEndElement();
        return;
    }
    const bool from = span.begin > TimeRange::all().begin;
    const bool until = span.end < TimeRange::all().end;
    if (!from && !until)
        return; // present for all time known: no time element, so every time slider shows it
    x.writeStartElement(QStringLiteral("TimeSpan"));
    if (from)
        x.writeTextElement(QStringLiteral("begin"), span.beginDate().toString(Qt::ISODate));
    if (until)
        x.writeTextElement(QStringLiteral("end"), span.lastDate().toString(Qt::ISODate));
    x.writeEndElement();
}

void writeExtendedData(QXmlStreamWriter& x, const RecordFields& fields, std::int64_t version) {
    x.writeStartElement(QStringLiteral("ExtendedData"));
    for (const auto& [name, value] : fields) {
        if (value.isEmpty())
            continue;
        x.writeStartElement(QStringLiteral("Data"));
        x.writeAttribute(QStringLiteral("name"), name);
        x.writeTextElement(QStringLiteral("value"), value);
        x.writeEndElement();
    }
    x.writeStartElement(QStringLiteral("Data"));
    x.writeAttribute(QStringLiteral("name"), QStringLiteral("version"));
    x.writeTextElement(QStringLiteral("value"), QString::number(version));
    x.writeEndElement();
    x.writeEndElement();
}

QString description(const QString& summary, const std::vector<SourceRef>& sources) {
    QStringList lines;
    if (!summary.isEmpty())
        lines << summary;
    for (const SourceRef& s : sources)
        lines << QStringLiteral("Source: %1 (%2, %3) %4")
                     .arg(s.title, s.outlet, s.date.toString(Qt::ISODate), s.url)
                     .trimmed();
    return lines.join(QLatin1Char('\n'));
}

void placemark(QXmlStreamWriter& x, const QString& name, const QString& style, const TimeRange& span,
               bool instant, const QString& text, const RecordFields& fields, std::int64_t version,
               double lon, double lat) {
    x.writeStartElement(QStringLiteral("Placemark"));
    x.writeTextElement(QStringLiteral("name"), name);
    if (!text.isEmpty())
        x.writeTextElement(QStringLiteral("description"), text);
    writeTime(x, span, instant);
    x.writeTextElement(QStringLiteral("styleUrl"), style);
    writeExtendedData(x, fields, version);
    x.writeStartElement(QStringLiteral("Point"));
    x.writeTextElement(QStringLiteral("coordinates"), QStringLiteral("%1,%2")
                                                          .arg(QString::number(lon, 'f', 6),
                                                               QString::number(lat, 'f', 6)));
    x.writeEndElement();
    x.writeEndElement();
}

QByteArray kml(const std::vector<StoredIncident>& incidents,
               const std::vector<StoredFacility>& facilities, const TimeRange& window,
               StoreExportCounts& counts) {
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    x.writeStartElement(QStringLiteral("kml"));
    x.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
    x.writeStartElement(QStringLiteral("Document"));
    x.writeTextElement(QStringLiteral("name"), QStringLiteral("BorderLens incident store"));
    for (const char* id : {"incident", "facility"}) {
        x.writeStartElement(QStringLiteral("Style"));
        x.writeAttribute(QStringLiteral("id"), QLatin1String(id));
        x.writeStartElement(QStringLiteral("IconStyle"));
        x.writeTextElement(QStringLiteral("color"), QLatin1String(id) == QLatin1String("incident")
                                                        ? QStringLiteral("ff1c1ce3")
                                                        : QStringLiteral("ff7f3f1f"));
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeStartElement(QStringLiteral("Folder"));
    x.writeTextElement(QStringLiteral("name"), QStringLiteral("Incidents"));
    for (const auto& s : incidents) {
        const Incident& i = s.incident;
        if (!inWindow(i, window))
            continue;
        ++counts.incidents;
        const bool instant = i.datePrecision == DatePrecision::Day && i.span().days() == 1;
        placemark(x, QStringLiteral("%1 — %2 (%3)")
                         .arg(displayName(i.type), i.place.isEmpty() ? i.id : i.place,
                              i.startDate.toString(Qt::ISODate)),
                  QStringLiteral("#incident"), i.span(), instant, description(i.summary, i.sources),
                  incidentFields(i), s.version, i.lon, i.lat);
    }
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("Folder"));
    x.writeTextElement(QStringLiteral("name"), QStringLiteral("Outposts and facilities"));
    for (const auto& s : facilities) {
        const Facility& f = s.facility;
        if (!inWindow(f, window))
            continue;
        ++counts.facilities;
        placemark(x, f.name, QStringLiteral("#facility"), f.presence(), false,
                  description(f.notes, f.sources), facilityFields(f), s.version, f.lon, f.lat);
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace

std::optional<StoreExportFormat> storeExportFormatFromString(const QString& text) {
    const QString t = text.toLower();
    if (t == QLatin1String("csv"))
        return StoreExportFormat::Csv;
    if (t == QLatin1String("geojson") || t == QLatin1String("json"))
        return StoreExportFormat::GeoJson;
    if (t == QLatin1String("kml"))
        return StoreExportFormat::Kml;
    return std::nullopt;
}

Result<StoreExportCounts> exportStore(const std::vector<StoredIncident>& incidents,
                                      const std::vector<StoredFacility>& facilities,
                                      const QString& path, const StoreExportOptions& options) {
    StoreExportCounts counts;
    QByteArray bytes;
    switch (options.format) {
    case StoreExportFormat::Csv:
        bytes = csv(incidents, options.window, counts.incidents);
        break;
    case StoreExportFormat::GeoJson:
        bytes = geojson(incidents, facilities, options.window, counts);
        break;
    case StoreExportFormat::Kml:
        bytes = kml(incidents, facilities, options.window, counts);
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, QStringLiteral("cannot be written: %1").arg(file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{path, QStringLiteral("cannot be written: %1").arg(file.errorString())};
    return counts;
}

} // namespace borderlens
