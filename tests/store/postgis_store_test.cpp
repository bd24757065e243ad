// The same store on PostgreSQL with PostGIS, started by the test on loopback: two analysts
// editing at once, the second's stale save detected.
#include "store/incident_database.h"
#include "store_test_records.h"
#include "support/temporary_postgres.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

using namespace borderlens;
using namespace borderlens::test;

namespace {

class PostgisStore : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_skip = TemporaryPostgres::unavailableReason();
        if (!s_skip.isEmpty())
            return;
        s_server = TemporaryPostgres::start(s_error).release();
    }
    static void TearDownTestSuite() {
        delete s_server;
        s_server = nullptr;
    }
    void SetUp() override {
        if (!s_skip.isEmpty())
            GTEST_SKIP() << s_skip.toStdString();
        ASSERT_NE(s_server, nullptr) << "the PostgreSQL server did not start: " << s_error.toStdString();
    }
    // A fresh database holding a new store.
    QString newStore(const QString& name) {
        QString error;
        EXPECT_TRUE(s_server->createDatabase(name, error)) << error.toStdString();
        const QString connection = s_server->connectionString(name);
        auto created = IncidentDatabase::create(connection);
        EXPECT_TRUE(created) << created.error().toString().toStdString();
        return connection;
    }
    static inline TemporaryPostgres* s_server = nullptr;
    static inline QString s_skip;
    static inline QString s_error;
};

TEST_F(PostgisStore, TwoEditorsConflictingEditIsDetected) {
    const QString connection = newStore(QStringLiteral("desk_conflict"));
    auto a = IncidentDatabase::open(connection);
    auto b = IncidentDatabase::open(connection);
    ASSERT_TRUE(a) << a.error().toString().toStdString();
    ASSERT_TRUE(b);
    a.value()->setEditor(QStringLiteral("anna"));
    b.value()->setEditor(QStringLiteral("bakhtiyor"));

    auto added = a.value()->add(morningIncident());
    ASSERT_TRUE(added) << added.error().toString().toStdString();
    const QString id = added.value().incident.id;
    // Both load version 1.
    auto annasCopy = a.value()->incident(id).value();
    auto bakhtiyorsCopy = b.value()->incident(id).value();
    ASSERT_TRUE(annasCopy && bakhtiyorsCopy);
    EXPECT_EQ(bakhtiyorsCopy->version, 1);

    annasCopy->incident.killed.best = 4;
    auto annaSaved = a.value()->update(annasCopy->incident, annasCopy->version);
    ASSERT_TRUE(annaSaved) << annaSaved.error().toString().toStdString();
    EXPECT_FALSE(annaSaved.value().conflict);
    EXPECT_EQ(annaSaved.value().version, 2);

    bakhtiyorsCopy->incident.killed.best = 7;
    auto bSaved = b.value()->update(bakhtiyorsCopy->incident, bakhtiyorsCopy->version);
    ASSERT_TRUE(bSaved) << bSaved.error().toString().toStdString();
    ASSERT_TRUE(bSaved.value().conflict);
    EXPECT_EQ(bSaved.value().conflict->current, 2);
    EXPECT_EQ(bSaved.value().conflict->editor, QStringLiteral("anna"));
    // Anna's figure stands; Bakhtiyor's was not written.
    EXPECT_EQ(b.value()->incident(id).value()->incident.killed.best, 4);
    // Bakhtiyor reloads, keeps his figure on purpose, and saves from the current version.
    auto reloaded = b.value()->incident(id).value();
    reloaded->incident.killed.best = 7;
    auto retried = b.value()->update(reloaded->incident, reloaded->version);
    ASSERT_TRUE(retried);
    EXPECT_FALSE(retried.value().conflict);
    EXPECT_EQ(retried.value().version, 3);
    const auto log = a.value()->log(id).value();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[1].editor, QStringLiteral("anna"));
    EXPECT_EQ(log[2].editor, QStringLiteral("bakhtiyor"));
    EXPECT_EQ(log[2].before, QStringLiteral("4"));
    EXPECT_EQ(log[2].after, QStringLiteral("7"));
}

TEST_F(PostgisStore, OthersNewIncidentsAppearOnRefreshWithSourcesAndFacilities) {
    const QString connection = newStore(QStringLiteral("desk_refresh"));
    auto a = IncidentDatabase::open(connection);
    auto b = IncidentDatabase::open(connection);
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(b.value()->incidents().value().empty());
    ASSERT_TRUE(a.value()->add(morningIncident()));
    ASSERT_TRUE(a.value()->add(newOutpost()));
    auto seen = b.value()->incidents();
    ASSERT_TRUE(seen);
    ASSERT_EQ(seen.value().size(), 1u);
    EXPECT_EQ(seen.value()[0].incident.sources, morningIncident().sources);
    EXPECT_NEAR(seen.value()[0].incident.lon, morningIncident().lon, 1e-6);
    EXPECT_EQ(b.value()->facilities().value().size(), 1u);
    // A second store in the same database is refused rather than mixed in.
    auto twice = IncidentDatabase::create(connection);
    ASSERT_FALSE(twice);
    EXPECT_TRUE(twice.error().message.contains(QStringLiteral("already holds")));
}

