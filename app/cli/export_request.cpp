#include "export_request.h"

#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "export/map_exporter.h"
#include "export/video_encoder.h"
#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"
#include "geo/proj_handles.h"
#include "incidents/import/bundled_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "incidents/incident_store.h"
#include "io/reader_registry.h"
#include "labels/place_names.h"
#include "analysis/derived_facts.h"
#include "map/district_choropleth_layer.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "option_values.h"
#include "project/project_file.h"

#include <QDir>
#include <QFileInfo>
#include <QMultiHash>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace borderlens::cli {

namespace {

// When the border line cannot be read: the Tajik–Afghan border region, lon/lat.
const Extent kFallbackRegion{67.3, 36.4, 75.2, 39.6};
// Around the border line's own extent, so the river and both banks are in view.
constexpr double kBorderMarginDegrees = 0.4;

const QStringList kValueOptions = {
    QStringLiteral("--out"),         QStringLiteral("--out-dir"), QStringLiteral("--incidents"),
    QStringLiteral("--outposts"),    QStringLiteral("--layer"),   QStringLiteral("--from"),
    QStringLiteral("--to"),          QStringLiteral("--extent"),  QStringLiteral("--crs"),
    QStringLiteral("--size"),        QStringLiteral("--paper"),   QStringLiteral("--orientation"),
    QStringLiteral("--dpi"),         QStringLiteral("--title"),   QStringLiteral("--subtitle"),
    QStringLiteral("--banner"),      QStringLiteral("--step"),    QStringLiteral("--window"),
    QStringLiteral("--data-cutoff"), QStringLiteral("--credit"),  QStringLiteral("--project"),
    QStringLiteral("--districts"),   QStringLiteral("--fps"),     QStringLiteral("--hold-first"),
    QStringLiteral("--hold-last")};
// A GIF's default frame: a quarter of 1080p keeps a minute of playback a few megabytes.
const QSize kGifDefaultSize(960, 540);
const QStringList kFlags = {QStringLiteral("--cumulative"),
                            QStringLiteral("--no-legend"),
                            QStringLiteral("--no-inset"),
                            QStringLiteral("--no-graticule"),
                            QStringLiteral("--no-north-arrow"),
                            QStringLiteral("--no-scale-bar"),
                            QStringLiteral("--no-attribution"),
                            QStringLiteral("--map-only"),
                            QStringLiteral("--world-file"),
                            QStringLiteral("--labels"),
                            QStringLiteral("--choropleth"),
                            QStringLiteral("--help")};

} // namespace

QString ExportRequest::commandName(Mode mode) {
    switch (mode) {
    case Mode::Export:
        return QStringLiteral("export");
    case Mode::Frames:
        return QStringLiteral("frames");
    case Mode::Video:
        return QStringLiteral("video");
    }
    return {};
}

