// One time-slider step in the viewer, as the GUI thread pays for it: the step itself, then,
// when the map's frame arrives, the table, the legend, the histogram and the caption redrawn.
// Rendering runs on its worker and is not counted: what is measured is the CPU time of the GUI
// thread (CLOCK_THREAD_CPUTIME_ID), which is what decides whether the window stays fluid.
#include "incidents/synthetic/synthetic_incidents.h"
#include "main_window.h"
#include "map_canvas.h"
#include "thread_cpu_time.h"
#include "time/time_controller.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>

using namespace borderlens;

namespace {

using bench::threadCpuSeconds;

void settle(MainWindow& window) {
    QSignalSpy frames(window.canvas(), &MapCanvas::frameRendered);
    for (int i = 0; i < 200; ++i) {
        QCoreApplication::processEvents();
        if (!window.canvas()->isRendering())
            break;
        frames.wait(5000);
    }
    QCoreApplication::processEvents(); // the repaints the frame asked for
}

// Counts the paint events each widget gets during the steps (BORDERLENS_TRACE): which widgets a
// step really repaints, not only what each would cost.
class PaintCounter : public QObject {
public:
    std::map<QString, int> counts;
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::Paint && o->isWidgetType()) {
            const QObject* p = o->parent();
            ++counts[QStringLiteral("%1 '%2' in %3")
                         .arg(QLatin1String(o->metaObject()->className()), o->objectName(),
                              p ? QLatin1String(p->metaObject()->className())
                                : QLatin1String("-"))];
        }
        return false;
    }
};

void timeSliderStep(benchmark::State& state) {
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("incidents.csv"));
    auto geography = BorderGeography::loadBundled();
    SyntheticOptions options;
    options.count = static_cast<std::uint64_t>(state.range(0));
    options.seed = 42;
    if (!geography || !writeSyntheticIncidentsFile(path, geography.value(), options)) {
        state.SkipWithError("cannot write the synthetic incidents");
        return;
    }
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openBundledLayers();
    loaded.wait(60000);
    window.openFiles({path});
    loaded.wait(120000);
    settle(window);
    TimeController* time = window.timeController();
    time->setWindowSpec(WindowSpec{WindowSpec::Mode::Moving, 30});
    time->setStep(*PlaybackStep::parse(QStringLiteral("1d")));
    time->setRange(TimeRange::fromInclusive(QDate(2023, 1, 1), QDate(2023, 1, 30)));
    settle(window);
    PaintCounter paints;
    const bool trace = qEnvironmentVariableIsSet("BORDERLENS_TRACE");
    if (trace)
        qApp->installEventFilter(&paints);
    for (auto _ : state) {
        const double before = threadCpuSeconds();
        time->stepForward();
        settle(window);
        state.SetIterationTime(threadCpuSeconds() - before);
    }
    if (trace) {
        qApp->removeEventFilter(&paints);
        for (const auto& [what, n] : paints.counts)
            std::fprintf(stderr, "painted %4d× %s\n", n, qPrintable(what));
        // Where a step's GUI time goes, widget by widget (a repaint of each, as a step causes).
        for (QWidget* w : window.findChildren<QWidget*>()) {
            if (!w->isVisible() || w->children().size() > 40)
                continue;
            const double t0 = threadCpuSeconds();
            w->repaint();
            const double ms = (threadCpuSeconds() - t0) * 1000;
            if (ms > 0.3)
                std::fprintf(stderr, "repaint %-40s %6.2f ms\n", w->metaObject()->className(), ms);
        }
    }
}

} // namespace

BENCHMARK(timeSliderStep)->Arg(1'000'000)->UseManualTime()->Unit(benchmark::kMillisecond)
    ->Iterations(60);

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
