#include "incidents/import/place_resolver.h"

#include <QStringList>

namespace borderlens {

QString PlaceQuery::describe() const {
    QStringList units;
    for (const QString* unit : {&district, &province, &country}) {
        if (!unit->trimmed().isEmpty())
            units << unit->trimmed();
    }
    const QString asked = name.trimmed().isEmpty() ? QStringLiteral("(no place named)")
                                                   : QStringLiteral("'%1'").arg(name.trimmed());
    return units.isEmpty() ? asked
                           : QStringLiteral("%1 (%2)").arg(asked, units.join(QStringLiteral(", ")));
}

QString ResolvedPlace::describe() const {
    QString text = name;
    if (!matchedName.isEmpty() && matchedName != name)
        text += QStringLiteral(" as '%1'").arg(matchedName);
    text += QStringLiteral(" (%1, %2, %3)").arg(id, kind, country);
    if (!fallback.isEmpty())
        text += QStringLiteral(" — ") + fallback;
    return text;
}

} // namespace borderlens
