#pragma once

#include "gazetteer/geocode_candidate.h"
#include "gazetteer/place_entry.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace borderlens {

// Places by name: answers "where is Shamsiddin Shohin?" with ranked candidates. Names and
// aliases are matched on NameNormalizer keys, so case, script and transliteration variants meet;
// near misses are ranked by a weighted edit distance. Immutable once built, so one instance can
// be shared between threads.
class Gazetteer {
public:
    struct LookupOptions {
        int maxResults = 5;
        // Fuzzy candidates scoring below this are left out (exact matches always count). 0.8
        // lets one slip in five letters through but not Vanj for Panj; 0 gives the nearest
        // names whatever their score, for "did you mean" suggestions.
        double minScore = 0.8;
        QString country; // ISO-2 filter; empty for all countries
    };

    Gazetteer() = default;
    // `warnings` are problems met while reading (bad rows), kept for the caller to show.
    explicit Gazetteer(std::vector<PlaceEntry> entries, QString sourcePath = {},
                       QStringList warnings = {});

    // Reads a gazetteer CSV (UTF-8, RFC 4180, header naming at least id, name, lon, lat,
    // country, kind, precision and source; aliases, province, district and population are
    // optional; extra columns are ignored; a row whose id starts with '#' is a comment). A bad
    // row is left out and reported in warnings() with its line number; an unreadable file, a
    // missing column, broken CSV or a file with no good row is an Error.
    static Result<Gazetteer> load(const QString& csvPath);
    static Result<Gazetteer> parse(const QByteArray& csv, const QString& sourceName);
    // The bundled geodata/gazetteer.csv (see bundledGeodataDir()).
    static Result<Gazetteer> loadBundled();

    const std::vector<PlaceEntry>& entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.empty(); }
    const QString& sourcePath() const { return m_sourcePath; }
    // "FILE: line N: reason" for each row left out.
    const QStringList& warnings() const { return m_warnings; }
    const PlaceEntry* findById(const QString& id) const;

    // Candidates for `query`, best first: exact key matches (on the name or any alias), then
    // fuzzy ones by score. Ties go to the kind the query asked for ("... district"), then the
    // same spelling (Fayzabad over Fayzobod, which share a key), then a match on the preferred
    // name over an alias, then better precision, district seats, population.
    std::vector<GeocodeCandidate> lookup(const QString& query, int maxResults = 5) const;
    std::vector<GeocodeCandidate> lookup(const QString& query, const LookupOptions& options) const;

private:
    struct IndexedName {
        QString key;
        std::uint32_t entry;
        std::int32_t alias; // index into the entry's aliases, -1 for its name
    };
    void buildIndex();
    const QString& nameOf(const IndexedName& n) const;

    std::vector<PlaceEntry> m_entries;
    QString m_sourcePath;
    QStringList m_warnings;
    std::vector<IndexedName> m_names;
    QHash<QString, std::vector<std::uint32_t>> m_byKey; // key -> indices into m_names
    QHash<QString, std::uint32_t> m_byId;
};

} // namespace borderlens
