#include "data/data_paths.h"

#include "borderlens_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace borderlens {

QString bundledDataDir() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("BORDERLENS_DATA_DIR");
    if (!env.isEmpty())
        candidates << env;
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates << appDir + QStringLiteral("/../share/borderlens")
                   << appDir + QStringLiteral("/data");
    }
    candidates << QStringLiteral(BORDERLENS_SOURCE_DATA_DIR);
    for (const QString& c : candidates) {
        if (QFileInfo(c + QStringLiteral("/geodata")).isDir())
            return QDir::cleanPath(QDir(c).absolutePath());
    }
    return {};
}

QString bundledGeodataDir() {
    const QString d = bundledDataDir();
    return d.isEmpty() ? QString() : d + QStringLiteral("/geodata");
}

} // namespace borderlens
