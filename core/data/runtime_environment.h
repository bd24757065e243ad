#pragma once

#include <QString>
#include <QStringList>

namespace borderlens {

// Where GDAL and PROJ find their support data (PROJ's proj.db, GDAL's CSV and XML files).
// On Linux the distribution installs them in /usr/share/{proj,gdal} and the libraries find them
// by themselves; PROJ_DATA (PROJ_LIB before PROJ 9.1) and GDAL_DATA override that, and are always
// respected. A Windows installation carries its own copies beside the program instead.
struct LibraryDataDirs {
    QString proj; // a folder holding proj.db, or empty
    QString gdal; // a folder holding GDAL's data files (gdalvrt.xsd among them), or empty
};

// The bundled PROJ and GDAL data for a program in appDir, looked up in this order:
//   <appDir>/../share/{proj,gdal}   (bin/ + share/ layout: our installer, vcpkg)
//   <appDir>/share/{proj,gdal}
//   <appDir>/{proj,gdal-data}       (a flat portable folder)
QString findBundledProjData(const QString& appDir);
QString findBundledGdalData(const QString& appDir);
LibraryDataDirs findBundledLibraryData(const QString& appDir);

// On Windows: points PROJ_DATA and GDAL_DATA at the data shipped beside the program, for each
// that the user has not set (PROJ_LIB counts as set for PROJ). Elsewhere it does nothing.
// Call it from main() once the Q(Core|Gui)Application exists and before any GDAL or PROJ call.
// Returns "NAME=value" for each variable it set, for diagnostics.
QStringList prepareRuntimeEnvironment();

} // namespace borderlens
