// The GeoPackage incident store: what is saved reads back the same, every change is logged,
// versions catch a stale edit, and the file stays a GeoPackage other tools read.
#include "incidents/import/geopackage_writer.h"
#include "incidents/import/incident_importer.h"
#include "store/incident_database.h"
#include "store/record_fields.h"
#include "store/record_validation.h"
#include "store_test_records.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        path = m_dir.filePath(QStringLiteral("desk.gpkg"));
        auto created = IncidentDatabase::create(path);
        ASSERT_TRUE(created) << created.error().toString().toStdString();
        db = std::move(created).value();
        db->setEditor(QStringLiteral("analyst1"));
    }
    QTemporaryDir m_dir;
    QString path;
    std::unique_ptr<IncidentDatabase> db;
};

TEST_F(StoreTest, AddedIncidentReadsBackEqual) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added) << added.error().toString().toStdString();
    EXPECT_TRUE(added.value().incident.id.startsWith(QLatin1String("BL-")));
    EXPECT_EQ(added.value().version, 1);

    // A second connection, as after a restart.
    auto reopened = IncidentDatabase::open(path);
    ASSERT_TRUE(reopened);
    auto all = reopened.value()->incidents();
    ASSERT_TRUE(all);
    ASSERT_EQ(all.value().size(), 1u);
    Incident expected = morningIncident();
    expected.id = added.value().incident.id;
    const Incident& got = all.value()[0].incident;
    EXPECT_EQ(incidentFields(got), incidentFields(expected));
    EXPECT_EQ(got.sources, expected.sources);
    EXPECT_EQ(got.killed, expected.killed);
    EXPECT_EQ(got.actors, expected.actors);
}

TEST_F(StoreTest, EditLogsEachChangedFieldWithWhoAndBeforeAfter) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    Incident edited = added.value().incident;
    edited.killed.best = 4;
    edited.startDate = QDate(2025, 11, 29);
    auto saved = db->update(edited, 1);
    ASSERT_TRUE(saved);
    EXPECT_FALSE(saved.value().conflict);
    EXPECT_EQ(saved.value().version, 2);

    auto log = db->log(edited.id);
    ASSERT_TRUE(log);
    ASSERT_EQ(log.value().size(), 3u); // the add, then one line per changed field
    EXPECT_EQ(log.value()[0].action, QStringLiteral("add"));
    EXPECT_TRUE(log.value()[0].after.contains(QStringLiteral("Shamsiddin Shohin")));
    std::map<QString, EditLogEntry> byField;
    for (const auto& e : log.value())
        byField[e.field] = e;
    EXPECT_EQ(byField[QStringLiteral("killed_best")].before, QStringLiteral("3"));
    EXPECT_EQ(byField[QStringLiteral("killed_best")].after, QStringLiteral("4"));
    EXPECT_EQ(byField[QStringLiteral("start_date")].before, QStringLiteral("2025-11-30"));
    EXPECT_EQ(byField[QStringLiteral("start_date")].after, QStringLiteral("2025-11-29"));
    for (const auto& e : log.value()) {
        EXPECT_EQ(e.editor, QStringLiteral("analyst1"));
        EXPECT_TRUE(e.at.isValid());
        EXPECT_LE(e.at.secsTo(QDateTime::currentDateTimeUtc()), 60);
    }
    EXPECT_EQ(byField[QStringLiteral("killed_best")].version, 2);
}

TEST_F(StoreTest, UnchangedSaveMakesNoVersionAndNoLogLine) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    auto saved = db->update(added.value().incident, 1);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved.value().version, 1);
    EXPECT_EQ(db->log().value().size(), 1u);
}

TEST_F(StoreTest, StaleVersionIsAConflictAndWritesNothing) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    Incident mine = added.value().incident;
    Incident theirs = mine;
    theirs.summary = QStringLiteral("their correction");
    ASSERT_TRUE(db->update(theirs, 1));
    mine.summary = QStringLiteral("my correction");
    auto saved = db->update(mine, 1);
    ASSERT_TRUE(saved);
    ASSERT_TRUE(saved.value().conflict);
    EXPECT_EQ(saved.value().conflict->expected, 1);
    EXPECT_EQ(saved.value().conflict->current, 2);
    EXPECT_EQ(saved.value().conflict->editor, QStringLiteral("analyst1"));
    EXPECT_TRUE(saved.value().conflict->describe().contains(QStringLiteral("version 2, not 1")));
    EXPECT_EQ(db->incident(mine.id).value()->incident.summary, QStringLiteral("their correction"));
    // Without a version the save goes through (the CLI without --if-version).
    auto forced = db->update(mine, std::nullopt);
    ASSERT_TRUE(forced);
    EXPECT_EQ(forced.value().version, 3);
}

