#include "analysis/incident_filter.h"

#include "geo/geodesy.h"
#include "util/parallel.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>

namespace borderlens {

bool IncidentFilter::isEmpty() const { return *this == IncidentFilter{}; }

bool IncidentFilter::needsDerivedFacts() const {
    return !sides.empty() || !districts.isEmpty() || borderKmMax.has_value();
}

QString IncidentFilter::describe() const {
    QStringList parts;
    auto names = [](const auto& values, auto name) {
        QStringList out;
        for (const auto& v : values)
            out << name(v);
        return out.join(QStringLiteral(", "));
    };
    if (!types.empty())
        parts << QStringLiteral("type: %1").arg(names(types, [](IncidentType t) {
                     return displayName(t).toLower();
                 }));
    if (!actor.isEmpty())
        parts << QStringLiteral("actor: “%1”").arg(actor);
    if (killedMin)
        parts << QStringLiteral("killed ≥ %1").arg(*killedMin);
    if (!locationPrecisions.empty())
        parts << QStringLiteral("location: %1")
                     .arg(names(locationPrecisions, [](GeoPrecision p) { return toString(p); }));
    if (!datePrecisions.empty())
        parts << QStringLiteral("date known to: %1")
                     .arg(names(datePrecisions, [](DatePrecision p) { return toString(p); }));
    if (!sides.empty())
        parts << QStringLiteral("side: %1").arg(names(sides, [](BankSide s) {
                     return s == BankSide::None ? QStringLiteral("neither") : displayCode(s);
                 }));
    if (!districts.isEmpty())
        parts << QStringLiteral("district: %1").arg(districts.join(QStringLiteral(", ")));
    if (borderKmMax)
        parts << QStringLiteral("within %1 km of the border").arg(*borderKmMax);
    if (near)
        parts << QStringLiteral("within %1 km of %2, %3")
                     .arg(near->km)
                     .arg(near->lat, 0, 'f', 4)
                     .arg(near->lon, 0, 'f', 4);
    return parts.join(QStringLiteral("; "));
}

// ---------------------------------------------------------------------------------------------
// JSON: {"types": ["armed_clash"], "actor": "…", "killed_min": 3, "location_precisions":
// ["exact"], "date_precisions": ["day"], "sides": ["tj"], "districts": ["Shamsiddin Shohin"],
// "border_km_max": 5, "near": {"lon": 70.1, "lat": 37.9, "km": 10}}; absent keys do not filter.

namespace {

template <typename E, std::size_t N>
QJsonArray keysArray(const std::vector<E>& values, const std::array<EnumKey<E>, N>& table) {
    QJsonArray a;
    for (E v : values)
        a.append(keyString(table, v));
    return a;
}

template <typename E, std::size_t N>
std::optional<Error> readKeys(const QJsonObject& json, const QString& key,
                              const std::array<EnumKey<E>, N>& table, const QString& what,
                              std::vector<E>& out) {
    if (!json.contains(key))
        return std::nullopt;
    if (!json.value(key).isArray())
        return Error{key, QStringLiteral("expected a list of %1 keys").arg(what)};
    const QJsonArray a = json.value(key).toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto v = a[i].isString() ? enumFromKey(table, a[i].toString()) : std::nullopt;
        if (!v)
            return Error{QStringLiteral("%1[%2]").arg(key).arg(i),
                         QStringLiteral("unknown %1 '%2'").arg(what, a[i].toVariant().toString())};
        if (std::find(out.begin(), out.end(), *v) == out.end())
            out.push_back(*v);
    }
    return std::nullopt;
}

std::optional<Error> readNumber(const QJsonObject& json, const QString& key, double low,
                                double& out) {
    const QJsonValue v = json.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < low)
        return Error{key, QStringLiteral("expected a number from %1").arg(low)};
    out = v.toDouble();
    return std::nullopt;
}

} // namespace

