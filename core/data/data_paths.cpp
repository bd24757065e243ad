#include "data/data_paths.h"

#include "borderlens_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace borderlens {

namespace {

// The folders an installed or unpacked program keeps its data in, in the order of data_paths.h.
QStringList installedCandidates() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("BORDERLENS_DATA_DIR");
    if (!env.isEmpty())
        candidates << env;
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates << appDir + QStringLiteral("/../share/borderlens")
                   << appDir + QStringLiteral("/data");
    }
    return candidates;
}

} // namespace

QString bundledDataDir() {
    QStringList candidates = installedCandidates();
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

QString bundledManualDir() {
    QStringList candidates;
    for (const QString& c : installedCandidates())
        candidates << c + QStringLiteral("/manual");
    candidates << QStringLiteral(BORDERLENS_SOURCE_DATA_DIR "/docs/manual");
    for (const QString& c : candidates) {
        if (QFileInfo(c + QStringLiteral("/index.html")).isFile())
            return QDir::cleanPath(QDir(c).absolutePath());
    }
    return {};
}

} // namespace borderlens
