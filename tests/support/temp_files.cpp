#include "support/temp_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace borderlens::test {

QString writeTempFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
    EXPECT_EQ(f.write(bytes), bytes.size()) << path.toStdString();
    return path;
}

} // namespace borderlens::test
