#include "store/record_validation.h"

#include <cmath>

namespace borderlens {
namespace {

void checkPosition(double lon, double lat, std::vector<FieldProblem>& out) {
    if (!std::isfinite(lon) || lon < -180 || lon > 180)
        out.push_back({QStringLiteral("lon"),
                       QStringLiteral("longitude %1 is not between -180 and 180").arg(lon)});
    if (!std::isfinite(lat) || lat < -90 || lat > 90)
        out.push_back({QStringLiteral("lat"),
                       QStringLiteral("latitude %1 is not between -90 and 90").arg(lat)});
    // 0,0 is in the Gulf of Guinea: a form left blank, not an incident on the Panj.
    if (lon == 0 && lat == 0)
        out.push_back({QStringLiteral("lon"),
                       QStringLiteral("no place given (0, 0): choose a place or click the map")});
}

void checkSources(const std::vector<SourceRef>& sources, std::vector<FieldProblem>& out) {
    for (std::size_t k = 0; k < sources.size(); ++k) {
        const SourceRef& s = sources[k];
        if (s.title.trimmed().isEmpty() && s.outlet.trimmed().isEmpty() && s.url.trimmed().isEmpty())
            out.push_back({QStringLiteral("sources"),
                           QStringLiteral("source %1 has no title, outlet or address").arg(k + 1)});
    }
}

void checkCount(const std::optional<int>& v, const char* field, const QString& what,
                std::vector<FieldProblem>& out) {
    if (v && *v < 0)
        out.push_back({QString::fromLatin1(field), QStringLiteral("%1 cannot be negative").arg(what)});
}

} // namespace

std::vector<FieldProblem> validateIncident(const Incident& i, const QDate& today) {
    std::vector<FieldProblem> out;
    if (!i.startDate.isValid())
        out.push_back({QStringLiteral("start_date"), QStringLiteral("the date is missing")});
    else if (today.isValid() && i.startDate > today)
        out.push_back({QStringLiteral("start_date"),
                       QStringLiteral("%1 is in the future").arg(i.startDate.toString(Qt::ISODate))});
    if (i.endDate && i.startDate.isValid() && *i.endDate < i.startDate)
        out.push_back({QStringLiteral("end_date"),
                       QStringLiteral("the end (%1) is before the start (%2)")
                           .arg(i.endDate->toString(Qt::ISODate), i.startDate.toString(Qt::ISODate))});
    checkPosition(i.lon, i.lat, out);
    checkCount(i.killed.low, "killed_low", QStringLiteral("killed (low)"), out);
    checkCount(i.killed.best, "killed_best", QStringLiteral("killed (best)"), out);
    checkCount(i.killed.high, "killed_high", QStringLiteral("killed (high)"), out);
    checkCount(i.injured, "injured", QStringLiteral("injured"), out);
    const auto& k = i.killed;
    if (k.low && k.best && *k.low > *k.best)
        out.push_back({QStringLiteral("killed_low"),
                       QStringLiteral("killed: low (%1) is above best (%2)").arg(*k.low).arg(*k.best)});
    if (k.best && k.high && *k.best > *k.high)
        out.push_back({QStringLiteral("killed_high"),
                       QStringLiteral("killed: high (%1) is below best (%2)").arg(*k.high).arg(*k.best)});
    if (k.low && k.high && *k.low > *k.high)
        out.push_back({QStringLiteral("killed_high"),
                       QStringLiteral("killed: high (%1) is below low (%2)").arg(*k.high).arg(*k.low)});
    if (i.country.size() > 0 && i.country.size() != 2)
        out.push_back({QStringLiteral("country"),
                       QStringLiteral("country '%1' is not a two-letter ISO code (TJ, AF)").arg(i.country)});
    checkSources(i.sources, out);
    return out;
}

std::vector<FieldProblem> validateFacility(const Facility& f, const QDate& today) {
    std::vector<FieldProblem> out;
    if (f.name.trimmed().isEmpty())
        out.push_back({QStringLiteral("name"), QStringLiteral("the name is missing")});
    checkPosition(f.lon, f.lat, out);
    if (f.opened && today.isValid() && *f.opened > today)
        out.push_back({QStringLiteral("opened"),
                       QStringLiteral("%1 is in the future").arg(f.opened->toString(Qt::ISODate))});
    if (f.opened && f.closed && *f.closed <= *f.opened)
        out.push_back({QStringLiteral("closed"),
                       QStringLiteral("closed (%1) is not after opened (%2)")
                           .arg(f.closed->toString(Qt::ISODate), f.opened->toString(Qt::ISODate))});
    checkSources(f.sources, out);
    return out;
}

} // namespace borderlens
