#include "incidents/import/incident_importer.h"

#include "incidents/import/csv_chunk_reader.h"
#include "incidents/import/ogr_table_reader.h"
#include "io/csv_tokenizer.h"
#include "io/network_access.h"
#include "util/parallel.h"
#include "util/phase_timer.h"

#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace borderlens {
namespace {

GeoPrecision coarser(GeoPrecision a, GeoPrecision b) {
    return a > b ? a : b;
}

// What a file's header settled: the format, its parser, the width rows must have.
struct TableContext {
    QString path;
    IncidentFormat format = IncidentFormat::Auto;
    std::unique_ptr<IncidentRowParser> incidents;
    FacilityRowParser facilities;
    std::size_t width = 0;
    bool checkWidth = true; // CSV rows must match the header; OGR features always do
    const PlaceResolver* resolver = nullptr;
};

// Settles the format from the header, or says why the file is not an incident table.
Result<bool> bindHeader(TableContext& ctx, const std::vector<QString>& header,
                        IncidentFormat requested) {
    const ColumnMap columns(header);
    IncidentFormat format = requested;
    if (format == IncidentFormat::Auto) {
        format = detectFormat(columns);
        if (format == IncidentFormat::Auto)
            return Error{ctx.path, QStringLiteral("the columns fit no known incident format "
                                                  "(native, ACLED, UCDP GED); see "
                                                  "docs/data-format.md")};
    }
    QStringList required;
    if (format == IncidentFormat::NativeFacilities) {
        required = ctx.facilities.requiredColumns();
        ctx.facilities.bind(columns);
    } else {
        ctx.incidents = makeRowParser(format);
        required = ctx.incidents->requiredColumns();
        ctx.incidents->bind(columns);
    }
    QStringList missing;
    for (const QString& c : required) {
        if (!columns.has(c))
            missing << c;
    }
    if (!missing.isEmpty())
        return Error{ctx.path, QStringLiteral("not a %1 file: missing column(s) %2")
                                   .arg(toString(format), missing.join(QStringLiteral(", ")))};
    ctx.format = format;
    ctx.width = header.size();
    return true;
}

// The rows of one stretch of a file: incidents in file order, each with its line, and the rows
// rejected on the way. Lines are counted from the stretch's first byte (0) until merged.
struct RowBatch {
    IncidentColumns columns;
    std::vector<std::int64_t> lines;   // per row in `columns`
    std::vector<RejectedRow> rejected; // rows never added
    // Rows added but not to be kept unless their id is new: a failed geocoding is reported only
    // when the row is not a duplicate, as a row-by-row import would report it.
    std::vector<std::pair<std::size_t, QString>> unplaced;
    std::vector<std::pair<std::size_t, GeocodedRow>> geocodedRows; // row in `columns`, placement
    std::vector<std::size_t> idFromLine;                           // rows whose id is "row-<line>"
    std::vector<Facility> facilities;
    std::vector<std::int64_t> facilityLines;
    std::vector<std::pair<std::size_t, GeocodedRow>> geocodedFacilities; // index in `facilities`
    std::int64_t rowsRead = 0;
};

// Places a row that gave no coordinates, or says why it cannot be placed.
Result<ResolvedPlace> placeRow(const TableContext& ctx, const PlaceQuery& query) {
    if (!ctx.resolver)
        return Error{
            {}, QStringLiteral("no coordinates (and no gazetteer to place '%1')").arg(query.name)};
    auto hit = ctx.resolver->resolve(query);
    if (!hit)
        return Error{{}, QStringLiteral("no coordinates, and %1").arg(hit.error().message)};
    return hit;
}

// Adds one row (the fields of a record or feature) to `batch`.
void addRow(const TableContext& ctx, const FieldRow& row, int badUtf8Field, ParsedIncident& parsed,
            std::string (&geocodedText)[3], RowBatch& batch) {
    ++batch.rowsRead;
    auto reject = [&](QString why) {
        batch.rejected.push_back({row.line, std::move(why)});
    };
    if (ctx.checkWidth && row.fields.size() != ctx.width) {
        reject(QStringLiteral("has %1 fields; the header has %2")
                   .arg(row.fields.size())
                   .arg(ctx.width));
        return;
    }
    if (badUtf8Field > 0) {
        reject(QStringLiteral("field %1 is not valid UTF-8 (is the file saved in another "
                              "encoding? BorderLens reads UTF-8)")
                   .arg(badUtf8Field));
        return;
    }
    if (ctx.format == IncidentFormat::NativeFacilities) {
        auto f = ctx.facilities.parse(row);
        if (!f) {
            reject(f.error().message);
            return;
        }
        auto [facility, needsGeocoding] = std::move(f).value();
        if (needsGeocoding) {
            PlaceQuery query{facility.name, facility.country, facility.province, facility.district};
            auto hit = placeRow(ctx, query);
            if (!hit) {
                reject(hit.error().message);
                return;
            }
            const ResolvedPlace& p = hit.value();
            facility.lon = p.lon;
            facility.lat = p.lat;
            facility.geoPrecision = coarser(facility.geoPrecision, p.precision);
            if (facility.country.isEmpty())
                facility.country = p.country;
            if (facility.province.isEmpty())
                facility.province = p.province;
            if (facility.district.isEmpty())
                facility.district = p.district;
            batch.geocodedFacilities.emplace_back(
                batch.facilities.size(),
                GeocodedRow{row.line, std::move(query), std::move(hit).value()});
        }
        batch.facilities.push_back(std::move(facility));
        batch.facilityLines.push_back(row.line);
        return;
    }
    if (auto why = ctx.incidents->parse(row, parsed)) {
        reject(*why);
        return;
    }
    IncidentColumns::Row& r = parsed.row;
    std::optional<QString> unplaced;
    std::optional<GeocodedRow> geocoded;
    if (parsed.needsGeocoding) {
        PlaceQuery query{qstr(r.place), qstr(r.country), qstr(r.province), qstr(r.district)};
        auto hit = placeRow(ctx, query);
        if (!hit) {
            unplaced = hit.error().message;
        } else {
            const ResolvedPlace& p = hit.value();
            r.lon = p.lon;
            r.lat = p.lat;
            r.geoPrecision = coarser(r.geoPrecision, p.precision);
            const QString* fill[3] = {&p.country, &p.province, &p.district};
            std::string_view* into[3] = {&r.country, &r.province, &r.district};
            for (int k = 0; k < 3; ++k) {
                if (into[k]->empty()) {
                    geocodedText[k] = fill[k]->toStdString();
                    *into[k] = geocodedText[k];
                }
            }
            geocoded = GeocodedRow{row.line, std::move(query), std::move(hit).value()};
        }
    }
    const std::size_t index = batch.columns.size();
    if (!batch.columns.append(r)) {
        reject(QStringLiteral("the file's text passes 4 GiB in one column; split the file"));
        return;
    }
    batch.lines.push_back(row.line);
    if (unplaced)
        batch.unplaced.emplace_back(index, std::move(*unplaced));
    if (geocoded)
        batch.geocodedRows.emplace_back(index, std::move(*geocoded));
    if (parsed.idFromLine)
        batch.idFromLine.push_back(index);
}

// How parsing a stretch of CSV ended.
struct ChunkEnd {
    enum Kind { Clean, Incomplete, Error } kind = Clean;
    std::size_t incompleteAt = 0; // where the unfinished record starts (Incomplete)
    std::int64_t lines = 0;       // lines consumed (up to incompleteAt when Incomplete)
    RejectedRow error;            // Error: the line and why nothing after it was read
};

ChunkEnd parseCsvStretch(const TableContext& ctx, std::string_view bytes, bool atEnd,
                         RowBatch& batch) {
    CsvTokenizer tokenizer(bytes, atEnd, 0);
    CsvTokenizer::Record record;
    ParsedIncident parsed;
    std::string geocodedText[3];
    for (;;) {
        switch (tokenizer.next(record)) {
        case CsvTokenizer::Status::Record: {
            const FieldRow row{record.fields, record.line};
            addRow(ctx, row, record.badUtf8Field, parsed, geocodedText, batch);
            break;
        }
        case CsvTokenizer::Status::End:
            return {ChunkEnd::Clean, 0, tokenizer.line(), {}};
        case CsvTokenizer::Status::Incomplete:
            return {ChunkEnd::Incomplete, tokenizer.position(), tokenizer.line(), {}};
        case CsvTokenizer::Status::Error:
            ++batch.rowsRead;
            // Broken quoting makes where the next record starts a guess: say where it broke and
            // that nothing after it was read, rather than import misaligned fields.
            return {ChunkEnd::Error,
                    0,
                    tokenizer.line(),
                    {tokenizer.errorLine(),
                     tokenizer.errorMessage() + QStringLiteral(" (rows after it were not read)")}};
        }
    }
}

Error tooMany(const QString& path, std::uint64_t limit) {
    return Error{path, QStringLiteral("more than %1 incidents: one store holds at most that many; "
                                      "split the file")
                           .arg(QLocale(QLocale::English).toString(qulonglong(limit)))};
}

// Folds batches, in file order, into one report: absolute line numbers, ids unique in file
// order (a later duplicate is rejected, as is a row that could not be placed), then the store.
class ReportBuilder {
public:
    explicit ReportBuilder(ImportReport& report) : m_report(report) {}

