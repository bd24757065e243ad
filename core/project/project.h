#pragma once

#include "analysis/district_trends.h"
#include "analysis/incident_filter.h"
#include "geo/crs.h"
#include "geo/extent.h"
#include "render/layer_style.h"
#include "time/frame_sequence.h"
#include "time/time_range.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace borderlens {

// One of the user's layers in a project, as they arranged it.
struct ProjectLayer {
    // Map: drawn as read (shapefile, GeoJSON, GeoPackage…). Incidents: imported as incidents
    // and/or outposts (native, ACLED, UCDP), recognised from the header as on the command line.
    enum class Kind { Map, Incidents };

    QString path; // absolute while in memory; relative to the project file on disk where possible
    QString title = {}; // empty: the file's own name
    Kind kind = Kind::Map;
    bool visible = true;
    std::optional<LayerStyle> style = {}; // map layers; none: the default for what they hold
    // The district boundaries in use (official ones from geoBoundaries, OCHA, GADM): the
    // schematic districts step aside, as in the viewer.
    bool districts = false;
    // Map layers the user made temporal (Layer Properties ▸ Time): the attribute holding each
    // feature's date, by name; empty when the layer is not filtered by time.
    QString timeField = {};

    friend bool operator==(const ProjectLayer&, const ProjectLayer&) = default;
};

// The briefing's settings that belong to the work rather than to the machine.
struct ProjectExport {
    QString title = {};
    QString subtitle = {};
    QString banner = {};
    QSize size = {1920, 1080};
    bool legend = true;
    bool inset = true;
    bool graticule = true;
    bool northArrow = true;
    bool scaleBar = true;
    bool attribution = true;
    bool labels = false;

    friend bool operator==(const ProjectExport&, const ProjectExport&) = default;
};

// An analyst's session: what is on the map and how, where the map looks, which time it shows and
// how a briefing is made of it. One value that the viewer, the CLI and the tests build from and
// save (.blproj, see project_file.h). Plain data: no file is read by making one.
struct Project {
    // The bundled base map (countries, districts, rivers, border, seats) and sample data come
    // first, under the user's layers; off for a project made only of the user's files.
    bool bundledMap = true;
    // Bundled layers the user hid, by file name ("districts_schematic.shp").
    QStringList hiddenBundled = {};
    std::vector<ProjectLayer> layers = {}; // the user's, bottom first

    Crs crs = Crs::utm42n();
    std::optional<Extent> lonLatExtent = {}; // none: the border's extent

    // The time window shown: none means all of the data. Half-open, as everywhere in core.
    std::optional<TimeRange> window = {};
    WindowSpec windowSpec = {};
    PlaybackStep step = {PlaybackStep::Unit::Week, 1};

    ProjectExport briefing = {};

    // The session's one incident filter (map, table, charts, exports alike); empty: none. Saved
    // as "filter" (absent in older projects, which then open unfiltered).
    IncidentFilter filter = {};
    // How district trends and the choropleth compare a window with its baseline ("trends").
    TrendOptions trends = {};

    friend bool operator==(const Project&, const Project&) = default;
};

} // namespace borderlens
