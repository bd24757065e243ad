// `borderlens-cli store`: the desk's daily routine from a script.
#include "store/incident_database.h"
#include "support/cli_runner.h"
#include "support/temporary_postgres.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

struct IncidentDatabaseCheck {
    static bool isStore(const QString& path) { return borderlens::IncidentDatabase::isStoreFile(path); }
};

QStringList addMorning(const QString& store) {
    return {QStringLiteral("store"), QStringLiteral("add"), store,
            QStringLiteral("--date"), QStringLiteral("2025-11-30"),
            QStringLiteral("--type"), QStringLiteral("armed_clash"),
            QStringLiteral("--place"), QStringLiteral("Шамсиддин Шоҳин"),
            QStringLiteral("--killed"), QStringLiteral("3"),
            QStringLiteral("--actors"), QStringLiteral("Border guards;Smugglers"),
            QStringLiteral("--summary"), QStringLiteral("Shoot-out on the Panj"),
            QStringLiteral("--source-title"), QStringLiteral("Clash"),
            QStringLiteral("--source-outlet"), QStringLiteral("Asia-Plus"),
            QStringLiteral("--source-date"), QStringLiteral("2025-11-30"),
            QStringLiteral("--source-url"), QStringLiteral("https://asiaplustj.info/x")};
}

// The whole routine against one store: create, add, edit, a stale edit refused, log, export.
void dailyRoutine(const QString& store, const QTemporaryDir& dir) {
    auto created = runCli({QStringLiteral("store"), QStringLiteral("create"), store});
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();

    auto added = runCli(addMorning(store));
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString id = added.out.trimmed();
    EXPECT_TRUE(id.startsWith(QLatin1String("BL-"))) << id.toStdString();

    auto edited = runCli({QStringLiteral("store"), QStringLiteral("edit"), store, QStringLiteral("--id"), id,
                          QStringLiteral("--if-version"), QStringLiteral("1"), QStringLiteral("--killed"),
                          QStringLiteral("4")});
    ASSERT_EQ(edited.exitCode, 0) << edited.err.toStdString();
    EXPECT_EQ(edited.out.trimmed(), QStringLiteral("2"));

    auto stale = runCli({QStringLiteral("store"), QStringLiteral("edit"), store, QStringLiteral("--id"), id,
                         QStringLiteral("--if-version"), QStringLiteral("1"), QStringLiteral("--killed"),
                         QStringLiteral("9")});
    EXPECT_EQ(stale.exitCode, 1);
    EXPECT_TRUE(stale.err.contains(QStringLiteral("conflict"))) << stale.err.toStdString();
    EXPECT_TRUE(stale.err.contains(QStringLiteral("version 2, not 1"))) << stale.err.toStdString();

    auto log = runCli({QStringLiteral("store"), QStringLiteral("log"), store});
    ASSERT_EQ(log.exitCode, 0) << log.err.toStdString();
    EXPECT_TRUE(log.out.contains(QStringLiteral("killed_best: 3 → 4"))) << log.out.toStdString();
    EXPECT_FALSE(log.out.contains(QStringLiteral("→ 9")));

    const QString kml = dir.filePath(QStringLiteral("out.kml"));
    auto exported = runCli({QStringLiteral("store"), QStringLiteral("export"), store, QStringLiteral("--format"),
                            QStringLiteral("kml"), QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                            QStringLiteral("--to"), QStringLiteral("2025-11-30"), QStringLiteral("--out"), kml});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QFile f(kml);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_TRUE(text.contains("<when>2025-11-30</when>"));
    EXPECT_TRUE(text.contains(id.toUtf8()));

    auto removed = runCli({QStringLiteral("store"), QStringLiteral("delete"), store, QStringLiteral("--id"), id});
    EXPECT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    auto list = runCli({QStringLiteral("store"), QStringLiteral("list"), store});
    EXPECT_FALSE(list.out.contains(id));
}

