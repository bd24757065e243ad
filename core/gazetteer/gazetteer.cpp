#include "gazetteer/gazetteer.h"

#include "data/data_paths.h"
#include "gazetteer/name_normalizer.h"
#include "io/csv_record_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace borderlens {
namespace {

// Numbers are parsed with from_chars: never through the locale, where 70.5 may be "70,5".
template <typename T> std::optional<T> parseNumber(const QString& text) {
    const QByteArray bytes = text.trimmed().toLatin1();
    T value{};
    const char* end = bytes.constData() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.constData(), end, value);
    if (bytes.isEmpty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

enum Column {
    Id,
    Name,
    Aliases,
    Lon,
    Lat,
    Country,
    Province,
    District,
    Kind,
    Precision,
    Population,
    Source,
    ColumnCount
};
constexpr const char* kColumnNames[ColumnCount] = {"id",   "name",      "aliases",    "lon",
                                                   "lat",  "country",   "province",   "district",
                                                   "kind", "precision", "population", "source"};
constexpr bool kRequired[ColumnCount] = {true,  true,  false, true, true,  true,
                                         false, false, true,  true, false, true};

// One data row to an entry, or why it is bad.
Result<PlaceEntry> parseRow(const QStringList& fields, const int (&columns)[ColumnCount]) {
    auto field = [&](Column c) {
        return columns[c] < 0 ? QString() : fields.value(columns[c]).trimmed();
    };
    auto bad = [](const QString& why) {
        return Error{QString(), why};
    };
    PlaceEntry e;
    e.id = field(Id);
    e.name = field(Name);
    if (e.id.isEmpty())
        return bad(QStringLiteral("id is empty"));
    if (e.name.isEmpty())
        return bad(QStringLiteral("name is empty"));
    for (const QString& a : field(Aliases).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            e.aliases << a.trimmed();
    }
    const auto lon = parseNumber<double>(field(Lon));
    const auto lat = parseNumber<double>(field(Lat));
    if (!lon || !std::isfinite(*lon) || *lon < -180 || *lon > 180)
        return bad(QStringLiteral("lon '%1' is not a longitude in degrees").arg(field(Lon)));
    if (!lat || !std::isfinite(*lat) || *lat < -90 || *lat > 90)
        return bad(QStringLiteral("lat '%1' is not a latitude in degrees").arg(field(Lat)));
    e.lon = *lon;
    e.lat = *lat;
    e.country = field(Country);
    if (e.country.size() != 2 || !e.country[0].isUpper() || !e.country[1].isUpper() ||
        e.country[0].unicode() > 127 || e.country[1].unicode() > 127)
        return bad(QStringLiteral("country '%1' is not an ISO 3166 alpha-2 code").arg(e.country));
    e.province = field(Province);
    e.district = field(District);
    const auto kind = placeKindFromString(field(Kind));
    if (!kind)
        return bad(QStringLiteral("unknown kind '%1'").arg(field(Kind)));
    e.kind = *kind;
    const auto precision = geoPrecisionFromString(field(Precision));
    if (!precision)
        return bad(QStringLiteral("unknown precision '%1' (exact, near, district or region)")
                       .arg(field(Precision)));
    e.precision = *precision;
    if (const QString p = field(Population); !p.isEmpty()) {
        const auto population = parseNumber<qint64>(p);
        if (!population || *population < 0)
            return bad(QStringLiteral("population '%1' is not a whole number").arg(p));
        e.population = *population;
    }
    e.source = field(Source);
    if (e.source.isEmpty())
        return bad(QStringLiteral("source is empty (every place says where it comes from)"));
    return e;
}

Result<Gazetteer> readGazetteer(CsvRecordReader& reader) {
    const QString& path = reader.sourceName();
    auto header = reader.next();
    if (!header)
        return header.error();
    if (!header.value())
        return Error{path, QStringLiteral("empty file (no header row)")};
    const QStringList& names = header.value()->fields;
    int columns[ColumnCount];
    QStringList missing;
    for (int c = 0; c < ColumnCount; ++c) {
        columns[c] = -1;
        for (int i = 0; i < names.size(); ++i) {
            if (names[i].trimmed().compare(QLatin1String(kColumnNames[c]), Qt::CaseInsensitive) ==
                0) {
                columns[c] = i;
                break;
            }
        }
        if (columns[c] < 0 && kRequired[c])
            missing << QLatin1String(kColumnNames[c]);
    }
    if (!missing.isEmpty())
        return Error{path, QStringLiteral("line %1: header lacks column(s) %2")
                               .arg(header.value()->line)
                               .arg(missing.join(QStringLiteral(", ")))};

    std::vector<PlaceEntry> entries;
    QStringList warnings;
    std::map<QString, qint64> idLines;
    while (true) {
        auto record = reader.next();
        if (!record)
            return record.error();
        if (!record.value())
            break;
        const CsvRecordReader::Record& r = *record.value();
        if (r.fields.value(0).trimmed().startsWith(QLatin1Char('#')))
            continue; // a comment row, as tools/geodata/curated_places.csv uses
        auto rowProblem = [&](const QString& why) {
            warnings << QStringLiteral("%1: line %2: %3").arg(path).arg(r.line).arg(why);
        };
        if (r.fields.size() != names.size()) {
            rowProblem(QStringLiteral("%1 fields, expected %2 as in the header")
                           .arg(r.fields.size())
                           .arg(names.size()));
            continue;
        }
        auto entry = parseRow(r.fields, columns);
        if (!entry) {
            rowProblem(entry.error().message);
            continue;
        }
        const auto [it, inserted] = idLines.emplace(entry.value().id, r.line);
        if (!inserted) {
            rowProblem(QStringLiteral("id '%1' already used on line %2")
                           .arg(entry.value().id)
                           .arg(it->second));
            continue;
        }
        entries.push_back(std::move(entry).value());
    }
    if (entries.empty()) {
        QString why = QStringLiteral("no valid places");
        if (!warnings.isEmpty())
            why += QStringLiteral(" (%1 bad rows; first: %2)")
                       .arg(warnings.size())
                       .arg(warnings.first().mid(path.size() + 2));
        return Error{path, why};
    }
    return Gazetteer(std::move(entries), path, std::move(warnings));
}

// Edit distance (optimal string alignment: insert, delete, substitute, swap neighbours), in
// half units: vowels standing for each other cost half (Darvaz/Darvoz, Khorog/Khorugh), since
// transliterations disagree on vowels far more than on consonants.
int halfEditDistance(const QString& a, const QString& b, std::vector<int>& rows) {
    const auto isVowel = [](QChar c) {
        switch (c.unicode()) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
            return true;
        default:
            return false;
        }
    };
    const qsizetype n = b.size();
    rows.assign(3 * static_cast<std::size_t>(n + 1), 0);
    int* prev2 = rows.data();
    int* prev = prev2 + n + 1;
    int* cur = prev + n + 1;
    for (qsizetype j = 0; j <= n; ++j)
        prev[j] = static_cast<int>(2 * j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(2 * i);
        for (qsizetype j = 1; j <= n; ++j) {
            const QChar ca = a[i - 1];
            const QChar cb = b[j - 1];
            const int sub = ca == cb ? 0 : (isVowel(ca) && isVowel(cb) ? 1 : 2);
            int d = std::min({prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub});
            if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb)
                d = std::min(d, prev2[j - 2] + 2);
            cur[j] = d;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[n];
}

int hintRank(PlaceKind kind, NameHint hint) {
    switch (hint) {
    case NameHint::District:
        return kind == PlaceKind::District ? 0 : kind == PlaceKind::DistrictSeat ? 1 : 2;
    case NameHint::Province:
        return kind == PlaceKind::Province ? 0 : kind == PlaceKind::District ? 1 : 2;
    case NameHint::Settlement:
        return kind == PlaceKind::PopulatedPlace || kind == PlaceKind::DistrictSeat ? 0 : 1;
    case NameHint::None:
        break;
    }
    return 0;
}

// The spelling with case, diacritics, spaces and punctuation ignored but no transliteration
// folded: among equal keys, "Fayzabad" then prefers Fayzabad to Fayzobod.
QString spelling(const QString& name) {
    QString out;
    for (const QChar ch : name.toCaseFolded().normalized(QString::NormalizationForm_KD)) {
        if (ch.isLetterOrNumber())
            out += ch;
    }
    return out;
}

// How closely a name is spelled as the query: 0 the same but for case and spacing, 1 the same
// but for diacritics and punctuation too, 2 only the same key. "Faizabad" then finds the
// entry with that alias before "Faīẕābād", a different town.
struct QuerySpelling {
    explicit QuerySpelling(const QString& query)
        : m_plain(query.simplified().toCaseFolded()), m_loose(spelling(query)) {}
    int tier(const QString& name) const {
        if (name.simplified().toCaseFolded() == m_plain)
            return 0;
        return spelling(name) == m_loose ? 1 : 2;
    }
    QString m_plain;
    QString m_loose;
};

// Among otherwise equal candidates, a district seat is the better-known place of its name.
int significanceRank(PlaceKind kind) {
    return kind == PlaceKind::DistrictSeat ? 0 : kind == PlaceKind::PopulatedPlace ? 1 : 2;
}

} // namespace

Gazetteer::Gazetteer(std::vector<PlaceEntry> entries, QString sourcePath, QStringList warnings)
    : m_entries(std::move(entries)), m_sourcePath(std::move(sourcePath)),
      m_warnings(std::move(warnings)) {
    buildIndex();
}

void Gazetteer::buildIndex() {
    for (std::uint32_t e = 0; e < m_entries.size(); ++e) {
        const PlaceEntry& p = m_entries[e];
        m_byId.insert(p.id, e);
        for (std::int32_t a = -1; a < static_cast<std::int32_t>(p.aliases.size()); ++a) {
            const QString& text = a < 0 ? p.name : p.aliases[a];
            for (const QString& key : NameNormalizer::normalize(text).keys) {
                m_byKey[key].push_back(static_cast<std::uint32_t>(m_names.size()));
                m_names.push_back({key, e, a});
            }
        }
    }
}

const QString& Gazetteer::nameOf(const IndexedName& n) const {
    const PlaceEntry& p = m_entries[n.entry];
    return n.alias < 0 ? p.name : p.aliases[n.alias];
}

Result<Gazetteer> Gazetteer::load(const QString& csvPath) {
    auto reader = CsvRecordReader::open(csvPath);
    if (!reader)
        return reader.error();
    return readGazetteer(reader.value());
}

Result<Gazetteer> Gazetteer::parse(const QByteArray& csv, const QString& sourceName) {
    CsvRecordReader reader(csv, sourceName);
    return readGazetteer(reader);
}

Result<Gazetteer> Gazetteer::loadBundled() {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty())
        return Error{QStringLiteral("gazetteer.csv"),
                     QStringLiteral("the bundled geodata folder was not found (set "
                                    "BORDERLENS_DATA_DIR to the folder holding geodata/)")};
    return load(dir + QStringLiteral("/gazetteer.csv"));
}