TEST_F(StoreTest, DeleteKeepsTheWholeRecordInTheLog) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    const QString id = added.value().incident.id;
    auto removed = db->remove(RecordKind::Incident, id, 1);
    ASSERT_TRUE(removed);
    EXPECT_FALSE(removed.value().conflict);
    EXPECT_FALSE(db->incident(id).value());
    auto log = db->log(id).value();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].action, QStringLiteral("delete"));
    EXPECT_TRUE(log[1].before.contains(QStringLiteral("Asia-Plus")));
    EXPECT_TRUE(log[1].before.contains(QStringLiteral("\"killed_best\":\"3\"")));
    // Deleting again, or editing what is gone, names the problem.
    EXPECT_FALSE(db->remove(RecordKind::Incident, id, std::nullopt));
    auto stale = db->update(added.value().incident, 1);
    ASSERT_TRUE(stale);
    ASSERT_TRUE(stale.value().conflict);
    EXPECT_EQ(stale.value().conflict->current, 0);
    EXPECT_TRUE(stale.value().conflict->describe().contains(QStringLiteral("deleted")));
}

TEST_F(StoreTest, ReAddWithTheSameIdRestoresAndDuplicateIdIsRefused) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    auto again = db->add(added.value().incident);
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("already exists")));
    ASSERT_TRUE(db->remove(RecordKind::Incident, added.value().incident.id, std::nullopt));
    auto restored = db->add(added.value().incident); // undo of a delete
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored.value().incident.id, added.value().incident.id);
}

TEST_F(StoreTest, FacilitiesAreStoredAndLoggedTheSameWay) {
    auto added = db->add(newOutpost());
    ASSERT_TRUE(added);
    Facility f = added.value().facility;
    f.closed = QDate(2026, 3, 1);
    auto saved = db->update(f, 1);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved.value().version, 2);
    auto all = db->facilities().value();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].facility.name, QStringLiteral("Outpost Dashti Jum 4"));
    EXPECT_EQ(all[0].facility.opened, QDate(2025, 12, 24));
    EXPECT_EQ(all[0].facility.closed, QDate(2026, 3, 1));
    auto log = db->log(f.id).value();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].kind, QStringLiteral("facility"));
    EXPECT_EQ(log[1].field, QStringLiteral("closed"));
    EXPECT_TRUE(db->incidents().value().empty());
}

TEST_F(StoreTest, CreateRefusesAnExistingFileAndOpenRefusesAPlainGeoPackage) {
    auto again = IncidentDatabase::create(path);
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("already exists")));
    EXPECT_TRUE(IncidentDatabase::isStoreFile(path));
    // An import's GeoPackage has incidents but no edit log: readable, not editable as a store.
    QTemporaryDir dir;
    const QString imported = dir.filePath(QStringLiteral("imported.gpkg"));
    ASSERT_TRUE(writeGeoPackage(imported, IncidentStore(std::vector<Incident>{morningIncident()}), {}));
    EXPECT_FALSE(IncidentDatabase::isStoreFile(imported));
    auto plain = IncidentDatabase::open(imported);
    ASSERT_FALSE(plain);
    EXPECT_TRUE(plain.error().message.contains(QStringLiteral("is not a BorderLens incident store")));
    auto missing = IncidentDatabase::open(dir.filePath(QStringLiteral("nothing.gpkg")));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("no such file")));
}

TEST_F(StoreTest, OgrinfoReadsTheStore) {
    const QString ogrinfo = QStandardPaths::findExecutable(QStringLiteral("ogrinfo"));
    if (ogrinfo.isEmpty())
        GTEST_SKIP() << "ogrinfo (gdal-bin) is not installed";
    ASSERT_TRUE(db->add(morningIncident()));
    ASSERT_TRUE(db->add(newOutpost()));
    db.reset();
    QProcess p;
    p.start(ogrinfo, {QStringLiteral("-ro"), QStringLiteral("-so"), QStringLiteral("-al"), path});
    ASSERT_TRUE(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("using driver `GPKG' successful")));
    EXPECT_TRUE(out.contains(QStringLiteral("Layer name: incidents\nGeometry: Point\nFeature Count: 1")))
        << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("Layer name: edit_log")));
    EXPECT_TRUE(out.contains(QStringLiteral("Layer name: sources")));
}

