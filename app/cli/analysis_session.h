#pragma once

#include "analysis/derived_facts.h"
#include "analysis/incident_filter.h"
#include "cli_command.h"
#include "incidents/incident_store.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace borderlens::cli {

// What `stats` and `table` share: options read into one place, then the incidents imported and
// their facts derived (as the viewer derives them) and the filter applied.
struct AnalysisOptions {
    QString incidentsFile;
    QString districtsFile; // empty: the bundled schematic districts
    QString provincesFile; // optional admin-1 polygons, for layers without a province field
    QString outpostsFile;  // empty: the incident file's own outposts, else the bundled sample
    std::optional<QDate> from;
    std::optional<QDate> to; // inclusive
    IncidentFilter filter;
};

// Reads the options both commands take (data, time and filter) out of `args`, leaving the
// command's own (each taking a value) in `rest`. Returns Ok, or the exit code after writing the
// message (and on a usage error `usage`) to io.err.
int parseAnalysisOptions(const QStringList& args, const QStringList& ownValueOptions,
                         const QString& usage, AnalysisOptions& options,
                         QMultiHash<QString, QString>& rest, Io io);

struct AnalysisData {
    std::shared_ptr<const IncidentStore> store;      // filtered
    std::shared_ptr<const DerivedFacts> facts;       // aligned with `store`
    std::size_t unfiltered = 0;                      // rows before the filter
};
Result<AnalysisData> loadAnalysisData(const AnalysisOptions& options, Io io);
// The same with the error written to io.err ("error: FILE: why"); none then.
std::optional<AnalysisData> loadAnalysisDataOrReport(const AnalysisOptions& options, Io io);

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
QString csvField(const QString& text);

} // namespace borderlens::cli
