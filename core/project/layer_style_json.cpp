#include "project/layer_style_json.h"

#include "util/enum_table.h"

#include <QJsonArray>
#include <array>
#include <cmath>

namespace borderlens {
namespace {

constexpr std::array<EnumKey<Qt::PenStyle>, 6> kPenStyles{{{Qt::NoPen, "none"},
                                                           {Qt::SolidLine, "solid"},
                                                           {Qt::DashLine, "dash"},
                                                           {Qt::DotLine, "dot"},
                                                           {Qt::DashDotLine, "dash_dot"},
                                                           {Qt::DashDotDotLine, "dash_dot_dot"}}};
constexpr std::array<EnumKey<MarkerShape>, 5> kMarkers{{{MarkerShape::Circle, "circle"},
                                                        {MarkerShape::Square, "square"},
                                                        {MarkerShape::Triangle, "triangle"},
                                                        {MarkerShape::Diamond, "diamond"},
                                                        {MarkerShape::Cross, "cross"}}};
constexpr std::array<EnumKey<RendererKind>, 3> kRenderers{
    {{RendererKind::Single, "single"},
     {RendererKind::Categorised, "categorised"},
     {RendererKind::Graduated, "graduated"}}};
constexpr std::array<EnumKey<ClassificationMethod>, 3> kMethods{
    {{ClassificationMethod::EqualInterval, "equal_interval"},
     {ClassificationMethod::Quantile, "quantile"},
     {ClassificationMethod::NaturalBreaks, "natural_breaks"}}};

QString colourText(const QColor& c) {
    return c.name(QColor::HexArgb);
}

// Reads the style's keys one by one, remembering the first problem with where it was.
class Reader {
public:
    Reader(const QJsonObject& json, QString where) : m_json(json), m_where(std::move(where)) {}

    std::optional<Error> error() const { return m_error; }

    void colour(const char* key, QColor& out) {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        const QColor c = v.isString() ? QColor::fromString(v.toString()) : QColor();
        if (!c.isValid())
            fail(key, QStringLiteral("expected a colour such as \"#ff1f78b4\""));
        else
            out = QColor::fromRgba(c.rgba()); // 8 bits a channel, as written back ("#rrrgggbbb"
                                              // and names are accepted, then rounded)
    }
    void number(const char* key, double& out, double lo, double hi) {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < lo || v.toDouble() > hi)
            fail(key, QStringLiteral("expected a number from %1 to %2").arg(lo).arg(hi));
        else
            out = v.toDouble();
    }
    void integer(const char* key, int& out, int lo, int hi) {
        double d = out;
        number(key, d, lo, hi);
        if (d != std::floor(d))
            fail(key, QStringLiteral("expected a whole number"));
        else
            out = static_cast<int>(d);
    }
    template <typename E, std::size_t N>
    void key(const char* name, E& out, const std::array<EnumKey<E>, N>& table) {
        const QJsonValue v = m_json.value(QLatin1String(name));
        if (v.isUndefined())
            return;
        const auto e = v.isString() ? enumFromKey(table, v.toString()) : std::nullopt;
        if (!e) {
            QStringList keys;
            for (const auto& row : table)
                keys << QString::fromLatin1(row.key.data(), qsizetype(row.key.size()));
            fail(name, QStringLiteral("expected one of %1").arg(keys.join(QStringLiteral(", "))));
        } else {
            out = *e;
        }
    }
    void fail(const char* key, const QString& why) {
        if (!m_error)
            m_error =
                Error{QString(), QStringLiteral("%1.%2: %3").arg(m_where, QLatin1String(key), why)};
    }
    void fail(const QString& why) {
        if (!m_error)
            m_error = Error{QString(), QStringLiteral("%1: %2").arg(m_where, why)};
    }

private:
    const QJsonObject& m_json;
    QString m_where;
    std::optional<Error> m_error;
};

} // namespace

