#pragma once

#include "incidents/incident.h"
#include "store/edit_log.h"
#include "util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class GDALDataset;
class OGRLayer;
class OGRFeature;

namespace borderlens {

// A record as the store holds it: the record and the version it has there. Every save
// increments the version; an editor says which version it started from, and a save from a
// version that is no longer current is a conflict, not an overwrite.
struct StoredIncident {
    Incident incident;
    std::int64_t version = 0;
};
struct StoredFacility {
    Facility facility;
    std::int64_t version = 0;
};

enum class RecordKind { Incident, Facility };
QString toString(RecordKind kind); // "incident", "facility"

// Someone saved (or deleted) the record since the version the edit started from.
struct EditConflict {
    QString id;
    std::int64_t expected = 0; // the version the editor had
    std::int64_t current = 0;  // the version in the store now; 0 when it was deleted
    QString editor;            // who made the current version, when the log says
    QDateTime at;              // and when

    QString describe() const;
};

// What a save did: the record's new version, or the conflict that stopped it (nothing written).
struct SaveOutcome {
    std::int64_t version = 0;
    std::optional<EditConflict> conflict;
};

// The incident store: incidents, facilities, their sources and the edit log, in a GeoPackage
// (a plain one that QGIS and ogrinfo read) or in a PostgreSQL/PostGIS database ("PG:…"
// connection string), through GDAL for both. Each add, edit or delete is one transaction that
// writes the record, its sources, its new version and its log lines together: a save that
// returned is on disk (or in the database), and one that failed or was killed left nothing.
// Not thread-safe: one object per thread.
class IncidentDatabase {
public:
    ~IncidentDatabase();
    IncidentDatabase(const IncidentDatabase&) = delete;
    IncidentDatabase& operator=(const IncidentDatabase&) = delete;

    // A new, empty store. A file path must not exist yet (the file appears complete or not at
    // all); a PG: database must exist, with PostGIS, and not hold a store already.
    static Result<std::unique_ptr<IncidentDatabase>> create(const QString& location);
    // An existing store, for reading and editing (or, with `writable` false, for reading only:
    // a store on a read-only share, and no write lock taken).
    static Result<std::unique_ptr<IncidentDatabase>> open(const QString& location, bool writable = true);
    // Whether `location` is a PG: (PostgreSQL) connection string rather than a file name.
    static bool isConnectionString(const QString& location);
    // Whether `path` is a GeoPackage holding a BorderLens store (cheap: reads its table list).
    static bool isStoreFile(const QString& path);
    // `location` safe to show: a connection string with its password replaced by ***.
    static QString displayLocation(const QString& location);
    // `location` with any password removed: what projects and recent lists keep.
    static QString withoutPassword(const QString& location);
    // Whether `id` can name a record: 1–64 letters, digits and . _ : -
    static bool isValidId(const QString& id);

    QString location() const { return displayLocation(m_location); }
    // The name edits are logged under; the OS account by default.
    void setEditor(const QString& editor) { m_editor = editor; }
    const QString& editor() const { return m_editor; }

    Result<std::vector<StoredIncident>> incidents();
    Result<std::vector<StoredFacility>> facilities();
    Result<std::optional<StoredIncident>> incident(const QString& id);
    Result<std::optional<StoredFacility>> facility(const QString& id);

    // Adds a record; an empty id gets a new unique one ("BL-" and 12 hex digits). An id the
    // store already holds (as an incident or a facility) is an error, and so is one with other
    // characters than letters, digits and . _ : - (ids go into SQL filters). A record that was
    // deleted and comes back (undo) gets the version after its last one, never a version it
    // had before, so an editor holding that old version cannot save over it. The record must pass validation first (see
    // record_validation.h): the store checks only what keeps it consistent.
    Result<StoredIncident> add(Incident incident);
    Result<StoredFacility> add(Facility facility);
    // Replaces the record with the same id. With `ifVersion`, a record whose version is no
    // longer `ifVersion` is not touched and the outcome holds the conflict.
    Result<SaveOutcome> update(const Incident& incident, std::optional<std::int64_t> ifVersion);
    Result<SaveOutcome> update(const Facility& facility, std::optional<std::int64_t> ifVersion);
    Result<SaveOutcome> remove(RecordKind kind, const QString& id,
                               std::optional<std::int64_t> ifVersion);

    // Tests only: waits this long between reading a record's version and writing it, to make
    // two editors' saves overlap so the race test sees whether the row lock holds.
    void setPauseBeforeWrite(int milliseconds) { m_pauseBeforeWriteMs = milliseconds; }

    // The history, oldest first; only `recordId`'s when it is not empty.
    Result<std::vector<EditLogEntry>> log(const QString& recordId = {});

private:
    struct Tables;
    IncidentDatabase(QString location, GDALDataset* dataset);
    template <typename Record> Result<std::vector<Record>> readAll(RecordKind kind);
    template <typename Stored> Result<std::optional<Stored>> readOne(RecordKind kind, const QString& id);
    template <typename Item> Result<std::pair<Item, std::int64_t>> addRecord(RecordKind kind, Item item);
    template <typename Item>
    Result<SaveOutcome> updateRecord(RecordKind kind, const Item& item,
                                     std::optional<std::int64_t> ifVersion);
    Result<bool> begin();
    Result<bool> commit();
    void rollback();
    Error failure(const QString& what) const;
    std::int64_t nextVersionAfterDeletion(RecordKind kind, const QString& id);

    QString m_location;
    QString m_editor;
    bool m_writable = true;
    int m_pauseBeforeWriteMs = 0;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> m_dataset;
    std::unique_ptr<Tables> m_tables;
};

} // namespace borderlens