    void add(RowBatch&& b, std::int64_t lineBase) {
        m_report.rowsRead += b.rowsRead;
        for (RejectedRow& r : b.rejected) {
            r.line += lineBase;
            m_report.rejected.push_back(std::move(r));
        }
        const std::size_t base = m_rowsSoFar;
        for (std::int64_t l : b.lines)
            m_lines.push_back(l + lineBase);
        for (auto& [row, why] : b.unplaced)
            m_unplaced.emplace_back(row + base, std::move(why));
        for (auto& [row, placed] : b.geocodedRows) {
            placed.line += lineBase;
            m_geocoded.emplace_back(row + base, std::move(placed));
        }
        for (auto& [k, placed] : b.geocodedFacilities) {
            placed.line += lineBase;
            m_geocodedFacilities.emplace_back(k + m_facilities.size(), std::move(placed));
        }
        for (std::size_t row : b.idFromLine)
            m_idFromLine.push_back(row + base);
        m_rowsSoFar += b.columns.size();
        m_parts.push_back(std::move(b.columns));
        for (std::size_t k = 0; k < b.facilities.size(); ++k) {
            m_facilities.push_back(std::move(b.facilities[k]));
            m_facilityLines.push_back(b.facilityLines[k] + lineBase);
        }
    }

    std::uint64_t rowsSoFar() const { return m_rowsSoFar; }

