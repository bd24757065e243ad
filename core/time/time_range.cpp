#include "time/time_range.h"

#include <QLocale>

namespace borderlens {

QString TimeRange::toDisplayString() const {
    if (isAll())
        return QStringLiteral("all time");
    if (isEmpty())
        return QStringLiteral("empty range");
    // English month abbreviations whatever the system locale: briefings are in English.
    const QLocale c = QLocale::c();
    const QString fmt = QStringLiteral("d MMM yyyy");
    const QString first = c.toString(beginDate(), fmt);
    if (days() == 1)
        return QStringLiteral("%1 (1 day)").arg(first);
    return QStringLiteral("%1 – %2 (%3 days)")
        .arg(first, c.toString(lastDate(), fmt))
        .arg(days());
}

} // namespace borderlens