void ExportRequest::printUsage(Mode mode, QTextStream& s) {
    if (mode == Mode::Export)
        s << "usage: borderlens-cli export --out FILE.(png|pdf|svg) [options]\n"
             "Draws a briefing map: title, time window, map, legend with counts, locator inset,\n"
             "scale bar, true-north arrow, graticule, attribution and optional banner.\n";
    else if (mode == Mode::Video)
        s << "usage: borderlens-cli video --out FILE.(mp4|gif) --from DATE --to DATE --step 1d|7d|1m\n"
             "                           [--window 30d | --cumulative] [--fps N] [options]\n"
             "Writes the playback as an MP4 (H.264) or animated GIF: the frames of 'frames', one\n"
             "per playback step, written to a temporary file and renamed when complete.\n"
             "  --step N(d|w|m)     how far each frame moves: days, weeks or calendar months\n"
             "  --window Nd         each frame shows the last N days (default 30d)\n"
             "  --cumulative        each frame shows everything since --from\n"
             "  --fps N             frames per second, 1 to 60 (default 10)\n"
             "  --hold-first S --hold-last S   keep the first / last frame up S more seconds\n"
             "                      (0 to 60; an MP4 repeats the frame, a GIF shows it longer)\n"
             "  --size WxH          frame size (default 1920x1080 for MP4, 960x540 for GIF;\n"
             "                      an MP4's odd last row or column is left out)\n";
    else
        s << "usage: borderlens-cli frames --out-dir DIR --from DATE --to DATE --step 1d|7d|1m\n"
             "                            [--window 30d | --cumulative] [options]\n"
             "Writes one PNG per playback step (frame_0001.png, …) with the slider's windows.\n"
             "  --step N(d|w|m)     how far each frame moves: days, weeks or calendar months\n"
             "  --window Nd         each frame shows the last N days (default 30d)\n"
             "  --cumulative        each frame shows everything since --from\n";
    s << "data (with none of these: the bundled base layers, sample incidents and outposts):\n"
         "  --incidents FILE    incidents CSV (native, ACLED, UCDP GED) or GeoPackage\n"
         "  --outposts FILE     outposts and facilities (native CSV)\n"
         "  --layer FILE        a base layer (any vector format); repeat for more. Without it\n"
         "                      the bundled base layers are drawn\n"
         "  --districts FILE    official district boundaries, drawn instead of the schematic\n"
         "                      ones\n"
         "  --project P.blproj  the project's layers, styles, view, time and briefing settings;\n"
         "                      the other options override it\n"
         "time:\n"
         "  --from YYYY-MM-DD   first day shown\n"
         "  --to YYYY-MM-DD     last day shown (inclusive)\n";
    if (mode == Mode::Export)
        s << "  --cumulative        say 'through <to>' (everything since --from)\n";
    s << "map and page:\n"
         "  --extent minlon,minlat,maxlon,maxlat   area to show (default: the Tajik–Afghan "
         "border)\n"
         "  --crs EPSG:NNNN     display CRS (default EPSG:32642, UTM zone 42N)\n"
         "  --size WxH          pixel size (default 1920x1080 for PNG and SVG); the page is laid\n"
         "                      out like 1920x1080 at 150 dpi, scaled (--dpi overrides)\n"
         "  --paper A4|A3|Letter --orientation landscape|portrait --dpi N\n"
         "                      paper size (default for PDF: A4 landscape, 300 dpi)\n"
         "  --title TEXT  --subtitle TEXT  --banner TEXT (top and bottom, e.g. a handling note)\n"
         "  --credit TEXT       an extra attribution (repeatable)\n"
         "  --data-cutoff YYYY-MM-DD   say 'Data to <date>' in the attribution\n"
         "  --labels            name incidents (place, date) and facilities on the map\n"
         "  --choropleth        colour the districts (--districts, else the schematic ones) by\n"
         "                      the change of the window's incidents against the mean of the 4\n"
         "                      windows before it, with surges hatched (see 'stats --help')\n"
         "  --no-legend --no-inset --no-graticule --no-north-arrow --no-scale-bar "
         "--no-attribution\n";
    if (mode == Mode::Export)
        s << "  --map-only          only the map, edge to edge\n"
             "  --world-file        also write FILE.pgw and FILE.prj (PNG; implies --map-only)\n";
    s << "The 'Created' date is today (UTC, day only), or SOURCE_DATE_EPOCH when set, so the\n"
         "same command gives the same bytes all day.\n"
         "exit codes: 0 ok, 1 bad input or failed write, 2 usage error\n";
}