    void finish(bool featureNumbers) {
        // Facilities: few, so a plain set of ids.
        QSet<QString> facilityIds;
        std::vector<bool> facilityDropped(m_facilities.size(), false);
        for (std::size_t k = 0; k < m_facilities.size(); ++k) {
            if (facilityIds.contains(m_facilities[k].id)) {
                m_report.rejected.push_back(
                    {m_facilityLines[k],
                     QStringLiteral("duplicate id '%1'").arg(m_facilities[k].id)});
                facilityDropped[k] = true;
                continue;
            }
            facilityIds.insert(m_facilities[k].id);
            m_report.facilities.push_back(std::move(m_facilities[k]));
        }
        m_columns = IncidentColumns::concatenate(std::move(m_parts));
        m_parts.clear();
        nameRowsByLine();
        const std::vector<bool> drop = duplicatesAndUnplaced();
        m_lines = {}; // rejections have their lines; the store needs none
        // Only rows kept count as placed: a duplicate that was placed is still a duplicate.
        for (auto& [row, placed] : m_geocoded) {
            if (!drop[row])
                m_report.geocodedRows.push_back(std::move(placed));
        }
        for (auto& [k, placed] : m_geocodedFacilities) {
            if (!facilityDropped[k])
                m_report.geocodedRows.push_back(std::move(placed));
        }
        std::stable_sort(
            m_report.geocodedRows.begin(), m_report.geocodedRows.end(),
            [](const GeocodedRow& a, const GeocodedRow& b) { return a.line < b.line; });
        m_report.geocoded = static_cast<std::int64_t>(m_report.geocodedRows.size());
        if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
            std::vector<std::uint32_t> keep;
            keep.reserve(drop.size());
            for (std::size_t i = 0; i < drop.size(); ++i)
                if (!drop[i])
                    keep.push_back(static_cast<std::uint32_t>(i));
            m_columns.gather(keep);
        }
        std::stable_sort(
            m_report.rejected.begin(), m_report.rejected.end(),
            [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
        m_report.rowsAreFeatures = featureNumbers;
        m_report.store = std::make_shared<const IncidentStore>(std::move(m_columns));
        if (PhaseTimer::enabled())
            std::fprintf(stderr, "store: %zu incidents, %.1f MB\n", m_report.store->size(),
                         double(m_report.store->memoryUsed()) / 1e6);
    }

private:
    // Rows without an id take "row-<line>", now that lines are known (rare: rebuilds the ids).
    void nameRowsByLine() {
        if (m_idFromLine.empty())
            return;
        TextColumn ids;
        std::size_t next = 0;
        for (std::size_t row = 0; row < m_columns.size(); ++row) {
            if (next < m_idFromLine.size() && m_idFromLine[next] == row) {
                ids.append("row-" + std::to_string(m_lines[row]));
                ++next;
            } else {
                ids.append(m_columns.id.view(row));
            }
        }
        m_columns.id = std::move(ids);
    }

    // Rows to leave out: a later copy of an id already taken, and rows that could not be placed
    // (which take no id). Ids are hashed into an open-addressing table of row numbers.
    std::vector<bool> duplicatesAndUnplaced() {
        const std::size_t n = m_columns.size();
        std::vector<std::uint8_t> unplaced(n, 0);
        std::map<std::size_t, QString> unplacedWhy;
        for (auto& [row, why] : m_unplaced) {
            unplaced[row] = 1;
            unplacedWhy[row] = why;
        }
        // Hash every id (on every core), then one table per core: an id's copies all share its
        // hash, so each core sees every copy of the ids it owns, in file order.
        const unsigned parts = n > 100'000 ? workerCount() : 1;
        std::vector<std::uint64_t> hashes(n);
        parallelSlices(n, parts, [&](std::size_t a, std::size_t b) {
            const std::hash<std::string_view> hash;
            for (std::size_t row = a; row < b; ++row)
                hashes[row] = hash(m_columns.id.view(row));
        });
        std::vector<std::uint8_t> drop(n, 0); // bytes: written by several threads
        std::vector<std::vector<RejectedRow>> rejected(parts);
        parallelSlices(parts, parts, [&](std::size_t p0, std::size_t p1) {
            for (std::size_t part = p0; part < p1; ++part) {
                std::size_t tableSize = 64;
                while (tableSize < 2 * n / parts + 2)
                    tableSize *= 2;
                std::vector<std::uint32_t> table(tableSize, 0); // row + 1
                for (std::size_t row = 0; row < n; ++row) {
                    const std::uint64_t h = hashes[row];
                    if ((h >> 40) % parts != part)
                        continue;
                    std::size_t i = h & (tableSize - 1);
                    bool duplicate = false;
                    while (table[i] != 0) {
                        const std::uint32_t other = table[i] - 1;
                        if (hashes[other] == h &&
                            m_columns.id.view(other) == m_columns.id.view(row)) {
                            duplicate = true;
                            break;
                        }
                        i = (i + 1) & (tableSize - 1);
                    }
                    if (duplicate) {
                        drop[row] = 1;
                        rejected[part].push_back(
                            {m_lines[row], QStringLiteral("duplicate id '%1'")
                                               .arg(qstr(m_columns.id.view(row)))});
                    } else if (unplaced[row]) {
                        drop[row] = 1;
                    } else {
                        table[i] = static_cast<std::uint32_t>(row) + 1;
                    }
                }
            }
        });
        // A row that could not be placed is reported as such unless it was a duplicate anyway.
        for (const auto& entry : unplacedWhy) {
            // Not a structured binding: Clang 14 (the sanitizer build) cannot capture one.
            const auto row = entry.first;
            const auto& why = entry.second;
            const bool duplicate =
                std::any_of(rejected.begin(), rejected.end(), [&](const auto& r) {
                    return std::any_of(r.begin(), r.end(), [&](const RejectedRow& x) {
                        return x.line == m_lines[row];
                    });
                });
            if (!duplicate)
                m_report.rejected.push_back({m_lines[row], why});
        }
        for (auto& list : rejected)
            for (RejectedRow& r : list)
                m_report.rejected.push_back(std::move(r));
        return std::vector<bool>(drop.begin(), drop.end());
    }

    ImportReport& m_report;
    std::vector<IncidentColumns> m_parts; // the batches' rows, in file order, until finish()
    std::size_t m_rowsSoFar = 0;
    IncidentColumns m_columns;
    std::vector<std::int64_t> m_lines;
    std::vector<std::pair<std::size_t, QString>> m_unplaced;
    std::vector<std::pair<std::size_t, GeocodedRow>> m_geocoded;
    std::vector<std::size_t> m_idFromLine;
    std::vector<Facility> m_facilities;
    std::vector<std::int64_t> m_facilityLines;
    std::vector<std::pair<std::size_t, GeocodedRow>> m_geocodedFacilities;
};

// Parses CSV stretches on worker threads while the caller reads the next ones, and hands the
// results back in file order. A stretch starts after a line break, which is a record boundary
// unless a quoted field spans it; that is only known once the stretch before has been parsed,
// so each is parsed on that assumption and parsed again, joined to the unfinished record before
// it, in the rare file where the assumption fails (DuckDB's parallel CSV reader does the same).
class StretchPipeline {
public:
    StretchPipeline(const TableContext& ctx, unsigned workers) : m_ctx(ctx) {
        for (unsigned w = 0; w < workers; ++w)
            m_threads.emplace_back([this] { work(); });
    }
    ~StretchPipeline() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_threads)
            t.join();
    }

