#include "geo/coordinate_parser.h"

#include "geo/coordinate_transform.h"

#include <QRegularExpression>

#include <cmath>
#include <vector>

namespace borderlens {
namespace {

std::optional<LonLat> parseUtm(const QString& text) {
    static const QRegularExpression utm(
        QStringLiteral("^\\s*(\\d{1,2})\\s*([C-HJ-NP-Xc-hj-np-x])\\s+(\\d{3,7}(?:\\.\\d+)?)\\s*"
                       "(?:m?E)?[\\s,]+(\\d{1,8}(?:\\.\\d+)?)\\s*(?:m?N)?\\s*$"));
    const auto m = utm.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int zone = m.captured(1).toInt();
    const QChar band = m.captured(2).at(0).toUpper();
    if (zone < 1 || zone > 60)
        return std::nullopt;
    const bool north = band >= QLatin1Char('N');
    const Crs crs(QStringLiteral("EPSG:%1").arg((north ? 32600 : 32700) + zone));
    auto t = TransformCache::get(crs, Crs::wgs84());
    if (!t)
        return std::nullopt;
    double x = m.captured(3).toDouble(), y = m.captured(4).toDouble();
    if (!t.value()->transform(x, y) || std::isnan(x) || std::isnan(y))
        return std::nullopt;
    return LonLat{x, y};
}

// One of the two halves: degrees, minutes and seconds, and a hemisphere if one was given.
struct Component {
    std::vector<double> parts;
    std::vector<int> markers; // 0 none, 1 °, 2 ′, 3 ″ after each part
    QChar hemisphere;
    bool negative = false;
    bool closed = false; // a trailing hemisphere letter ended it

    std::optional<double> value() const {
        if (parts.empty() || parts.size() > 3)
            return std::nullopt;
        double v = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0 && !(parts[i] >= 0 && parts[i] < 60))
                return std::nullopt;
            v += parts[i] / std::pow(60.0, double(i));
        }
        const bool south = hemisphere == QLatin1Char('S') || hemisphere == QLatin1Char('W');
        return negative != south ? -v : v;
    }
};

} // namespace

std::optional<LonLat> parseCoordinate(const QString& input) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (auto utm = parseUtm(text))
        return utm;
    static const QRegularExpression token(QStringLiteral(
        "(-?\\d+(?:\\.\\d+)?)|([NSEWnsew])|([°º˚d])|(['′’´])|([\"″”]|'')|([,;\\s]+)|(.)"));
    std::vector<Component> comps(1);
    bool letters = false;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        Component* c = &comps.back();
        if (!m.captured(7).isEmpty())
            return std::nullopt; // anything else: not a coordinate
        if (!m.captured(6).isEmpty())
            continue;
        if (!m.captured(1).isEmpty()) {
            const double v = m.captured(1).toDouble();
            // A minus sign begins a half: "12.5 -130.8".
            if (c->closed || (v < 0 && !c->parts.empty())) {
                comps.emplace_back();
                c = &comps.back();
            }
            if (c->parts.empty())
                c->negative = m.captured(1).startsWith(QLatin1Char('-'));
            c->parts.push_back(std::abs(v));
            c->markers.push_back(0);
            continue;
        }
        if (!m.captured(2).isEmpty()) {
            letters = true;
            const QChar h = m.captured(2).at(0).toUpper();
            if (c->parts.empty() && c->hemisphere.isNull()) {
                c->hemisphere = h; // leading: N38.06
            } else if (!c->parts.empty() && c->hemisphere.isNull() && !c->closed) {
                c->hemisphere = h; // trailing: 38.06N
                c->closed = true;
            } else {
                comps.emplace_back();
                comps.back().hemisphere = h;
            }
            continue;
        }
        const int marker = !m.captured(3).isEmpty() ? 1 : !m.captured(4).isEmpty() ? 2 : 3;
        if (c->parts.empty() || c->markers.back() != 0)
            return std::nullopt;
        c->markers.back() = marker;
        continue;
    }
    // Without letters the halves are told apart by their marks: a number with a degree sign
    // begins a half, and so does a plain number after a plain number or after seconds
    // ("38.06 71.31", "38°03′ 71°18′"). "38 03 71 18" stays four numbers: refused.
    if (!letters) {
        std::vector<Component> split;
        for (const Component& c : comps) {
            for (std::size_t i = 0; i < c.parts.size(); ++i) {
                const int mark = c.markers[i];
                const bool begins =
                    split.empty() || (mark == 1) ||
                    (mark == 0 && (split.back().markers.back() == 0 ||
                                   split.back().markers.back() == 3));
                if (begins) {
                    split.emplace_back();
                    split.back().negative = i == 0 && c.negative;
                }
                split.back().parts.push_back(c.parts[i]);
                split.back().markers.push_back(mark);
            }
        }
        comps = std::move(split);
    }
    if (comps.size() != 2)
        return std::nullopt;
    const auto a = comps[0].value(), b = comps[1].value();
    if (!a || !b)
        return std::nullopt;
    auto isLat = [](const Component& c) {
        return c.hemisphere == QLatin1Char('N') || c.hemisphere == QLatin1Char('S');
    };
    auto isLon = [](const Component& c) {
        return c.hemisphere == QLatin1Char('E') || c.hemisphere == QLatin1Char('W');
    };
    LonLat out;
    if (isLon(comps[0]) || isLat(comps[1]) || (!letters && std::abs(*a) > 90)) {
        out = {*a, *b};
        if ((isLon(comps[0]) && isLon(comps[1])) || (isLat(comps[0]) && isLat(comps[1])))
            return std::nullopt;
    } else {
        out = {*b, *a};
        if (isLat(comps[1]) || isLon(comps[0]))
            return std::nullopt;
    }
    if (!(std::abs(out.lat) <= 90 && std::abs(out.lon) <= 180))
        return std::nullopt;
    return out;
}

} // namespace borderlens
