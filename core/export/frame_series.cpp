#include "export/frame_series.h"

#include "export/map_exporter.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace borderlens {

std::vector<TimeRange> FrameSeries::windows(const Options& options) {
    return frameWindows(options.range, options.step, options.window);
}

std::optional<Error> FrameSeries::check(const QString& target, const Options& options) {
    if (options.range.isEmpty() || options.range.isAll())
        return Error{target, QStringLiteral("the frame series needs a time range (from … to)")};
    return std::nullopt;
}

MapSettings FrameSeries::frameMap(const MapSettings& map, const TimeRange& window) {
    MapSettings frame = map;
    frame.time = window;
    return frame;
}

BriefingLayout FrameSeries::frameBriefing(const Options& options, BriefingLayout briefing) {
    briefing.cumulative = options.window.mode == WindowSpec::Mode::Cumulative;
    return briefing;
}

QString FrameSeries::fileName(int index, int total) {
    const int digits = std::max(4, static_cast<int>(QString::number(total).size()));
    return QStringLiteral("frame_%1.png").arg(index, digits, 10, QLatin1Char('0'));
}

Result<FrameSeries::Report> FrameSeries::write(const QString& dir, const Options& options,
                                               const MapSettings& map, BriefingLayout briefing,
                                               const Progress& progress,
                                               const std::atomic<bool>* cancel) {
    if (auto bad = check(dir, options))
        return *bad;
    if (!QDir().mkpath(dir))
        return Error{dir, QStringLiteral("cannot create the folder")};
    if (!QFileInfo(dir).isWritable())
        return Error{dir, QStringLiteral("the folder is not writable")};

    const std::vector<TimeRange> frames = windows(options);
    const int total = static_cast<int>(frames.size());
    briefing = frameBriefing(options, std::move(briefing));
    ExportOptions exportOptions;
    exportOptions.format = ExportFormat::Png;
    exportOptions.page = options.page;
    // Frames differ only in their window: the base layers and the inset are drawn once.
    LayoutCache cache;
    Report report;
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            report.cancelled = true;
            break;
        }
        const MapSettings frame = frameMap(map, frames[static_cast<std::size_t>(i)]);
        const QString path = QDir(dir).filePath(fileName(i + 1, total));
        auto written = MapExporter::exportTo(path, exportOptions, frame, briefing, cancel, &cache);
        if (!written) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                report.cancelled = true;
                break;
            }
            return written.error();
        }
        report.files << path;
        for (const QString& note : written.value().geometry.notes)
            if (!report.notes.contains(note))
                report.notes << note;
        if (progress)
            progress(i + 1, total);
    }
    return report;
}

} // namespace borderlens
