// borderlens-cli bench-frames: times the frames the viewer draws, headless. The same layers as
// the viewer's start (bundled base layers, sample outposts, and the sample incidents or the
// given file), the same default view, the same renderer; only the window (or the view) moves.
#include "cli_command.h"
#include "export_request.h"
#include "render/map_renderer.h"
#include "render/render_cache.h"
#include "render/map_viewport.h"
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "map/incident_map_layer.h"
#include "time/frame_sequence.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace borderlens::cli {

namespace {

void printUsage(QTextStream& s) {
    s << "usage: borderlens-cli bench-frames [INCIDENTS] [--window 30d|7d|all] [--frames N]\n"
         "                                  [--size WxH] [--pan]\n"
         "Draws what the viewer draws, frame after frame, and prints each frame's time and the\n"
         "median. Without INCIDENTS: the bundled sample data.\n"
         "  --window 30d   each frame shows this many days, one day later than the last\n"
         "                 (default 30d); 'all' shows everything in every frame\n"
         "  --frames N     how many frames (default 60)\n"
         "  --size WxH     frame size in pixels (default 1920x1080)\n"
         "  --pan          move the view by a twentieth of its width each frame (the time stays)\n"
         "The first frame also projects the data (reported apart); the median is of the rest.\n";
}

} // namespace

int runBenchFrames(const QStringList& args, Io io) {
    QString incidents;
    QString windowText = QStringLiteral("30d");
    int frames = 60;
    QSize size(1920, 1080);
    bool pan = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (a == QLatin1String("--help")) {
            printUsage(io.out);
            return Ok;
        } else if (a == QLatin1String("--pan")) {
            pan = true;
        } else if (a == QLatin1String("--window") || a == QLatin1String("--frames") ||
                   a == QLatin1String("--size")) {
            const auto v = value();
            if (!v) {
                io.err << "error: " << a << " needs a value\n";
                printUsage(io.err);
                return Usage;
            }
            if (a == QLatin1String("--window")) {
                windowText = *v;
            } else if (a == QLatin1String("--frames")) {
                bool ok = false;
                frames = v->toInt(&ok);
                if (!ok || frames < 2 || frames > 100000) {
                    io.err << "error: --frames wants a number from 2 to 100000\n";
                    return Usage;
                }
            } else {
                const auto px = PageSetup::parsePixelSize(*v);
                if (!px) {
                    io.err << "error: bad size '" << *v << "': expected WIDTHxHEIGHT\n";
                    return Usage;
                }
                size = *px;
            }
        } else if (a.startsWith(QLatin1String("--"))) {
            io.err << "error: unknown option '" << a << "'\n";
            printUsage(io.err);
            return Usage;
        } else if (incidents.isEmpty()) {
            incidents = a;
        } else {
            io.err << "error: one incidents file at most\n";
            return Usage;
        }
    }
    const bool all = windowText == QLatin1String("all");
    std::optional<WindowSpec> window;
    if (!all) {
        window = WindowSpec::parse(windowText);
        if (!window || window->mode != WindowSpec::Mode::Moving) {
            io.err << "error: bad window '" << windowText << "': expected e.g. 30d or all\n";
            return Usage;
        }
    }

    // The viewer's start: what `export` reads with no data options, or with --incidents.
    QStringList exportArgs = {QStringLiteral("--out"), QStringLiteral("unused.png")};
    if (!incidents.isEmpty())
        exportArgs << QStringLiteral("--incidents") << incidents;
    auto parsed = ExportRequest::parse(ExportRequest::Mode::Export, exportArgs, io);
    if (!parsed.request)
        return parsed.exitCode;
    if (!incidents.isEmpty()) // the viewer shows the sample outposts beside imported incidents
        parsed.request->outpostsFile = QDir(bundledGeodataDir()).filePath(bundledFacilitiesFile());
    QElapsedTimer loading;
    loading.start();
    auto prepared = parsed.request->prepare(io);
    if (!prepared) {
        io.err << "error: " << prepared.error().toString() << "\n";
        return Failure;
    }
    io.out << "loaded in " << loading.elapsed() << " ms\n";
    MapSettings settings = prepared.value().map;
    settings.outputSize = size;
    settings.dpi = 96;
    const MapViewport start = MapViewport::fitting(settings.extent, QSizeF(size));
    settings.extent = start.visibleExtent();

    // Windows stepping a day at a time from the data's first month.
    TimeRange extent{0, 0};
    for (const auto& layer : settings.layers) {
        const auto* inc = dynamic_cast<const IncidentMapLayer*>(layer.get());
        const TimeRange t = inc ? inc->store()->timeExtent() : TimeRange{0, 0};
        if (!t.isEmpty())
            extent = extent.isEmpty() ? t : TimeRange{std::min(extent.begin, t.begin),
                                                      std::max(extent.end, t.end)};
    }

    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    RenderCache cache; // as the viewer's render thread keeps one
    std::vector<double> times;
    for (int f = 0; f < frames; ++f) {
        if (all || extent.isEmpty()) {
            settings.time = TimeRange::all();
        } else {
            const std::int64_t end = extent.begin + window->lengthDays + f;
            settings.time = TimeRange{end - window->lengthDays, end};
        }
        if (pan && f > 0) {
            // Right by a twentieth of the width, turning back at the twentieth frame, so the view
            // stays over the data.
            // Whole pixels, as the canvas pans.
            const double dx = std::round(size.width() / 20.0) * start.unitsPerPixel() *
                              ((f / 20) % 2 ? -1 : 1);
            settings.extent = Extent{settings.extent.xMin + dx, settings.extent.yMin,
                                     settings.extent.xMax + dx, settings.extent.yMax};
        }
        QElapsedTimer t;
        t.start();
        QPainter painter(&image);
        MapRenderer::render(painter, settings, nullptr, &cache);
        painter.end();
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        io.out << "frame " << (f + 1) << " " << QString::number(times.back(), 'f', 2) << " ms\n";
    }
    std::vector<double> rest(times.begin() + 1, times.end());
    std::sort(rest.begin(), rest.end());
    const double median = rest.size() % 2 ? rest[rest.size() / 2]
                                          : (rest[rest.size() / 2 - 1] + rest[rest.size() / 2]) / 2;
    io.out << "first " << QString::number(times.front(), 'f', 1) << " ms\n";
    io.out << "max " << QString::number(rest.back(), 'f', 1) << " ms\n";
    io.out << "median " << QString::number(median, 'f', 1) << " ms\n";
    return Ok;
}

} // namespace borderlens::cli
