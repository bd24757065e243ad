#include "render/classify_field.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace borderlens {

QString categoryKey(const QVariant& value) {
    return value.isNull() ? QString() : value.toString();
}

bool isNumericField(const Field& field) {
    switch (field.type) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

std::vector<double> numericValues(const AttributeTable& attributes, int field) {
    std::vector<double> out;
    if (field < 0 || static_cast<std::size_t>(field) >= attributes.fieldCount())
        return out;
    out.reserve(attributes.rowCount());
    for (const QVariant& v : attributes.column(static_cast<std::size_t>(field))) {
        bool ok = false;
        const double x = v.isNull() ? 0.0 : v.toDouble(&ok);
        if (ok && std::isfinite(x))
            out.push_back(x);
    }
    return out;
}

QColor qualitativeColour(int i, int alpha) {
    // Tableau 10: strong enough to tell apart at half transparency, none of them alarming.
    static constexpr std::array<QRgb, 10> tableau = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2,
                                                     0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7,
                                                     0x9c755f, 0xbab0ac};
    QColor c;
    if (i >= 0 && static_cast<std::size_t>(i) < tableau.size()) {
        c = QColor::fromRgb(tableau[static_cast<std::size_t>(i)]);
    } else {
        const double hue = std::fmod(0.6180339887 * i, 1.0); // the golden angle, as a fraction
        c = QColor::fromHsvF(static_cast<float>(hue), i % 2 ? 0.45f : 0.65f, i % 3 ? 0.85f : 0.7f);
    }
    c.setAlpha(alpha);
    return c;
}

QColor rampColour(const QColor& from, const QColor& to, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto mix = [t](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * t));
    };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()), mix(from.alpha(), to.alpha()));
}

std::vector<StyleCategory> categoriesFor(const AttributeTable& attributes, int field, int alpha,
                                         int maxCategories) {
    std::vector<StyleCategory> out;
    if (field < 0 || static_cast<std::size_t>(field) >= attributes.fieldCount())
        return out;
    QHash<QString, int> counts;
    for (const QVariant& v : attributes.column(static_cast<std::size_t>(field)))
        ++counts[categoryKey(v)];
    std::vector<std::pair<QString, int>> values(counts.keyValueBegin(), counts.keyValueEnd());
    const bool capped = values.size() > static_cast<std::size_t>(std::max(1, maxCategories));
    if (capped) {
        // The most frequent values, ties by value so the choice never depends on hashing.
        std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        values.resize(static_cast<std::size_t>(std::max(1, maxCategories)));
    }
    const bool numeric = isNumericField(attributes.fields()[static_cast<std::size_t>(field)]);
    std::sort(values.begin(), values.end(), [numeric](const auto& a, const auto& b) {
        if (a.first.isEmpty() != b.first.isEmpty())
            return b.first.isEmpty(); // no value last
        if (numeric)
            return a.first.toDouble() < b.first.toDouble();
        const int c = a.first.compare(b.first, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.first < b.first;
    });
    for (const auto& [value, n] : values) {
        StyleCategory c;
        c.value = value;
        c.label = value.isEmpty() ? QStringLiteral("(no value)") : value;
        c.colour = qualitativeColour(static_cast<int>(out.size()), alpha);
        out.push_back(c);
    }
    if (capped) {
        StyleCategory rest;
        rest.other = true;
        rest.label = QStringLiteral("Other values");
        rest.colour = QColor(0xb0, 0xb0, 0xb0, alpha);
        out.push_back(rest);
    }
    return out;
}

namespace {

// Decimals for the bounds: enough to give the narrowest class's width two figures, and up to two
// more where a bound needs them to be shown as it is (50.5, not 51), at most six.
int decimalsFor(const std::vector<double>& bounds) {
    double narrowest = 0;
    for (std::size_t i = 1; i < bounds.size(); ++i) {
        const double w = bounds[i] - bounds[i - 1];
        if (w > 0 && (narrowest == 0 || w < narrowest))
            narrowest = w;
    }
    const int least =
        narrowest > 0 ? std::clamp(1 - static_cast<int>(std::floor(std::log10(narrowest))), 0, 6)
                      : 0;
    auto exact = [&](int d) {
        const double scale = std::pow(10.0, d);
        return std::all_of(bounds.begin(), bounds.end(), [&](double b) {
            return std::abs(std::round(b * scale) / scale - b) <= 1e-9 * std::max(1.0, std::abs(b));
        });
    };
    int d = least;
    while (d < std::min(6, least + 2) && !exact(d))
        ++d;
    return d;
}

// A bound as a legend prints it: English digits (briefings are in English, whatever the
// user's locale), without trailing zeros.
QString boundText(double v, int decimals) {
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QString t = english.toString(v, 'f', decimals);
    if (t.contains(QLatin1Char('.'))) {
        while (t.endsWith(QLatin1Char('0')))
            t.chop(1);
        if (t.endsWith(QLatin1Char('.')))
            t.chop(1);
    }
    return t == QLatin1String("-0") ? QStringLiteral("0") : t;
}

} // namespace

std::vector<StyleRange> rangesFor(const AttributeTable& attributes, int field,
                                  ClassificationMethod method, int classes, const QColor& from,
                                  const QColor& to) {
    const std::vector<double> values = numericValues(attributes, field);
    const std::vector<double> breaks = classBreaks(method, values, classes);
    std::vector<StyleRange> out;
    if (breaks.empty())
        return out;
    std::vector<double> bounds{*std::min_element(values.begin(), values.end())};
    bounds.insert(bounds.end(), breaks.begin(), breaks.end());
    const int decimals = decimalsFor(bounds);
    const std::size_t n = breaks.size();
    for (std::size_t k = 0; k < n; ++k) {
        StyleRange r;
        r.lower = bounds[k];
        r.upper = bounds[k + 1];
        r.colour = rampColour(from, to, n > 1 ? static_cast<double>(k) / double(n - 1) : 1.0);
        r.label = QStringLiteral("%1 – %2").arg(boundText(r.lower, decimals),
                                                boundText(r.upper, decimals));
        out.push_back(r);
    }
    return out;
}

} // namespace borderlens
