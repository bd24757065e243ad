#include "map/legend_entry.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace borderlens {

QString groupedNumber(qint64 n) {
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return english.toString(n);
}

QString roundedNumber(double v) {
    if (!(v > 0))
        return QStringLiteral("0");
    const int digits = static_cast<int>(std::floor(std::log10(v))); // 130 -> 2
    if (digits >= 1) {
        const double unit = std::pow(10.0, digits - 1);
        return groupedNumber(static_cast<qint64>(std::llround(v / unit) * unit));
    }
    return QString::number(v, 'f', std::clamp(1 - digits, 0, 9));
}

QString LegendEntry::text() const {
    return count >= 0 ? QStringLiteral("%1 (%2)").arg(label, groupedNumber(count)) : label;
}

} // namespace borderlens
