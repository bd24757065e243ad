#include "map/legend_entry.h"

#include <QLocale>

namespace borderlens {

QString groupedNumber(qint64 n) {
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return english.toString(n);
}

QString LegendEntry::text() const {
    return count >= 0 ? QStringLiteral("%1 (%2)").arg(label, groupedNumber(count)) : label;
}

} // namespace borderlens
