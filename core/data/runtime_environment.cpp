#include "data/runtime_environment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <cpl_conv.h>
#include <cstdlib>
#endif

namespace borderlens {
namespace {

QString firstDirHolding(const QStringList& dirs, const QString& marker) {
    for (const QString& d : dirs) {
        if (QFileInfo(d + QLatin1Char('/') + marker).isFile())
            return QDir::cleanPath(QDir(d).absolutePath());
    }
    return {};
}

#ifdef Q_OS_WIN
// _wputenv_s, not qputenv: the path may hold characters outside the ANSI code page, and PROJ
// reads its variables through the wide-character environment on Windows.
bool setEnvironmentVariable(const wchar_t* name, const QString& value) {
    return _wputenv_s(name, reinterpret_cast<const wchar_t*>(value.utf16())) == 0;
}
#endif

} // namespace

QString findBundledProjData(const QString& appDir) {
    return firstDirHolding({appDir + QStringLiteral("/../share/proj"),
                            appDir + QStringLiteral("/share/proj"),
                            appDir + QStringLiteral("/proj")},
                           QStringLiteral("proj.db"));
}

QString findBundledGdalData(const QString& appDir) {
    return firstDirHolding({appDir + QStringLiteral("/../share/gdal"),
                            appDir + QStringLiteral("/share/gdal"),
                            appDir + QStringLiteral("/gdal-data")},
                           QStringLiteral("gdalvrt.xsd"));
}

LibraryDataDirs findBundledLibraryData(const QString& appDir) {
    return {findBundledProjData(appDir), findBundledGdalData(appDir)};
}

QStringList prepareRuntimeEnvironment() {
    QStringList set;
#ifdef Q_OS_WIN
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!qEnvironmentVariableIsSet("PROJ_DATA") && !qEnvironmentVariableIsSet("PROJ_LIB")) {
        const QString proj = QDir::toNativeSeparators(findBundledProjData(appDir));
        if (!proj.isEmpty() && setEnvironmentVariable(L"PROJ_DATA", proj))
            set << QStringLiteral("PROJ_DATA=") + proj;
    }
    if (!qEnvironmentVariableIsSet("GDAL_DATA")) {
        const QString gdal = QDir::toNativeSeparators(findBundledGdalData(appDir));
        if (!gdal.isEmpty() && setEnvironmentVariable(L"GDAL_DATA", gdal)) {
            // GDAL reads the narrow environment; its configuration option takes UTF-8 paths.
            CPLSetConfigOption("GDAL_DATA", gdal.toUtf8().constData());
            set << QStringLiteral("GDAL_DATA=") + gdal;
        }
    }
#endif
    return set;
}

} // namespace borderlens
