// The main() of every test binary. It installs a decimal-comma locale (C library and Qt) so that
// code which formats or parses numbers through the locale fails here rather than on a German or
// Russian analyst's machine. It also makes a QGuiApplication on the offscreen platform, which
// rendering and fonts need.
#ifdef BORDERLENS_TESTS_WITH_WIDGETS
#include <QApplication>
#else
#include <QGuiApplication>
#endif
#include <QLocale>

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen"
                                                                     : qgetenv("QT_QPA_PLATFORM"));
#ifdef BORDERLENS_TESTS_SCALE_FACTOR
    // A high-DPI screen for the binaries that test the viewer on one (device pixel ratio 2).
    qputenv("QT_SCALE_FACTOR", BORDERLENS_TESTS_SCALE_FACTOR);
#endif
    ::testing::InitGoogleTest(&argc, argv);
    // Widget tests need a QApplication, the others only a QGuiApplication (fonts, images).
#ifdef BORDERLENS_TESTS_WITH_WIDGETS
    QApplication app(argc, argv);
#else
    QGuiApplication app(argc, argv);
#endif
    // After the application object: constructing it calls setlocale(LC_ALL, ""), which would
    // undo a locale set earlier.
    const char* tried[] = {"de_DE.UTF-8", "de_DE.utf8", "ru_RU.UTF-8", "fr_FR.UTF-8"};
    const char* set = nullptr;
    for (const char* name : tried) {
        if ((set = std::setlocale(LC_ALL, name)))
            break;
    }
    if (!set)
        std::fprintf(stderr, "note: no decimal-comma C locale installed; only Qt's is set\n");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));


    return RUN_ALL_TESTS();
}
