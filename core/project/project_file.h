#pragma once

#include "project/project.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace borderlens {

// The .blproj file: UTF-8 JSON with a format name and version, the layers' paths relative to
// the project file where possible (a project folder moved or copied whole still opens).
//
//   {"format": "borderlens-project", "version": 1, "bundled_map": true,
//    "layers": [{"path": "data/incidents.csv", "kind": "incidents", "visible": true}, …],
//    "view": {"crs": "EPSG:32642", "extent": [67.3, 36.6, 75.2, 39.1]},
//    "time": {"from": "2025-11-01", "to": "2025-12-31", "window": "30d", "step": "1w"},
//    "briefing": {"title": "…", "size": [1920, 1080], …}}
//
// Reading never runs or fetches anything: a project holds paths and settings, nothing else.
constexpr int kProjectFormatVersion = 1;

struct ProjectFile {
    Project project;
    // Written by a newer BorderLens: what this one understands is shown, and it is never saved
    // over (Save As makes a copy in this version's format).
    bool readOnly = false;
    QStringList warnings = {};
    // Layer files that are not where the project says (moved, or on another machine): the
    // project opens anyway and the viewer offers to locate them.
    QStringList missingFiles = {};
};

// `name` is the file's name for messages; `projectDir` resolves relative layer paths.
// A malformed file gives an error naming the line and column; a misplaced value names its key
// ("layers[2].visible: expected true or false").
Result<ProjectFile> parseProject(const QByteArray& json, const QString& projectDir,
                                 const QString& name);
Result<ProjectFile> readProjectFile(const QString& path);

QByteArray serializeProject(const Project& project, const QString& projectDir);
// Atomic: written to a temporary file beside `path` and renamed over it, so the previous
// project survives a crash or a full disk. Returns the path written, or why not.
Result<QString> writeProjectFile(const Project& project, const QString& path);

} // namespace borderlens
