#pragma once

#include <QByteArray>
#include <QString>

class QTemporaryDir;

namespace borderlens::test {

// Writes `bytes` to `name` in `dir` (a failed write fails the test) and returns the file's path.
QString writeTempFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes);

} // namespace borderlens::test