    struct Done {
        std::string bytes;
        bool last = false;
        RowBatch batch;
        ChunkEnd end;
    };

    void submit(std::string bytes, bool last) {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({m_submitted++, std::move(bytes), last});
        m_wake.notify_one();
    }
    std::size_t inFlight() const {
        std::lock_guard lock(m_mutex);
        return m_submitted - m_taken;
    }
    // The next stretch in file order, waiting for it.
    Done take() {
        std::unique_lock lock(m_mutex);
        const std::size_t want = m_taken;
        m_done.wait(lock, [&] { return m_results.count(want) > 0; });
        Done d = std::move(m_results[want]);
        m_results.erase(want);
        ++m_taken;
        return d;
    }

private:
    struct Task {
        std::size_t index;
        std::string bytes;
        bool last;
    };
    void work() {
        for (;;) {
            Task task;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty())
                    return;
                task = std::move(m_queue.front());
                m_queue.pop_front();
            }
            Done d;
            d.last = task.last;
            d.end = parseCsvStretch(m_ctx, task.bytes, task.last, d.batch);
            d.batch.columns.records.finish(); // compress on this thread, not the merging one
            d.bytes = std::move(task.bytes);
            {
                std::lock_guard lock(m_mutex);
                m_results.emplace(task.index, std::move(d));
            }
            m_done.notify_all();
        }
    }

    const TableContext& m_ctx;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<Task> m_queue;
    std::map<std::size_t, Done> m_results;
    std::size_t m_submitted = 0;
    std::size_t m_taken = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

