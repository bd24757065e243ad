#include "export/pending_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <filesystem>
#include <system_error>

namespace borderlens {

PendingFile::PendingFile(const QString& target) : m_target(target) {
    const QFileInfo info(target);
    m_path = info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.part")
            .arg(info.fileName())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

PendingFile::~PendingFile() {
    if (!m_committed)
        QFile::remove(m_path);
}

Result<bool> PendingFile::check() const {
    const QFileInfo info(m_target);
    if (!info.absoluteDir().exists())
        return Error{m_target, QStringLiteral("cannot write: folder %1 does not exist")
                                   .arg(info.absolutePath())};
    if (info.isDir())
        return Error{m_target, QStringLiteral("cannot write: it is a folder")};
    return true;
}

Result<bool> PendingFile::commit() {
    std::error_code ec;
    // From UTF-16: the wide API on Windows, UTF-8 elsewhere (never the local 8-bit code page).
    std::filesystem::rename(std::filesystem::path(m_path.toStdU16String()),
                            std::filesystem::path(m_target.toStdU16String()), ec);
    if (ec)
        return Error{m_target, QStringLiteral("cannot write: %1")
                                   .arg(QString::fromLocal8Bit(ec.message().c_str()))};
    m_committed = true;
    return true;
}

} // namespace borderlens
