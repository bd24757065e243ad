#pragma once

#include <QStandardPaths>
#include <QString>

class QWidget;

namespace borderlens {

// Asks where to export: a save dialog opening in the folder of the last export (QSettings
// "export/lastDir", else `fallback`), proposing `baseName.suffix`. Returns the path with the
// suffix added if the user left it off, or empty if cancelled; remembers the folder.
QString askExportPath(QWidget* parent, const QString& title,
                      QStandardPaths::StandardLocation fallback, const QString& baseName,
                      const QString& suffix);

} // namespace borderlens