Result<ImportReport> importCsv(const QString& path, const ImportOptions& options) {
    PhaseTimer timer("import.csv (parse, store)");
    auto opened = CsvChunkReader::open(path, options.chunkBytes);
    if (!opened)
        return opened.error();
    CsvChunkReader& reader = opened.value();
    auto header = reader.readHeader();
    if (!header)
        return header.error();

    TableContext ctx;
    ctx.path = path;
    ctx.resolver = options.resolver;
    if (auto bound = bindHeader(ctx, header.value(), options.format); !bound)
        return bound.error();

    ImportReport report;
    report.path = path;
    report.format = toString(ctx.format);
    ReportBuilder builder(report);
    std::int64_t lineBase = reader.headerEndLine();
    const unsigned workers =
        reader.fileSize() > (4 << 20) || options.chunkBytes > 0 ? workerCount() : 1;
    auto pipeline = std::make_unique<StretchPipeline>(ctx, workers);

    std::string carry; // an unfinished record, from the stretch before
    bool stopped = false;
    bool tooManyRows = false;
    auto merge = [&](StretchPipeline::Done d) {
        if (stopped)
            return;
        if (!carry.empty()) {
            // The stretch began inside a quoted field: parse it again from the record's start.
            d.bytes.insert(0, carry);
            carry.clear();
            d.batch = RowBatch{};
            d.end = parseCsvStretch(ctx, d.bytes, d.last, d.batch);
        }
        builder.add(std::move(d.batch), lineBase);
        if (builder.rowsSoFar() > options.maxIncidents) {
            tooManyRows = true;
            stopped = true;
            return;
        }
        switch (d.end.kind) {
        case ChunkEnd::Clean:
            lineBase += d.end.lines;
            break;
        case ChunkEnd::Incomplete:
            carry = d.bytes.substr(d.end.incompleteAt);
            lineBase += d.end.lines;
            break;
        case ChunkEnd::Error:
            report.rejected.push_back({d.end.error.line + lineBase, d.end.error.reason});
            stopped = true;
            break;
        }
    };

    for (;;) {
        if (options.cancel && options.cancel->load())
            return Error{path, QStringLiteral("import cancelled")};
        auto chunk = reader.next();
        if (!chunk)
            return chunk.error();
        if (!chunk.value())
            break;
        pipeline->submit(std::move(chunk.value()->bytes), chunk.value()->last);
        if (options.progress)
            options.progress(reader.bytesRead(), reader.fileSize());
        // Merging as we go keeps memory to a few stretches, and stops reading after a fatal error.
        while (pipeline->inFlight() >= 2 * std::size_t(workers) + 1)
            merge(pipeline->take());
        if (stopped)
            break;
    }
    while (pipeline->inFlight() > 0)
        merge(pipeline->take());
    pipeline.reset();
    if (tooManyRows)
        return tooMany(path, options.maxIncidents);
#if defined(__GLIBC__)
    // The stretches and batches were freed in the workers' malloc arenas: return them before the
    // store is sorted, so the peak is the columns and their sorting, not that plus the reading.
    malloc_trim(0);
#endif
    PhaseTimer finishing("import.csv.store (sort, index)");
    if (!carry.empty()) {
        // Only a last stretch can end unfinished without an error, and it is parsed as the end.
        report.rejected.push_back({lineBase, QStringLiteral("the file ends inside a record")});
    }
    builder.finish(false);
    return report;
}

