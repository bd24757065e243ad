#include "support/cli_runner.h"

#include "support/test_paths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace borderlens::test {

CliRun runCli(const QStringList& args, const QMap<QString, QString>& env) {
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "SOURCE_DATE_EPOCH"})
        e.remove(QString::fromLatin1(name));
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    e.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(e);
    p.start(cliPath(), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray fileSha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace borderlens::test