ExportRequest::Parsed ExportRequest::parse(Mode mode, const QStringList& args, Io io) {
    ExportRequest r;
    r.mode = mode;
    auto usage = [&](const QString& message) {
        io.err << "error: " << message << "\n";
        printUsage(mode, io.err);
        return Parsed{std::nullopt, Usage};
    };
    auto failure = [&](const QString& message) {
        io.err << "error: " << message << "\n";
        return Parsed{std::nullopt, Failure};
    };

    QMultiHash<QString, QString> values;
    QSet<QString> flags;
    for (int i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        const bool inlineValue = splitInlineValue(name, value);
        if (kFlags.contains(name) && !inlineValue) {
            flags.insert(name);
        } else if (kValueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return usage(QStringLiteral("%1 needs a value").arg(name));
                value = args[++i];
            }
            values.insert(name, value);
        } else {
            return usage(QStringLiteral("unknown option '%1'").arg(args[i]));
        }
    }
    if (flags.contains(QStringLiteral("--help"))) {
        printUsage(mode, io.out);
        return Parsed{std::nullopt, Ok};
    }
    auto one = [&](const QString& name) -> std::optional<QString> {
        const QStringList all = values.values(name);
        if (all.isEmpty())
            return std::nullopt;
        return all.front(); // QMultiHash lists the last inserted first: the last one wins
    };
    // A project gives the defaults; what is on the command line overrides it.
    std::optional<Project> project;
    if (const auto path = one(QStringLiteral("--project"))) {
        auto read = readProjectFile(*path);
        if (!read)
            return failure(read.error().toString());
        for (const QString& w : read.value().warnings)
            io.err << "warning: " << *path << ": " << w << "\n";
        for (const QString& missing : read.value().missingFiles)
            io.err << "warning: " << *path << ": layer file not found: " << missing << "\n";
        project = read.value().project;
    }

    // Options that belong to the other command.
    const QStringList videoOnly = {QStringLiteral("--fps"), QStringLiteral("--hold-first"),
                                   QStringLiteral("--hold-last")};
    QStringList notHere;
    if (mode == Mode::Export)
        notHere = QStringList{QStringLiteral("--out-dir"), QStringLiteral("--step"),
                              QStringLiteral("--window")} +
                  videoOnly;
    else if (mode == Mode::Frames)
        notHere = QStringList{QStringLiteral("--out"), QStringLiteral("--map-only"),
                              QStringLiteral("--world-file")} +
                  videoOnly;
    else
        notHere = QStringList{QStringLiteral("--out-dir"), QStringLiteral("--map-only"),
                              QStringLiteral("--world-file")};
    for (const QString& n : notHere)
        if (values.contains(n) || flags.contains(n))
            return usage(
                QStringLiteral("%1 is not an option of '%2'").arg(n, commandName(mode)));

    // Output.
    std::optional<ExportFormat> format;
    if (mode == Mode::Export) {
        if (!one(QStringLiteral("--out")))
            return usage(QStringLiteral("--out FILE is required"));
        r.out = *one(QStringLiteral("--out"));
        format = MapExporter::formatForPath(r.out);
        if (!format)
            return usage(QStringLiteral("--out must end in .png, .pdf or .svg: '%1'").arg(r.out));
    } else if (mode == Mode::Video) {
        if (!one(QStringLiteral("--out")))
            return usage(QStringLiteral("--out FILE.mp4 or FILE.gif is required"));
        r.out = *one(QStringLiteral("--out"));
        if (!VideoEncoder::formatForPath(r.out))
            return usage(QStringLiteral("--out must end in .mp4 or .gif: '%1'").arg(r.out));
        format = ExportFormat::Png; // pages are drawn as for PNG, then encoded
        const auto seconds = [&](const QString& name, double low, double high,
                                 double& into) -> bool {
            const auto text = one(name);
            if (!text)
                return true;
            bool ok = false;
            const double v = text->toDouble(&ok);
            if (!ok || !(v >= low && v <= high)) {
                io.err << "error: bad value '" << *text << "' for " << name << ": expected a number from "
                       << low << " to " << high << "\n";
                return false;
            }
            into = v;
            return true;
        };
        if (!seconds(QStringLiteral("--fps"), 1, 60, r.fps) ||
            !seconds(QStringLiteral("--hold-first"), 0, 60, r.holdFirstSeconds) ||
            !seconds(QStringLiteral("--hold-last"), 0, 60, r.holdLastSeconds))
            return Parsed{std::nullopt, Failure};
    } else {
        if (!one(QStringLiteral("--out-dir")))
            return usage(QStringLiteral("--out-dir DIR is required"));
        r.outDir = *one(QStringLiteral("--out-dir"));
        format = ExportFormat::Png;
    }

    // Data.
    r.incidentsFile = one(QStringLiteral("--incidents")).value_or(QString());
    r.outpostsFile = one(QStringLiteral("--outposts")).value_or(QString());
    r.layerFiles = values.values(QStringLiteral("--layer"));
    std::reverse(r.layerFiles.begin(), r.layerFiles.end()); // back to command-line order
    r.districtsFile = one(QStringLiteral("--districts")).value_or(QString());
    if (project) {
        r.bundledMap = project->bundledMap;
        r.hiddenBundled = project->hiddenBundled;
        QStringList incidentFiles;
        for (const ProjectLayer& l : project->layers) {
            // The viewer attributes incidents to official districts shown or not.
            if (l.districts && QFileInfo::exists(l.path) && r.analysisDistrictsFile.isEmpty())
                r.analysisDistrictsFile = l.path;
            if (!l.visible || !QFileInfo::exists(l.path))
                continue; // hidden, or missing (said above): the briefing shows what the map does
            if (l.kind == ProjectLayer::Kind::Incidents)
                incidentFiles << l.path;
            else if (l.districts && r.districtsFile.isEmpty())
                r.districtsFile = l.path;
            else if (!l.districts && r.layerFiles.isEmpty())
                r.projectLayers.push_back(l);
        }
        // --incidents and --outposts stand in for the project's incident files.
        if (r.incidentsFile.isEmpty() && r.outpostsFile.isEmpty() && !incidentFiles.isEmpty()) {
            r.incidentsFile = incidentFiles.takeFirst();
            r.moreIncidentFiles = incidentFiles;
        }
        if (!r.layerFiles.isEmpty())
            r.projectLayers.clear();
    }

    // Time.
    for (const QString& name :
         {QStringLiteral("--from"), QStringLiteral("--to"), QStringLiteral("--data-cutoff")}) {
        if (const auto text = one(name)) {
            const auto d = parseDate(*text);
            if (!d)
                return failure(
                    QStringLiteral("bad date '%1' for %2: expected YYYY-MM-DD, e.g. 2025-12-31")
                        .arg(*text, name));
            if (name == QLatin1String("--from"))
                r.from = d;
            else if (name == QLatin1String("--to"))
                r.to = d;
            else
                r.layout.dataCutoff = d;
        }
    }
    if (project && project->window && !r.from && !r.to) {
        r.from = project->window->beginDate();
        r.to = project->window->lastDate();
    }
    if (r.from && r.to && *r.from > *r.to)
        return failure(QStringLiteral("--from %1 is after --to %2")
                           .arg(r.from->toString(Qt::ISODate), r.to->toString(Qt::ISODate)));
    r.cumulative = flags.contains(QStringLiteral("--cumulative"));
    if (mode != Mode::Export) {
        if (!r.from || !r.to)
            return usage(QStringLiteral("%1 needs --from and --to").arg(commandName(mode)));
        const auto stepText = project && !one(QStringLiteral("--step"))
                                  ? std::optional<QString>(project->step.toString())
                                  : one(QStringLiteral("--step"));
        if (!stepText)
            return usage(
                QStringLiteral("%1 needs --step (1d, 7d, 1m, …)").arg(commandName(mode)));
        r.step = PlaybackStep::parse(*stepText);
        if (!r.step)
            return failure(
                QStringLiteral("bad step '%1': expected e.g. 1d, 7d, 2w, 1m").arg(*stepText));
        if (r.cumulative && one(QStringLiteral("--window")))
            return usage(QStringLiteral("--window and --cumulative exclude each other"));
        if (r.cumulative) {
            r.window = WindowSpec{WindowSpec::Mode::Cumulative, 0};
        } else {
            const QString w =
                one(QStringLiteral("--window"))
                    .value_or(project && project->windowSpec.mode == WindowSpec::Mode::Moving
                                  ? QStringLiteral("%1d").arg(project->windowSpec.lengthDays)
                                  : QStringLiteral("30d"));
            r.window = WindowSpec::parse(w);
            if (!r.window)
                return failure(QStringLiteral("bad window '%1': expected e.g. 30d, 7d, 1y or "
                                              "cumulative")
                                   .arg(w));
            r.cumulative = r.window->mode == WindowSpec::Mode::Cumulative;
        }
    }

    // Map.
    if (project) {
        r.lonLatExtent = project->lonLatExtent;
        // Checked as --crs is, and named for the page ("WGS 84 / UTM zone 42N (EPSG:32642)").
        const auto crs = resolveCrs(project->crs.definition());
        if (!crs && !one(QStringLiteral("--crs")))
            return failure(QStringLiteral("%1: the project's CRS '%2' is not a projected or "
                                          "geographic CRS that PROJ knows")
                               .arg(*one(QStringLiteral("--project")), project->crs.definition()));
        if (crs)
            r.crs = *crs;
    }
    if (const auto text = one(QStringLiteral("--extent"))) {
        QString why;
        r.lonLatExtent = parseExtent(*text, why);
        if (!r.lonLatExtent)
            return failure(QStringLiteral("bad extent '%1': %2").arg(*text, why));
    }
    if (const auto text = one(QStringLiteral("--crs"))) {
        const auto crs = resolveCrs(*text);
        if (!crs)
            return failure(QStringLiteral("unknown CRS '%1': expected a projected or geographic "
                                          "CRS as EPSG:NNNN, e.g. EPSG:32642")
                               .arg(*text));
        r.crs = *crs;
    }

    // Page.
    const auto size = one(QStringLiteral("--size"));
    const auto paper = one(QStringLiteral("--paper"));
    const auto orientation = one(QStringLiteral("--orientation"));
    const auto dpiText = one(QStringLiteral("--dpi"));
    if (size && paper)
        return usage(QStringLiteral("--size and --paper exclude each other"));
    if (orientation && !paper)
        return usage(QStringLiteral("--orientation goes with --paper"));
    std::optional<double> dpi;
    if (dpiText) {
        bool ok = false;
        const double v = dpiText->toDouble(&ok);
        if (!ok || v < 10 || v > 2400)
            return failure(
                QStringLiteral("bad DPI '%1': expected a number from 10 to 2400").arg(*dpiText));
        dpi = v;
    }
    if (size) {
        const auto px = PageSetup::parsePixelSize(*size);
        if (!px)
            return failure(QStringLiteral("bad size '%1': expected WIDTHxHEIGHT in pixels, e.g. "
                                          "1920x1080")
                               .arg(*size));
        r.page = PageSetup::pixelSize(*px, dpi.value_or(PageSetup::proportionalDpi(*px)));
    } else if (paper || *format == ExportFormat::Pdf) {
        const auto id = PageSetup::parsePaper(paper.value_or(QStringLiteral("A4")));
        if (!id)
            return failure(
                QStringLiteral("unknown paper '%1': expected A4, A3 or Letter").arg(*paper));
        QPageLayout::Orientation o = QPageLayout::Landscape;
        if (orientation) {
            const QString t = orientation->trimmed().toLower();
            if (t == QLatin1String("portrait"))
                o = QPageLayout::Portrait;
            else if (t != QLatin1String("landscape"))
                return failure(QStringLiteral("bad orientation '%1': expected landscape or "
                                              "portrait")
                                   .arg(*orientation));
        }
        r.page = PageSetup::paperSize(*id, o, dpi.value_or(PageSetup::kDefaultPaperDpi));
    } else if (mode == Mode::Video &&
               VideoEncoder::formatForPath(r.out) == VideoFormat::Gif && !project) {
        r.page = PageSetup::pixelSize(kGifDefaultSize,
                                      dpi.value_or(PageSetup::proportionalDpi(kGifDefaultSize)));
    } else if (project) {
        const QSize px = project->briefing.size;
        r.page = PageSetup::pixelSize(px, dpi.value_or(PageSetup::proportionalDpi(px)));
    } else {
        r.page = PageSetup::pixelSize(QSize(1920, 1080), dpi.value_or(PageSetup::kDefaultPixelDpi));
    }

    // Layout.
    BriefingLayout& b = r.layout;
    const ProjectExport saved = project ? project->briefing : ProjectExport{};
    const QString savedTitle =
        saved.title.isEmpty() ? QStringLiteral("Border incidents") : saved.title;
    b.title = one(QStringLiteral("--title")).value_or(savedTitle);
    b.subtitle = one(QStringLiteral("--subtitle")).value_or(saved.subtitle);
    b.banner = one(QStringLiteral("--banner")).value_or(saved.banner);
    b.extraAttributions = values.values(QStringLiteral("--credit"));
    std::reverse(b.extraAttributions.begin(), b.extraAttributions.end());
    b.cumulative = r.cumulative;
    b.legend = saved.legend && !flags.contains(QStringLiteral("--no-legend"));
    b.inset = saved.inset && !flags.contains(QStringLiteral("--no-inset"));
    b.graticule = saved.graticule && !flags.contains(QStringLiteral("--no-graticule"));
    b.northArrow = saved.northArrow && !flags.contains(QStringLiteral("--no-north-arrow"));
    b.scaleBar = saved.scaleBar && !flags.contains(QStringLiteral("--no-scale-bar"));
    b.attribution = saved.attribution && !flags.contains(QStringLiteral("--no-attribution"));
    r.worldFile = flags.contains(QStringLiteral("--world-file"));
    r.labels = saved.labels || flags.contains(QStringLiteral("--labels"));
    r.choropleth = flags.contains(QStringLiteral("--choropleth"));
    if (project) {
        r.trends = project->trends;
        r.filter = project->filter;
    }
    b.mapOnly = flags.contains(QStringLiteral("--map-only")) || r.worldFile;
    if (r.worldFile && *format != ExportFormat::Png)
        return usage(QStringLiteral("--world-file needs a PNG --out"));

    // Reproducible "Created": SOURCE_DATE_EPOCH (the reproducible-builds convention) when set,
    // else today at day resolution, so running the same command twice gives the same bytes.
    const QByteArray epoch = qgetenv("SOURCE_DATE_EPOCH");
    if (!epoch.isEmpty()) {
        bool ok = false;
        const qint64 secs = epoch.trimmed().toLongLong(&ok);
        if (!ok || secs < 0)
            return failure(QStringLiteral("SOURCE_DATE_EPOCH='%1' is not a number of seconds")
                               .arg(QString::fromLatin1(epoch)));
        b.created = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
        b.createdDateOnly = false;
    } else {
        b.created = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
        b.createdDateOnly = true;
    }
    return Parsed{r, Ok};
}