QJsonObject IncidentFilter::toJson() const {
    QJsonObject o;
    if (!types.empty())
        o[QStringLiteral("types")] = keysArray(types, kIncidentTypeKeys);
    if (!actor.isEmpty())
        o[QStringLiteral("actor")] = actor;
    if (killedMin)
        o[QStringLiteral("killed_min")] = *killedMin;
    if (!locationPrecisions.empty())
        o[QStringLiteral("location_precisions")] = keysArray(locationPrecisions, kGeoPrecisionKeys);
    if (!datePrecisions.empty())
        o[QStringLiteral("date_precisions")] = keysArray(datePrecisions, kDatePrecisionKeys);
    if (!sides.empty())
        o[QStringLiteral("sides")] = keysArray(sides, kBankSideKeys);
    if (!districts.isEmpty())
        o[QStringLiteral("districts")] = QJsonArray::fromStringList(districts);
    if (borderKmMax)
        o[QStringLiteral("border_km_max")] = *borderKmMax;
    if (near)
        o[QStringLiteral("near")] = QJsonObject{{QStringLiteral("lon"), near->lon},
                                                {QStringLiteral("lat"), near->lat},
                                                {QStringLiteral("km"), near->km}};
    return o;
}

Result<IncidentFilter> IncidentFilter::fromJson(const QJsonObject& json) {
    static const QStringList known = {
        QStringLiteral("types"),         QStringLiteral("actor"),
        QStringLiteral("killed_min"),    QStringLiteral("location_precisions"),
        QStringLiteral("date_precisions"), QStringLiteral("sides"),
        QStringLiteral("districts"),     QStringLiteral("border_km_max"),
        QStringLiteral("near")};
    for (const QString& key : json.keys())
        if (!known.contains(key))
            return Error{key, QStringLiteral("not a filter criterion")};
    IncidentFilter f;
    if (auto e = readKeys(json, QStringLiteral("types"), kIncidentTypeKeys,
                          QStringLiteral("incident type"), f.types))
        return *e;
    if (auto e = readKeys(json, QStringLiteral("location_precisions"), kGeoPrecisionKeys,
                          QStringLiteral("location precision"), f.locationPrecisions))
        return *e;
    if (auto e = readKeys(json, QStringLiteral("date_precisions"), kDatePrecisionKeys,
                          QStringLiteral("date precision"), f.datePrecisions))
        return *e;
    if (auto e = readKeys(json, QStringLiteral("sides"), kBankSideKeys, QStringLiteral("side"),
                          f.sides))
        return *e;
    if (json.contains(QStringLiteral("actor"))) {
        if (!json.value(QStringLiteral("actor")).isString())
            return Error{QStringLiteral("actor"), QStringLiteral("expected text")};
        f.actor = json.value(QStringLiteral("actor")).toString();
    }
    if (json.contains(QStringLiteral("killed_min"))) {
        double v = 0;
        if (auto e = readNumber(json, QStringLiteral("killed_min"), 0, v))
            return *e;
        if (v != std::floor(v) || v > 1e9)
            return Error{QStringLiteral("killed_min"), QStringLiteral("expected a whole number")};
        f.killedMin = static_cast<int>(v);
    }
    if (json.contains(QStringLiteral("districts"))) {
        const QJsonValue v = json.value(QStringLiteral("districts"));
        if (!v.isArray())
            return Error{QStringLiteral("districts"), QStringLiteral("expected a list of names")};
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString())
                return Error{QStringLiteral("districts[%1]").arg(i),
                             QStringLiteral("expected a name")};
            f.districts << a[i].toString();
        }
    }
    if (json.contains(QStringLiteral("border_km_max"))) {
        double v = 0;
        if (auto e = readNumber(json, QStringLiteral("border_km_max"), 0, v))
            return *e;
        f.borderKmMax = v;
    }
    if (json.contains(QStringLiteral("near"))) {
        const QJsonValue v = json.value(QStringLiteral("near"));
        if (!v.isObject())
            return Error{QStringLiteral("near"), QStringLiteral("expected {lon, lat, km}")};
        const QJsonObject o = v.toObject();
        Near n;
        if (readNumber(o, QStringLiteral("lon"), -180, n.lon) || n.lon > 180 ||
            readNumber(o, QStringLiteral("lat"), -90, n.lat) || n.lat > 90 ||
            readNumber(o, QStringLiteral("km"), 0, n.km))
            return Error{QStringLiteral("near"),
                         QStringLiteral("expected lon (−180…180), lat (−90…90) and km (≥ 0)")};
        f.near = n;
    }
    return f;
}

// ---------------------------------------------------------------------------------------------

