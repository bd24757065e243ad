#include "store/incident_database.h"

#include "io/gdal_support.h"
#include "store/record_fields.h"
#include "store/store_schema.h"
#include "util/os_user.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>

namespace borderlens {

namespace schema = store_schema;

namespace {

void closeDataset(GDALDataset* ds) {
    if (ds)
        GDALClose(ds);
}

struct FeatureDestroyer {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDestroyer>;

// A quoted SQL string literal (the same rule in SQLite, PostgreSQL and OGR SQL).
QByteArray quoted(const QString& text) {
    QString t = text;
    t.replace(QLatin1Char('\''), QStringLiteral("''"));
    return "'" + t.toUtf8() + "'";
}

QString kindKey(RecordKind kind) { return toString(kind); }

// Text of every column of `f`, in the order of the layer's fields; position from the geometry,
// which wins over the lon/lat columns (a point moved in QGIS keeps stale attributes).
RecordFields readFields(OGRFeature& f) {
    RecordFields out;
    const OGRFeatureDefn* defn = f.GetDefnRef();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const QString name = QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
        const QString value =
            f.IsFieldSetAndNotNull(i) ? QString::fromUtf8(f.GetFieldAsString(i)) : QString();
        out.emplace_back(name, value);
    }
    if (const auto* p = dynamic_cast<const OGRPoint*>(f.GetGeometryRef()); p && !p->IsEmpty()) {
        for (auto& [name, value] : out) {
            if (name == QLatin1String("lon"))
                value = QString::number(p->getX(), 'f', 6);
            else if (name == QLatin1String("lat"))
                value = QString::number(p->getY(), 'f', 6);
        }
    }
    return out;
}

void setFields(OGRFeature& f, const RecordFields& fields) {
    for (const auto& [name, value] : fields) {
        const int i = f.GetFieldIndex(name.toUtf8().constData());
        if (i < 0)
            continue;
        if (value.isEmpty())
            f.SetFieldNull(i);
        else
            f.SetField(i, value.toUtf8().constData());
    }
    const double lon = fieldValue(fields, QStringLiteral("lon")).toDouble();
    const double lat = fieldValue(fields, QStringLiteral("lat")).toDouble();
    f.SetGeometryDirectly(new OGRPoint(lon, lat));
}

std::int64_t versionOf(OGRFeature& f) {
    const int i = f.GetFieldIndex("version");
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsInteger64(i) : 0;
}

RecordFields fieldsOf(const Incident& i) { return incidentFields(i); }
RecordFields fieldsOf(const Facility& f) { return facilityFields(f); }
const std::vector<SourceRef>& sourcesOf(const Incident& i) { return i.sources; }
const std::vector<SourceRef>& sourcesOf(const Facility& f) { return f.sources; }

Result<Incident> fromFields(const RecordFields& fields, const Incident*) { return incidentFromFields(fields); }
Result<Facility> fromFields(const RecordFields& fields, const Facility*) { return facilityFromFields(fields); }

StoredIncident stored(Incident i, std::int64_t v, const Incident*) { return {std::move(i), v}; }
StoredFacility stored(Facility f, std::int64_t v, const Facility*) { return {std::move(f), v}; }

// The whole record for the log of an addition or a deletion, its sources included.
QString recordJson(const RecordFields& fields, const std::vector<SourceRef>& sources) {
    QJsonObject o = QJsonDocument::fromJson(fieldsJson(fields).toUtf8()).object();
    if (!sources.empty())
        o.insert(QStringLiteral("sources"), sourcesText(sources));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString newId() {
    return QStringLiteral("BL-") +
           QUuid::createUuid().toString(QUuid::Id128).left(12).toUpper();
}

} // namespace

QString toString(RecordKind kind) {
    return kind == RecordKind::Incident ? QStringLiteral("incident") : QStringLiteral("facility");
}

QString EditConflict::describe() const {
    QString who;
    if (!editor.isEmpty())
        who = QStringLiteral(" by %1").arg(editor);
    if (at.isValid())
        who += QStringLiteral(" at %1").arg(at.toString(Qt::ISODate));
    if (current == 0)
        return QStringLiteral("%1 was deleted%2 since version %3").arg(id, who).arg(expected);
    return QStringLiteral("%1 changed%2: it is at version %3, not %4")
        .arg(id, who)
        .arg(current)
        .arg(expected);
}

struct IncidentDatabase::Tables {
    OGRLayer* incidents = nullptr;
    OGRLayer* facilities = nullptr;
    OGRLayer* sources = nullptr;
    OGRLayer* log = nullptr;
    bool postgres = false;