Result<ExportRequest::Prepared> ExportRequest::prepare(Io io) const {
    Prepared p;
    // The bundled sample incidents and outposts come with the bundled map when no incident file
    // is given at all; --layer files stand for a map of the user's own, samples left out.
    const bool bundledAll = incidentsFile.isEmpty() && outpostsFile.isEmpty() &&
                            moreIncidentFiles.isEmpty() && layerFiles.isEmpty() && bundledMap;
    const QString geodata = bundledGeodataDir();
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    auto bundledPath = [&](const QString& file) {
        return QDir(geodata).filePath(file);
    };

    // Base layers: the user's, or the bundled ones with their styles and credits.
    int nextId = 0;
    auto id = [&nextId] {
        return QStringLiteral("layer-%1").arg(nextId++);
    };
    auto readLayers = [&](const QString& path) -> Result<LayerList> {
        auto read = readers.read(path);
        if (read)
            for (const auto& layer : read.value())
                for (const QString& w : layer->warnings())
                    io.err << "warning: " << path << ": " << w << "\n";
        return read;
    };
    if (layerFiles.isEmpty() && bundledMap) {
        if (geodata.isEmpty())
            return Error{QStringLiteral("geodata"),
                         QStringLiteral("the bundled geodata folder was not found (set "
                                        "BORDERLENS_DATA_DIR, or give --layer FILE)")};
        // The bundled map names towns and seats on both banks from the bundled gazetteer.
        p.map.placeNames = PlaceNames::bundled();
        for (const BundledLayer& b : bundledBaseLayers()) {
            const QString path = bundledPath(b.fileName);
            if (!QFileInfo::exists(path) || hiddenBundled.contains(b.fileName) ||
                (b.fileName == kSchematicDistrictsFile && !districtsFile.isEmpty()))
                continue;
            auto read = readers.read(path);
            if (!read)
                return read.error();
            for (const auto& layer : read.value())
                p.map.layers.push_back(std::make_shared<VectorMapLayer>(id(), layer, b.style,
                                                                        b.title, b.attributions));
        }
    }
    int styleIndex = 0;
    for (const ProjectLayer& l : projectLayers) {
        auto read = readLayers(l.path);
        if (!read)
            return read.error();
        for (const auto& layer : read.value())
            p.map.layers.push_back(std::make_shared<VectorMapLayer>(
                id(), layer,
                l.style.value_or(LayerStyle::defaultFor(layer->dominantKind(), styleIndex++)),
                l.title));
    }
    for (const QString& path : layerFiles) {
        auto read = readLayers(path);
        if (!read)
            return read.error();
        for (const auto& layer : read.value())
            p.map.layers.push_back(std::make_shared<VectorMapLayer>(
                id(), layer, LayerStyle::defaultFor(layer->dominantKind(), styleIndex++)));
    }
    if (!districtsFile.isEmpty()) {
        auto read = readLayers(districtsFile);
        if (!read)
            return read.error();
        for (const auto& layer : read.value())
            p.map.layers.push_back(
                std::make_shared<VectorMapLayer>(id(), layer, officialDistrictsStyle(),
                                                 QStringLiteral("Districts (official: %1)")
                                                     .arg(QFileInfo(districtsFile).fileName())));
    }

    // Rows without coordinates are placed as `borderlens-cli import` and the viewer place them,
    // so all three accept the same rows from the same file.
    std::shared_ptr<const PlaceResolver> resolver;
    auto import = [&](const QString& path) -> Result<ImportReport> {
        if (!resolver)
            resolver = bundledPlaceResolver();
        auto report = importIncidents(path, IncidentFormat::Auto, resolver.get());
        if (!report)
            return report.error();
        if (!report.value().rejected.empty()) {
            const RejectedRow& first = report.value().rejected.front();
            io.err << "warning: " << path << ": " << report.value().rejected.size()
                   << " row(s) rejected; " << report.value().rowUnit() << ' ' << first.line
                   << ": " << first.reason << "\n";
        }
        return report;
    };
    // Each incident file may hold incidents, outposts or both (its header decides, as in the
    // viewer). Outposts under incidents: incidents are what the briefing is about.
    QStringList files;
    if (!outpostsFile.isEmpty())
        files << outpostsFile;
    else if (bundledAll && !geodata.isEmpty())
        files << bundledPath(bundledFacilitiesFile());
    if (!incidentsFile.isEmpty())
        files << incidentsFile;
    else if (bundledAll && !geodata.isEmpty())
        files << bundledPath(bundledIncidentsFile());
    files << moreIncidentFiles;
    std::vector<std::shared_ptr<const IncidentStore>> stores;
    std::vector<std::shared_ptr<const DerivedFacts>> storeFacts; // null until needed
    std::vector<std::shared_ptr<const MapLayer>> incidentLayers;
    int facilityLayers = 0;
    // Districts, countries and border, read once if the filter or the choropleth needs them.
    std::optional<AnalysisInputs> analysisInputs;
    auto inputsForAnalysis = [&]() -> Result<AnalysisInputs> {
        if (analysisInputs)
            return *analysisInputs;
        std::shared_ptr<const VectorLayer> districts;
        const QString& districtsPath =
            districtsFile.isEmpty() ? analysisDistrictsFile : districtsFile;
        if (!districtsPath.isEmpty()) {
            auto read = readLayers(districtsPath);
            if (!read)
                return read.error();
            if (!read.value().empty())
                districts = read.value().front();
        }
        auto inputs = bundledAnalysisInputs(districts);
        if (!inputs)
            return inputs.error();
        analysisInputs = inputs.value();
        return *analysisInputs;
    };
    for (const QString& path : files) {
        auto report = import(path);
        if (!report)
            return report.error();
        ImportReport& r = report.value();
        if (!r.facilities.empty()) {
            const QString name = facilityLayers == 0 ? QStringLiteral("Outposts and facilities")
                                                     : QFileInfo(path).completeBaseName();
            p.map.layers.push_back(std::make_shared<FacilityMapLayer>(
                QStringLiteral("outposts-%1").arg(facilityLayers++), name,
                std::make_shared<FacilityStore>(std::move(r.facilities)), labels));
        }
        std::shared_ptr<const DerivedFacts> facts;
        if (r.store && !r.store->empty() && !filter.isEmpty()) {
            // The project's filter, as the viewer applies it: the layer holds what passes.
            auto inputs = inputsForAnalysis();
            if (!inputs)
                return inputs.error();
            facts = deriveFacts(*r.store, inputs.value());
            FilteredIncidents passed = filterIncidents(r.store, facts, filter);
            r.store = passed.store;
            facts = passed.facts;
        }
        if (r.store && !r.store->empty()) {
            IncidentLayerOptions options;
            options.labels = labels;
            const QString name =
                stores.empty() ? QStringLiteral("Incidents") : QFileInfo(path).completeBaseName();
            incidentLayers.push_back(std::make_shared<IncidentMapLayer>(
                QStringLiteral("incidents-%1").arg(stores.size()), name, r.store, options));
            stores.push_back(r.store);
            storeFacts.push_back(facts);
        }
    }
    p.map.layers.insert(p.map.layers.end(), incidentLayers.begin(), incidentLayers.end());
    if (choropleth && !stores.empty()) {
        // Over the districts drawn: the official layer when given, else the schematic one.
        auto inputs = inputsForAnalysis();
        if (!inputs)
            return inputs.error();
        const auto facts = storeFacts.front() ? storeFacts.front()
                                              : deriveFacts(*stores.front(), inputs.value());
        p.map.layers.push_back(std::make_shared<DistrictChoroplethLayer>(
            QStringLiteral("district-trends"), QStringLiteral("District trend"), stores.front(),
            facts, trends));
    }
    const std::shared_ptr<const IncidentStore> incidentStore =
        stores.empty() ? nullptr : stores.front();
    // Areas under lines under points, in the order given within each: the viewer's
    // LayerStack::addByKind, so a --layer of polygons never hides the incidents here either.
    std::stable_sort(p.map.layers.begin(), p.map.layers.end(),
                     [](const auto& a, const auto& b) { return a->drawRank() < b->drawRank(); });

    // Time: [from, to] inclusive, made half-open; a missing end defaults sensibly.
    if (from && to) {
        p.range = TimeRange::fromInclusive(*from, *to);
    } else if (to) {
        p.range = TimeRange::fromInclusive(to->addDays(-29), *to); // the slider's 30 days
    } else if (from) {
        QDate last = QDateTime::currentDateTimeUtc().date();
        if (incidentStore && !incidentStore->empty())
            last = std::max(*from, incidentStore->timeExtent().lastDate());
        p.range = TimeRange::fromInclusive(*from, last);
    } else {
        p.range = TimeRange::all();
    }
    p.map.time = p.range;
    for (const auto& store : stores)
        p.incidentCount += static_cast<int>(store->select(p.range).size());

    // Extent: the user's, else the border line's with a margin, else a fixed box.
    Extent lonLat;
    if (lonLatExtent) {
        lonLat = *lonLatExtent;
    } else {
        lonLat = kFallbackRegion;
        const QString border = bundledPath(QStringLiteral("border_tj_af.shp"));
        if (!geodata.isEmpty() && QFileInfo::exists(border)) {
            auto read = readers.read(border);
            if (read && !read.value().empty() && !read.value().front()->lonLatExtent().isEmpty()) {
                const Extent e = read.value().front()->lonLatExtent();
                lonLat = {e.xMin - kBorderMarginDegrees, e.yMin - kBorderMarginDegrees,
                          e.xMax + kBorderMarginDegrees, e.yMax + kBorderMarginDegrees};
            }
        }
    }
    p.map.crs = crs;
    p.map.extent = transformExtent(lonLat, Crs::wgs84(), crs);
    if (p.map.extent.isEmpty() || p.map.extent.width() <= 0 || p.map.extent.height() <= 0)
        return Error{crs.definition(),
                     QStringLiteral("the extent cannot be shown in this CRS (it is empty after "
                                    "projection)")};
    p.layout = layout;
    return p;
}

} // namespace borderlens::cli
