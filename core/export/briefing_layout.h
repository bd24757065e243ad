#pragma once

#include "map/map_layer.h"
#include "time/time_range.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// What a briefing page shows around the map frame. A plain value: the export dialog, the CLI and
// the tests each build one; LayoutRenderer draws it.
struct BriefingLayout {
    QString title;
    // Empty: derived from the map's time window (see subtitleFor()).
    QString subtitle;
    // The time window is cumulative (everything since the range start): the subtitle then says
    // "through <last day>" instead of naming a moving window.
    bool cumulative = false;

    bool legend = true;
    bool inset = true;
    bool graticule = true;
    bool northArrow = true;
    bool scaleBar = true;
    bool attribution = true;
    // Only the map frame, edge to edge, nothing around it (what a world file describes).
    bool mapOnly = false;

    // A handling banner drawn at the top and bottom of the page ("UNCLASSIFIED // FOR
    // BRIEFING"); empty means none.
    QString banner;

    // Credits beyond the layers' own attributions() (a data provider named on the command line).
    QStringList extraAttributions;
    // When the page was made, shown as "Created …". Injectable so tests and scripted exports can
    // be reproducible; createdDateOnly prints the day alone ("Created 2026-11-23").
    QDateTime created = QDateTime::currentDateTimeUtc();
    bool createdDateOnly = false;
    // The last day the data is known to cover ("Data to 25 Dec 2025"); none if unset.
    std::optional<QDate> dataCutoff;

    // The subtitle for `window`: `subtitle` if set, else "24 Nov 2025 – 23 Dec 2025 (30 days)",
    // or "through 31 Dec 2025 (cumulative from 1 Nov 2025)" in cumulative mode.
    QString subtitleFor(const TimeRange& window) const;
    // "Created 2026-11-23 10:00 UTC" (or the day alone, see createdDateOnly).
    QString createdText() const;
    // The attribution line's parts, in order and without duplicates: the visible layers' credits
    // (bottom layer first, so base data comes before incident sources), the extra ones, the
    // data cut-off and the created timestamp.
    QStringList attributionParts(const std::vector<std::shared_ptr<const MapLayer>>& layers) const;
};

} // namespace borderlens
