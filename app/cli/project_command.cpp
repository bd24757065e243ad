// `borderlens-cli project create|info`: a .blproj made or read from a script, the same file the
// viewer saves (core/project/project_file.h).
#include "cli_command.h"
#include "option_values.h"
#include "project/project_file.h"

#include <QFileInfo>

namespace borderlens::cli {
namespace {

const char* const kUsage =
    "usage: borderlens-cli project create P.blproj [--incidents F]... [--outposts F]...\n"
    "           [--layer F]... [--districts F] [--from D --to D] [--crs EPSG:N]\n"
    "           [--extent minlon,minlat,maxlon,maxlat] [--window 30d|7d|cumulative|off]\n"
    "           [--step 1d|1w|1m] [--title T] [--size WxH] [--no-bundled]\n"
    "       borderlens-cli project info P.blproj\n"
    "create writes a project (layer paths relative to it) that the viewer opens and\n"
    "'export --project' draws; the files must exist. info prints what a project holds.\n"
    "  --incidents/--outposts F   incident or outpost files (native, ACLED, UCDP, GeoPackage)\n"
    "  --layer F           a map layer (any vector format), in drawing order\n"
    "  --districts F       official district boundaries, shown instead of the schematic ones\n"
    "  --no-bundled        leave out the bundled base map and sample data\n"
    "exit codes: 0 ok, 1 bad input or failed write, 2 usage error\n";

int create(const QStringList& args, Io io) {
    if (args.isEmpty() || args.front().startsWith(QLatin1String("--"))) {
        io.err << "error: project create needs the project file first\n" << kUsage;
        return Usage;
    }
    const QString path = args.front();
    if (!path.endsWith(QLatin1String(".blproj"), Qt::CaseInsensitive)) {
        io.err << "error: a project file ends in .blproj: '" << path << "'\n";
        return Usage;
    }
    Project p;
    std::optional<QDate> from, to;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--no-bundled")) {
            p.bundledMap = false;
            continue;
        }
        if (!a.startsWith(QLatin1String("--"))) {
            io.err << "error: unexpected argument '" << a << "'\n" << kUsage;
            return Usage;
        }
        if (i + 1 >= args.size()) {
            io.err << "error: " << a << " needs a value\n" << kUsage;
            return Usage;
        }
        const QString value = args[++i];
        const auto addLayer = [&](ProjectLayer::Kind kind, bool districts) {
            if (!QFileInfo(value).isFile()) {
                io.err << "error: " << value << ": no such file\n";
                return false;
            }
            ProjectLayer l;
            l.path = QFileInfo(value).absoluteFilePath();
            l.kind = kind;
            l.districts = districts;
            p.layers.push_back(l);
            return true;
        };
        bool ok = true;
        if (a == QLatin1String("--incidents") || a == QLatin1String("--outposts")) {
            ok = addLayer(ProjectLayer::Kind::Incidents, false);
        } else if (a == QLatin1String("--layer")) {
            ok = addLayer(ProjectLayer::Kind::Map, false);
        } else if (a == QLatin1String("--districts")) {
            ok = addLayer(ProjectLayer::Kind::Map, true);
        } else if (a == QLatin1String("--from") || a == QLatin1String("--to")) {
            const auto d = parseDate(value);
            if (!d) {
                io.err << "error: bad date '" << value << "' for " << a
                       << ": expected YYYY-MM-DD, e.g. 2025-12-31\n";
                return Failure;
            }
            (a == QLatin1String("--from") ? from : to) = d;
        } else if (a == QLatin1String("--crs")) {
            const auto crs = resolveCrs(value);
            if (!crs) {
                io.err << "error: unknown CRS '" << value
                       << "': expected a projected or geographic CRS as EPSG:NNNN\n";
                return Failure;
            }
            p.crs = *crs;
        } else if (a == QLatin1String("--extent")) {
            QString why;
            p.lonLatExtent = parseExtent(value, why);
            if (!p.lonLatExtent) {
                io.err << "error: bad extent '" << value << "': " << why << "\n";
                return Failure;
            }
        } else if (a == QLatin1String("--window")) {
            const auto w = WindowSpec::parse(value);
            if (!w) {
                io.err << "error: bad window '" << value << "': expected e.g. 30d, 7d, 1y, "
                       << "cumulative or off\n";
                return Failure;
            }
            p.windowSpec = *w;
        } else if (a == QLatin1String("--step")) {
            const auto s = PlaybackStep::parse(value);
            if (!s) {
                io.err << "error: bad step '" << value << "': expected e.g. 1d, 1w, 1m\n";
                return Failure;
            }
            p.step = *s;
        } else if (a == QLatin1String("--title")) {
            p.briefing.title = value;
        } else if (a == QLatin1String("--size")) {
            const QStringList wh = value.toLower().split(QLatin1Char('x'));
            bool okW = false, okH = false;
            const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
            const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
            if (!okW || !okH || w < 16 || h < 16 || w > 20000 || h > 20000) {
                io.err << "error: bad size '" << value
                       << "': expected WIDTHxHEIGHT, e.g. 1920x1080\n";
                return Failure;
            }
            p.briefing.size = QSize(w, h);
        } else {
            io.err << "error: unknown option '" << a << "'\n" << kUsage;
            return Usage;
        }
        if (!ok)
            return Failure;
    }
    if (from.has_value() != to.has_value()) {
        io.err << "error: a time window needs both --from and --to\n";
        return Usage;
    }
    if (from && *from > *to) {
        io.err << "error: --from " << from->toString(Qt::ISODate) << " is after --to "
               << to->toString(Qt::ISODate) << "\n";
        return Failure;
    }
    if (from)
        p.window = TimeRange::fromInclusive(*from, *to);
    const auto written = writeProjectFile(p, path);
    if (!written) {
        io.err << "error: " << written.error().toString() << "\n";
        return Failure;
    }
    io.out << "wrote " << written.value() << " (" << p.layers.size() << " layer(s))\n";
    return Ok;
}