TEST_F(StoreTest, ImportsLikeAnyNativeGeoPackageWithItsSources) {
    Incident two = morningIncident();
    two.sources.push_back({QStringLiteral("Follow-up"), QStringLiteral("RFE/RL"), QDate(2025, 12, 1), {}});
    auto added = db->add(two);
    ASSERT_TRUE(added);
    ASSERT_TRUE(db->add(newOutpost()));
    auto report = importIncidents(path);
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    EXPECT_TRUE(report.value().rejected.empty());
    ASSERT_EQ(report.value().store->size(), 1u);
    ASSERT_EQ(report.value().facilities.size(), 1u);
    const Incident back = report.value().store->incident(0);
    EXPECT_EQ(back.id, added.value().incident.id);
    EXPECT_EQ(back.sources, two.sources);
    EXPECT_EQ(back.killed, two.killed);
}

TEST_F(StoreTest, ARestoredRecordNeverGetsAVersionItHadBefore) {
    auto added = db->add(morningIncident());
    ASSERT_TRUE(added);
    Incident i = added.value().incident;
    i.summary = QStringLiteral("v2");
    ASSERT_TRUE(db->update(i, 1));
    i.summary = QStringLiteral("v3");
    ASSERT_TRUE(db->update(i, 2));
    // Someone loaded version 3; the record is deleted and restored (an undo) and edited again.
    ASSERT_TRUE(db->remove(RecordKind::Incident, i.id, 3));
    auto restored = db->add(i);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored.value().version, 4);
    i.summary = QStringLiteral("after the restore");
    ASSERT_EQ(db->update(i, 4).value().version, 5);
    // The holder of version 3 cannot save over it.
    Incident stale = i;
    stale.summary = QStringLiteral("stale");
    auto saved = db->update(stale, 3);
    ASSERT_TRUE(saved);
    EXPECT_TRUE(saved.value().conflict);
}

TEST_F(StoreTest, IdsAreCheckedAndUniqueAcrossIncidentsAndFacilities) {
    for (const QString& bad : {QStringLiteral("x' OR '1'='1"), QStringLiteral("back\\slash"),
                              QStringLiteral("with space"), QString(65, QLatin1Char('a'))}) {
        Incident i = morningIncident();
        i.id = bad;
        auto added = db->add(i);
        ASSERT_FALSE(added) << bad.toStdString();
        EXPECT_TRUE(added.error().message.contains(QStringLiteral("cannot be an id")));
    }
    Incident i = morningIncident();
    i.id = QStringLiteral("TJ-2025:001");
    ASSERT_TRUE(db->add(i));
    Facility f = newOutpost();
    f.id = i.id;
    auto clash = db->add(f);
    ASSERT_FALSE(clash);
    EXPECT_TRUE(clash.error().message.contains(QStringLiteral("already exists")));
}

TEST_F(StoreTest, ReadOnlyOpenReadsButDoesNotWrite) {
    ASSERT_TRUE(db->add(morningIncident()));
    auto reader = IncidentDatabase::open(path, false);
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader.value()->incidents().value().size(), 1u);
    auto refused = reader.value()->add(newOutpost());
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("reading only")));
}

TEST(RecordValidation, NamesEachProblemByField) {
    Incident i = morningIncident();
    EXPECT_TRUE(validateIncident(i, QDate(2025, 12, 1)).empty());
    i.killed = {5, 3, 2};
    i.startDate = QDate(2026, 1, 2);
    i.endDate = QDate(2026, 1, 1);
    i.lon = 0;
    i.lat = 0;
    i.injured = -1;
    const auto problems = validateIncident(i, QDate(2026, 1, 1));
    QStringList fields;
    for (const auto& p : problems)
        fields << p.field;
    EXPECT_TRUE(fields.contains(QStringLiteral("start_date")));   // in the future
    EXPECT_TRUE(fields.contains(QStringLiteral("end_date")));     // before the start
    EXPECT_TRUE(fields.contains(QStringLiteral("lon")));          // 0,0: no place
    EXPECT_TRUE(fields.contains(QStringLiteral("killed_low")));   // low above best
    EXPECT_TRUE(fields.contains(QStringLiteral("killed_high")));  // high below best
    EXPECT_TRUE(fields.contains(QStringLiteral("injured")));
    Facility f = newOutpost();
    f.name.clear();
    f.closed = f.opened;
    EXPECT_EQ(validateFacility(f, QDate(2026, 1, 1)).size(), 2u);
}

} // namespace
