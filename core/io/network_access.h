#pragma once

#include "util/result.h"

#include <QString>

#include <optional>

namespace borderlens {

// BorderLens makes no network connection from a data source unless the user allows it, with
// this key (a bool, off when absent) in the viewer's settings, which the CLI reads too.
inline constexpr char kAllowNetworkSettingKey[] = "network/allowDataSourceAccess";

// Whether the user allowed network access (read once per process from the settings, as GDAL's
// own switches are process-wide and set once; see ensureGdalInitialised()).
bool networkAccessAllowed();

// Why opening `path` would reach the network, or nothing for a plain local file: a network
// virtual file system (/vsicurl/, /vsis3/, …), a URL, a connection string (WMS:, WFS:, PG:, …),
// or a local VRT or KML whose sources or network links are on the network.
std::optional<QString> networkReference(const QString& path);

// An Error naming `path` when it would reach the network and the user has not allowed it.
std::optional<Error> refuseNetworkSource(const QString& path);

} // namespace borderlens