int info(const QStringList& args, Io io) {
    if (args.size() != 1) {
        io.err << kUsage;
        return Usage;
    }
    const auto read = readProjectFile(args.front());
    if (!read) {
        io.err << "error: " << read.error().toString() << "\n";
        return Failure;
    }
    const ProjectFile& f = read.value();
    const Project& p = f.project;
    io.out << "project: " << QFileInfo(args.front()).absoluteFilePath()
           << (f.readOnly ? " (read-only)" : "") << "\n";
    for (const QString& w : f.warnings)
        io.out << "warning: " << w << "\n";
    io.out << "bundled map: " << (p.bundledMap ? "yes" : "no");
    if (!p.hiddenBundled.isEmpty())
        io.out << " (hidden: " << p.hiddenBundled.join(QStringLiteral(", ")) << ")";
    io.out << "\nlayers (bottom first): " << p.layers.size() << "\n";
    for (const ProjectLayer& l : p.layers) {
        io.out << "  " << (l.kind == ProjectLayer::Kind::Incidents ? "incidents" : "map      ")
               << "  " << l.path;
        if (!l.title.isEmpty())
            io.out << "  \"" << l.title << "\"";
        if (l.districts)
            io.out << "  [districts]";
        if (!l.visible)
            io.out << "  [hidden]";
        if (l.style)
            io.out << "  [styled]";
        if (f.missingFiles.contains(l.path))
            io.out << "  [MISSING]";
        io.out << "\n";
    }
    io.out << "crs: " << p.crs.definition() << "\n";
    if (p.lonLatExtent)
        io.out << "extent: " << p.lonLatExtent->xMin << "," << p.lonLatExtent->yMin << ","
               << p.lonLatExtent->xMax << "," << p.lonLatExtent->yMax << "\n";
    else
        io.out << "extent: the border's\n";
    io.out << "time: "
           << (p.window ? p.window->beginDate().toString(Qt::ISODate) + QStringLiteral(" to ") +
                              p.window->lastDate().toString(Qt::ISODate)
                        : QStringLiteral("all of the data"))
           << "; step " << p.step.toString() << "\n";
    io.out << "briefing: "
           << (p.briefing.title.isEmpty() ? QStringLiteral("(default title)") : p.briefing.title)
           << ", " << p.briefing.size.width() << "x" << p.briefing.size.height() << "\n";
    return f.missingFiles.isEmpty() ? Ok : Failure;
}

} // namespace

int runProject(const QStringList& args, Io io) {
    if (args.isEmpty() || args.front() == QLatin1String("--help")) {
        (args.isEmpty() ? io.err : io.out) << kUsage;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.front();
    if (sub == QLatin1String("create"))
        return create(args.mid(1), io);
    if (sub == QLatin1String("info"))
        return info(args.mid(1), io);
    io.err << "error: unknown project command '" << sub << "'\n" << kUsage;
    return Usage;
}

} // namespace borderlens::cli
