#include "export/briefing_layout.h"

#include <QLocale>

namespace borderlens {

namespace {

QString displayDate(QDate d) {
    // English month names whatever the system locale: briefings are in English.
    return QLocale::c().toString(d, QStringLiteral("d MMM yyyy"));
}

} // namespace

QString BriefingLayout::subtitleFor(const TimeRange& window) const {
    if (!subtitle.isEmpty())
        return subtitle;
    if (window.isAll())
        return QStringLiteral("All dates");
    if (cumulative && !window.isEmpty())
        return QStringLiteral("through %1 (cumulative from %2)")
            .arg(displayDate(window.lastDate()), displayDate(window.beginDate()));
    return window.toDisplayString();
}

QString BriefingLayout::createdText() const {
    const QDateTime utc = created.toUTC();
    if (createdDateOnly)
        return QStringLiteral("Created ") + utc.toString(QStringLiteral("yyyy-MM-dd"));
    return QStringLiteral("Created ") + utc.toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QStringList
BriefingLayout::attributionParts(const std::vector<std::shared_ptr<const MapLayer>>& layers) const {
    QStringList parts;
    auto add = [&parts](const QString& s) {
        const QString t = s.trimmed();
        if (!t.isEmpty() && !parts.contains(t))
            parts << t;
    };
    for (const auto& layer : layers)
        for (const QString& a : layer->attributions())
            add(a);
    for (const QString& a : extraAttributions)
        add(a);
    if (dataCutoff && dataCutoff->isValid())
        add(QStringLiteral("Data to ") + displayDate(*dataCutoff));
    add(createdText());
    return parts;
}

} // namespace borderlens