TEST_F(PostgisStore, DeleteByOneEditorIsAConflictForTheOther) {
    const QString connection = newStore(QStringLiteral("desk_delete"));
    auto a = IncidentDatabase::open(connection);
    auto b = IncidentDatabase::open(connection);
    ASSERT_TRUE(a && b);
    auto added = a.value()->add(morningIncident());
    ASSERT_TRUE(added);
    ASSERT_TRUE(a.value()->remove(RecordKind::Incident, added.value().incident.id, 1));
    auto stale = b.value()->update(added.value().incident, 1);
    ASSERT_TRUE(stale);
    ASSERT_TRUE(stale.value().conflict);
    EXPECT_EQ(stale.value().conflict->current, 0);
}

// Two editors race read-modify-write on one record; with the row lock, every version is
// written once: no two saves both "won" from the same version.
void raceEdits(const QString& location) {
    auto setup = IncidentDatabase::open(location);
    ASSERT_TRUE(setup) << setup.error().toString().toStdString();
    const QString id = setup.value()->add(morningIncident()).value().incident.id;
    std::atomic<int> saves{0};
    auto editor = [&](int who) {
        auto db = IncidentDatabase::open(location);
        ASSERT_TRUE(db);
        db.value()->setEditor(QStringLiteral("editor%1").arg(who));
        db.value()->setPauseBeforeWrite(5); // both inside check-then-write at once, often
        for (int n = 0; n < 25; ++n) {
            auto current = db.value()->incident(id);
            ASSERT_TRUE(current && current.value());
            Incident i = current.value()->incident;
            i.summary = QStringLiteral("editor %1, edit %2").arg(who).arg(n);
            auto saved = db.value()->update(i, current.value()->version);
            ASSERT_TRUE(saved) << saved.error().toString().toStdString();
            if (!saved.value().conflict)
                ++saves;
        }
    };
    std::thread a(editor, 1), b(editor, 2);
    a.join();
    b.join();
    auto log = setup.value()->log(id).value();
    std::set<std::int64_t> versions;
    for (const EditLogEntry& e : log)
        EXPECT_TRUE(versions.insert(e.version).second) << "version " << e.version << " written twice";
    EXPECT_EQ(setup.value()->incident(id).value()->version, saves.load() + 1);
    EXPECT_GE(saves.load(), 25); // each loop saves at least when the other is not in the way
}

TEST_F(PostgisStore, RacingEditorsNeverBothWinFromOneVersion) {
    raceEdits(newStore(QStringLiteral("desk_race")));
}

TEST(GeoPackageRace, RacingEditorsNeverBothWinFromOneVersion) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("race.gpkg"));
    ASSERT_TRUE(IncidentDatabase::create(path));
    raceEdits(path);
}

TEST(PostgisConnection, PasswordIsNeverShown) {
    EXPECT_EQ(IncidentDatabase::displayLocation(QStringLiteral("PG:dbname=desk password='it\\'s a b' user=x")),
              QStringLiteral("PG:dbname=desk password=*** user=x"));
    EXPECT_EQ(IncidentDatabase::withoutPassword(QStringLiteral("PG:dbname=desk password='it\\'s a b' user=x")),
              QStringLiteral("PG:dbname=desk user=x"));
    EXPECT_EQ(IncidentDatabase::displayLocation(QStringLiteral("PG:postgresql://anna:s3cret@db/desk")),
              QStringLiteral("PG:postgresql://anna:***@db/desk"));
    EXPECT_EQ(IncidentDatabase::withoutPassword(QStringLiteral("PG:postgresql://anna:s3cret@db/desk")),
              QStringLiteral("PG:postgresql://anna@db/desk"));
    EXPECT_EQ(IncidentDatabase::displayLocation(QStringLiteral("PG:host=db dbname=desk user=a password=s3cret")),
              QStringLiteral("PG:host=db dbname=desk user=a password=***"));
    EXPECT_EQ(IncidentDatabase::displayLocation(QStringLiteral("PG:dbname=desk password='a b'")),
              QStringLiteral("PG:dbname=desk password=***"));
    EXPECT_TRUE(IncidentDatabase::isConnectionString(QStringLiteral("PG:dbname=desk")));
    EXPECT_FALSE(IncidentDatabase::isConnectionString(QStringLiteral("/data/PG:x.gpkg")));
}

} // namespace
