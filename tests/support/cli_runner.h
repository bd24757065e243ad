#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace borderlens::test {

struct CliRun {
    int exitCode = -1; // -1 if it crashed or timed out
    QString out;
    QString err;
};

// Runs borderlens-cli as a user on a headless server would: no display and no Qt platform set
// (drawing commands must choose offscreen themselves), no SOURCE_DATE_EPOCH, and a decimal-comma
// locale (de_DE.UTF-8), so a number printed through the locale shows. `env` adds or overrides.
CliRun runCli(const QStringList& args, const QMap<QString, QString>& env = {});
// The hex SHA-256 of a file's bytes (empty if it cannot be read): "the same command gives the
// same bytes" checks.
QByteArray fileSha256(const QString& path);

} // namespace borderlens::test
