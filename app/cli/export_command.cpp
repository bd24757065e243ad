#include "cli_command.h"
#include "export/animation_exporter.h"
#include "export/frame_series.h"
#include "export/map_exporter.h"
#include "export_request.h"
#include "util/phase_timer.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace borderlens::cli {

namespace {

QString seconds(const QElapsedTimer& t) {
    return QString::number(static_cast<double>(t.elapsed()) / 1000.0, 'f', 1) +
           QStringLiteral(" s");
}

// Parses the arguments, loads the layers and data they name, and runs `body`; a usage error or a
// failure to load returns its exit code (with the message on stderr) without running it.
template <typename Body>
int withPreparedRequest(ExportRequest::Mode mode, const QStringList& args, Io io, Body body) {
    const auto parsed = ExportRequest::parse(mode, args, io);
    if (!parsed.request)
        return parsed.exitCode;
    QElapsedTimer timer;
    timer.start();
    auto prepared = [&] {
        PhaseTimer phase("export.prepare (read data)");
        return parsed.request->prepare(io);
    }();
    if (!prepared) {
        io.err << "error: " << prepared.error().toString() << "\n";
        return Failure;
    }
    return body(*parsed.request, prepared.value(), timer);
}

FrameSeries::Progress frameProgress(Io io) {
    return [io](int done, int total) {
        io.err << "\rframe " << done << "/" << total;
        if (done == total)
            io.err << "\n";
        io.err.flush();
    };
}

FrameSeries::Options frameOptions(const ExportRequest& request,
                                  const ExportRequest::Prepared& prepared) {
    FrameSeries::Options options;
    options.page = request.page;
    options.range = prepared.range;
    options.step = *request.step;
    options.window = *request.window;
    return options;
}

} // namespace

int runExport(const QStringList& args, Io io) {
    return withPreparedRequest(
        ExportRequest::Mode::Export, args, io,
        [&](const ExportRequest& request, const ExportRequest::Prepared& prepared,
            const QElapsedTimer& timer) {
            ExportOptions options;
            options.format = *MapExporter::formatForPath(request.out);
            options.page = request.page;
            options.worldFile = request.worldFile;
            auto written =
                [&] {
                    PhaseTimer phase("export.draw and write");
                    return MapExporter::exportTo(request.out, options, prepared.map,
                                                 prepared.layout);
                }();
            if (!written) {
                io.err << "error: " << written.error().toString() << "\n";
                return Failure;
            }
            const ExportResult& r = written.value();
            for (const QString& note : r.geometry.notes)
                io.err << "warning: " << request.out << ": " << note << "\n";
            io.out << "wrote " << QFileInfo(r.files.front()).absoluteFilePath() << " ("
                   << request.page.describe();
            if (options.format == ExportFormat::Png && request.page.kind == PageSetup::Kind::Paper)
                io.out << ", " << r.pageSizePx.width() << "×" << r.pageSizePx.height() << " px";
            io.out << "; " << prepared.layout.subtitleFor(prepared.map.time) << "; "
                   << prepared.incidentCount << " incident(s); " << seconds(timer) << ")\n";
            for (const QString& extra : r.files.mid(1))
                io.out << "wrote " << QFileInfo(extra).absoluteFilePath() << "\n";
            return Ok;
        });
}

int runFrames(const QStringList& args, Io io) {
    return withPreparedRequest(
        ExportRequest::Mode::Frames, args, io,
        [&](const ExportRequest& request, const ExportRequest::Prepared& prepared,
            const QElapsedTimer& timer) {
            const FrameSeries::Options options = frameOptions(request, prepared);
            auto written = FrameSeries::write(request.outDir, options, prepared.map,
                                              prepared.layout, frameProgress(io));
            if (!written) {
                io.err << "\nerror: " << written.error().toString() << "\n";
                return Failure;
            }
            for (const QString& note : written.value().notes)
                io.err << "warning: " << request.outDir << ": " << note << "\n";
            const QStringList& files = written.value().files;
            io.out << "wrote " << files.size() << " frame(s) to "
                   << QFileInfo(request.outDir).absoluteFilePath();
            if (!files.isEmpty())
                io.out << " (" << QFileInfo(files.front()).fileName() << " … "
                       << QFileInfo(files.back()).fileName() << ", " << request.page.describe()
                       << ", " << seconds(timer) << ")";
            io.out << "\n";
            return Ok;
        });
}

int runVideo(const QStringList& args, Io io) {
    return withPreparedRequest(
        ExportRequest::Mode::Video, args, io,
        [&](const ExportRequest& request, const ExportRequest::Prepared& prepared,
            const QElapsedTimer& timer) {
            AnimationExporter::Options options;
            options.frames = frameOptions(request, prepared);
            options.format = *VideoEncoder::formatForPath(request.out);
            options.fps = request.fps;
            options.holdFirstSeconds = request.holdFirstSeconds;
            options.holdLastSeconds = request.holdLastSeconds;
            auto written = AnimationExporter::write(request.out, options, prepared.map,
                                                    prepared.layout, frameProgress(io));
            if (!written) {
                io.err << "\nerror: " << written.error().toString() << "\n";
                return Failure;
            }
            const AnimationExporter::Report& r = written.value();
            for (const QString& note : r.notes)
                io.err << "warning: " << request.out << ": " << note << "\n";
            const QSize size = AnimationExporter::videoSize(options);
            io.out << "wrote " << QFileInfo(request.out).absoluteFilePath() << " (" << r.windows
                   << " step(s), " << r.videoFrames << " frame(s), " << size.width() << "×"
                   << size.height() << " px, " << request.fps << " fps, "
                   << QString::number(r.seconds, 'f', 1) << " s; " << seconds(timer) << ")\n";
            return Ok;
        });
}

} // namespace borderlens::cli
