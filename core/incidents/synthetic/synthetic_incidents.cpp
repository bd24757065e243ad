#include "incidents/synthetic/synthetic_incidents.h"

#include "incidents/synthetic/random_stream.h"
#include "incidents/synthetic/synthetic_rows.h"

#include <QIODevice>
#include <QSaveFile>

namespace borderlens {

namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

bool flush(QIODevice& out, CsvRowBuffer& buffer) {
    const std::string& bytes = buffer.bytes();
    const qint64 size = static_cast<qint64>(bytes.size());
    if (size > 0 && out.write(bytes.data(), size) != size)
        return false;
    buffer.clear();
    return true;
}

} // namespace

QString toString(SyntheticFormat f) {
    switch (f) {
    case SyntheticFormat::Native:
        return QStringLiteral("native");
    case SyntheticFormat::Acled:
        return QStringLiteral("acled");
    case SyntheticFormat::Ucdp:
        return QStringLiteral("ucdp");
    }
    return {};
}

std::optional<SyntheticFormat> syntheticFormatFromString(const QString& s) {
    for (SyntheticFormat f :
         {SyntheticFormat::Native, SyntheticFormat::Acled, SyntheticFormat::Ucdp})
        if (s.compare(toString(f), Qt::CaseInsensitive) == 0)
            return f;
    return std::nullopt;
}

Result<std::uint64_t> writeSyntheticIncidents(QIODevice& out, const BorderGeography& geography,
                                              const SyntheticOptions& options,
                                              const QString& outName) {
    const SyntheticIncidentGenerator generator(
        geography, options.seed,
        options.format == SyntheticFormat::Ucdp ? SyntheticIncidentGenerator::violentTypeWeights()
                                                : SyntheticIncidentGenerator::defaultTypeWeights());
    CsvRowBuffer buffer;
    buffer.reserve(kChunkBytes + 64 * 1024);
    std::string scratch;
    std::uint64_t written = 0;
    const auto failed = [&] {
        return Error{outName, QStringLiteral("could not write (%1)").arg(out.errorString())};
    };

    switch (options.format) {
    case SyntheticFormat::Native:
        synthetic::writeNativeHeader(buffer, options.nativeAllColumns);
        break;
    case SyntheticFormat::Acled:
        synthetic::writeAcledHeader(buffer);
        break;
    case SyntheticFormat::Ucdp:
        synthetic::writeUcdpHeader(buffer);
        break;
    }
    for (std::uint64_t i = 0; i < options.count; ++i) {
        const SyntheticIncident inc = generator.incident(i);
        // Details only one format has come from a second stream of the row, so every format
        // carries the same incidents for the same seed.
        RandomStream details(SyntheticIncidentGenerator::rowSeed(options.seed, i, 1));
        switch (options.format) {
        case SyntheticFormat::Native:
            synthetic::writeNativeRow(buffer, inc, geography, options.nativeAllColumns);
            break;
        case SyntheticFormat::Acled:
            synthetic::writeAcledRow(buffer, inc, geography, details, options.acledLongDates,
                                     scratch);
            break;
        case SyntheticFormat::Ucdp:
            synthetic::writeUcdpRow(buffer, inc, geography, details, scratch);
            break;
        }
        if (buffer.size() >= kChunkBytes) {
            written += buffer.size();
            if (!flush(out, buffer))
                return failed();
        }
    }
    written += buffer.size();
    if (!flush(out, buffer))
        return failed();
    return written;
}

Result<std::uint64_t> writeSyntheticIncidentsFile(const QString& path,
                                                  const BorderGeography& geography,
                                                  const SyntheticOptions& options) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, QStringLiteral("cannot be written (%1)").arg(file.errorString())};
    auto written = writeSyntheticIncidents(file, geography, options, path);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error{path, QStringLiteral("could not be saved (%1)").arg(file.errorString())};
    return written;
}

} // namespace borderlens
