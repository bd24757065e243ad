#include "incidents/incident_columns.h"

#include "util/parallel.h"

#include <QDate>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>

namespace borderlens {

namespace {

// Appends v to a count column that stays empty while every value is unknown.
void appendCount(std::vector<std::int32_t>& column, std::size_t rowsBefore, std::int32_t v) {
    if (column.empty()) {
        if (v == IncidentColumns::kUnknown)
            return;
        column.assign(rowsBefore, IncidentColumns::kUnknown);
    }
    column.push_back(v);
}

void appendCounts(std::vector<std::int32_t>& column, std::size_t rowsBefore,
                  const std::vector<std::int32_t>& other, std::size_t otherRows) {
    if (other.empty()) {
        if (!column.empty())
            column.insert(column.end(), otherRows, IncidentColumns::kUnknown);
        return;
    }
    if (column.empty())
        column.assign(rowsBefore, IncidentColumns::kUnknown);
    column.insert(column.end(), other.begin(), other.end());
}

template <typename T> void gatherVector(std::vector<T>& v, std::span<const std::uint32_t> order) {
    if (v.empty())
        return;
    std::vector<T> out(order.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        out[k] = v[order[k]];
    v = std::move(out);
}

std::optional<int> optionalCount(std::int32_t v) {
    return v == IncidentColumns::kUnknown ? std::nullopt : std::optional<int>(v);
}

QString qs(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

std::string dayText(std::int32_t day) {
    if (day == 0)
        return {};
    std::array<char, 16> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), day);
    return std::string(buf.data(), r.ptr);
}

} // namespace

bool IncidentColumns::append(const Row& row) {
    const std::size_t n = size();
    if (!id.append(row.id))
        return false;
    begin.push_back(row.begin);
    end.push_back(row.end);
    datePrecision.push_back(static_cast<std::uint8_t>(row.datePrecision));
    flags.push_back(row.hasEndDate ? kHasEndDate : 0);
    type.push_back(row.type);
    geoPrecision.push_back(row.geoPrecision);
    lon.push_back(row.lon);
    lat.push_back(row.lat);
    appendCount(killedLow, n, row.killedLow);
    appendCount(killedBest, n, row.killedBest);
    appendCount(killedHigh, n, row.killedHigh);
    appendCount(injured, n, row.injured);
    place.append(row.place);
    country.append(row.country);
    province.append(row.province);
    district.append(row.district);
    actors.append(row.actors);
    maxSources = std::max(maxSources, static_cast<std::uint32_t>(row.sources.size()));
    // Summary, then title/outlet/date/url per source; the day as its Julian number in text.
    // Scratch kept per thread: a million rows, no allocation each.
    thread_local std::vector<std::string> days;
    thread_local std::vector<std::string_view> fields;
    days.clear();
    fields.clear();
    if (days.capacity() < row.sources.size())
        days.reserve(row.sources.size());
    fields.push_back(row.summary);
    for (const Row::Source& s : row.sources) {
        if (!s.outlet.empty()) {
            const std::uint32_t code = outlets.intern(s.outlet);
            if (code >= outletCitations.size())
                outletCitations.resize(code + 1, 0);
            ++outletCitations[code];
        }
        days.push_back(dayText(s.day));
        fields.push_back(s.title);
        fields.push_back(s.outlet);
        fields.push_back(days.back());
        fields.push_back(s.url);
    }
    // `days` must not reallocate while `fields` views it: reserved above.
    records.append(fields);
    days.clear();
    return true;
}

bool IncidentColumns::append(const Incident& inc) {
    const TimeRange span = inc.span();
    Row row;
    row.begin = static_cast<std::int32_t>(span.begin);
    row.end = static_cast<std::int32_t>(span.end);
    row.datePrecision = inc.datePrecision;
    row.hasEndDate = inc.endDate.has_value();
    row.type = inc.type;
    row.geoPrecision = inc.geoPrecision;
    row.lon = inc.lon;
    row.lat = inc.lat;
    row.killedLow = inc.killed.low.value_or(kUnknown);
    row.killedBest = inc.killed.best.value_or(kUnknown);
    row.killedHigh = inc.killed.high.value_or(kUnknown);
    row.injured = inc.injured.value_or(kUnknown);
    const QByteArray idUtf8 = inc.id.toUtf8(), placeUtf8 = inc.place.toUtf8(),
                     countryUtf8 = inc.country.toUtf8(), provinceUtf8 = inc.province.toUtf8(),
                     districtUtf8 = inc.district.toUtf8(),
                     actorsUtf8 = inc.actors.join(QChar(kActorSeparator)).toUtf8(),
                     summaryUtf8 = inc.summary.toUtf8();
    auto sv = [](const QByteArray& b) { return std::string_view(b.constData(), std::size_t(b.size())); };
    row.id = sv(idUtf8);
    row.place = sv(placeUtf8);
    row.country = sv(countryUtf8);
    row.province = sv(provinceUtf8);
    row.district = sv(districtUtf8);
    row.actors = sv(actorsUtf8);
    row.summary = sv(summaryUtf8);
    std::vector<QByteArray> keep;
    keep.reserve(3 * inc.sources.size());
    std::vector<Row::Source> sources;
    for (const SourceRef& s : inc.sources) {
        keep.push_back(s.title.toUtf8());
        keep.push_back(s.outlet.toUtf8());
        keep.push_back(s.url.toUtf8());
        sources.push_back({sv(keep[keep.size() - 3]), sv(keep[keep.size() - 2]), sv(keep.back()),
                           s.date.isValid() ? static_cast<std::int32_t>(s.date.toJulianDay()) : 0});
    }
    row.sources = sources;
    return append(row);
}

void IncidentColumns::appendColumns(IncidentColumns&& o) {
    const std::size_t n = size();
    const std::size_t m = o.size();
    id.appendColumn(o.id);
    begin.insert(begin.end(), o.begin.begin(), o.begin.end());
    end.insert(end.end(), o.end.begin(), o.end.end());
    datePrecision.insert(datePrecision.end(), o.datePrecision.begin(), o.datePrecision.end());
    flags.insert(flags.end(), o.flags.begin(), o.flags.end());
    type.insert(type.end(), o.type.begin(), o.type.end());
    geoPrecision.insert(geoPrecision.end(), o.geoPrecision.begin(), o.geoPrecision.end());
    lon.insert(lon.end(), o.lon.begin(), o.lon.end());
    lat.insert(lat.end(), o.lat.begin(), o.lat.end());
    appendCounts(killedLow, n, o.killedLow, m);
    appendCounts(killedBest, n, o.killedBest, m);
    appendCounts(killedHigh, n, o.killedHigh, m);
    appendCounts(injured, n, o.injured, m);
    place.appendColumn(o.place);
    country.appendColumn(o.country);
    province.appendColumn(o.province);
    district.appendColumn(o.district);
    actors.appendColumn(o.actors);
    records.appendBlocks(std::move(o.records));
    maxSources = std::max(maxSources, o.maxSources);
    for (std::uint32_t c = 1; c < o.outletCitations.size(); ++c) {
        const std::uint32_t code = outlets.intern(o.outlets.value(c));
        if (code >= outletCitations.size())
            outletCitations.resize(code + 1, 0);
        outletCitations[code] += o.outletCitations[c];
    }
    o = IncidentColumns();
}

IncidentColumns IncidentColumns::concatenate(std::vector<IncidentColumns> parts) {
    IncidentColumns r;
    std::size_t rows = 0, idBytes = 0;
    for (const IncidentColumns& p : parts) {
        rows += p.size();
        idBytes += p.id.byteSize();
    }
    // One column at a time into exactly the room it needs, each part's copy freed as soon as it
    // is taken: the peak is the columns once plus one column, not twice everything.
    auto join = [&](auto member) {
        auto& into = r.*member;
        into.reserve(rows);
        for (IncidentColumns& p : parts) {
            auto& from = p.*member;
            into.insert(into.end(), from.begin(), from.end());
            from = {};
        }
    };
    join(&IncidentColumns::begin);
    join(&IncidentColumns::end);
    join(&IncidentColumns::datePrecision);
    join(&IncidentColumns::flags);
    join(&IncidentColumns::type);
    join(&IncidentColumns::geoPrecision);
    join(&IncidentColumns::lon);
    join(&IncidentColumns::lat);
    for (auto member : {&IncidentColumns::killedLow, &IncidentColumns::killedBest,
                        &IncidentColumns::killedHigh, &IncidentColumns::injured}) {
        const bool any = std::any_of(parts.begin(), parts.end(),
                                     [&](const IncidentColumns& p) { return !(p.*member).empty(); });
        if (!any)
            continue;
        auto& into = r.*member;
        into.reserve(rows);
        for (IncidentColumns& p : parts) {
            auto& from = p.*member;
            if (from.empty())
                into.insert(into.end(), p.size(), kUnknown);
            else
                into.insert(into.end(), from.begin(), from.end());
            from = {};
        }
    }
    r.id.reserve(rows, idBytes);
    for (IncidentColumns& p : parts) {
        r.id.appendColumn(p.id);
        p.id = TextColumn();
    }
    for (auto member : {&IncidentColumns::place, &IncidentColumns::country, &IncidentColumns::province,
                        &IncidentColumns::district, &IncidentColumns::actors}) {
        (r.*member).reserve(rows);
        for (IncidentColumns& p : parts) {
            (r.*member).appendColumn(p.*member);
            p.*member = DictColumn();
        }
    }
    for (IncidentColumns& p : parts) {
        r.records.appendBlocks(std::move(p.records));
        r.maxSources = std::max(r.maxSources, p.maxSources);
        for (std::uint32_t c = 1; c < p.outletCitations.size(); ++c) {
            const std::uint32_t code = r.outlets.intern(p.outlets.value(c));
            if (code >= r.outletCitations.size())
                r.outletCitations.resize(code + 1, 0);
            r.outletCitations[code] += p.outletCitations[c];
        }
    }
    return r;
}

void IncidentColumns::gather(std::span<const std::uint32_t> order) {
    // Each column on its own: the columns are shared out between the cores, one list each.
    std::vector<std::function<void()>> jobs = {
        [&] { gatherVector(begin, order); },       [&] { gatherVector(end, order); },
        [&] { gatherVector(datePrecision, order); }, [&] { gatherVector(flags, order); },
        [&] { gatherVector(type, order); },        [&] { gatherVector(geoPrecision, order); },
        [&] { gatherVector(lon, order); },         [&] { gatherVector(lat, order); },
        [&] { gatherVector(killedLow, order); },   [&] { gatherVector(killedBest, order); },
        [&] { gatherVector(killedHigh, order); },  [&] { gatherVector(injured, order); },
        [&] { id = id.gathered(order); },          [&] { place = place.gathered(order); },
        [&] { country = country.gathered(order); }, [&] { province = province.gathered(order); },
        [&] { district = district.gathered(order); }, [&] { actors = actors.gathered(order); },
        [&] { records = std::move(records).gathered(order); },
    };
    const unsigned parts = order.size() > 100'000 ? workerCount() : 1;
    // Interleaved so each core gets a mix of wide and narrow columns.
    parallelSlices(parts, parts, [&](std::size_t p0, std::size_t p1) {
        for (std::size_t p = p0; p < p1; ++p)
            for (std::size_t j = p; j < jobs.size(); j += parts)
                jobs[j]();
    });
}

IncidentColumns IncidentColumns::gathered(std::span<const std::uint32_t> order) const {
    IncidentColumns out;
    auto copy = [&](const auto& from, auto& to) {
        if (from.empty())
            return;
        to.resize(order.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            to[k] = from[order[k]];
    };
    std::vector<std::function<void()>> jobs = {
        [&] { copy(begin, out.begin); },       [&] { copy(end, out.end); },
        [&] { copy(datePrecision, out.datePrecision); }, [&] { copy(flags, out.flags); },
        [&] { copy(type, out.type); },         [&] { copy(geoPrecision, out.geoPrecision); },
        [&] { copy(lon, out.lon); },           [&] { copy(lat, out.lat); },
        [&] { copy(killedLow, out.killedLow); }, [&] { copy(killedBest, out.killedBest); },
        [&] { copy(killedHigh, out.killedHigh); }, [&] { copy(injured, out.injured); },
        [&] { out.id = id.gathered(order); },  [&] { out.place = place.gathered(order); },
        [&] { out.country = country.gathered(order); },
        [&] { out.province = province.gathered(order); },
        [&] { out.district = district.gathered(order); },
        [&] { out.actors = actors.gathered(order); },
        [&] { out.records = records.gathered(order); },
    };
    const unsigned parts = order.size() > 100'000 ? workerCount() : 1;
    parallelSlices(parts, parts, [&](std::size_t p0, std::size_t p1) {
        for (std::size_t p = p0; p < p1; ++p)
            for (std::size_t j = p; j < jobs.size(); j += parts)
                jobs[j]();
    });
    // Credits follow the source: a filtered view cites what the data it came from cites.
    out.outlets = outlets;
    out.outletCitations = outletCitations;
    out.maxSources = maxSources;
    return out;
}

void IncidentColumns::finish() {
    records.finish();
    outlets.freeze();
    id.shrinkToFit();
    for (DictColumn* c : {&place, &country, &province, &district, &actors})
        c->freeze();
    for (auto* v : {&begin, &end, &killedLow, &killedBest, &killedHigh, &injured})
        v->shrink_to_fit();
    for (auto* v : {&datePrecision, &flags})
        v->shrink_to_fit();
    type.shrink_to_fit();
    geoPrecision.shrink_to_fit();
    lon.shrink_to_fit();
    lat.shrink_to_fit();
}

Incident IncidentColumns::incident(std::size_t i) const {
    Incident inc;
    inc.id = id.text(i);
    inc.startDate = QDate::fromJulianDay(begin[i]);
    if (flags[i] & kHasEndDate)
        inc.endDate = QDate::fromJulianDay(end[i] - 1);
    inc.datePrecision = static_cast<DatePrecision>(datePrecision[i]);
    inc.type = type[i];
    inc.place = place.text(i);
    inc.lon = lon[i];
    inc.lat = lat[i];
    inc.geoPrecision = geoPrecision[i];
    inc.country = country.text(i);
    inc.province = province.text(i);
    inc.district = district.text(i);
    inc.killed.low = optionalCount(count(killedLow, i));
    inc.killed.best = optionalCount(count(killedBest, i));
    inc.killed.high = optionalCount(count(killedHigh, i));
    inc.injured = optionalCount(count(injured, i));
    const std::string_view joined = actors.view(i);
    if (!joined.empty())
        inc.actors = qs(joined).split(QChar(kActorSeparator));
    const std::vector<std::string> rec = records.fields(i);
    if (!rec.empty())
        inc.summary = QString::fromStdString(rec[0]);
    for (std::size_t f = 1; f + 3 < rec.size(); f += 4) {
        SourceRef s;
        s.title = QString::fromStdString(rec[f]);
        s.outlet = QString::fromStdString(rec[f + 1]);
        if (!rec[f + 2].empty())
            s.date = QDate::fromJulianDay(std::stoll(rec[f + 2]));
        s.url = QString::fromStdString(rec[f + 3]);
        inc.sources.push_back(std::move(s));
    }
    return inc;
}

std::size_t IncidentColumns::memoryUsed() const {
    std::size_t bytes = id.memoryUsed() + records.memoryUsed();
    for (const DictColumn* c : {&place, &country, &province, &district, &actors})
        bytes += c->memoryUsed();
    for (const auto* v : {&begin, &end, &killedLow, &killedBest, &killedHigh, &injured})
        bytes += v->capacity() * sizeof(std::int32_t);
    bytes += datePrecision.capacity() + flags.capacity() + type.capacity() +
             geoPrecision.capacity() + (lon.capacity() + lat.capacity()) * sizeof(double);
    return bytes;
}

} // namespace borderlens