QJsonObject layerStyleToJson(const LayerStyle& s) {
    QJsonObject o;
    o[QStringLiteral("fill")] = colourText(s.fill);
    o[QStringLiteral("stroke")] = colourText(s.stroke);
    o[QStringLiteral("stroke_width_mm")] = s.strokeWidthMm;
    o[QStringLiteral("stroke_style")] = keyString(kPenStyles, s.strokeStyle);
    o[QStringLiteral("marker_size_mm")] = s.markerSizeMm;
    o[QStringLiteral("marker")] = keyString(kMarkers, s.marker);
    o[QStringLiteral("opacity")] = s.opacity;
    o[QStringLiteral("renderer")] = keyString(kRenderers, s.renderer);
    o[QStringLiteral("class_field")] = s.classField;
    o[QStringLiteral("method")] = keyString(kMethods, s.method);
    o[QStringLiteral("class_count")] = s.classCount;
    o[QStringLiteral("ramp_from")] = colourText(s.rampFrom);
    o[QStringLiteral("ramp_to")] = colourText(s.rampTo);
    QJsonArray categories;
    for (const StyleCategory& c : s.categories)
        categories.append(QJsonObject{{QStringLiteral("value"), c.value},
                                      {QStringLiteral("colour"), colourText(c.colour)},
                                      {QStringLiteral("label"), c.label},
                                      {QStringLiteral("visible"), c.visible},
                                      {QStringLiteral("other"), c.other}});
    o[QStringLiteral("categories")] = categories;
    QJsonArray ranges;
    for (const StyleRange& r : s.ranges)
        ranges.append(QJsonObject{{QStringLiteral("lower"), r.lower},
                                  {QStringLiteral("upper"), r.upper},
                                  {QStringLiteral("colour"), colourText(r.colour)},
                                  {QStringLiteral("label"), r.label},
                                  {QStringLiteral("visible"), r.visible}});
    o[QStringLiteral("ranges")] = ranges;
    o[QStringLiteral("label_field")] = s.labelField;
    o[QStringLiteral("labels")] = s.labels;
    o[QStringLiteral("label_capitals")] = s.labelCapitals;
    return o;
}

Result<LayerStyle> layerStyleFromJson(const QJsonObject& json, const QString& where) {
    LayerStyle s;
    Reader r(json, where);
    r.colour("fill", s.fill);
    r.colour("stroke", s.stroke);
    r.number("stroke_width_mm", s.strokeWidthMm, 0, 50);
    r.key("stroke_style", s.strokeStyle, kPenStyles);
    r.number("marker_size_mm", s.markerSizeMm, 0, 100);
    r.key("marker", s.marker, kMarkers);
    r.number("opacity", s.opacity, 0, 1);
    r.key("renderer", s.renderer, kRenderers);
    r.integer("class_field", s.classField, -1, 1 << 20);
    r.key("method", s.method, kMethods);
    r.integer("class_count", s.classCount, 1, 100);
    r.colour("ramp_from", s.rampFrom);
    r.colour("ramp_to", s.rampTo);
    r.integer("label_field", s.labelField, -1, 1 << 20);
    // Projects from before labels were drawn have neither: labels on, plain.
    s.labels = json.value(QStringLiteral("labels")).toBool(true);
    s.labelCapitals = json.value(QStringLiteral("label_capitals")).toBool(false);
    const auto array = [&](const char* key) -> QJsonArray {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isArray())
            r.fail(key, QStringLiteral("expected a list"));
        return v.toArray();
    };
    const QJsonArray categories = array("categories");
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QString at = QStringLiteral("%1.categories[%2]").arg(where).arg(i);
        if (!categories[i].isObject())
            return Error{QString(), QStringLiteral("%1: expected an object").arg(at)};
        const QJsonObject c = categories[i].toObject();
        Reader cr(c, at);
        StyleCategory category;
        category.value = c.value(QStringLiteral("value")).toString();
        category.label = c.value(QStringLiteral("label")).toString();
        category.visible = c.value(QStringLiteral("visible")).toBool(true);
        category.other = c.value(QStringLiteral("other")).toBool(false);
        cr.colour("colour", category.colour);
        if (cr.error())
            return *cr.error();
        if (!category.colour.isValid()) // a class is its colour: none is not a default
            return Error{QString(), QStringLiteral("%1.colour: a category needs a colour").arg(at)};
        s.categories.push_back(category);
    }
    const QJsonArray ranges = array("ranges");
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        const QString at = QStringLiteral("%1.ranges[%2]").arg(where).arg(i);
        if (!ranges[i].isObject())
            return Error{QString(), QStringLiteral("%1: expected an object").arg(at)};
        const QJsonObject o = ranges[i].toObject();
        Reader rr(o, at);
        StyleRange range;
        rr.number("lower", range.lower, -1e300, 1e300);
        rr.number("upper", range.upper, -1e300, 1e300);
        rr.colour("colour", range.colour);
        range.label = o.value(QStringLiteral("label")).toString();
        range.visible = o.value(QStringLiteral("visible")).toBool(true);
        if (rr.error())
            return *rr.error();
        if (!range.colour.isValid())
            return Error{QString(), QStringLiteral("%1.colour: a range needs a colour").arg(at)};
        if (range.lower > range.upper)
            return Error{QString(), QStringLiteral("%1: lower is above upper").arg(at)};
        s.ranges.push_back(range);
    }
    if (r.error())
        return *r.error();
    return s;
}

} // namespace borderlens
