#pragma once

#include "analysis/district_trends.h"
#include "analysis/incident_filter.h"
#include "project/project.h"
#include "cli_command.h"
#include "export/briefing_layout.h"
#include "export/page_setup.h"
#include "geo/crs.h"
#include "geo/extent.h"
#include "render/map_settings.h"
#include "time/frame_sequence.h"
#include "util/result.h"

#include <QDate>
#include <QStringList>
#include <optional>

namespace borderlens::cli {

// What `export`, `frames` and `video` were asked for: the options both share (data, time, extent, CRS,
// page, layout) parsed in one place, then turned into a MapSettings and a BriefingLayout.
struct ExportRequest {
    enum class Mode { Export, Frames, Video };
    Mode mode = Mode::Export;

    QString out;    // export, video: the file
    QString outDir; // frames: the folder
    QString incidentsFile;
    QString outpostsFile;
    QStringList layerFiles;
    // Official district boundaries: drawn in place of the schematic ones.
    QString districtsFile;
    // From --project: the bundled map's use and the project's own map layers (path, title,
    // style, visibility), drawn where no --layer is given.
    bool bundledMap = true;
    QStringList hiddenBundled;
    std::vector<ProjectLayer> projectLayers;
    // Extra incident/outpost files beyond --incidents and --outposts (a project's others).
    QStringList moreIncidentFiles;
    std::optional<QDate> from;
    std::optional<QDate> to; // inclusive, as users say it
    bool cumulative = false;
    std::optional<PlaybackStep> step;
    std::optional<WindowSpec> window;
    std::optional<Extent> lonLatExtent;
    Crs crs = Crs::utm42n();
    PageSetup page;
    BriefingLayout layout;
    bool worldFile = false;
    // Name incidents (place, date) and facilities on the map. Off by default: names pile up
    // where incidents cluster, and the legend already tells the symbols apart.
    bool labels = false;
    // Colour the districts by trend band for the window (issue 15's choropleth), with its
    // legend; compared with the mean of trends.baselineWindows earlier windows.
    bool choropleth = false;
    TrendOptions trends;
    // The project's incident filter (issue 15): a briefing from a project shows what the viewer
    // showed. Empty: every incident.
    IncidentFilter filter;
    // The project's official districts, drawn or hidden: what its filter and choropleth count
    // by (as in the viewer); --districts, when given, is used instead.
    QString analysisDistrictsFile;
    // video: frames per second and how long the first and last frames stay up.
    double fps = 10;
    double holdFirstSeconds = 0;
    double holdLastSeconds = 0;

    // Parses `args` (after the command name). On a usage error (unknown option, missing value,
    // conflicting options) returns Usage; on bad values (date, CRS, extent) returns Failure. The
    // message is written to io.err. `--help` prints the usage and returns Ok with no request.
    struct Parsed;
    static Parsed parse(Mode mode, const QStringList& args, Io io);
    static void printUsage(Mode mode, QTextStream& s);
    static QString commandName(Mode mode);

    // Reads the layers and builds what the exporter draws. Errors name the file.
    struct Prepared {
        MapSettings map;
        BriefingLayout layout;
        TimeRange range; // the requested [from, to + 1 day), or all time
        int incidentCount = 0;
    };
    Result<Prepared> prepare(Io io) const;
};

struct ExportRequest::Parsed {
    std::optional<ExportRequest> request;
    int exitCode = Ok; // meaningful when there is no request
};

} // namespace borderlens::cli