TEST(StoreCli, DailyRoutineOnAGeoPackage) {
    QTemporaryDir dir;
    dailyRoutine(dir.filePath(QStringLiteral("desk.gpkg")), dir);
}

TEST(StoreCli, DailyRoutineOnPostgis) {
    if (const QString why = TemporaryPostgres::unavailableReason(); !why.isEmpty())
        GTEST_SKIP() << why.toStdString();
    QString error;
    auto server = TemporaryPostgres::start(error);
    ASSERT_TRUE(server) << error.toStdString();
    ASSERT_TRUE(server->createDatabase(QStringLiteral("desk"), error)) << error.toStdString();
    QTemporaryDir dir;
    dailyRoutine(server->connectionString(QStringLiteral("desk")), dir);
}

TEST(StoreCli, BadInputIsNamed) {
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("desk.gpkg"));
    ASSERT_EQ(runCli({QStringLiteral("store"), QStringLiteral("create"), store}).exitCode, 0);
    auto noType = runCli({QStringLiteral("store"), QStringLiteral("add"), store, QStringLiteral("--date"),
                          QStringLiteral("2025-11-30"), QStringLiteral("--lon"), QStringLiteral("70"),
                          QStringLiteral("--lat"), QStringLiteral("38")});
    EXPECT_EQ(noType.exitCode, 2);
    auto badType = runCli({QStringLiteral("store"), QStringLiteral("add"), store, QStringLiteral("--date"),
                           QStringLiteral("2025-11-30"), QStringLiteral("--type"), QStringLiteral("picnic"),
                           QStringLiteral("--lon"), QStringLiteral("70"), QStringLiteral("--lat"), QStringLiteral("38")});
    EXPECT_EQ(badType.exitCode, 2);
    EXPECT_TRUE(badType.err.contains(QStringLiteral("--type 'picnic'")));
    auto badRange = runCli({QStringLiteral("store"), QStringLiteral("add"), store, QStringLiteral("--date"),
                            QStringLiteral("2025-11-30"), QStringLiteral("--type"), QStringLiteral("armed_clash"),
                            QStringLiteral("--lon"), QStringLiteral("70"), QStringLiteral("--lat"),
                            QStringLiteral("38"), QStringLiteral("--killed"), QStringLiteral("5"),
                            QStringLiteral("--killed-high"), QStringLiteral("2")});
    EXPECT_EQ(badRange.exitCode, 1);
    EXPECT_TRUE(badRange.err.contains(QStringLiteral("killed_high"))) << badRange.err.toStdString();
    auto unknownPlace = runCli({QStringLiteral("store"), QStringLiteral("add"), store, QStringLiteral("--date"),
                                QStringLiteral("2025-11-30"), QStringLiteral("--type"), QStringLiteral("armed_clash"),
                                QStringLiteral("--place"), QStringLiteral("Atlantis")});
    EXPECT_EQ(unknownPlace.exitCode, 1);
    EXPECT_TRUE(unknownPlace.err.contains(QStringLiteral("Atlantis")));
    auto missingId = runCli({QStringLiteral("store"), QStringLiteral("edit"), store, QStringLiteral("--id"),
                             QStringLiteral("BL-NOPE"), QStringLiteral("--killed"), QStringLiteral("1")});
    EXPECT_EQ(missingId.exitCode, 1);
    EXPECT_TRUE(missingId.err.contains(QStringLiteral("BL-NOPE")));
    auto overStore = runCli({QStringLiteral("store"), QStringLiteral("export"), store, QStringLiteral("--format"),
                             QStringLiteral("csv"), QStringLiteral("--out"), store});
    EXPECT_EQ(overStore.exitCode, 2);
    EXPECT_TRUE(IncidentDatabaseCheck::isStore(store)) << "the export replaced the store";
    auto notAStore = runCli({QStringLiteral("store"), QStringLiteral("list"), dir.filePath(QStringLiteral("x.gpkg"))});
    EXPECT_EQ(notAStore.exitCode, 1);
    EXPECT_TRUE(notAStore.err.contains(QStringLiteral("no such file")));
}

} // namespace
