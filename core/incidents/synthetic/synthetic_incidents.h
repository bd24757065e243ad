#pragma once

#include "incidents/synthetic/border_geography.h"
#include "util/result.h"

#include <QString>
#include <cstdint>
#include <optional>

class QIODevice;

namespace borderlens {

// The CSV dialects synthetic incidents can be written in (docs/data-format.md): the native
// schema, a current 31-column ACLED export, or UCDP GED.
enum class SyntheticFormat { Native, Acled, Ucdp };

QString toString(SyntheticFormat f);
std::optional<SyntheticFormat> syntheticFormatFromString(const QString& s);

struct SyntheticOptions {
    std::uint64_t count = 1000;
    std::uint64_t seed = 1;
    SyntheticFormat format = SyntheticFormat::Native;
    // ACLED event_date as "24 December 2025" rather than 2025-12-24.
    bool acledLongDates = false;
    // Native: every column of the schema (most left empty) rather than id … killed_best.
    bool nativeAllColumns = false;
};

// Writes `options.count` seeded incidents as CSV to `out`, streaming in chunks of about 1 MiB
// (a million ACLED rows is half a gigabyte). The same options give the same bytes whatever the
// locale. Returns the number of bytes written, or an Error naming `outName` if a write failed.
Result<std::uint64_t> writeSyntheticIncidents(QIODevice& out, const BorderGeography& geography,
                                              const SyntheticOptions& options,
                                              const QString& outName = {});

// The same into a file, written atomically (QSaveFile): a failed run leaves no partial file.
Result<std::uint64_t> writeSyntheticIncidentsFile(const QString& path,
                                                  const BorderGeography& geography,
                                                  const SyntheticOptions& options);

} // namespace borderlens