Result<ImportReport> importOgr(const QString& path, const ImportOptions& options) {
    ImportReport report;
    report.path = path;
    auto tables = readOgrTables(path, report.warnings);
    if (!tables)
        return tables.error();
    ReportBuilder builder(report);
    for (const OgrTable& table : tables.value()) {
        TableContext ctx;
        ctx.path = path;
        ctx.resolver = options.resolver;
        ctx.checkWidth = false;
        if (auto bound = bindHeader(ctx, table.header, options.format); !bound)
            return bound.error();
        if (report.format.isEmpty())
            report.format = toString(ctx.format);
        RowBatch batch;
        ParsedIncident parsed;
        std::string geocodedText[3];
        std::vector<std::string_view> views;
        for (const OgrTable::Feature& f : table.features) {
            if (options.cancel && options.cancel->load())
                return Error{path, QStringLiteral("import cancelled")};
            views.assign(f.fields.begin(), f.fields.end());
            addRow(ctx, FieldRow{views, f.number}, 0, parsed, geocodedText, batch);
        }
        builder.add(std::move(batch), 0);
        if (builder.rowsSoFar() > options.maxIncidents)
            return tooMany(path, options.maxIncidents);
    }
    builder.finish(true);
    return report;
}

} // namespace

Result<ImportReport> importIncidents(const QString& path, const ImportOptions& options) {
    if (auto refused = refuseNetworkSource(path))
        return *refused;
    const QFileInfo fi(path);
    // GDAL's in-memory files (where the fuzzers write) exist for GDAL only, not for QFileInfo.
    if (!path.startsWith(QLatin1String("/vsimem/"))) {
        if (!fi.exists())
            return Error{path, QStringLiteral("file not found")};
        if (fi.isDir())
            return Error{path, QStringLiteral("is a folder, not a file")};
    }
    const QString ext = fi.suffix().toLower();
    auto report = ext == QLatin1String("csv") || ext == QLatin1String("txt")
                      ? importCsv(path, options)
                      : importOgr(path, options);
#if defined(__GLIBC__)
    // The import's scratch (stretches, file-order columns, line numbers) was freed into the
    // workers' malloc arenas, which glibc keeps; hand it back, so a session holds the store and
    // not the high-water mark of reading it.
    malloc_trim(0);
#endif
    return report;
}

Result<ImportReport> importIncidents(const QString& path, IncidentFormat format,
                                     const PlaceResolver* resolver) {
    ImportOptions options;
    options.format = format;
    options.resolver = resolver;
    return importIncidents(path, options);
}

} // namespace borderlens
