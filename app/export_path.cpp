#include "export_path.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace borderlens {

QString askExportPath(QWidget* parent, const QString& title,
                      QStandardPaths::StandardLocation fallback, const QString& baseName,
                      const QString& suffix) {
    QSettings settings;
    const QString dir = settings
                            .value(QStringLiteral("export/lastDir"),
                                   QStandardPaths::writableLocation(fallback))
                            .toString();
    const QString path = QFileDialog::getSaveFileName(
        parent, title, QDir(dir).filePath(baseName + QLatin1Char('.') + suffix),
        QFileDialog::tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return {};
    settings.setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    return QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + suffix : path;
}

} // namespace borderlens
