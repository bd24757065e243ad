#include "store/record_fields.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace borderlens {
namespace {

QString iso(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }
QString iso(const std::optional<QDate>& d) { return d ? iso(*d) : QString(); }
QString number(const std::optional<int>& v) { return v ? QString::number(*v) : QString(); }
// Coordinates to the micro-degree (about 10 cm), which is more than any report gives and keeps
// the text of an unmoved point equal to itself after a round trip through the database.
QString coordinate(double v) { return QString::number(v, 'f', 6); }

// Reads typed values out of the text fields, remembering the first field that does not parse.
class FieldParser {
public:
    explicit FieldParser(const RecordFields& fields) : m_fields(fields) {}

    QString text(const char* name) const { return fieldValue(m_fields, QString::fromLatin1(name)); }
    std::optional<QDate> date(const char* name) {
        const QString t = text(name);
        if (t.isEmpty())
            return std::nullopt;
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid())
            fail(name, t, QStringLiteral("a date YYYY-MM-DD"));
        return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
    }
    std::optional<int> integer(const char* name) {
        const QString t = text(name);
        if (t.isEmpty())
            return std::nullopt;
        bool ok = false;
        const int v = t.toInt(&ok);
        if (!ok)
            fail(name, t, QStringLiteral("a whole number"));
        return ok ? std::optional<int>(v) : std::nullopt;
    }
    double real(const char* name) {
        const QString t = text(name);
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok)
            fail(name, t, QStringLiteral("a number"));
        return ok ? v : 0.0;
    }
    template <typename E, typename Parse> E key(const char* name, E fallback, Parse parse) {
        const QString t = text(name);
        const auto v = parse(t);
        if (!v) {
            fail(name, t, QStringLiteral("a known key"));
            return fallback;
        }
        return *v;
    }
    std::optional<Error> error() const { return m_error; }

private:
    void fail(const char* name, const QString& value, const QString& expected) {
        if (!m_error)
            m_error = Error{QString::fromLatin1(name),
                            QStringLiteral("'%1' is not %2").arg(value, expected)};
    }
    const RecordFields& m_fields;
    std::optional<Error> m_error;
};

} // namespace

QString fieldValue(const RecordFields& fields, const QString& name) {
    for (const auto& [key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

RecordFields incidentFields(const Incident& i) {
    return {
        {QStringLiteral("id"), i.id},
        {QStringLiteral("start_date"), iso(i.startDate)},
        {QStringLiteral("end_date"), iso(i.endDate)},
        {QStringLiteral("date_precision"), toString(i.datePrecision)},
        {QStringLiteral("type"), toKey(i.type)},
        {QStringLiteral("place"), i.place},
        {QStringLiteral("lon"), coordinate(i.lon)},
        {QStringLiteral("lat"), coordinate(i.lat)},
        {QStringLiteral("geo_precision"), toString(i.geoPrecision)},
        {QStringLiteral("country"), i.country},
        {QStringLiteral("province"), i.province},
        {QStringLiteral("district"), i.district},
        {QStringLiteral("killed_low"), number(i.killed.low)},
        {QStringLiteral("killed_best"), number(i.killed.best)},
        {QStringLiteral("killed_high"), number(i.killed.high)},
        {QStringLiteral("injured"), number(i.injured)},
        {QStringLiteral("actors"), i.actors.join(QLatin1Char(';'))},
        {QStringLiteral("summary"), i.summary},
    };
}

RecordFields facilityFields(const Facility& f) {
    return {
        {QStringLiteral("id"), f.id},
        {QStringLiteral("name"), f.name},
        {QStringLiteral("kind"), toKey(f.kind)},
        {QStringLiteral("lon"), coordinate(f.lon)},
        {QStringLiteral("lat"), coordinate(f.lat)},
        {QStringLiteral("geo_precision"), toString(f.geoPrecision)},
        {QStringLiteral("opened"), iso(f.opened)},
        {QStringLiteral("opened_precision"), toString(f.openedPrecision)},
        {QStringLiteral("closed"), iso(f.closed)},
        {QStringLiteral("country"), f.country},
        {QStringLiteral("province"), f.province},
        {QStringLiteral("district"), f.district},
        {QStringLiteral("notes"), f.notes},
    };
}

Result<Incident> incidentFromFields(const RecordFields& fields) {
    FieldParser p(fields);
    Incident i;
    i.id = p.text("id");
    i.startDate = p.date("start_date").value_or(QDate());
    i.endDate = p.date("end_date");
    i.datePrecision =
        p.key("date_precision", DatePrecision::Day, [](const QString& t) { return datePrecisionFromString(t); });
    i.type = p.key("type", IncidentType::ArmedClash, [](const QString& t) { return incidentTypeFromKey(t); });
    i.place = p.text("place");
    i.lon = p.real("lon");
    i.lat = p.real("lat");
    i.geoPrecision =
        p.key("geo_precision", GeoPrecision::Exact, [](const QString& t) { return geoPrecisionFromString(t); });
    i.country = p.text("country");
    i.province = p.text("province");
    i.district = p.text("district");
    i.killed.low = p.integer("killed_low");
    i.killed.best = p.integer("killed_best");
    i.killed.high = p.integer("killed_high");
    i.injured = p.integer("injured");
    const QString actors = p.text("actors");
    if (!actors.isEmpty())
        i.actors = actors.split(QLatin1Char(';'));
    i.summary = p.text("summary");
    if (!i.startDate.isValid() && !p.error())
        return Error{QStringLiteral("start_date"), QStringLiteral("is missing")};
    if (auto e = p.error())
        return *e;
    return i;
}

Result<Facility> facilityFromFields(const RecordFields& fields) {
    FieldParser p(fields);
    Facility f;
    f.id = p.text("id");
    f.name = p.text("name");
    f.kind = p.key("kind", FacilityKind::BorderOutpost, [](const QString& t) { return facilityKindFromKey(t); });
    f.lon = p.real("lon");
    f.lat = p.real("lat");
    f.geoPrecision =
        p.key("geo_precision", GeoPrecision::Exact, [](const QString& t) { return geoPrecisionFromString(t); });
    f.opened = p.date("opened");
    f.openedPrecision =
        p.key("opened_precision", DatePrecision::Day, [](const QString& t) { return datePrecisionFromString(t); });
    f.closed = p.date("closed");
    f.country = p.text("country");
    f.province = p.text("province");
    f.district = p.text("district");
    f.notes = p.text("notes");
    if (auto e = p.error())
        return *e;
    return f;
}

QString sourcesText(const std::vector<SourceRef>& sources) {
    QStringList parts;
    for (const SourceRef& s : sources)
        parts << QStringList{s.title, s.outlet, iso(s.date), s.url}.join(QStringLiteral(" | "));
    return parts.join(QStringLiteral(" ;; "));
}

std::vector<FieldChange> changedFields(const RecordFields& before, const RecordFields& after) {
    std::vector<FieldChange> changes;
    for (const auto& [name, value] : after) {
        const QString old = fieldValue(before, name);
        if (old != value)
            changes.push_back({name, old, value});
    }
    return changes;
}

QString fieldsJson(const RecordFields& fields) {
    QJsonObject o;
    for (const auto& [name, value] : fields) {
        if (!value.isEmpty())
            o.insert(name, value);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace borderlens
