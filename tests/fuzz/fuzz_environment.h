#pragma once

// What every fuzz target sets up once: GDAL and Qt kept quiet, so a run's log shows libFuzzer's
// progress and sanitizer reports rather than a warning per malformed input.
#include "io/gdal_support.h"

#include <QtGlobal>
#include <cpl_error.h>

namespace borderlens::fuzz {

inline void quietEnvironment() {
    ensureGdalInitialised();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
}

// A broken promise of the code under test: abort, which libFuzzer reports as a crash with the
// input that caused it.
inline void check(bool holds) {
    if (!holds)
        __builtin_trap();
}

} // namespace borderlens::fuzz