std::vector<std::uint32_t> matchingRows(const IncidentStore& store, const DerivedFacts* facts,
                                        const IncidentFilter& filter) {
    const std::size_t n = store.size();
    std::vector<std::uint32_t> rows;
    if (filter.needsDerivedFacts() && (!facts || facts->size() != n))
        return rows; // criteria that cannot be decided match nothing
    // Small sets as lookup tables; the actor test once per distinct actor list.
    std::array<bool, 256> typeOk{}, geoOk{}, dateOk{}, sideOk{};
    auto table = [](auto& ok, const auto& values) {
        if (values.empty())
            ok.fill(true);
        for (const auto v : values)
            ok[static_cast<std::size_t>(v)] = true;
    };
    table(typeOk, filter.types);
    table(geoOk, filter.locationPrecisions);
    table(dateOk, filter.datePrecisions);
    table(sideOk, filter.sides);
    const DictColumn& actors = store.columns().actors;
    std::vector<char> actorOk;
    if (!filter.actor.isEmpty()) {
        const QString needle = filter.actor.trimmed();
        actorOk.resize(actors.dictionary().size());
        for (std::size_t c = 0; c < actorOk.size(); ++c) {
            const std::string_view v = actors.dictionary().value(std::uint32_t(c));
            const QString list = QString::fromUtf8(v.data(), qsizetype(v.size()));
            // Within one actor: the separator never matches, so "a b" cannot span two actors.
            for (const QString& a : list.split(QChar(IncidentColumns::kActorSeparator)))
                if (a.contains(needle, Qt::CaseInsensitive))
                    actorOk[c] = 1;
        }
    }
    std::vector<char> districtOk;
    if (!filter.districts.isEmpty()) {
        districtOk.assign(0x10000, 0);
        for (const QString& name : filter.districts)
            if (const auto code = facts->districtCode(name))
                districtOk[*code] = 1;
    }

    auto passes = [&](std::size_t i) {
        const auto cols = std::span(store.columns().datePrecision);
        if (!typeOk[std::size_t(store.types()[i])] || !geoOk[std::size_t(store.geoPrecisions()[i])] ||
            !dateOk[cols[i]])
            return false;
        if (filter.killedMin && store.killedOrZero(i) < *filter.killedMin)
            return false;
        if (!actorOk.empty() && !actorOk[actors.code(i)])
            return false;
        if (facts) {
            if (!filter.sides.empty() && !sideOk[std::size_t(facts->sides()[i])])
                return false;
            if (!districtOk.empty() && !districtOk[facts->districts()[i]])
                return false;
            if (filter.borderKmMax && !(facts->borderKm()[i] <= *filter.borderKmMax))
                return false;
        }
        if (filter.near) {
            // A cheap reject outside the radius's band of latitude (a degree of latitude is at
            // least 110.5 km anywhere), then the geodesic.
            if (std::abs(store.lats()[i] - filter.near->lat) * 110.5 > filter.near->km + 0.01)
                return false;
            if (!(geodesicDistance(filter.near->lon, filter.near->lat, store.lons()[i],
                                   store.lats()[i]) <= filter.near->km * 1000.0))
                return false;
        }
        return true;
    };
    const unsigned parts = n > 200'000 ? workerCount() : 1;
    std::vector<std::vector<std::uint32_t>> found(parts);
    parallelSlices(parts, parts, [&](std::size_t p0, std::size_t p1) {
        for (std::size_t p = p0; p < p1; ++p)
            for (std::size_t i = n * p / parts; i < n * (p + 1) / parts; ++i)
                if (passes(i))
                    found[p].push_back(static_cast<std::uint32_t>(i));
    });
    for (const auto& part : found)
        rows.insert(rows.end(), part.begin(), part.end());
    return rows;
}

FilteredIncidents filterIncidents(const std::shared_ptr<const IncidentStore>& store,
                                  const std::shared_ptr<const DerivedFacts>& facts,
                                  const IncidentFilter& filter) {
    FilteredIncidents out;
    if (!store || filter.isEmpty()) {
        out.store = store;
        out.facts = facts;
        return out;
    }
    out.sourceRows = matchingRows(*store, facts.get(), filter);
    out.store = store->subset(out.sourceRows);
    if (facts && facts->size() == store->size())
        out.facts = facts->gathered(out.sourceRows);
    out.filtered = true;
    return out;
}

} // namespace borderlens
