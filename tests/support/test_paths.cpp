#include "support/test_paths.h"

#include <QDir>
#include <QFileInfo>

namespace borderlens::test {

QString sharedDir() {
    const QString env = qEnvironmentVariable("BORDERLENS_SHARED_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(BORDERLENS_SHARED_DIR) : env;
    return QFileInfo(dir + QStringLiteral("/realdata")).isDir() ? QDir::cleanPath(dir) : QString();
}

QString realData(const QString& relative) {
    const QString s = sharedDir();
    return s.isEmpty() ? QString() : s + QStringLiteral("/realdata/") + relative;
}

QString cliPath() { return QStringLiteral(BORDERLENS_CLI_PATH); }
QString viewerPath() { return QStringLiteral(BORDERLENS_VIEWER_PATH); }

} // namespace borderlens::test
