#include "borderlens_config.h"
#include "data/runtime_environment.h"
#include "main_window.h"
#include "map_canvas.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace borderlens;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    prepareRuntimeEnvironment(); // bundled GDAL/PROJ data on Windows, before any use
    QApplication::setApplicationName(QStringLiteral("BorderLens"));
    QApplication::setOrganizationName(QStringLiteral("BorderLens"));
    QApplication::setApplicationVersion(QStringLiteral(BORDERLENS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("borderlens"));
    // The installed hicolor icon (Linux; on Windows the .exe icon resource serves).
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("borderlens")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tajik–Afghan border incident viewer"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Vector files to open."),
                                 QStringLiteral("[FILE...]"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Once everything is loaded and drawn, save the window to FILE and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption quitAfterLoad(QStringLiteral("quit-after-load"),
                                     QStringLiteral("Exit once everything is loaded and drawn."));
    QCommandLineOption noBundled(QStringLiteral("no-bundled"),
                                 QStringLiteral("Do not open the bundled base layers."));
    QCommandLineOption extent(QStringLiteral("extent"),
                              QStringLiteral("Open on this area: minlon,minlat,maxlon,maxlat."),
                              QStringLiteral("BOX"));
    QCommandLineOption windowSize(QStringLiteral("window-size"),
                                  QStringLiteral("Open the window at WIDTHxHEIGHT pixels (e.g. "
                                                 "1366x768, for screenshots)."),
                                  QStringLiteral("SIZE"));
    parser.addOptions({screenshot, quitAfterLoad, noBundled, extent, windowSize});
    parser.process(app);

    MainWindow window;
    const bool scripted = parser.isSet(screenshot) || parser.isSet(quitAfterLoad);
    // A user's session comes back as they left it; a scripted run (screenshots, timings) starts
    // from the defaults so that it shows the same thing on every machine.
    if (!scripted)
        window.restoreLayout();
    if (parser.isSet(windowSize)) {
        const QStringList wh = parser.value(windowSize).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 200 || h < 200) {
            std::fprintf(stderr, "borderlens: --window-size wants WIDTHxHEIGHT, e.g. 1366x768\n");
            return 2;
        }
        window.resize(w, h);
    }
    window.show();
    if (parser.isSet(extent)) {
        const QStringList v = parser.value(extent).split(QLatin1Char(','));
        bool ok = v.size() == 4;
        double box[4] = {0, 0, 0, 0};
        for (int i = 0; ok && i < 4; ++i)
            box[i] = v[i].trimmed().toDouble(&ok);
        if (!ok || box[0] >= box[2] || box[1] >= box[3]) {
            std::fprintf(stderr, "borderlens: --extent wants minlon,minlat,maxlon,maxlat\n");
            return 2;
        }
        window.setStartExtent(Extent{box[0], box[1], box[2], box[3]});
    }

    // A project among the arguments opens as the session (the first one); other files are
    // added to it. Opening a project only reads paths and settings: nothing in it is run.
    QStringList files, projects;
    for (const QString& f : parser.positionalArguments())
        (f.endsWith(QLatin1String(".blproj"), Qt::CaseInsensitive) ? projects : files) << f;
    const bool bundled = !parser.isSet(noBundled);
    int batches = (bundled ? 1 : 0) + (files.isEmpty() ? 0 : 1) + (projects.isEmpty() ? 0 : 1);

    // Scripted-run state, here so that it outlives exec() and the lambdas that count with it.
    int remaining = batches;
    bool done = false;
    if (scripted) {
        // Exit after the last batch has loaded and its frame has been drawn.
        const QString shot = parser.value(screenshot);
        auto finish = [&window, shot] {
            int status = 0;
            if (!shot.isEmpty()) {
                // Beside the target and renamed over it when complete, as every file we write.
                QSaveFile file(shot);
                const QByteArray format = QFileInfo(shot).suffix().toLatin1();
                if (!file.open(QIODevice::WriteOnly) ||
                    !window.grab().save(&file, format.isEmpty() ? "png" : format.constData()) ||
                    !file.commit())
                    status = 1;
            }
            QApplication::exit(status);
        };
        QObject::connect(&window, &MainWindow::loadFinished, &window, [&window, &remaining, &done,
                                                                      finish] {
            if (--remaining > 0)
                return;
            // The first frame that leaves nothing more to draw: a frame started before the last
            // layers came would show the map without them.
            auto once = [&done, finish] {
                if (!done) {
                    done = true;
                    finish();
                }
            };
            QObject::connect(window.canvas(), &MapCanvas::frameRendered, &window, [&window, once] {
                if (!window.canvas()->isRendering())
                    once();
            });
            if (!window.canvas()->isRendering())
                QTimer::singleShot(0, &window, once);
            // Nothing to draw (no layers): leave anyway.
            QTimer::singleShot(20000, &window, once);
        });
        if (batches == 0)
            QTimer::singleShot(0, &window, finish);
    }
    // The bundled map and the user's files load at the same time; the base layers go under the
    // user's layers of their kind whichever finishes first (LayerStack::addByKind).
    if (bundled)
        window.openBundledLayers();
    if (!projects.isEmpty() && !window.openProject(projects.front()))
        emit window.loadFinished(); // the error is shown; the session goes on without it
    if (!files.isEmpty())
        window.openFiles(files);
    return QApplication::exec();
}