const PlaceEntry* Gazetteer::findById(const QString& id) const {
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_entries[it.value()];
}

std::vector<GeocodeCandidate> Gazetteer::lookup(const QString& query, int maxResults) const {
    LookupOptions options;
    options.maxResults = maxResults;
    return lookup(query, options);
}

std::vector<GeocodeCandidate> Gazetteer::lookup(const QString& query,
                                                const LookupOptions& options) const {
    // No place name is this long (the longest in GeoNames is under 200 characters); a longer
    // query is a pasted paragraph or a hostile cell, and ranking it against every name costs
    // its length squared each time.
    constexpr qsizetype kLongestQuery = 256;
    if (query.size() > kLongestQuery)
        return {};
    const NormalizedName q = NameNormalizer::normalize(query);
    if (q.keys.isEmpty() || m_entries.empty())
        return {};
    auto countryOk = [&](const PlaceEntry& p) {
        return options.country.isEmpty() ||
               p.country.compare(options.country, Qt::CaseInsensitive) == 0;
    };

    // Best match per entry: index into m_names and its score.
    struct Best {
        std::int64_t name = -1;
        double score = -1;
        bool exact = false;
    };
    std::vector<Best> best(m_entries.size());
    const QuerySpelling asked(query);
    // Among names of one entry that score the same, the one spelled as asked, then the name
    // over an alias: that is the match worth reporting.
    auto preference = [&](std::size_t nameIndex) {
        const IndexedName& n = m_names[nameIndex];
        return std::make_pair(asked.tier(nameOf(n)), n.alias >= 0);
    };
    auto offer = [&](std::size_t nameIndex, double score, bool exact) {
        Best& b = best[m_names[nameIndex].entry];
        const bool better = score > b.score ||
                            (score == b.score &&
                             preference(nameIndex) < preference(static_cast<std::size_t>(b.name)));
        if (better)
            b = {static_cast<std::int64_t>(nameIndex), score, exact};
    };

    for (const QString& key : q.keys) {
        const auto it = m_byKey.constFind(key);
        if (it == m_byKey.constEnd())
            continue;
        for (const std::uint32_t i : it.value()) {
            if (countryOk(m_entries[m_names[i].entry]))
                offer(i, 1.0, true);
        }
    }

    // Fuzzy: a few thousand keys of a dozen letters, so a linear pass is fast; the length
    // difference bounds the distance from below and skips most of them.
    const double minScore = std::clamp(options.minScore, 0.0, 1.0);
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        const IndexedName& n = m_names[i];
        if (best[n.entry].exact || !countryOk(m_entries[n.entry]))
            continue;
        for (const QString& key : q.keys) {
            const double longer = static_cast<double>(std::max(key.size(), n.key.size()));
            const double lengthGap = static_cast<double>(std::abs(key.size() - n.key.size()));
            if (1.0 - lengthGap / longer < minScore)
                continue;
            const double distance = halfEditDistance(key, n.key, rows) / 2.0;
            const double score = std::max(0.0, 1.0 - distance / longer);
            if (score >= minScore) // equal keys were found above as exact, so score < 1 here
                offer(i, score, false);
        }
    }

    // Rank once per candidate rather than per comparison: the spelling check normalises text.
    using Rank = std::tuple<bool, double, int, int, bool, int, int, qint64, QString, QString>;
    std::vector<std::pair<Rank, GeocodeCandidate>> ranked;
    for (std::size_t e = 0; e < best.size(); ++e) {
        if (best[e].name < 0)
            continue;
        const IndexedName& n = m_names[static_cast<std::size_t>(best[e].name)];
        const PlaceEntry& p = m_entries[e];
        GeocodeCandidate c{p, best[e].score, nameOf(n), best[e].exact, n.alias >= 0};
        Rank r{!c.exact,
               -c.score,
               hintRank(p.kind, q.hint),
               asked.tier(c.matchedName),
               c.matchedAlias,
               static_cast<int>(p.precision),
               significanceRank(p.kind),
               -p.population.value_or(0),
               p.name,
               p.id};
        ranked.emplace_back(std::move(r), std::move(c));
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<GeocodeCandidate> out;
    out.reserve(ranked.size());
    for (auto& entry : ranked)
        out.push_back(std::move(entry.second));
    if (options.maxResults > 0 && out.size() > static_cast<std::size_t>(options.maxResults))
        out.resize(static_cast<std::size_t>(options.maxResults));
    return out;
}

} // namespace borderlens
