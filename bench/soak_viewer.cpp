// The viewer under a long session, for scripts/soak.sh: loads a large incident file, then pans,
// zooms, plays the time slider in a loop and exports a briefing PNG, until the time is up. The
// script samples this process's resident memory; this program only has to keep working.
#include "export/map_exporter.h"
#include "main_window.h"
#include "map_canvas.h"
#include "time/time_controller.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>
#include <cstdlib>

#include <malloc.h>

using namespace borderlens;

namespace {

// Until the canvas has drawn what was last asked of it (its frameRendered signal).
void settle(MainWindow& window) {
    QSignalSpy frames(window.canvas(), &MapCanvas::frameRendered);
    while (window.canvas()->isRendering())
        frames.wait(5000);
    QCoreApplication::processEvents(); // the repaints the frame asked for
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: borderlens_soak INCIDENTS.csv SECONDS OUTDIR\n");
        return 2;
    }
    const QString csv = args[1];
    const qint64 seconds = args[2].toLongLong();
    const QString outDir = args[3];

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openBundledLayers();
    loaded.wait(60000);
    window.openFiles({csv});
    if (!loaded.wait(300000)) {
        std::fprintf(stderr, "the incidents did not load\n");
        return 1;
    }
    settle(window);
    std::fprintf(stderr, "loaded\n");

    TimeController* time = window.timeController();
    time->setWindowSpec(WindowSpec{WindowSpec::Mode::Moving, 30});
    time->setStep(*PlaybackStep::parse(QStringLiteral("7d")));
    time->setLoop(true);
    MapCanvas* canvas = window.canvas();
    const QPointF centre = QRectF(canvas->rect()).center();

    const QByteArray only = qgetenv("SOAK_ONLY");
    QElapsedTimer clock;
    clock.start();
    long steps = 0;
    long exports = 0;
    qint64 nextReport = 0;
    std::printf("seconds\theap_in_use_kib\n");
    while (clock.elapsed() < seconds * 1000) {
        // What the heap holds for us, beside the resident size the script samples: if this stays
        // flat while the resident size creeps up, the allocator keeps freed memory, not us.
        if (clock.elapsed() >= nextReport) {
            const struct mallinfo2 m = mallinfo2();
            std::printf("%lld\t%zu\n", static_cast<long long>(clock.elapsed() / 1000),
                        (m.uordblks + m.hblkhd) / 1024);
            std::fflush(stdout);
            nextReport += 30000;
        }
        // One round: a step of the slider, a pan, a zoom in and back out. SOAK_ONLY=time, view
        // or export keeps only that part, to find which one holds on to memory.
        if (only.isEmpty() || only == "time") {
            time->stepForward();
            settle(window);
        }
        if (only.isEmpty() || only == "view") {
            // Right, down, left, up: the view goes round and comes back, never drifts off.
            const QPointF pans[] = {{120, 0}, {0, 80}, {-120, 0}, {0, -80}};
            canvas->panByPixels(pans[steps % 4]);
            settle(window);
            canvas->zoomBy(1.5, centre);
            settle(window);
            canvas->zoomBy(1.0 / 1.5, centre);
            settle(window);
        }
        if (++steps % 25 == 0 && (only.isEmpty() || only == "export")) {
            ExportOptions options;
            options.page = PageSetup::pixelSize(QSize(1920, 1080));
            const auto written = MapExporter::exportTo(QDir(outDir).filePath("soak.png"), options,
                                                       window.currentMapSettings(),
                                                       BriefingLayout{});
            if (!written) {
                std::fprintf(stderr, "export failed: %s\n", qPrintable(written.error().toString()));
                return 1;
            }
            ++exports;
        }
    }
    std::fprintf(stderr, "rounds %ld exports %ld\n", steps, exports);
    if (qEnvironmentVariableIsSet("SOAK_FAST_EXIT")) {
        // Leave without freeing anything, so that a heap profiler (heaptrack) lists what the
        // session holds at the end as "leaked": run 30 s and 90 s and compare the two.
        std::fflush(nullptr);
        std::_Exit(0);
    }
    return 0;
}
