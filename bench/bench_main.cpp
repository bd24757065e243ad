// The main() of the benchmark programs: a QGuiApplication (offscreen) exists so that fonts and
// images behave as in the program; a QApplication for the programs that measure widgets.
#ifdef BORDERLENS_BENCH_WIDGETS
#include <QApplication>
using BenchApplication = QApplication; // benchmarks of widgets
#else
#include <QGuiApplication>
using BenchApplication = QGuiApplication;
#endif

#include <benchmark/benchmark.h>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
