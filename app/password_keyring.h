#pragma once

#include <QString>

namespace borderlens {

// Database passwords in the operating system's keyring (Secret Service on Linux, the
// Credential Manager on Windows) through QtKeychain, keyed by the connection without its
// password. Never in the project file or the settings. Where there is no keyring (a bare
// server, no Secret Service running) storing fails and the user is asked each session.
namespace keyring {

// True when stored; `why` says what failed otherwise.
bool storePassword(const QString& connection, const QString& password, QString* why = nullptr);
// The stored password, or empty.
QString password(const QString& connection);
void forgetPassword(const QString& connection);

} // namespace keyring
} // namespace borderlens