    OGRLayer* table(RecordKind kind) const {
        return kind == RecordKind::Incident ? incidents : facilities;
    }
};

IncidentDatabase::IncidentDatabase(QString location, GDALDataset* dataset)
    : m_location(std::move(location)), m_editor(osUserName()), m_dataset(dataset, closeDataset),
      m_tables(std::make_unique<Tables>()) {}

IncidentDatabase::~IncidentDatabase() = default;

bool IncidentDatabase::isConnectionString(const QString& location) {
    return location.startsWith(QLatin1String("PG:"), Qt::CaseInsensitive);
}

namespace {

// A libpq keyword value: 'quoted' (with \' and \\ escapes) or a run of non-spaces.
const QString kValue = QStringLiteral("('(?:[^'\\\\]|\\\\.)*'|\\S+)");

const QRegularExpression& passwordPattern() {
    static const QRegularExpression re(QStringLiteral("(\\s*password\\s*=\\s*)") + kValue,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// postgresql://user:secret@host/db: the secret between the user's colon and the @.
const QRegularExpression& uriPasswordPattern() {
    static const QRegularExpression re(QStringLiteral("(://[^:/@\\s]*):([^@\\s]*)@"));
    return re;
}

// `text` (a GDAL message, say) with the password of `location` replaced, wherever it shows.
QString masked(QString text, const QString& location) {
    if (const auto m = passwordPattern().match(location); m.hasMatch()) {
        QString secret = m.captured(2);
        if (secret.startsWith(QLatin1Char('\'')))
            secret = secret.mid(1, secret.size() - 2);
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    if (const auto m = uriPasswordPattern().match(location); m.hasMatch() && !m.captured(2).isEmpty())
        text.replace(m.captured(2), QStringLiteral("***"));
    return text;
}

} // namespace

bool IncidentDatabase::isValidId(const QString& id) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    return re.match(id).hasMatch();
}

QString IncidentDatabase::displayLocation(const QString& location) {
    if (!isConnectionString(location))
        return location;
    QString shown = location;
    shown.replace(passwordPattern(), QStringLiteral("\\1***"));
    shown.replace(uriPasswordPattern(), QStringLiteral("\\1:***@"));
    return shown;
}

QString IncidentDatabase::withoutPassword(const QString& location) {
    if (!isConnectionString(location))
        return location;
    QString kept = location;
    kept.remove(passwordPattern());
    kept.replace(uriPasswordPattern(), QStringLiteral("\\1@"));
    return kept;
}

namespace {

// Opens a dataset with the options a store needs: update mode; for SQLite, a wait of a few
// seconds when another process holds the write lock (two analysts saving into one file on a
// share) rather than failing at once; for PostgreSQL, tables without geometry listed too.
GDALDataset* openDataset(const QString& location, bool postgres, bool writable = true) {
    if (postgres)
        enablePostgresDriver();
    const CPLConfigOptionSetter busy("OGR_SQLITE_PRAGMA", "busy_timeout=10000", false);
    const char* pgOptions[] = {"LIST_ALL_TABLES=YES", nullptr};
    // Only the driver a store can be in: a file named like a store is never handed to another.
    const char* pgDriver[] = {"PostgreSQL", nullptr};
    const char* gpkgDriver[] = {"GPKG", nullptr};
    const QByteArray name = postgres ? location.toUtf8() : gdalPath(location);
    return GDALDataset::FromHandle(GDALOpenEx(
        name.constData(), GDAL_OF_VECTOR | (writable ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
        postgres ? pgDriver : gpkgDriver, postgres ? pgOptions : nullptr, nullptr));
}

} // namespace

Result<std::unique_ptr<IncidentDatabase>> IncidentDatabase::create(const QString& location) {
    ensureGdalInitialised();
    GdalErrorCollector errors;
    const bool postgres = isConnectionString(location);
    const QString shown = displayLocation(location);
    if (postgres) {
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(openDataset(location, true),
                                                                closeDataset);
        if (!ds)
            return Error{shown, QStringLiteral("cannot connect: %1").arg(masked(errors.lastFailure(), location))};
        if (ds->GetLayerByName(schema::kEditLog))
            return Error{shown, QStringLiteral("already holds an incident store")};
        // One transaction: a database holds the whole store or none of it.
        if (ds->StartTransaction(FALSE) != OGRERR_NONE)
            return Error{shown, QStringLiteral("cannot start a transaction: %1").arg(errors.lastFailure())};
        const QString problem = schema::createTables(*ds, true);
        if (!problem.isEmpty()) {
            ds->RollbackTransaction();
            return Error{shown, problem + QStringLiteral(": ") + errors.lastFailure()};
        }
        if (ds->CommitTransaction() != OGRERR_NONE)
            return Error{shown, QStringLiteral("cannot commit: %1").arg(errors.lastFailure())};
        ds.reset();
        return open(location);
    }
    const QFileInfo target(location);
    if (target.exists())
        return Error{location, QStringLiteral("already exists; a new store needs a new file name")};
    if (!QFileInfo(target.absolutePath()).isDir())
        return Error{location, QStringLiteral("folder %1 does not exist").arg(target.absolutePath())};
    // Made under a temporary name and renamed when complete: the store appears whole or not at all.
    const QString tmp = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                        QStringLiteral(".part");
    QFile::remove(tmp);
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
            driver ? driver->Create(gdalPath(tmp).constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr,
            closeDataset);
        if (!ds)
            return Error{location, QStringLiteral("cannot be written: %1").arg(errors.lastFailure())};
        const QString problem = schema::createTables(*ds, false);
        if (!problem.isEmpty()) {
            ds.reset();
            QFile::remove(tmp);
            return Error{location, problem + QStringLiteral(": ") + errors.lastFailure()};
        }
    }
    // QFile::rename never replaces an existing file: one made meanwhile under the same name is
    // left alone.
    if (!QFile::rename(tmp, location)) {
        QFile::remove(tmp);
        return Error{location, QStringLiteral("cannot be put in place (a file of that name appeared?)")};
    }
    return open(location);
}

Result<std::unique_ptr<IncidentDatabase>> IncidentDatabase::open(const QString& location, bool writable) {
    ensureGdalInitialised();
    GdalErrorCollector errors;
    const bool postgres = isConnectionString(location);
    const QString shown = displayLocation(location);
    if (!postgres && !QFileInfo(location).isFile())
        return Error{location, QStringLiteral("no such file")};
    GDALDataset* ds = openDataset(location, postgres, writable);
    if (!ds)
        return Error{shown, postgres ? QStringLiteral("cannot connect: %1").arg(masked(errors.lastFailure(), location))
                                     : QStringLiteral("cannot be opened for editing: %1")
                                           .arg(errors.lastFailure())};
    std::unique_ptr<IncidentDatabase> db(new IncidentDatabase(location, ds));
    db->m_writable = writable;
    Tables& t = *db->m_tables;
    t.postgres = postgres;
    t.incidents = ds->GetLayerByName(schema::kIncidents);
    t.facilities = ds->GetLayerByName(schema::kFacilities);
    t.sources = ds->GetLayerByName(schema::kSources);
    t.log = ds->GetLayerByName(schema::kEditLog);
    if (!t.incidents || !t.facilities || !t.sources || !t.log)
        return Error{shown, QStringLiteral("is not a BorderLens incident store (it has no "
                                           "incidents, facilities, sources and edit_log tables); "
                                           "make one with File ▸ New Incident Store… or "
                                           "'borderlens-cli store create'")};
    if (OGRLayer* info = ds->GetLayerByName(schema::kInfo)) {
        info->ResetReading();
        while (FeaturePtr f{info->GetNextFeature()}) {
            if (QByteArray(f->GetFieldAsString("key")) == "format_version" &&
                QByteArray(f->GetFieldAsString("value")).toInt() > schema::kFormatVersion)
                return Error{shown, QStringLiteral("was made by a newer BorderLens (store format "
                                                   "%1; this version reads %2)")
                                        .arg(QString::fromUtf8(f->GetFieldAsString("value")))
                                        .arg(schema::kFormatVersion)};
        }
    }
    return db;
}

bool IncidentDatabase::isStoreFile(const QString& path) {
    if (isConnectionString(path) || !path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        return false;
    ensureGdalInitialised();
    GdalErrorCollector errors;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
        GDALDataset::FromHandle(GDALOpenEx(gdalPath(path).constData(), GDAL_OF_VECTOR, nullptr,
                                           nullptr, nullptr)),
        closeDataset);
    return ds && ds->GetLayerByName(schema::kEditLog) && ds->GetLayerByName(schema::kIncidents);
}

Error IncidentDatabase::failure(const QString& what) const {
    const QString detail = QString::fromUtf8(CPLGetLastErrorMsg());
    return Error{location(), detail.isEmpty() ? what : what + QStringLiteral(": ") + detail};
}

Result<bool> IncidentDatabase::begin() {
    if (!m_writable)
        return Error{location(), QStringLiteral("was opened for reading only")};
    CPLErrorReset();
    if (m_dataset->StartTransaction(FALSE) != OGRERR_NONE)
        return failure(QStringLiteral("cannot start a transaction"));
    if (!m_tables->postgres) {
        // Write first: SQLite waits (busy_timeout) for another writer only when a transaction
        // starts by writing; one that read first fails at once with "database is locked".
        CPLErrorReset();
        if (OGRLayer* r = m_dataset->ExecuteSQL(
                "UPDATE store_info SET value = value WHERE key = 'format'", nullptr, nullptr))
            m_dataset->ReleaseResultSet(r);
        if (CPLGetLastErrorType() >= CE_Failure) {
            Error e = failure(QStringLiteral("cannot lock the store for writing"));
            rollback();
            return e;
        }
    }
    return true;
}

Result<bool> IncidentDatabase::commit() {
    CPLErrorReset();
    if (m_dataset->CommitTransaction() != OGRERR_NONE) {
        Error e = failure(QStringLiteral("cannot commit"));
        rollback();
        return e;
    }
    return true;
}

void IncidentDatabase::rollback() {
    if (m_dataset->RollbackTransaction() != OGRERR_NONE && !m_tables->postgres) {
        // GDAL may have dropped its own transaction flag on a failed COMMIT while SQLite's
        // transaction is still open: end it here, or every later save would fail.
        CPLErrorReset();
        if (OGRLayer* r = m_dataset->ExecuteSQL("ROLLBACK", nullptr, nullptr))
            m_dataset->ReleaseResultSet(r);
    }
}

namespace {

// Sources of every record of `kind`, by record id, in their order.
std::map<QString, std::vector<SourceRef>> readSources(OGRLayer& sources, const QString& kind,
                                                      const QString& id = {}) {
    QByteArray filter = "record_kind = " + quoted(kind);
    if (!id.isEmpty())
        filter += " AND record_id = " + quoted(id);
    sources.SetAttributeFilter(filter.constData());
    sources.ResetReading();
    std::map<QString, std::vector<std::pair<int, SourceRef>>> numbered;
    while (FeaturePtr f{sources.GetNextFeature()}) {
        SourceRef s;
        s.title = QString::fromUtf8(f->GetFieldAsString("title"));
        s.outlet = QString::fromUtf8(f->GetFieldAsString("outlet"));
        s.date = QDate::fromString(QString::fromUtf8(f->GetFieldAsString("source_date")), Qt::ISODate);
        s.url = QString::fromUtf8(f->GetFieldAsString("url"));
        numbered[QString::fromUtf8(f->GetFieldAsString("record_id"))].emplace_back(
            f->GetFieldAsInteger("ord"), std::move(s));
    }
    sources.SetAttributeFilter(nullptr);
    std::map<QString, std::vector<SourceRef>> out;
    for (auto& [recordId, list] : numbered) {
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        auto& refs = out[recordId];
        for (auto& entry : list)
            refs.push_back(std::move(entry.second));
    }
    return out;
}

bool writeSources(GDALDataset& ds, OGRLayer& sources, const QString& kind, const QString& id,
                  const std::vector<SourceRef>& refs) {
    CPLErrorReset();
    if (OGRLayer* r = ds.ExecuteSQL(("DELETE FROM sources WHERE record_kind = " + quoted(kind) +
                                     " AND record_id = " + quoted(id))
                                        .constData(),
                                    nullptr, nullptr))
        ds.ReleaseResultSet(r);
    if (CPLGetLastErrorType() >= CE_Failure)
        return false;
    int ord = 0;
    for (const SourceRef& s : refs) {
        FeaturePtr f(OGRFeature::CreateFeature(sources.GetLayerDefn()));
        f->SetField("record_kind", kind.toUtf8().constData());
        f->SetField("record_id", id.toUtf8().constData());
        f->SetField("ord", ++ord);
        f->SetField("title", s.title.toUtf8().constData());
        f->SetField("outlet", s.outlet.toUtf8().constData());
        if (s.date.isValid())
            f->SetField("source_date", s.date.toString(Qt::ISODate).toUtf8().constData());
        f->SetField("url", s.url.toUtf8().constData());
        if (sources.CreateFeature(f.get()) != OGRERR_NONE)
            return false;
    }
    return true;
}

struct LogLine {
    QString action;
    QString field;
    QString before;
    QString after;
};

bool writeLog(OGRLayer& log, const QString& editor, const QString& kind, const QString& id,
              std::int64_t version, const std::vector<LogLine>& lines) {
    const QByteArray at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
    for (const LogLine& line : lines) {
        FeaturePtr f(OGRFeature::CreateFeature(log.GetLayerDefn()));
        f->SetField("edited_at", at.constData());
        f->SetField("editor", editor.toUtf8().constData());
        f->SetField("action", line.action.toUtf8().constData());
        f->SetField("record_kind", kind.toUtf8().constData());
        f->SetField("record_id", id.toUtf8().constData());
        f->SetField("field_name", line.field.toUtf8().constData());
        f->SetField("old_value", line.before.toUtf8().constData());
        f->SetField("new_value", line.after.toUtf8().constData());
        f->SetField("version", static_cast<GIntBig>(version));
        if (log.CreateFeature(f.get()) != OGRERR_NONE)
            return false;
    }
    return true;
}

// The feature with this id, or null.
FeaturePtr findFeature(OGRLayer& layer, const QString& id) {
    layer.SetAttributeFilter(("id = " + quoted(id)).constData());
    layer.ResetReading();
    FeaturePtr f(layer.GetNextFeature());
    layer.SetAttributeFilter(nullptr);
    return f;
}

// Takes the write lock on the row before its version is read: in PostgreSQL a second editor's
// save of the same row waits here until the first commits, then reads the version the first
// wrote; SQLite locks the whole file for writing at this statement. Without it two editors
// could both read version 3 and both write version 4.
bool lockRow(GDALDataset& ds, RecordKind kind, const QString& id) {
    CPLErrorReset();
    const QByteArray sql = QByteArray("UPDATE ") + schema::tableFor(kind) +
                           " SET version = version WHERE id = " + quoted(id);
    if (OGRLayer* r = ds.ExecuteSQL(sql.constData(), nullptr, nullptr))
        ds.ReleaseResultSet(r);
    return CPLGetLastErrorType() < CE_Failure;
}

} // namespace

template <typename Record> Result<std::vector<Record>> IncidentDatabase::readAll(RecordKind kind) {
    using Item = std::conditional_t<std::is_same_v<Record, StoredIncident>, Incident, Facility>;
    GdalErrorCollector errors;
    auto sources = readSources(*m_tables->sources, kindKey(kind));
    OGRLayer& layer = *m_tables->table(kind);
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
    std::vector<Record> out;
    while (FeaturePtr f{layer.GetNextFeature()}) {
        auto item = fromFields(readFields(*f), static_cast<const Item*>(nullptr));
        if (!item)
            return Error{location(), QStringLiteral("%1 %2: field %3 %4")
                                         .arg(kindKey(kind), QString::fromUtf8(f->GetFieldAsString("id")),
                                              item.error().source, item.error().message)};
        Item value = std::move(item).value();
        if (auto it = sources.find(value.id); it != sources.end())
            value.sources = std::move(it->second);
        out.push_back(stored(std::move(value), versionOf(*f), static_cast<const Item*>(nullptr)));
    }
    if (!errors.failures().isEmpty())
        return Error{location(), QStringLiteral("cannot read the %1s: %2").arg(kindKey(kind), errors.lastFailure())};
    return out;
}

template <typename Stored>
Result<std::optional<Stored>> IncidentDatabase::readOne(RecordKind kind, const QString& id) {
    using Item = std::conditional_t<std::is_same_v<Stored, StoredIncident>, Incident, Facility>;
    GdalErrorCollector errors;
    FeaturePtr f = findFeature(*m_tables->table(kind), id);
    if (!f) {
        if (!errors.failures().isEmpty())
            return Error{location(), errors.lastFailure()};
        return std::optional<Stored>();
    }
    auto item = fromFields(readFields(*f), static_cast<const Item*>(nullptr));
    if (!item)
        return Error{location(), QStringLiteral("%1 %2: field %3 %4")
                                     .arg(kindKey(kind), id, item.error().source, item.error().message)};
    Item value = std::move(item).value();
    auto sources = readSources(*m_tables->sources, kindKey(kind), id);
    if (auto it = sources.find(id); it != sources.end())
        value.sources = std::move(it->second);
    return std::optional<Stored>(stored(std::move(value), versionOf(*f), static_cast<const Item*>(nullptr)));
}

Result<std::vector<StoredIncident>> IncidentDatabase::incidents() {
    return readAll<StoredIncident>(RecordKind::Incident);
}
Result<std::vector<StoredFacility>> IncidentDatabase::facilities() {
    return readAll<StoredFacility>(RecordKind::Facility);
}
Result<std::optional<StoredIncident>> IncidentDatabase::incident(const QString& id) {
    return readOne<StoredIncident>(RecordKind::Incident, id);
}
Result<std::optional<StoredFacility>> IncidentDatabase::facility(const QString& id) {
    return readOne<StoredFacility>(RecordKind::Facility, id);
}

std::int64_t IncidentDatabase::nextVersionAfterDeletion(RecordKind kind, const QString& id) {
    OGRLayer& log = *m_tables->log;
    log.SetAttributeFilter(
        ("record_id = " + quoted(id) + " AND record_kind = " + quoted(kindKey(kind))).constData());
    log.ResetReading();
    std::int64_t last = 0;
    while (FeaturePtr f{log.GetNextFeature()})
        last = std::max<std::int64_t>(last, f->GetFieldAsInteger64("version"));
    log.SetAttributeFilter(nullptr);
    return last + 1;
}

template <typename Item>
Result<std::pair<Item, std::int64_t>> IncidentDatabase::addRecord(RecordKind kind, Item item) {
    GdalErrorCollector errors;
    if (item.id.isEmpty())
        item.id = newId();
    if (!isValidId(item.id))
        return Error{location(), QStringLiteral("'%1' cannot be an id: use 1 to 64 letters, digits and . _ : -")
                                     .arg(item.id)};
    OGRLayer& layer = *m_tables->table(kind);
    if (auto ok = begin(); !ok)
        return ok.error();
    // Ids are unique across both tables, so an id names one record whatever its kind.
    const RecordKind other = kind == RecordKind::Incident ? RecordKind::Facility : RecordKind::Incident;
    if (findFeature(layer, item.id) || findFeature(*m_tables->table(other), item.id)) {
        rollback();
        return Error{location(), QStringLiteral("%1 already exists in the store").arg(item.id)};
    }
    // A record that had versions before (deleted, now restored) continues after them.
    const std::int64_t version = nextVersionAfterDeletion(kind, item.id);
    const RecordFields fields = fieldsOf(item);
    FeaturePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    setFields(*f, fields);
    f->SetField("version", static_cast<GIntBig>(version));
    const bool written =
        layer.CreateFeature(f.get()) == OGRERR_NONE &&
        writeSources(*m_dataset, *m_tables->sources, kindKey(kind), item.id, sourcesOf(item)) &&
        writeLog(*m_tables->log, m_editor, kindKey(kind), item.id, version,
                 {{QStringLiteral("add"), {}, {}, recordJson(fields, sourcesOf(item))}});
    if (!written) {
        Error e = Error{location(), QStringLiteral("cannot add %1 %2: %3")
                                        .arg(kindKey(kind), item.id, errors.lastFailure())};
        rollback();
        return e;
    }
    if (auto ok = commit(); !ok)
        return ok.error();
    return std::pair{std::move(item), version};
}

Result<StoredIncident> IncidentDatabase::add(Incident incident) {
    auto added = addRecord(RecordKind::Incident, std::move(incident));
    if (!added)
        return added.error();
    return StoredIncident{std::move(added).value().first, added.value().second};
}

Result<StoredFacility> IncidentDatabase::add(Facility facility) {
    auto added = addRecord(RecordKind::Facility, std::move(facility));
    if (!added)
        return added.error();
    return StoredFacility{std::move(added).value().first, added.value().second};
}

namespace {

// Who made the record's latest version, from the log, for a conflict message.
void lastEditor(OGRLayer& log, const QString& id, EditConflict& conflict) {
    log.SetAttributeFilter(("record_id = " + quoted(id)).constData());
    log.ResetReading();
    GIntBig newest = -1;
    while (FeaturePtr f{log.GetNextFeature()}) {
        if (f->GetFID() > newest) {
            newest = f->GetFID();
            conflict.editor = QString::fromUtf8(f->GetFieldAsString("editor"));
            conflict.at = QDateTime::fromString(QString::fromUtf8(f->GetFieldAsString("edited_at")),
                                                Qt::ISODate);
        }
    }
    log.SetAttributeFilter(nullptr);
}

} // namespace

template <typename Item>
Result<SaveOutcome> IncidentDatabase::updateRecord(RecordKind kind, const Item& item,
                                                   std::optional<std::int64_t> ifVersion) {
    GdalErrorCollector errors;
    OGRLayer& layer = *m_tables->table(kind);
    if (auto ok = begin(); !ok)
        return ok.error();
    if (!lockRow(*m_dataset, kind, item.id)) {
        Error e = failure(QStringLiteral("cannot lock %1 %2").arg(kindKey(kind), item.id));
        rollback();
        return e;
    }
    errors.clear();
    FeaturePtr f = findFeature(layer, item.id);
    if (!f && !errors.failures().isEmpty()) { // a failed read is not a deletion
        Error e{location(), QStringLiteral("cannot read %1 %2: %3").arg(kindKey(kind), item.id, errors.lastFailure())};
        rollback();
        return e;
    }
    const std::int64_t current = f ? versionOf(*f) : 0;
    if (ifVersion && current != *ifVersion) {
        EditConflict conflict{item.id, *ifVersion, current, {}, {}};
        lastEditor(*m_tables->log, item.id, conflict);
        rollback();
        return SaveOutcome{current, conflict};
    }
    if (!f) {
        rollback();
        return Error{location(), QStringLiteral("there is no %1 %2").arg(kindKey(kind), item.id)};
    }
    if (m_pauseBeforeWriteMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_pauseBeforeWriteMs));
    const RecordFields before = readFields(*f);
    const RecordFields after = fieldsOf(item);
    std::vector<LogLine> lines;
    for (const FieldChange& c : changedFields(before, after))
        lines.push_back({QStringLiteral("edit"), c.field, c.before, c.after});
    const QString oldSources =
        sourcesText(readSources(*m_tables->sources, kindKey(kind), item.id)[item.id]);
    const QString newSources = sourcesText(sourcesOf(item));
    const bool sourcesChanged = oldSources != newSources;
    if (sourcesChanged)
        lines.push_back({QStringLiteral("edit"), QStringLiteral("sources"), oldSources, newSources});
    if (lines.empty()) {
        rollback(); // nothing changed: no new version, no log line
        return SaveOutcome{current, std::nullopt};
    }
    const std::int64_t next = current + 1;
    setFields(*f, after);
    f->SetField("version", static_cast<GIntBig>(next));
    const bool written =
        layer.SetFeature(f.get()) == OGRERR_NONE &&
        (!sourcesChanged ||
         writeSources(*m_dataset, *m_tables->sources, kindKey(kind), item.id, sourcesOf(item))) &&
        writeLog(*m_tables->log, m_editor, kindKey(kind), item.id, next, lines);
    if (!written) {
        Error e = Error{location(), QStringLiteral("cannot save %1 %2: %3")
                                        .arg(kindKey(kind), item.id, errors.lastFailure())};
        rollback();
        return e;
    }
    if (auto ok = commit(); !ok)
        return ok.error();
    return SaveOutcome{next, std::nullopt};
}

Result<SaveOutcome> IncidentDatabase::update(const Incident& incident,
                                             std::optional<std::int64_t> ifVersion) {
    return updateRecord(RecordKind::Incident, incident, ifVersion);
}

Result<SaveOutcome> IncidentDatabase::update(const Facility& facility,
                                             std::optional<std::int64_t> ifVersion) {
    return updateRecord(RecordKind::Facility, facility, ifVersion);
}

Result<SaveOutcome> IncidentDatabase::remove(RecordKind kind, const QString& id,
                                             std::optional<std::int64_t> ifVersion) {
    GdalErrorCollector errors;
    OGRLayer& layer = *m_tables->table(kind);
    if (auto ok = begin(); !ok)
        return ok.error();
    if (!lockRow(*m_dataset, kind, id)) {
        Error e = failure(QStringLiteral("cannot lock %1 %2").arg(kindKey(kind), id));
        rollback();
        return e;
    }
    errors.clear();
    FeaturePtr f = findFeature(layer, id);
    if (!f && !errors.failures().isEmpty()) { // a failed read is not a deletion
        Error e{location(), QStringLiteral("cannot read %1 %2: %3").arg(kindKey(kind), id, errors.lastFailure())};
        rollback();
        return e;
    }
    const std::int64_t current = f ? versionOf(*f) : 0;
    if (ifVersion && current != *ifVersion) {
        EditConflict conflict{id, *ifVersion, current, {}, {}};
        lastEditor(*m_tables->log, id, conflict);
        rollback();
        return SaveOutcome{current, conflict};
    }
    if (!f) {
        rollback();
        return Error{location(), QStringLiteral("there is no %1 %2").arg(kindKey(kind), id)};
    }
    const RecordFields before = readFields(*f);
    auto sources = readSources(*m_tables->sources, kindKey(kind), id)[id];
    const bool written =
        layer.DeleteFeature(f->GetFID()) == OGRERR_NONE &&
        writeSources(*m_dataset, *m_tables->sources, kindKey(kind), id, {}) &&
        writeLog(*m_tables->log, m_editor, kindKey(kind), id, 0,
                 {{QStringLiteral("delete"), {}, recordJson(before, sources), {}}});
    if (!written) {
        Error e = Error{location(), QStringLiteral("cannot delete %1 %2: %3")
                                        .arg(kindKey(kind), id, errors.lastFailure())};
        rollback();
        return e;
    }
    if (auto ok = commit(); !ok)
        return ok.error();
    return SaveOutcome{0, std::nullopt};
}

Result<std::vector<EditLogEntry>> IncidentDatabase::log(const QString& recordId) {
    GdalErrorCollector errors;
    OGRLayer& log = *m_tables->log;
    log.SetAttributeFilter(recordId.isEmpty() ? nullptr
                                              : ("record_id = " + quoted(recordId)).constData());
    log.ResetReading();
    std::vector<EditLogEntry> out;
    while (FeaturePtr f{log.GetNextFeature()}) {
        EditLogEntry e;
        e.sequence = f->GetFID();
        e.at = QDateTime::fromString(QString::fromUtf8(f->GetFieldAsString("edited_at")), Qt::ISODate);
        e.editor = QString::fromUtf8(f->GetFieldAsString("editor"));
        e.action = QString::fromUtf8(f->GetFieldAsString("action"));
        e.kind = QString::fromUtf8(f->GetFieldAsString("record_kind"));
        e.recordId = QString::fromUtf8(f->GetFieldAsString("record_id"));
        e.field = QString::fromUtf8(f->GetFieldAsString("field_name"));
        e.before = QString::fromUtf8(f->GetFieldAsString("old_value"));
        e.after = QString::fromUtf8(f->GetFieldAsString("new_value"));
        e.version = f->GetFieldAsInteger64("version");
        out.push_back(std::move(e));
    }
    log.SetAttributeFilter(nullptr);
    std::sort(out.begin(), out.end(),
              [](const EditLogEntry& a, const EditLogEntry& b) { return a.sequence < b.sequence; });
    if (!errors.failures().isEmpty())
        return Error{location(), QStringLiteral("cannot read the edit log: %1").arg(errors.lastFailure())};
    return out;
}

} // namespace borderlens
